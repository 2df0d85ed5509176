package dev.cwmp.session;

import dev.cwmp.session.connreq.ConnectionRequestResult;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * A queued task and the ways to follow it.
 *
 * @param task the task as queued
 * @param outcome completes when the task ends (done, faulted, expired or cancelled); never
 *     completes exceptionally for anything the device does
 * @param connectionRequest the outcome of the connection request, when one was asked for
 */
public record TaskHandle(Task task, CompletionStage<TaskOutcome> outcome,
        Optional<CompletionStage<ConnectionRequestResult>> connectionRequest) {
}
