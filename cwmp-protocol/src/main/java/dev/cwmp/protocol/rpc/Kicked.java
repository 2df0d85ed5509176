package dev.cwmp.protocol.rpc;

/**
 * A web page kicked the CPE (the Kicked method of TR-069's web identity mechanism).
 *
 * @param command the command
 * @param referer the referring page
 * @param arg the argument
 * @param next the URL the user goes to next
 */
public record Kicked(String command, String referer, String arg, String next)
        implements CpeRequest<KickedResponse> {

    // Validates and copies.
    public Kicked {
        Checks.text(command, "command");
        Checks.text(referer, "referer");
        Checks.text(arg, "arg");
        Checks.text(next, "next");
    }

    @Override
    public String methodName() {
        return "Kicked";
    }

    @Override
    public Class<KickedResponse> responseType() {
        return KickedResponse.class;
    }
}
