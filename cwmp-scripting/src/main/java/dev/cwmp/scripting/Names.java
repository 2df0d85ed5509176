package dev.cwmp.scripting;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** The rule for the names scripts are stored under. */
final class Names {

    private Names() {
    }

    static String check(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.getBytes(StandardCharsets.UTF_8).length > 255) {
            throw new IllegalArgumentException("a script name has 1 to 255 bytes: '" + name + "'");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c) || c == '/' || c == '\\') {
                throw new IllegalArgumentException("a script name has no control characters, '/' or '\\\\': '"
                        + name.replaceAll("\\p{Cntrl}", "?") + "'");
            }
        }
        return name;
    }
}
