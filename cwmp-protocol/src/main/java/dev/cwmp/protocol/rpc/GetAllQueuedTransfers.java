package dev.cwmp.protocol.rpc;

/**
 * Lists all transfers, autonomous ones included (1.1+).
 */
public record GetAllQueuedTransfers() implements AcsRequest<GetAllQueuedTransfersResponse> {

    @Override
    public String methodName() {
        return "GetAllQueuedTransfers";
    }

    @Override
    public Class<GetAllQueuedTransfersResponse> responseType() {
        return GetAllQueuedTransfersResponse.class;
    }
}
