package dev.cwmp.provisioning;

/**
 * A precondition that does not parse: where (1-based column of the offending character, or one
 * past the end when the text ended too soon) and what was expected there.
 */
public final class PreconditionSyntaxException extends ProvisioningException {

    private static final long serialVersionUID = 1L;

    private final int column;
    private final String expected;

    public PreconditionSyntaxException(String input, int column, String expected) {
        super("precondition syntax error at column " + column + ": expected " + expected + " in '"
                + shorten(input) + "'");
        this.column = column;
        this.expected = expected;
    }

    /** The 1-based column of the first character that could not be read. */
    public int column() {
        return column;
    }

    /** What the parser expected at {@link #column()}, e.g. {@code "a comparison operator"}. */
    public String expected() {
        return expected;
    }

    private static String shorten(String input) {
        return input.length() <= 200 ? input : input.substring(0, 200) + "...";
    }
}
