package io.github.minimax4j.client;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * A parsed reply together with the HTTP response it came in: status, headers and MiniMax's request id (what
 * MiniMax support asks for). Made by {@link MessagesApi#createWithRawResponse} and
 * {@link ChatCompletionsApi#createWithRawResponse}.
 *
 * @param <T> the parsed reply's type
 */
public final class RawResponse<T> {

    private final int status;

    private final Map<String, List<String>> headers;

    private final T body;

    RawResponse(int status, Map<String, List<String>> headers, T body) {
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    /** Spring's headers as a case-insensitive, unmodifiable map (Spring types stay out of the public API). */
    static Map<String, List<String>> headersOf(HttpHeaders headers) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return Collections.unmodifiableMap(copy);
    }

    /**
     * The HTTP status.
     * @return the status code (2xx: other statuses are thrown as typed exceptions)
     */
    public int status() {
        return this.status;
    }

    /**
     * The response headers.
     * @return every header, names looked up case-insensitively
     */
    public Map<String, List<String>> headers() {
        return this.headers;
    }

    /**
     * One header's first value.
     * @param name the header name, in any case
     * @return its first value, or null when absent
     */
    public @Nullable String header(String name) {
        List<String> values = this.headers.get(name);
        return (values == null || values.isEmpty()) ? null : values.get(0);
    }

    /**
     * MiniMax's id for this request.
     * @return the {@code minimax-request-id} header (or {@code request-id}), or null when the server sent neither
     */
    public @Nullable String requestId() {
        String id = header("minimax-request-id");
        return (id != null) ? id : header("request-id");
    }

    /**
     * The parsed reply.
     * @return the reply, as {@code create} returns it
     */
    public T body() {
        return this.body;
    }

    @Override
    public String toString() {
        return "RawResponse[status=" + this.status + ", requestId=" + requestId() + ", headers="
                + this.headers.keySet().stream().map((name) -> name.toLowerCase(Locale.ROOT)).toList() + "]";
    }
}
