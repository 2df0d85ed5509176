package dev.cwmp.protocol.rpc;

/**
 * Reads the options set by vouchers.
 *
 * @param optionName an option name, or "" for all
 */
public record GetOptions(String optionName) implements AcsRequest<GetOptionsResponse> {

    // Validates and copies.
    public GetOptions {
        Checks.text(optionName, "optionName");
    }

    @Override
    public String methodName() {
        return "GetOptions";
    }

    @Override
    public Class<GetOptionsResponse> responseType() {
        return GetOptionsResponse.class;
    }
}
