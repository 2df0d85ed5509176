package dev.cwmp.protocol.rpc;

/**
 * The CPE will reboot.
 */
public record RebootResponse() implements CpeResponse {

    @Override
    public String methodName() {
        return "RebootResponse";
    }
}
