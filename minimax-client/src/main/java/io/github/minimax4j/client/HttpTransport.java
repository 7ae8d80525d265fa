package io.github.minimax4j.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import io.github.minimax4j.error.MiniMaxException;
import io.github.minimax4j.error.InvalidRequestException;
import io.github.minimax4j.error.MiniMaxIoException;
import io.github.minimax4j.error.MiniMaxTimeoutException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Sends one JSON POST to MiniMax with authentication, retries and error mapping; knows nothing of the
 * APIs' shapes. Thread-safe.
 */
final class HttpTransport {

    private static final Log logger = LogFactory.getLog(HttpTransport.class);

    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final RestClient restClient;

    private final ApiKey apiKey;

    private final AuthScheme authScheme;

    private final RetryRule retryRule;

    private final ErrorMapper errors;

    private final Duration readTimeout;

    HttpTransport(RestClient restClient, ApiKey apiKey, AuthScheme authScheme, RetryPolicy retryPolicy,
            Duration readTimeout) {
        this.restClient = restClient;
        this.readTimeout = readTimeout;
        this.apiKey = apiKey;
        this.authScheme = authScheme;
        this.retryRule = new RetryRule(retryPolicy);
        this.errors = new ErrorMapper(apiKey);
    }

    ErrorMapper errors() {
        return this.errors;
    }

    /** What to do with a 2xx response; it closes the response unless it hands it on (streams). */
    @FunctionalInterface
    interface SuccessHandler<T> {

        T handle(ClientHttpResponse response) throws IOException;
    }

    /** Posts {@code body}, retrying per the policy, and hands the 2xx response to {@code onSuccess}. */
    <T> T post(URI uri, byte[] body, SuccessHandler<T> onSuccess) {
        return post(uri, body, RequestOptions.NONE, onSuccess);
    }

    /**
     * As {@link #post(URI, byte[], SuccessHandler)}, with the call's own headers and read timeout. Each attempt's
     * failure goes through {@link RetryRule}: only what it marks retriable is sent again.
     */
    <T> T post(URI uri, byte[] body, RequestOptions options, SuccessHandler<T> onSuccess) {
        rejectKeyInHeaders(options);
        for (int retry = 0;; retry++) {
            try {
                return attempt(uri, body, options, onSuccess);
            }
            catch (RetryableFailure ex) {
                Duration wait = this.retryRule.waitBeforeRetry(retry, ex).orElseThrow(ex::failure);
                if (logger.isDebugEnabled()) {
                    logger.debug("MiniMax call to " + uri + " failed (" + ex.failure().getMessage() + "); retry "
                            + (retry + 1) + " of " + this.retryRule.maxRetries() + " in " + wait.toMillis() + " ms");
                }
                sleep(wait, ex.failure());
            }
        }
    }

    /**
     * Reads a whole 2xx body and closes the response. A body shorter than its Content-Length means the
     * connection was lost mid-way ({@code HttpURLConnection} just ends the stream): that is an I/O error,
     * retried like one, not a malformed reply.
     */
    static byte[] readAll(ClientHttpResponse response) throws IOException {
        try (response; InputStream in = response.getBody()) {
            byte[] body = in.readAllBytes();
            long promised = response.getHeaders().getContentLength();
            if (promised >= 0 && body.length < promised) {
                throw new java.io.EOFException("connection closed after " + body.length + " of " + promised
                        + " bytes of the response body");
            }
            return body;
        }
    }

    /** The I/O failure of a call whose response had not begun, as the client's typed exception. */
    MiniMaxIoException ioFailure(URI uri, IOException ex) {
        return ioFailure(uri, ex, false);
    }

    /**
     * The I/O failure as the client's typed exception, saying which call failed and what to check, with the key
     * redacted from its message and from its cause chain.
     * @param responseBegan whether MiniMax had begun answering: then the client did not send the request again
     * and says the caller may
     */
    MiniMaxIoException ioFailure(URI uri, IOException ex, boolean responseBegan) {
        String cause = this.errors.redact(String.valueOf(ex.getMessage()));
        Throwable redacted = this.errors.redactedCause(ex);
        String after = responseBegan ? " after MiniMax had begun answering. The client does not send a request again "
                + "once its response has begun (MiniMax may already be generating, and billing): the caller may retry"
                : "";
        if (ex instanceof SocketTimeoutException || ex instanceof InterruptedIOException
                || ex instanceof HttpTimeoutException) {
            return new MiniMaxTimeoutException("MiniMax sent nothing within the timeout on " + uri + " (" + cause
                    + ")" + after + ". Raise minimax.read-timeout / minimax.connect-timeout if responses are slow.",
                    redacted);
        }
        if (ex instanceof ConnectException) {
            return new MiniMaxIoException("Could not connect to MiniMax at " + uri + " (" + cause
                    + "). Check minimax.base-url and the network.", redacted);
        }
        return new MiniMaxIoException("I/O error talking to MiniMax at " + uri + " (" + ex.getClass().getSimpleName()
                + ": " + cause + "). The connection was lost" + (responseBegan ? after + "." : "; retry the request."),
                redacted);
    }

    /** A header that carries the key would put it where this client cannot keep it out of logs. */
    private void rejectKeyInHeaders(RequestOptions options) {
        options.headers().forEach((name, value) -> {
            if (value.contains(this.apiKey.value())) {
                throw new InvalidRequestException("RequestOptions header '" + name + "' carries the API key: the "
                        + "client sends the key itself; remove it from the header");
            }
        });
    }

    private <T> T attempt(URI uri, byte[] body, RequestOptions options, SuccessHandler<T> onSuccess) {
        ReadWatchdog watchdog = ReadWatchdog.start((options.timeout() != null) ? options.timeout() : this.readTimeout);
        try {
            return this.restClient.post()
                .uri(uri)
                .headers((headers) -> {
                    options.headers().forEach(headers::set);
                    authenticate(headers);
                })
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .attribute(ReadWatchdog.ATTRIBUTE, watchdog)
                .exchange((request, response) -> {
                    ClientHttpResponse watched = watchdog.watch(response);
                    int status = watched.getStatusCode().value();
                    if (status >= 200 && status < 300) {
                        return onSuccess.handle(watched);
                    }
                    throw failure(status, watched);
                }, false);
        }
        catch (ResourceAccessException ex) {
            watchdog.stop();
            IOException io = (ex.getCause() instanceof IOException cause) ? cause : new IOException(ex.getMessage());
            IOException reported = watchdog.expired() ? watchdog.expiredFailure(io) : io;
            boolean began = watchdog.responseBegan();
            throw this.retryRule.afterIoFailure(ioFailure(uri, reported, began), reported, began);
        }
        catch (RuntimeException | Error ex) {
            watchdog.stop();
            if (watchdog.expired()) {
                watchdog.expiredFailure(null); // clears the interrupt it sent
            }
            throw ex;
        }
    }

    private RuntimeException failure(int status, ClientHttpResponse response) throws IOException {
        HttpHeaders headers = response.getHeaders();
        byte[] errorBody;
        try (response; InputStream in = response.getBody()) {
            errorBody = in.readNBytes(MAX_ERROR_BODY);
        }
        if (status >= 300 && status < 400) {
            return this.errors.redirect(status, headers.getFirst(HttpHeaders.LOCATION));
        }
        Duration retryAfter = RetryAfter.parse(headers);
        MiniMaxException failure = this.errors.fromStatus(status, errorBody, retryAfter);
        return this.retryRule.afterErrorStatus(status, headers, failure, retryAfter);
    }

    private void authenticate(HttpHeaders headers) {
        if (this.authScheme == AuthScheme.X_API_KEY) {
            headers.set("x-api-key", this.apiKey.value());
        }
        else {
            headers.setBearerAuth(this.apiKey.value());
        }
        headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON, MediaType.TEXT_EVENT_STREAM));
    }

    private static void sleep(Duration wait, MiniMaxException pending) {
        try {
            Thread.sleep(wait.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            pending.addSuppressed(ex);
            throw pending;
        }
    }
}
