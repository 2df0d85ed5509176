package dev.cwmp.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the ACS knows of a device besides its parameters: identity, when it registered, informed,
 * booted and bootstrapped last, its recent events and its tags. Immutable; change it with the
 * {@code with...} methods. The parameter tree is kept beside it (see {@link DeviceStore}).
 */
public final class DeviceRecord {

    private final DeviceId id;
    private final String manufacturer;
    private final Instant registered;
    private final Instant lastInform;
    private final Optional<Instant> lastBoot;
    private final Optional<Instant> lastBootstrap;
    private final List<DeviceEvent> recentEvents;
    private final Set<String> tags;

    private DeviceRecord(DeviceId id, String manufacturer, Instant registered, Instant lastInform,
            Optional<Instant> lastBoot, Optional<Instant> lastBootstrap, List<DeviceEvent> recentEvents,
            Set<String> tags) {
        this.id = Objects.requireNonNull(id, "id");
        this.manufacturer = Objects.requireNonNull(manufacturer, "manufacturer");
        this.registered = Objects.requireNonNull(registered, "registered");
        this.lastInform = Objects.requireNonNull(lastInform, "lastInform");
        this.lastBoot = Objects.requireNonNull(lastBoot, "lastBoot");
        this.lastBootstrap = Objects.requireNonNull(lastBootstrap, "lastBootstrap");
        this.recentEvents = List.copyOf(recentEvents);
        for (String tag : tags) {
            checkTag(tag);
        }
        this.tags = Collections.unmodifiableSet(new LinkedHashSet<>(tags));
    }

    /** A device seen for the first time at {@code now}. */
    public static DeviceRecord registered(DeviceId id, String manufacturer, Instant now) {
        return new DeviceRecord(id, manufacturer, now, now, Optional.empty(), Optional.empty(), List.of(),
                Set.of());
    }

    /**
     * A record with every field given, as a persistent {@link DeviceStore} reads it back; validates
     * like the other factories (tags 1 to 128 characters, not blank).
     */
    public static DeviceRecord restore(DeviceId id, String manufacturer, Instant registered, Instant lastInform,
            Optional<Instant> lastBoot, Optional<Instant> lastBootstrap, List<DeviceEvent> recentEvents,
            Set<String> tags) {
        return new DeviceRecord(id, manufacturer, registered, lastInform, lastBoot, lastBootstrap, recentEvents, tags);
    }

    public DeviceId id() {
        return id;
    }

    /** The manufacturer's name from the Inform's DeviceId. */
    public String manufacturer() {
        return manufacturer;
    }

    /** When the device informed for the first time. */
    public Instant registered() {
        return registered;
    }

    /** When the device informed last. */
    public Instant lastInform() {
        return lastInform;
    }

    /** When the device last informed with {@code 1 BOOT}. */
    public Optional<Instant> lastBoot() {
        return lastBoot;
    }

    /** When the device last informed with {@code 0 BOOTSTRAP}. */
    public Optional<Instant> lastBootstrap() {
        return lastBootstrap;
    }

    /** The device's most recent events, oldest first (a bounded history). */
    public List<DeviceEvent> recentEvents() {
        return recentEvents;
    }

    /** The device's tags, in the order they were added. */
    public Set<String> tags() {
        return tags;
    }

    /** Whether the device has the tag. */
    public boolean hasTag(String tag) {
        return tags.contains(tag);
    }

    /**
     * This record after an Inform received at {@code now} with the given events: lastInform,
     * lastBoot ({@code 1 BOOT}) and lastBootstrap ({@code 0 BOOTSTRAP}) move, the events join the
     * history, which keeps its {@code maxEvents} most recent.
     */
    public DeviceRecord withInform(String newManufacturer, Instant now, List<DeviceEvent> events, int maxEvents) {
        Optional<Instant> boot = lastBoot;
        Optional<Instant> bootstrap = lastBootstrap;
        for (DeviceEvent e : events) {
            if (e.eventCode().equals("1 BOOT")) {
                boot = Optional.of(now);
            } else if (e.eventCode().equals("0 BOOTSTRAP")) {
                bootstrap = Optional.of(now);
            }
        }
        List<DeviceEvent> history = new ArrayList<>(recentEvents.size() + events.size());
        history.addAll(recentEvents);
        history.addAll(events);
        int drop = Math.max(0, history.size() - maxEvents);
        return new DeviceRecord(id, newManufacturer, registered, now, boot, bootstrap,
                history.subList(drop, history.size()), tags);
    }

    /** This record with the tag added. */
    public DeviceRecord withTag(String tag) {
        if (tags.contains(checkTag(tag))) {
            return this;
        }
        Set<String> next = new LinkedHashSet<>(tags);
        next.add(tag);
        return new DeviceRecord(id, manufacturer, registered, lastInform, lastBoot, lastBootstrap, recentEvents, next);
    }

    /** This record without the tag. */
    public DeviceRecord withoutTag(String tag) {
        if (!tags.contains(tag)) {
            return this;
        }
        Set<String> next = new LinkedHashSet<>(tags);
        next.remove(tag);
        return new DeviceRecord(id, manufacturer, registered, lastInform, lastBoot, lastBootstrap, recentEvents, next);
    }

    /** This record with exactly these tags. */
    public DeviceRecord withTags(Set<String> newTags) {
        return new DeviceRecord(id, manufacturer, registered, lastInform, lastBoot, lastBootstrap, recentEvents,
                newTags);
    }

    private static String checkTag(String tag) {
        Objects.requireNonNull(tag, "tag");
        if (tag.isBlank() || tag.length() > 128) {
            throw new IllegalArgumentException("a tag is 1 to 128 characters, not blank: '" + tag + "'");
        }
        return tag;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeviceRecord r && id.equals(r.id) && manufacturer.equals(r.manufacturer)
                && registered.equals(r.registered) && lastInform.equals(r.lastInform) && lastBoot.equals(r.lastBoot)
                && lastBootstrap.equals(r.lastBootstrap) && recentEvents.equals(r.recentEvents) && tags.equals(r.tags);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, lastInform, tags);
    }

    @Override
    public String toString() {
        return "DeviceRecord[" + id + ", lastInform=" + lastInform + ", tags=" + tags + "]";
    }
}
