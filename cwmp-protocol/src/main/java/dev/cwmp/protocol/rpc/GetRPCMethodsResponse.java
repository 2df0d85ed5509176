package dev.cwmp.protocol.rpc;

import java.util.List;

/**
 * The methods one side supports.
 *
 * @param methodList the method names
 */
public record GetRPCMethodsResponse(List<String> methodList) implements CpeResponse, AcsResponse {

    // Validates and copies.
    public GetRPCMethodsResponse {
        methodList = List.copyOf(methodList);
    }

    @Override
    public String methodName() {
        return "GetRPCMethodsResponse";
    }
}
