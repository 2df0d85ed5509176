package dev.cwmp.provisioning;

import dev.cwmp.datamodel.ParameterPath;
import dev.cwmp.provisioning.internal.PreconditionEvaluator;
import dev.cwmp.session.SessionContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Picks the presets that apply to a session, as GenieACS does at every session: a preset applies
 * when the session's events satisfy its {@link EventFilter}, its schedule (if any) is active and its
 * precondition is true. Applicable presets come in GenieACS's order: increasing weight, then name.
 *
 * <p>Built once per set of presets and shared (immutable, thread-safe). Presets are indexed by the
 * first event they require and by a tag their precondition requires ({@code Tags.X},
 * {@code Tags.X IS NOT NULL} or {@code Tags.X = true}, alone or as a term of a top-level
 * {@code AND}), so a session visits only the presets whose first required event it carries (or that
 * require none) and whose required tag the device has (or that require none); the others could not
 * apply. Preconditions are syntax trees, evaluated as they are.
 */
public final class PresetEvaluator {

    private static final Comparator<Preset> ORDER = Comparator.comparingInt(Preset::weight)
            .thenComparing(Preset::name);

    private final Preset[] presets;
    /** For each preset index: its events, schedule (or null), precondition (null when always). */
    private final EventFilter[] events;
    private final PresetSchedule[] schedules;
    private final Precondition[] preconditions;
    /** Bit set of the presets requiring no event. */
    private final long[] unconditional;
    /** Presets by their first required (normalized) event. */
    private final Map<String, int[]> byFirstEvent;
    /** Bit set of the presets whose precondition requires no particular tag. */
    private final long[] untagged;
    /** Presets by the tag their precondition requires. */
    private final Map<String, int[]> byRequiredTag;
    /** The parameters the preconditions read. */
    private final Set<ParameterPath> preconditionParameters;

    private PresetEvaluator(Collection<Preset> all) {
        List<Preset> sorted = new ArrayList<>(all);
        sorted.sort(ORDER);
        Set<String> names = new HashSet<>();
        for (Preset p : sorted) {
            if (!names.add(p.name())) {
                throw new IllegalArgumentException("two presets are named '" + p.name() + "'");
            }
        }
        int n = sorted.size();
        this.presets = sorted.toArray(Preset[]::new);
        this.events = new EventFilter[n];
        this.schedules = new PresetSchedule[n];
        this.preconditions = new Precondition[n];
        this.unconditional = new long[(n + 63) >>> 6];
        this.untagged = new long[(n + 63) >>> 6];
        Map<String, List<Integer>> index = new HashMap<>();
        Map<String, List<Integer>> tagIndex = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Preset p = presets[i];
            events[i] = p.events();
            schedules[i] = p.schedule().orElse(null);
            preconditions[i] = p.precondition().isAlways() ? null : p.precondition();
            List<String> required = p.events().required();
            if (required.isEmpty()) {
                unconditional[i >>> 6] |= 1L << i;
            } else {
                index.computeIfAbsent(required.get(0), k -> new ArrayList<>()).add(i);
            }
            String tag = requiredTag(p.precondition());
            if (tag == null) {
                untagged[i >>> 6] |= 1L << i;
            } else {
                tagIndex.computeIfAbsent(tag, k -> new ArrayList<>()).add(i);
            }
        }
        this.byFirstEvent = toArrays(index);
        this.byRequiredTag = toArrays(tagIndex);
        Set<ParameterPath> read = new LinkedHashSet<>();
        for (Precondition p : preconditions) {
            if (p != null) {
                collectParameters(p, read);
            }
        }
        this.preconditionParameters = Collections.unmodifiableSet(read);
    }

    private static void collectParameters(Precondition p, Set<ParameterPath> into) {
        if (p instanceof Precondition.And a) {
            a.operands().forEach(o -> collectParameters(o, into));
        } else if (p instanceof Precondition.Or o) {
            o.operands().forEach(x -> collectParameters(x, into));
        } else if (p instanceof Precondition.Not n) {
            collectParameters(n.operand(), into);
        } else if (p instanceof Precondition.Comparison c) {
            collectParameter(c.left(), into);
            collectParameter(c.right(), into);
        } else if (p instanceof Precondition.Like l) {
            collectParameter(l.value(), into);
            collectParameter(l.pattern(), into);
        } else if (p instanceof Precondition.IsNull n) {
            collectParameter(n.operand(), into);
        } else if (p instanceof Precondition.Term t) {
            collectParameter(t.operand(), into);
        }
    }

    private static void collectParameter(Precondition.Operand operand, Set<ParameterPath> into) {
        if (operand instanceof Precondition.Parameter parameter) {
            into.add(parameter.path());
        }
    }

    private static Map<String, int[]> toArrays(Map<String, List<Integer>> index) {
        Map<String, int[]> built = new HashMap<>();
        index.forEach((key, list) -> built.put(key, list.stream().mapToInt(Integer::intValue).toArray()));
        return Map.copyOf(built);
    }

    /** A tag without which the precondition cannot be true, or null. */
    private static String requiredTag(Precondition p) {
        if (p instanceof Precondition.Term t && t.operand() instanceof Precondition.Tag tag) {
            return tag.name();
        }
        if (p instanceof Precondition.IsNull n && n.negated() && n.operand() instanceof Precondition.Tag tag) {
            return tag.name();
        }
        if (p instanceof Precondition.Comparison c && c.operator() == Precondition.ComparisonOperator.EQ
                && c.left() instanceof Precondition.Tag tag && c.right().equals(Literal.of(true))) {
            return tag.name();
        }
        if (p instanceof Precondition.And a) {
            for (Precondition operand : a.operands()) {
                String tag = requiredTag(operand);
                if (tag != null) {
                    return tag;
                }
            }
        }
        return null;
    }

    /** An evaluator of these presets (names must be unique). */
    public static PresetEvaluator of(Collection<Preset> presets) {
        Objects.requireNonNull(presets, "presets");
        return new PresetEvaluator(presets);
    }

    /**
     * The parameters the presets' preconditions read (besides tags, events and the device id): a
     * change of one of them in a session may make another preset apply (the driver's cycles).
     */
    Set<ParameterPath> preconditionParameters() {
        return preconditionParameters;
    }

    /** The presets in evaluation order (weight, then name). */
    public List<Preset> presets() {
        return List.of(presets);
    }

    /** The presets applying to a session, at the session's {@link SessionContext#now()}. */
    public PresetEvaluation evaluate(SessionContext session) {
        return evaluate(DeviceView.of(session), session.now());
    }

    /** The presets applying to the device's session at {@code now} (the session's clock). */
    public PresetEvaluation evaluate(DeviceView device, Instant now) {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(now, "now");
        long[] candidates = unconditional.clone();
        Set<String> sessionEvents = device.events();
        if (!byFirstEvent.isEmpty()) {
            for (String code : sessionEvents) {
                int[] indices = byFirstEvent.get(code);
                if (indices != null) {
                    for (int i : indices) {
                        candidates[i >>> 6] |= 1L << i;
                    }
                }
            }
        }
        long[] tagged = untagged.clone();
        if (!byRequiredTag.isEmpty()) {
            for (String tag : device.tags()) {
                int[] indices = byRequiredTag.get(tag);
                if (indices != null) {
                    for (int i : indices) {
                        tagged[i >>> 6] |= 1L << i;
                    }
                }
            }
        }
        for (int w = 0; w < candidates.length; w++) {
            candidates[w] &= tagged[w];
        }
        PreconditionEvaluator evaluator = new PreconditionEvaluator(device);
        List<Preset> applicable = new ArrayList<>();
        for (int w = 0; w < candidates.length; w++) {
            long word = candidates[w];
            while (word != 0) {
                int i = (w << 6) + Long.numberOfTrailingZeros(word);
                word &= word - 1;
                if (!events[i].matches(sessionEvents)) {
                    continue;
                }
                PresetSchedule schedule = schedules[i];
                if (schedule != null && !schedule.isActive(now)) {
                    continue;
                }
                Precondition precondition = preconditions[i];
                if (precondition != null && evaluator.evaluate(precondition) != PreconditionEvaluator.TRUE) {
                    continue;
                }
                applicable.add(presets[i]);
            }
        }
        return new PresetEvaluation(applicable);
    }
}
