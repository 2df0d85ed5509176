package dev.cwmp.protocol.rpc;

import java.time.Instant;
import java.util.Objects;

/**
 * The outcome of a Download: done (status 0) or to be reported by TransferComplete (status 1).
 *
 * @param status 0 completed, 1 not yet completed
 * @param startTime when the transfer started (unknown time when status is 1)
 * @param completeTime when it completed (unknown time when status is 1)
 */
public record DownloadResponse(int status, Instant startTime, Instant completeTime) implements CpeResponse {

    // Validates and copies.
    public DownloadResponse {
        Checks.status(status);
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(completeTime, "completeTime");
    }

    @Override
    public String methodName() {
        return "DownloadResponse";
    }
}
