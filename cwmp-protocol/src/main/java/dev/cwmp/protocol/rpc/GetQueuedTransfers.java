package dev.cwmp.protocol.rpc;

/**
 * Lists the transfers the ACS requested (deprecated in later amendments).
 */
public record GetQueuedTransfers() implements AcsRequest<GetQueuedTransfersResponse> {

    @Override
    public String methodName() {
        return "GetQueuedTransfers";
    }

    @Override
    public Class<GetQueuedTransfersResponse> responseType() {
        return GetQueuedTransfersResponse.class;
    }
}
