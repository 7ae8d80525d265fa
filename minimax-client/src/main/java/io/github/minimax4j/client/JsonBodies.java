package io.github.minimax4j.client;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.github.minimax4j.error.MalformedResponseException;
import io.github.minimax4j.error.MiniMaxApiException;
import io.github.minimax4j.model.BaseResp;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Reads and writes JSON bodies, and turns an error hidden in an HTTP 200 into its typed exception. */
final class JsonBodies {

    private final HttpTransport transport;

    private final ErrorMapper errors;

    JsonBodies(HttpTransport transport) {
        this.transport = transport;
        this.errors = transport.errors();
    }

    static byte[] write(Object request) {
        return Json.MAPPER.writeValueAsBytes(request);
    }

    /** The request as JSON, with the options' extra top-level fields set over it. */
    static byte[] write(Object request, RequestOptions options) {
        if (options.extraBody().isEmpty()) {
            return write(request);
        }
        tools.jackson.databind.node.ObjectNode body = Json.MAPPER.valueToTree(request);
        options.extraBody().forEach((name, value) -> body.set(name, Json.MAPPER.valueToTree(value)));
        return Json.MAPPER.writeValueAsBytes(body);
    }

    /**
     * Posts {@code request} and reads the reply as {@code type}, throwing the typed exception for a
     * {@code base_resp} error inside it (transient ones are retried like HTTP errors).
     */
    <T> T post(URI uri, Object request, Class<T> type, Function<T, @Nullable BaseResp> baseResp) {
        return post(uri, request, RequestOptions.NONE, type, baseResp);
    }

    /** As {@link #post(URI, Object, Class, Function)}, with the call's options. */
    <T> T post(URI uri, Object request, RequestOptions options, Class<T> type,
            Function<T, @Nullable BaseResp> baseResp) {
        return postRaw(uri, request, options, type, baseResp).body();
    }

    /** As {@link #post(URI, Object, RequestOptions, Class, Function)}, keeping the status and headers. */
    <T> RawResponse<T> postRaw(URI uri, Object request, RequestOptions options, Class<T> type,
            Function<T, @Nullable BaseResp> baseResp) {
        return this.transport.post(uri, write(request, options), options, (http) -> {
            int status = http.getStatusCode().value();
            Map<String, List<String>> headers = RawResponse.headersOf(http.getHeaders());
            byte[] bytes = HttpTransport.readAll(http);
            T parsed = read(bytes, type, uri);
            checkBaseResp(baseResp.apply(parsed), bytes);
            return new RawResponse<>(status, headers, parsed);
        });
    }

    /**
     * Posts a stream request and returns the open event stream; a JSON answer instead of events is read
     * and thrown as the error it carries.
     */
    OpenStream openStream(URI uri, Object request) {
        return openStream(uri, request, RequestOptions.NONE);
    }

    /** As {@link #openStream(URI, Object)}, with the call's options. */
    OpenStream openStream(URI uri, Object request, RequestOptions options) {
        ClientHttpResponse response = this.transport.post(uri, write(request, options), options, (http) -> {
            rejectNonStream(http, uri);
            return http;
        });
        try {
            return new OpenStream(response, response.getBody());
        }
        catch (IOException ex) {
            response.close();
            throw this.transport.ioFailure(uri, ex);
        }
    }

    /**
     * A response whose body is being read as a stream.
     * @param response the response
     * @param body its body
     */
    record OpenStream(ClientHttpResponse response, java.io.InputStream body) implements AutoCloseable {

        /** Closes the body first: that aborts an unfinished response instead of reading it to the end. */
        @Override
        public void close() throws IOException {
            try (this.response) {
                this.body.close();
            }
        }
    }

    /** Parses a 2xx body as {@code type}; a body that is not one becomes a MalformedResponseException. */
    <T> T read(byte[] body, Class<T> type, URI uri) {
        try {
            T value = Json.MAPPER.readValue(body, type);
            if (value == null) {
                throw new MalformedResponseException("MiniMax answered " + uri + " with an empty JSON body");
            }
            return value;
        }
        catch (JacksonException ex) {
            throw new MalformedResponseException("MiniMax answered " + uri + " with a body that is not a valid "
                    + type.getSimpleName() + " (" + this.errors.parseProblem(ex) + "): "
                    + preview(body) + ". If a proxy sits in front of MiniMax, check minimax.base-url.");
        }
    }

    /** Throws the typed exception for a {@code base_resp} error; retriable codes are marked for retry. */
    void checkBaseResp(@Nullable BaseResp baseResp, byte[] body) {
        if (baseResp != null && baseResp.isError()) {
            MiniMaxApiException failure = this.errors.fromBaseResp(baseResp.statusCode(), baseResp.statusMsg(), body);
            throw RetryRule.afterBaseRespError(baseResp.statusCode(), failure);
        }
    }

    /**
     * A stream request answered with a JSON body instead of events: MiniMax reports some errors that way
     * inside an HTTP 200. Throws the error it carries, or says the body was not a stream.
     */
    void rejectNonStream(ClientHttpResponse response, URI uri) throws IOException {
        MediaType contentType = response.getHeaders().getContentType();
        if (contentType == null || !MediaType.APPLICATION_JSON.isCompatibleWith(contentType)) {
            return;
        }
        byte[] body = HttpTransport.readAll(response);
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(body);
        }
        catch (JacksonException ex) {
            throw new MalformedResponseException("MiniMax answered the stream request to " + uri
                    + " with invalid JSON instead of events (" + this.errors.parseProblem(ex) + "): " + preview(body));
        }
        JsonNode baseResp = json.path("base_resp");
        if (baseResp.isObject() && baseResp.path("status_code").asInt() != 0) {
            checkBaseResp(new BaseResp(baseResp.path("status_code").asInt(), baseResp.path("status_msg").asString("")),
                    body);
        }
        if (json.path("error").isObject()) {
            throw this.errors.fromStreamError(json.path("error").path("type").asString(null),
                    json.path("error").path("message").asString(null), new String(body,
                            java.nio.charset.StandardCharsets.UTF_8));
        }
        throw new MalformedResponseException("MiniMax answered the stream request to " + uri
                + " with a JSON body instead of Server-Sent Events: " + preview(body));
    }

    /** The body's start, the key masked before it is cut (a cut key would escape the mask). */
    private String preview(byte[] body) {
        String text = this.errors.redact(new String(body, 0, Math.min(body.length, 16 * 1024),
                java.nio.charset.StandardCharsets.UTF_8));
        return "'" + text.substring(0, Math.min(text.length(), 200)).replaceAll("\\s+", " ")
                + ((text.length() > 200) ? "…'" : "'");
    }
}
