package io.github.minimax4j.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.Optional;

import io.github.minimax4j.error.MiniMaxException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * The one rule deciding whether a failed attempt may be sent again, for every path (create, count_tokens, both
 * stream protocols, blocking or not). An attempt is retried only when
 * <ol>
 * <li>no byte of a response arrived: the connection was refused, dropped or silent before the status line; or</li>
 * <li>the whole response, read to its end, is a retriable error: 408, 409, 429, 5xx, 529 (or what
 * {@code x-should-retry} says), or a transient {@code base_resp} code.</li>
 * </ol>
 * Once a successful response has begun (a 2xx head arrived, whether a reply or a stream follows) nothing is sent
 * again: MiniMax may already be generating, and billing. The caller gets the failure and may retry itself.
 * <p>
 * Only this class creates a {@link RetryableFailure}; the loop that waits and re-sends asks it how long to wait.
 */
final class RetryRule {

    private final RetryPolicy policy;

    RetryRule(RetryPolicy policy) {
        this.policy = policy;
    }

    /**
     * An I/O failure of one attempt (including a timeout).
     * @param failure the typed failure the caller gets if the attempt is not retried
     * @param cause what the transport reported
     * @param responseBegan whether the response's head had reached the client (then nothing is re-sent)
     * @return the failure marked retriable, or the failure itself
     */
    RuntimeException afterIoFailure(MiniMaxException failure, IOException cause, boolean responseBegan) {
        return (!responseBegan && noResponseByteArrived(cause)) ? new RetryableFailure(failure, null) : failure;
    }

    /**
     * A whole error response, read to its end.
     * @param status the HTTP status
     * @param headers its headers ({@code x-should-retry} overrides the status's rule)
     * @param failure the typed failure
     * @param retryAfter the wait the server asked for, if any
     * @return the failure marked retriable, or the failure itself
     */
    RuntimeException afterErrorStatus(int status, HttpHeaders headers, MiniMaxException failure,
            @Nullable Duration retryAfter) {
        return isRetriableStatus(status, headers) ? new RetryableFailure(failure, retryAfter) : failure;
    }

    /**
     * A {@code base_resp} error in a 2xx body read to its end (MiniMax reports some errors so).
     * @param code the {@code base_resp.status_code}
     * @param failure the typed failure
     * @return the failure marked retriable, or the failure itself
     */
    static RuntimeException afterBaseRespError(int code, MiniMaxException failure) {
        return ErrorMapper.isRetriableBaseResp(code) ? new RetryableFailure(failure, null) : failure;
    }

    /**
     * How long to wait before the next attempt, or empty when the retries are spent.
     * @param retriesDone retries made so far (0 after the first attempt)
     * @param failure the retriable failure of the last attempt
     * @return the wait, or empty to end the call with {@link RetryableFailure#failure()}
     */
    Optional<Duration> waitBeforeRetry(int retriesDone, RetryableFailure failure) {
        if (retriesDone >= this.policy.maxRetries()) {
            return Optional.empty();
        }
        Duration serverAsked = failure.serverAsked();
        return Optional.of((serverAsked != null) ? this.policy.bounded(serverAsked)
                : this.policy.backoff(retriesDone + 1));
    }

    /** Retries allowed after the first attempt. */
    int maxRetries() {
        return this.policy.maxRetries();
    }

    static boolean isRetriableStatus(int status, HttpHeaders headers) {
        String advice = headers.getFirst("x-should-retry");
        if ("true".equalsIgnoreCase(advice)) {
            return true;
        }
        if ("false".equalsIgnoreCase(advice)) {
            return false;
        }
        return status == 408 || status == 409 || status == 429 || status >= 500;
    }

    /**
     * Whether an I/O failure that came before the response's head reached the client leaves no doubt that no
     * byte of a response arrived. The JDK client says where its HTTP/1.1 parser stood: a status line or header
     * part-way means the server had begun answering; so does a head the transport could not parse (a
     * {@code ProtocolException}, the JDK's or Apache's). A failure before the connection was made is always safe. A
     * silence before the head (a timeout) cannot tell: no transport reports a partial head before parsing it
     * whole, so it counts as no byte (docs/errors-and-reliability.md says so).
     */
    static boolean noResponseByteArrived(IOException failure) {
        if (failure instanceof ConnectException || failure instanceof HttpConnectTimeoutException) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getSimpleName().contains("ProtocolException")) {
                return false; // a head the transport could not parse (the JDK's and Apache's): bytes had come
            }
            String message = cause.getMessage();
            if (message != null && (message.contains("parsing HTTP/1.1 status line")
                    || message.contains("parsing HTTP/1.1 header") || message.contains("HTTP/1.1 parser receiving"))) {
                return false;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return true;
    }
}
