package dev.cwmp.protocol.rpc;

/**
 * A request a CPE sends to an ACS, typed with the response it expects (or the ACS answers with a
 * {@link CwmpFault}).
 *
 * @param <R> the response type
 */
public sealed interface CpeRequest<R extends AcsResponse> extends CpeMessage
        permits Inform, GetRPCMethods, TransferComplete, AutonomousTransferComplete, DUStateChangeComplete,
        AutonomousDUStateChangeComplete, RequestDownload, Kicked {

    /** The class of the matching response. */
    Class<R> responseType();
}
