package dev.cwmp.protocol.rpc;

/**
 * Where to send the user after a Kicked.
 *
 * @param nextUrl the next URL
 */
public record KickedResponse(String nextUrl) implements AcsResponse {

    // Validates and copies.
    public KickedResponse {
        Checks.text(nextUrl, "nextUrl");
    }

    @Override
    public String methodName() {
        return "KickedResponse";
    }
}
