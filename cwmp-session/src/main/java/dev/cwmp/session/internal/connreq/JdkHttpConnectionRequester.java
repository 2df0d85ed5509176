package dev.cwmp.session.internal.connreq;

import dev.cwmp.session.auth.Secret;
import dev.cwmp.session.connreq.ConnectionRequest;
import dev.cwmp.session.connreq.ConnectionRequestResult;
import dev.cwmp.session.connreq.ConnectionRequester;
import dev.cwmp.session.connreq.HttpConnectionRequesterOptions;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link ConnectionRequester}: an HTTP/1.1 GET on {@link HttpClient}, one challenge round
 * trip at most, redirects not followed, a bounded number in flight and waiting.
 */
public final class JdkHttpConnectionRequester implements ConnectionRequester {

    private static final Logger LOG = LoggerFactory.getLogger("dev.cwmp.session.connreq");

    private static final Secret EMPTY_PASSWORD = Secret.of("");

    private final HttpConnectionRequesterOptions options;
    private final HttpClient client;
    private final Semaphore slots;
    private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waitingCount = new AtomicInteger();

    public JdkHttpConnectionRequester(HttpConnectionRequesterOptions options) {
        this.options = options;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // no h2c upgrade: CPE web servers do not expect it
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(options.connectTimeout());
        options.sslContext().ifPresent(builder::sslContext);
        this.client = builder.build();
        this.slots = new Semaphore(options.maxConcurrentRequests());
    }

    @Override
    public CompletionStage<ConnectionRequestResult> request(ConnectionRequest request) {
        CompletableFuture<ConnectionRequestResult> result = new CompletableFuture<>();
        Runnable start = () -> send(request).whenComplete((outcome, failure) -> {
            slots.release();
            startWaiting();
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(outcome);
            }
        });
        if (slots.tryAcquire()) {
            start.run();
            return result;
        }
        if (waitingCount.incrementAndGet() > options.maxQueuedRequests()) {
            waitingCount.decrementAndGet();
            result.completeExceptionally(new RejectedExecutionException(
                    "too many connection requests waiting (" + options.maxQueuedRequests() + ")"));
            return result;
        }
        waiting.add(start);
        startWaiting();
        return result;
    }

    /** Starts waiting requests while slots are free. */
    private void startWaiting() {
        while (!waiting.isEmpty() && slots.tryAcquire()) {
            Runnable next = waiting.poll();
            if (next == null) {
                slots.release();
                continue;
            }
            waitingCount.decrementAndGet();
            next.run();
        }
    }

    private CompletableFuture<ConnectionRequestResult> send(ConnectionRequest request) {
        long deadline = System.nanoTime() + options.timeout().toNanos();
        CompletableFuture<ConnectionRequestResult> outcome;
        try {
            outcome = client.sendAsync(get(request.url(), Optional.empty(), remaining(deadline)),
                            HttpResponse.BodyHandlers.discarding())
                    .thenCompose(first -> afterFirst(request, first, deadline))
                    // the per-exchange timeouts end at the response headers; this bounds the whole request
                    .orTimeout(options.timeout().toMillis(), TimeUnit.MILLISECONDS)
                    .exceptionally(JdkHttpConnectionRequester::failure);
        } catch (RuntimeException e) {
            outcome = CompletableFuture.completedFuture(new ConnectionRequestResult.Unreachable(describe(e)));
        }
        return outcome.thenApply(result -> {
            log(request, result);
            return result;
        });
    }

    private CompletableFuture<ConnectionRequestResult> afterFirst(ConnectionRequest request,
            HttpResponse<Void> first, long deadline) {
        if (first.statusCode() != 401) {
            return CompletableFuture.completedFuture(fromStatus(first.statusCode()));
        }
        if (request.username().isEmpty()) {
            return CompletableFuture.completedFuture(new ConnectionRequestResult.AuthenticationFailed(
                    "the device asks for authentication and no ConnectionRequestUsername is known"));
        }
        URI url = request.url();
        String target = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        Optional<String> authorization = DigestChallengeResponder.answer(
                first.headers().allValues("WWW-Authenticate"), options.basicAllowed(), "GET", target,
                request.username().get(), request.password().orElse(EMPTY_PASSWORD));
        if (authorization.isEmpty()) {
            return CompletableFuture.completedFuture(new ConnectionRequestResult.AuthenticationFailed(
                    options.basicAllowed()
                            ? "the device offers no Digest (MD5, SHA-256) or Basic challenge"
                            : "the device offers no Digest (MD5, SHA-256) challenge and Basic is not allowed"));
        }
        Duration left = remaining(deadline);
        if (left.isZero()) {
            return CompletableFuture.completedFuture(new ConnectionRequestResult.TimedOut());
        }
        return client.sendAsync(get(url, authorization, left), HttpResponse.BodyHandlers.discarding())
                .thenApply(second -> second.statusCode() == 401
                        ? new ConnectionRequestResult.AuthenticationFailed("the device refused the credentials")
                        : fromStatus(second.statusCode()));
    }

    private static HttpRequest get(URI url, Optional<String> authorization, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(url).GET().timeout(timeout);
        authorization.ifPresent(value -> builder.header("Authorization", value));
        return builder.build();
    }

    private static Duration remaining(long deadlineNanos) {
        long left = deadlineNanos - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    private static ConnectionRequestResult fromStatus(int status) {
        return status == 200 || status == 204
                ? new ConnectionRequestResult.Accepted(status)
                : new ConnectionRequestResult.Refused(status);
    }

    private static ConnectionRequestResult failure(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
            return new ConnectionRequestResult.TimedOut();
        }
        return new ConnectionRequestResult.Unreachable(describe(cause));
    }

    private static String describe(Throwable cause) {
        String kind = cause instanceof ConnectException ? "connection refused or no route"
                : cause instanceof IOException ? "I/O error" : "request failed";
        String message = cause.getMessage();
        return message == null || message.isBlank()
                ? kind + " (" + cause.getClass().getSimpleName() + ")"
                : kind + " (" + cause.getClass().getSimpleName() + ": " + message + ")";
    }

    private static void log(ConnectionRequest request, ConnectionRequestResult result) {
        if (result instanceof ConnectionRequestResult.Accepted) {
            LOG.debug("Connection request to device {} at {}: {}", request.deviceId(), request.url(), result);
        } else {
            LOG.info("Connection request to device {} at {} failed: {}", request.deviceId(), request.url(), result);
        }
    }

    @Override
    public String toString() {
        return "JdkHttpConnectionRequester[maxConcurrent=" + options.maxConcurrentRequests() + "]";
    }
}
