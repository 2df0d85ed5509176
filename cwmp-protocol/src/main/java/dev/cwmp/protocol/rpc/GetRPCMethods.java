package dev.cwmp.protocol.rpc;

/**
 * Asks for the methods the other side supports (sent by the ACS to the CPE, or by the CPE to the ACS).
 */
public record GetRPCMethods()
        implements AcsRequest<GetRPCMethodsResponse>, CpeRequest<GetRPCMethodsResponse> {

    @Override
    public String methodName() {
        return "GetRPCMethods";
    }

    @Override
    public Class<GetRPCMethodsResponse> responseType() {
        return GetRPCMethodsResponse.class;
    }
}
