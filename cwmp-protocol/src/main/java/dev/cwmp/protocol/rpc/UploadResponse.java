package dev.cwmp.protocol.rpc;

import java.time.Instant;
import java.util.Objects;

/**
 * The outcome of an Upload.
 *
 * @param status 0 completed, 1 not yet completed
 * @param startTime when the transfer started
 * @param completeTime when it completed
 */
public record UploadResponse(int status, Instant startTime, Instant completeTime) implements CpeResponse {

    // Validates and copies.
    public UploadResponse {
        Checks.status(status);
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(completeTime, "completeTime");
    }

    @Override
    public String methodName() {
        return "UploadResponse";
    }
}
