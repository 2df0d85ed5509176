package dev.cwmp.protocol.rpc;

/** An ACS's successful response to a {@link CpeRequest}. */
public sealed interface AcsResponse extends AcsMessage
        permits InformResponse, GetRPCMethodsResponse, TransferCompleteResponse,
        AutonomousTransferCompleteResponse, DUStateChangeCompleteResponse,
        AutonomousDUStateChangeCompleteResponse, RequestDownloadResponse, KickedResponse {
}
