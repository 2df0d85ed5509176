package dev.cwmp.provisioning;

import dev.cwmp.session.DeviceRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The presets that apply to one session ({@link PresetEvaluator#evaluate}), in order, and what they
 * ask for together.
 *
 * <p>{@link #configurations()} merges them: the presets' configurations in order (lightest preset
 * first), except that where two set the same thing the heavier preset's entry wins and the lighter
 * one's is dropped. "The same thing" is the value of a parameter (two {@code value} entries with
 * the same name), the age of a parameter (two {@code age} entries), or a tag (an {@code add_tag} and
 * a {@code delete_tag}, or two of either, for the same tag: the device's {@code Tags.X} is one
 * parameter in GenieACS). Provisions and object entries all stay.
 */
public final class PresetEvaluation {

    private final List<Preset> applicable;
    private final Map<String, List<Preset>> byChannel;
    private final List<Configuration> configurations;
    private final List<Sourced> sourced;

    /** A merged configuration and the preset it comes from. */
    record Sourced(Preset preset, Configuration configuration) {
    }

    PresetEvaluation(List<Preset> applicable) {
        this.applicable = List.copyOf(applicable);
        Map<String, List<Preset>> channels = new LinkedHashMap<>();
        for (Preset p : this.applicable) {
            channels.computeIfAbsent(p.effectiveChannel(), k -> new ArrayList<>()).add(p);
        }
        channels.replaceAll((k, v) -> List.copyOf(v));
        this.byChannel = Collections.unmodifiableMap(channels);
        this.sourced = merge(this.applicable);
        this.configurations = sourced.stream().map(Sourced::configuration).toList();
    }

    private static List<Sourced> merge(List<Preset> presets) {
        // Heaviest first: the first entry seen for a key is the winner; then back to lightest first.
        List<Sourced> reversed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int p = presets.size() - 1; p >= 0; p--) {
            List<Configuration> cs = presets.get(p).configurations();
            for (int c = cs.size() - 1; c >= 0; c--) {
                Configuration conf = cs.get(c);
                String key = conflictKey(conf);
                if (key == null || seen.add(key)) {
                    reversed.add(new Sourced(presets.get(p), conf));
                }
            }
        }
        Collections.reverse(reversed);
        return List.copyOf(reversed);
    }

    private static String conflictKey(Configuration c) {
        if (c instanceof Configuration.SetValue v) {
            return "value\u0000" + v.name();
        }
        if (c instanceof Configuration.Age a) {
            return "age\u0000" + a.name();
        }
        if (c instanceof Configuration.AddTag t) {
            return "tag\u0000" + t.tag();
        }
        if (c instanceof Configuration.DeleteTag t) {
            return "tag\u0000" + t.tag();
        }
        return null;
    }

    /** The merged configurations with the preset each comes from (the driver's per-channel faults need it). */
    List<Sourced> sourcedConfigurations() {
        return sourced;
    }

    /** The applicable presets: increasing weight, then name. */
    public List<Preset> applicable() {
        return applicable;
    }

    /** Whether no preset applies. */
    public boolean isEmpty() {
        return applicable.isEmpty();
    }

    /** The applicable presets by effective channel ({@code default} for none), channels in order of first appearance. */
    public Map<String, List<Preset>> byChannel() {
        return byChannel;
    }

    /** The merged configurations (see the class description). */
    public List<Configuration> configurations() {
        return configurations;
    }

    /** The record with the merged tag entries applied ({@link DeviceRecord#withTag}, {@link DeviceRecord#withoutTag}). */
    public DeviceRecord applyTags(DeviceRecord record) {
        DeviceRecord result = record;
        for (Configuration c : configurations) {
            if (c instanceof Configuration.AddTag t) {
                result = result.withTag(t.tag());
            } else if (c instanceof Configuration.DeleteTag t) {
                result = result.withoutTag(t.tag());
            }
        }
        return result;
    }
}
