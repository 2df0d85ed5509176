package dev.cwmp.provisioning;

/** A preset (GenieACS preset JSON or a built one) that is not valid: which field and why. */
public final class PresetFormatException extends ProvisioningException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public PresetFormatException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
    }

    public PresetFormatException(String field, String reason, Throwable cause) {
        super(field + ": " + reason, cause);
        this.field = field;
    }

    /**
     * Where the problem is, as a JSON path into the input, e.g. {@code [2].configurations[0].tag}
     * ({@code [2]} only when reading a list).
     */
    public String field() {
        return field;
    }
}
