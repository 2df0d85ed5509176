package dev.cwmp.provisioning;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A preset's events: which Inform event codes the session must carry ({@code true}) and which it
 * must not ({@code false}), as GenieACS's preset JSON writes them
 * (<code>{"1 BOOT": true, "0 BOOTSTRAP": false}</code>) and its UI shows them
 * ({@code 1 BOOT, -0 BOOTSTRAP}). Codes match with any run of whitespace and {@code _} alike
 * ({@code 7 TRANSFER COMPLETE} is {@code 7_TRANSFER_COMPLETE}), case-sensitively, as GenieACS does.
 * Immutable; the codes keep the order and spelling they were given in.
 */
public final class EventFilter {

    /** No condition on events. */
    public static final EventFilter NONE = new EventFilter(Map.of());

    private final Map<String, Boolean> events;
    private final String[] required;
    private final String[] forbidden;

    private EventFilter(Map<String, Boolean> events) {
        LinkedHashMap<String, Boolean> copy = new LinkedHashMap<>();
        List<String> req = new ArrayList<>();
        List<String> forb = new ArrayList<>();
        for (Map.Entry<String, Boolean> e : events.entrySet()) {
            String code = Objects.requireNonNull(e.getKey(), "event code");
            boolean present = Objects.requireNonNull(e.getValue(), "event flag");
            if (normalize(code).isEmpty()) {
                throw new IllegalArgumentException("an event code is not blank");
            }
            copy.put(code, present);
            (present ? req : forb).add(normalize(code));
        }
        this.events = Collections.unmodifiableMap(copy);
        this.required = req.toArray(String[]::new);
        this.forbidden = forb.toArray(String[]::new);
    }

    /** The filter of a GenieACS events map: code to true (must be present) or false (must be absent). */
    public static EventFilter of(Map<String, Boolean> events) {
        return events.isEmpty() ? NONE : new EventFilter(events);
    }

    /**
     * Parses the comma-separated form: {@code 1 BOOT, -0 BOOTSTRAP} (a leading {@code -} means the
     * event must be absent). Blank text is {@link #NONE}.
     *
     * @throws IllegalArgumentException for an empty item or a code given twice
     */
    public static EventFilter parse(String text) {
        LinkedHashMap<String, Boolean> map = new LinkedHashMap<>();
        if (text.isBlank()) {
            return NONE;
        }
        for (String item : text.split(",", -1)) {
            String code = item.strip();
            boolean present = true;
            if (code.startsWith("-")) {
                present = false;
                code = code.substring(1).strip();
            }
            if (code.isEmpty()) {
                throw new IllegalArgumentException("an empty event in '" + text + "'");
            }
            if (map.put(code, present) != null) {
                throw new IllegalArgumentException("event '" + code + "' given twice in '" + text + "'");
            }
        }
        return of(map);
    }

    /** The code with every run of whitespace turned into {@code _} (how GenieACS keys events). */
    public static String normalize(String code) {
        int n = code.length();
        boolean plain = true;
        for (int i = 0; i < n; i++) {
            if (Character.isWhitespace(code.charAt(i))) {
                plain = false;
                break;
            }
        }
        if (plain) {
            return code;
        }
        return code.strip().replaceAll("\\s+", "_");
    }

    /** The map as GenieACS writes it, in the given order. */
    public Map<String, Boolean> events() {
        return events;
    }

    /** The normalized codes the session must carry. */
    public List<String> required() {
        return List.of(required);
    }

    /** Whether there is no condition at all. */
    public boolean isEmpty() {
        return events.isEmpty();
    }

    /** Whether a session with these normalized event codes satisfies the filter. */
    public boolean matches(Set<String> normalizedEvents) {
        for (String code : required) {
            if (!normalizedEvents.contains(code)) {
                return false;
            }
        }
        for (String code : forbidden) {
            if (normalizedEvents.contains(code)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the device's session satisfies the filter. */
    public boolean matches(DeviceView device) {
        for (String code : required) {
            if (!device.hasEvent(code)) {
                return false;
            }
        }
        for (String code : forbidden) {
            if (device.hasEvent(code)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EventFilter f && events.equals(f.events);
    }

    @Override
    public int hashCode() {
        return events.hashCode();
    }

    /** The comma-separated form, e.g. {@code 1 BOOT, -0 BOOTSTRAP}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Boolean> e : events.entrySet()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(e.getValue() ? "" : "-").append(e.getKey());
        }
        return sb.toString();
    }
}
