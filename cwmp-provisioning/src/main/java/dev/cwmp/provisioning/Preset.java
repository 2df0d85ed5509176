package dev.cwmp.provisioning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A preset: what to provision ({@link #configurations()}) on which devices
 * ({@link #precondition()}), in which sessions ({@link #events()}, {@link #schedule()}), with which
 * priority ({@link #weight()}: presets are applied lightest first, so the heavier wins when two set
 * the same parameter) and in which {@link #channel()} (faults are tracked per channel). Immutable;
 * built with {@link #builder(String)} or read from GenieACS 1.2 JSON with {@link PresetJson}.
 *
 * <pre>{@code
 * Preset upgrading = Preset.builder("10 UPGRADING")
 *         .weight(10)
 *         .precondition("Tags.PENDING IS NOT NULL")
 *         .addTag("UPGRADING")
 *         .deleteTag("PENDING")
 *         .provision("upgrade", Literal.of("fw-2.1.bin"))
 *         .build();
 * }</pre>
 */
public final class Preset {

    /** Longest accepted preset name. */
    public static final int MAX_NAME_LENGTH = 1024;

    private final String name;
    private final int weight;
    private final String channel;
    private final EventFilter events;
    private final Optional<PresetSchedule> schedule;
    private final Precondition precondition;
    private final List<Configuration> configurations;
    private final Map<String, String> otherFields;

    private Preset(Builder b) {
        this.name = b.name;
        this.weight = b.weight;
        this.channel = b.channel;
        this.events = b.events;
        this.schedule = b.schedule;
        this.precondition = b.precondition;
        this.configurations = List.copyOf(b.configurations);
        this.otherFields = Collections.unmodifiableMap(new LinkedHashMap<>(b.otherFields));
    }

    /** A builder for a preset named {@code name} (GenieACS's {@code _id}). */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A builder holding this preset's values. */
    public Builder toBuilder() {
        Builder b = new Builder(name);
        b.weight = weight;
        b.channel = channel;
        b.events = events;
        b.schedule = schedule;
        b.precondition = precondition;
        b.configurations.addAll(configurations);
        b.otherFields.putAll(otherFields);
        return b;
    }

    /** The name, unique among presets (GenieACS's {@code _id}). */
    public String name() {
        return name;
    }

    /** The weight: presets apply in increasing weight, then name. */
    public int weight() {
        return weight;
    }

    /** The channel as written; empty means GenieACS's {@code default} channel (see {@link #effectiveChannel()}). */
    public String channel() {
        return channel;
    }

    /** The channel, {@code default} when none was given. */
    public String effectiveChannel() {
        return channel.isEmpty() ? "default" : channel;
    }

    /** Which events the session must (not) carry. */
    public EventFilter events() {
        return events;
    }

    /** When the preset may apply, if restricted in time. */
    public Optional<PresetSchedule> schedule() {
        return schedule;
    }

    /** Which devices the preset applies to. */
    public Precondition precondition() {
        return precondition;
    }

    /** What the preset provisions, in order. */
    public List<Configuration> configurations() {
        return configurations;
    }

    /**
     * Fields of the preset's JSON this version does not interpret, name to compact JSON text, kept so
     * that reading and writing a preset loses nothing.
     */
    public Map<String, String> otherFields() {
        return otherFields;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Preset p && name.equals(p.name) && weight == p.weight && channel.equals(p.channel)
                && events.equals(p.events) && schedule.equals(p.schedule) && precondition.equals(p.precondition)
                && configurations.equals(p.configurations) && otherFields.equals(p.otherFields);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, weight, channel, events, precondition, configurations);
    }

    @Override
    public String toString() {
        return "Preset[" + name + ", weight=" + weight + (channel.isEmpty() ? "" : ", channel=" + channel)
                + (events.isEmpty() ? "" : ", events=" + events)
                + schedule.map(s -> ", schedule=" + s).orElse("")
                + (precondition.isAlways() ? "" : ", precondition=" + precondition)
                + ", configurations=" + configurations + "]";
    }

    /** Builds a {@link Preset}. */
    public static final class Builder {
        private final String name;
        private int weight;
        private String channel = "";
        private EventFilter events = EventFilter.NONE;
        private Optional<PresetSchedule> schedule = Optional.empty();
        private Precondition precondition = Precondition.always();
        private final List<Configuration> configurations = new ArrayList<>();
        private final Map<String, String> otherFields = new LinkedHashMap<>();

        private Builder(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank() || name.length() > MAX_NAME_LENGTH) {
                throw new PresetFormatException("_id", "a preset name is 1 to " + MAX_NAME_LENGTH + " characters, not blank");
            }
            this.name = name;
        }

        public Builder weight(int newWeight) {
            this.weight = newWeight;
            return this;
        }

        public Builder channel(String newChannel) {
            this.channel = Objects.requireNonNull(newChannel, "channel");
            return this;
        }

        public Builder events(EventFilter newEvents) {
            this.events = Objects.requireNonNull(newEvents, "events");
            return this;
        }

        /** The events in the comma-separated form, e.g. {@code 1 BOOT, -0 BOOTSTRAP}. */
        public Builder events(String newEvents) {
            return events(EventFilter.parse(newEvents));
        }

        public Builder schedule(PresetSchedule newSchedule) {
            this.schedule = Optional.of(newSchedule);
            return this;
        }

        public Builder noSchedule() {
            this.schedule = Optional.empty();
            return this;
        }

        public Builder precondition(Precondition newPrecondition) {
            this.precondition = Objects.requireNonNull(newPrecondition, "precondition");
            return this;
        }

        /** The precondition's text ({@link Precondition#parse}). */
        public Builder precondition(String text) {
            return precondition(Precondition.parse(text));
        }

        public Builder configuration(Configuration configuration) {
            configurations.add(Objects.requireNonNull(configuration, "configuration"));
            return this;
        }

        public Builder configurations(List<Configuration> newConfigurations) {
            configurations.clear();
            newConfigurations.forEach(this::configuration);
            return this;
        }

        public Builder setValue(String parameter, Literal value) {
            return configuration(new Configuration.SetValue(parameter, value));
        }

        public Builder addTag(String tag) {
            return configuration(new Configuration.AddTag(tag));
        }

        public Builder deleteTag(String tag) {
            return configuration(new Configuration.DeleteTag(tag));
        }

        public Builder provision(String provision, Literal... args) {
            return configuration(new Configuration.Provision(provision, Arrays.asList(args)));
        }

        /** Keeps a JSON field this version does not interpret (compact JSON text). */
        public Builder otherField(String field, String json) {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(json, "json");
            otherFields.put(field, json);
            return this;
        }

        public Preset build() {
            return new Preset(this);
        }
    }
}
