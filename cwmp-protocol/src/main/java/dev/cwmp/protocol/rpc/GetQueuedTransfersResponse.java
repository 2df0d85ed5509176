package dev.cwmp.protocol.rpc;

import java.util.List;

/**
 * The queued transfers.
 *
 * @param transferList the transfers
 */
public record GetQueuedTransfersResponse(List<QueuedTransferStruct> transferList) implements CpeResponse {

    // Validates and copies.
    public GetQueuedTransfersResponse {
        transferList = List.copyOf(transferList);
    }

    @Override
    public String methodName() {
        return "GetQueuedTransfersResponse";
    }
}
