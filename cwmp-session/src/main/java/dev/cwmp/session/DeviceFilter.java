package dev.cwmp.session;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A conjunction of conditions on the fields a {@link DeviceStore} can index: the device's id, its
 * OUI, product class, serial number and manufacturer (each in a set of values), tags it has and tags
 * it lacks, and its last inform within bounds. An absent condition is no condition;
 * {@link #all()} has none. Immutable: the {@code with...} methods return a filter with one more
 * condition, intersected with the one already there (two sets of OUIs leave the OUIs in both).
 *
 * <p>Last-inform bounds are inclusive and compared at millisecond precision: the device's last
 * inform truncated to milliseconds against the bound truncated to milliseconds, so a bound taken from
 * a strict comparison ({@code < t}) still yields a superset of the matches.
 *
 * @param ids the device is one of these
 * @param ouis its OUI is one of these
 * @param productClasses its product class is one of these ({@code ""} for a device that sent none)
 * @param serialNumbers its serial number is one of these
 * @param manufacturers its manufacturer is one of these
 * @param withTags it has every one of these tags
 * @param withoutTags it has none of these tags
 * @param lastInformFrom its last inform is at or after this instant
 * @param lastInformTo its last inform is at or before this instant
 */
public record DeviceFilter(Optional<Set<DeviceId>> ids, Optional<Set<String>> ouis,
        Optional<Set<String>> productClasses, Optional<Set<String>> serialNumbers,
        Optional<Set<String>> manufacturers, Set<String> withTags, Set<String> withoutTags,
        Optional<Instant> lastInformFrom, Optional<Instant> lastInformTo) {

    private static final DeviceFilter ALL = new DeviceFilter(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Set.of(), Set.of(), Optional.empty(), Optional.empty());

    public DeviceFilter {
        ids = copy(ids, "ids");
        ouis = copy(ouis, "ouis");
        productClasses = copy(productClasses, "productClasses");
        serialNumbers = copy(serialNumbers, "serialNumbers");
        manufacturers = copy(manufacturers, "manufacturers");
        withTags = Set.copyOf(withTags);
        withoutTags = Set.copyOf(withoutTags);
        Objects.requireNonNull(lastInformFrom, "lastInformFrom");
        Objects.requireNonNull(lastInformTo, "lastInformTo");
    }

    private static <T> Optional<Set<T>> copy(Optional<Set<T>> values, String name) {
        Objects.requireNonNull(values, name);
        return values.map(Set::copyOf);
    }

    /** The filter without conditions: every device. */
    public static DeviceFilter all() {
        return ALL;
    }

    /** Whether this filter has no condition at all (it narrows nothing). */
    public boolean isAll() {
        return equals(ALL);
    }

    /**
     * Whether a condition can hold for no device at all (an empty set of ids or values, a tag both
     * wanted and not, bounds the wrong way round): a store may then answer without looking.
     */
    public boolean matchesNothing() {
        boolean emptySet = ids.map(Set::isEmpty).orElse(false) || ouis.map(Set::isEmpty).orElse(false)
                || productClasses.map(Set::isEmpty).orElse(false) || serialNumbers.map(Set::isEmpty).orElse(false)
                || manufacturers.map(Set::isEmpty).orElse(false);
        boolean contradictoryTags = withTags.stream().anyMatch(withoutTags::contains);
        boolean emptyRange = lastInformFrom.isPresent() && lastInformTo.isPresent()
                && lastInformFrom.get().toEpochMilli() > lastInformTo.get().toEpochMilli();
        return emptySet || contradictoryTags || emptyRange;
    }

    /** Whether a device's record meets every condition. */
    public boolean matches(DeviceRecord record) {
        DeviceId id = record.id();
        long lastInform = record.lastInform().toEpochMilli();
        return ids.map(s -> s.contains(id)).orElse(true)
                && ouis.map(s -> s.contains(id.oui())).orElse(true)
                && productClasses.map(s -> s.contains(id.productClass())).orElse(true)
                && serialNumbers.map(s -> s.contains(id.serialNumber())).orElse(true)
                && manufacturers.map(s -> s.contains(record.manufacturer())).orElse(true)
                && record.tags().containsAll(withTags)
                && withoutTags.stream().noneMatch(record::hasTag)
                && lastInformFrom.map(t -> lastInform >= t.toEpochMilli()).orElse(true)
                && lastInformTo.map(t -> lastInform <= t.toEpochMilli()).orElse(true);
    }

    /** Also: the device is one of {@code values}. */
    public DeviceFilter withIdIn(Collection<DeviceId> values) {
        return new DeviceFilter(intersect(ids, values), ouis, productClasses, serialNumbers, manufacturers,
                withTags, withoutTags, lastInformFrom, lastInformTo);
    }

    /** Also: the OUI is one of {@code values}. */
    public DeviceFilter withOuiIn(Collection<String> values) {
        return new DeviceFilter(ids, intersect(ouis, values), productClasses, serialNumbers, manufacturers,
                withTags, withoutTags, lastInformFrom, lastInformTo);
    }

    /** Also: the product class is one of {@code values}. */
    public DeviceFilter withProductClassIn(Collection<String> values) {
        return new DeviceFilter(ids, ouis, intersect(productClasses, values), serialNumbers, manufacturers,
                withTags, withoutTags, lastInformFrom, lastInformTo);
    }

    /** Also: the serial number is one of {@code values}. */
    public DeviceFilter withSerialNumberIn(Collection<String> values) {
        return new DeviceFilter(ids, ouis, productClasses, intersect(serialNumbers, values), manufacturers,
                withTags, withoutTags, lastInformFrom, lastInformTo);
    }

    /** Also: the manufacturer is one of {@code values}. */
    public DeviceFilter withManufacturerIn(Collection<String> values) {
        return new DeviceFilter(ids, ouis, productClasses, serialNumbers, intersect(manufacturers, values),
                withTags, withoutTags, lastInformFrom, lastInformTo);
    }

    /** Also: the device has {@code tag}. */
    public DeviceFilter withTag(String tag) {
        return new DeviceFilter(ids, ouis, productClasses, serialNumbers, manufacturers, plus(withTags, tag),
                withoutTags, lastInformFrom, lastInformTo);
    }

    /** Also: the device does not have {@code tag}. */
    public DeviceFilter withoutTag(String tag) {
        return new DeviceFilter(ids, ouis, productClasses, serialNumbers, manufacturers, withTags,
                plus(withoutTags, tag), lastInformFrom, lastInformTo);
    }

    /** Also: the last inform is at or after {@code from} (at millisecond precision). */
    public DeviceFilter withLastInformFrom(Instant from) {
        Objects.requireNonNull(from, "from");
        Instant bound = lastInformFrom.filter(t -> t.isAfter(from)).orElse(from);
        return new DeviceFilter(ids, ouis, productClasses, serialNumbers, manufacturers, withTags, withoutTags,
                Optional.of(bound), lastInformTo);
    }

    /** Also: the last inform is at or before {@code to} (at millisecond precision). */
    public DeviceFilter withLastInformTo(Instant to) {
        Objects.requireNonNull(to, "to");
        Instant bound = lastInformTo.filter(t -> t.isBefore(to)).orElse(to);
        return new DeviceFilter(ids, ouis, productClasses, serialNumbers, manufacturers, withTags, withoutTags,
                lastInformFrom, Optional.of(bound));
    }

    private static <T> Optional<Set<T>> intersect(Optional<Set<T>> current, Collection<T> values) {
        Set<T> next = new LinkedHashSet<>(values);
        current.ifPresent(next::retainAll);
        return Optional.of(next);
    }

    private static Set<String> plus(Set<String> set, String value) {
        Objects.requireNonNull(value, "tag");
        Set<String> next = new LinkedHashSet<>(set);
        next.add(value);
        return next;
    }
}
