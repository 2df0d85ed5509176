package dev.cwmp.datamodel;

/**
 * A parameter path that does not follow TR-069/TR-106 path syntax. The message says what is wrong
 * and at which character; {@link #path()} and {@link #index()} give the same facts to code.
 */
public final class InvalidPathException extends DataModelException {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final int index;

    /**
     * @param path the text that was parsed
     * @param index the zero-based index of the offending character (may equal the length of the
     *     text when something is missing at its end)
     * @param reason why the path is invalid, e.g. {@code "empty segment"}
     */
    public InvalidPathException(String path, int index, String reason) {
        super("invalid parameter path \"" + shorten(path) + "\" at index " + index + ": " + reason);
        this.path = path;
        this.index = index;
    }

    /** The text that failed to parse. */
    public String path() {
        return path;
    }

    /** Zero-based index of the character where the problem was found. */
    public int index() {
        return index;
    }

    private static String shorten(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
