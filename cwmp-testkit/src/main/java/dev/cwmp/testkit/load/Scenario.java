package dev.cwmp.testkit.load;

import java.util.Locale;

/** What one simulated session contains. */
public enum Scenario {

    /** Inform, InformResponse; empty POST, 204: two HTTP requests. */
    BARE,

    /**
     * Inform, InformResponse; empty POST, the ACS sends GetParameterValues; the CPE answers, the ACS
     * sends SetParameterValues; the CPE answers status 0, 204: four HTTP requests.
     */
    GET_THEN_SET;

    /** The scenario's command-line name: {@code bare}, {@code get-then-set}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The scenario of a command-line name ({@link #cliName()}), case-insensitive. */
    public static Scenario ofCliName(String name) {
        for (Scenario s : values()) {
            if (s.cliName().equalsIgnoreCase(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown scenario " + name + " (bare, get-then-set)");
    }
}
