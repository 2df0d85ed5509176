package dev.cwmp.protocol.rpc;

import java.util.List;

/**
 * All queued transfers.
 *
 * @param transferList the transfers
 */
public record GetAllQueuedTransfersResponse(List<AllQueuedTransferStruct> transferList)
        implements CpeResponse {

    // Validates and copies.
    public GetAllQueuedTransfersResponse {
        transferList = List.copyOf(transferList);
    }

    @Override
    public String methodName() {
        return "GetAllQueuedTransfersResponse";
    }
}
