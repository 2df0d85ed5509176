package dev.cwmp.protocol.rpc;

/**
 * The vouchers were applied.
 */
public record SetVouchersResponse() implements CpeResponse {

    @Override
    public String methodName() {
        return "SetVouchersResponse";
    }
}
