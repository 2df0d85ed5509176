package dev.cwmp.protocol.rpc;

import java.util.List;

/**
 * The options.
 *
 * @param optionList the options
 */
public record GetOptionsResponse(List<OptionStruct> optionList) implements CpeResponse {

    // Validates and copies.
    public GetOptionsResponse {
        optionList = List.copyOf(optionList);
    }

    @Override
    public String methodName() {
        return "GetOptionsResponse";
    }
}
