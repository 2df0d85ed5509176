package dev.cwmp.datamodel.internal;

/**
 * The compact resource format of the generated models: UTF-8 text, gzip-compressed, one record per line,
 * fields separated by tabs (a backslash escapes tab, newline, carriage return and itself).
 *
 * <pre>
 * cwmp-datamodel 1
 * M  modelName
 * T  baseType  facet...          one line per distinct type; parameters refer to it by index (0, 1, ...)
 * O  path  access  minEntries  maxEntries|unbounded  numEntriesParameter  enableParameter  keys  status
 * P  name  access  typeIndex  defaultKind  default  status  flagBits     (of the object above)
 * </pre>
 *
 * Facets are {@code key=value}: {@code n} named type (most derived first, repeated for ancestors),
 * {@code L} list items {@code min..max}, {@code Ls} list size, {@code s} size {@code min..max},
 * {@code r} range {@code min..max..step}, {@code e} enumeration value ({@code E} for a value the ACS may
 * not write, {@code access="readOnly"} in the XML), {@code p} pattern, {@code u} units,
 * {@code er} enumerationRef target. Empty bounds mean "none". Unique keys are {@code a,b;c}; an empty
 * status means current; an empty default kind means no default.
 */
public final class ModelFormat {

    /** The first line of a model resource. */
    public static final String HEADER = "cwmp-datamodel 1";
    /** The resource of the TR-181 model, relative to the module root. */
    public static final String TR181_RESOURCE = "/dev/cwmp/datamodel/tr-181-2-17.model.gz";
    /** The resource of the TR-098 model, relative to the module root. */
    public static final String TR098_RESOURCE = "/dev/cwmp/datamodel/tr-098-1-8.model.gz";

    private ModelFormat() {
    }

    /** Escapes a field value. */
    public static String escape(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String replacement;
            switch (c) {
                case '\\': replacement = "\\\\"; break;
                case '\t': replacement = "\\t"; break;
                case '\n': replacement = "\\n"; break;
                case '\r': replacement = "\\r"; break;
                default: replacement = null; break;
            }
            if (replacement != null && out == null) {
                out = new StringBuilder(value.length() + 8).append(value, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? value : out.toString();
    }

    /** Reverses {@link #escape(String)}. */
    public static String unescape(String value) {
        int backslash = value.indexOf('\\');
        if (backslash < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length()).append(value, 0, backslash);
        for (int i = backslash; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                switch (next) {
                    case 't': out.append('\t'); break;
                    case 'n': out.append('\n'); break;
                    case 'r': out.append('\r'); break;
                    default: out.append(next); break;
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
