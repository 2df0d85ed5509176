package dev.cwmp.protocol.rpc;

/**
 * A transfer the ACS requested, in a {@link GetQueuedTransfersResponse}.
 *
 * @param commandKey the transfer's command key
 * @param state 1 not yet started, 2 in progress, 3 completed
 */
public record QueuedTransferStruct(String commandKey, int state) {

    // Validates.
    public QueuedTransferStruct {
        Checks.text(commandKey, "commandKey");
        Checks.range(state, 1, 3, "state");
    }
}
