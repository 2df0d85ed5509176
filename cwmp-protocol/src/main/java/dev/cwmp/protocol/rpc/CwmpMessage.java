package dev.cwmp.protocol.rpc;

/**
 * A message in the body of a CWMP envelope. Either what a CPE sends ({@link CpeMessage}) or what an
 * ACS sends ({@link AcsMessage}); {@link GetRPCMethods}, {@link GetRPCMethodsResponse},
 * {@link CwmpFault} and {@link VendorMessage} are both.
 *
 * <p>Java 17 has no pattern matching in {@code switch}: dispatch with {@code instanceof} patterns;
 * the hierarchy is sealed so that the move to Java 21 {@code switch} is mechanical.
 */
public sealed interface CwmpMessage permits CpeMessage, AcsMessage {

    /** The element name of the message in the SOAP body, e.g. "GetParameterValuesResponse". */
    String methodName();
}
