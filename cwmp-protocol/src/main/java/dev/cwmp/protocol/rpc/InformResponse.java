package dev.cwmp.protocol.rpc;

/**
 * The ACS's answer to an Inform.
 *
 * @param maxEnvelopes always 1 in practice
 */
public record InformResponse(long maxEnvelopes) implements AcsResponse {

    // Validates and copies.
    public InformResponse {
        Checks.unsignedInt(maxEnvelopes, "maxEnvelopes");
    }

    @Override
    public String methodName() {
        return "InformResponse";
    }
}
