package io.github.minimax4j.client;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.github.minimax4j.error.MiniMaxException;
import io.github.minimax4j.error.MiniMaxIoException;
import io.github.minimax4j.error.MiniMaxTimeoutException;
import io.github.minimax4j.error.RateLimitException;
import io.github.minimax4j.error.ServerException;

/**
 * Where a raw-socket server breaks a response, and what {@link RetryRule} makes of it: how many requests the
 * server sees with two retries allowed, and what the caller gets. Shared by the retry-rule tests of every transport.
 */
enum FaultPoint {

    /** Accepts, reads the request, closes: no byte of a response, retried. */
    CUT_BEFORE_STATUS_LINE(3, MiniMaxIoException.class),
    /** Part of a status line, then closed: the server had begun answering, not retried. */
    CUT_IN_STATUS_LINE(1, MiniMaxIoException.class),
    /** The status line, then closed. */
    CUT_AFTER_STATUS_LINE(1, MiniMaxIoException.class),
    /** The whole head, then closed. */
    CUT_AFTER_HEAD(1, MiniMaxIoException.class),
    /** Two events (half a JSON body), then closed. */
    CUT_AFTER_EVENTS(1, MiniMaxIoException.class),
    /** Silent before the status line: no byte, retried. */
    STALL_BEFORE_STATUS_LINE(3, MiniMaxTimeoutException.class),
    /**
     * The status line, then silent. The one case the rule cannot keep exact: no transport reports a head's bytes
     * before the head is whole, so a silence part-way through it looks like a silence before it, and is retried.
     * Real servers send the head in one piece (over HTTP/2, one HEADERS frame); docs/errors-and-reliability.md says so.
     */
    STALL_AFTER_STATUS_LINE(3, MiniMaxTimeoutException.class),
    /** The whole head, then silent. */
    STALL_AFTER_HEAD(1, MiniMaxTimeoutException.class),
    /** Two events (half a JSON body), then silent. */
    STALL_AFTER_EVENTS(1, MiniMaxTimeoutException.class),
    /** HTTP 503, read to its end: retried. */
    ERROR_503(3, ServerException.class),
    /** A retriable {@code base_resp} error in an HTTP 200 JSON body (a stream request answered with JSON too). */
    BASE_RESP_1002(3, RateLimitException.class),
    /** A whole, successful response. */
    NONE(1, null);

    final int requests;

    final Class<? extends MiniMaxException> failure;

    FaultPoint(int requests, Class<? extends MiniMaxException> failure) {
        this.requests = requests;
        this.failure = failure;
    }

    boolean stalls() {
        return name().startsWith("STALL");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** The call kinds a fault is shown on, each with a whole successful response to break. */
    enum Call {

        MESSAGES_CREATE(false, "application/json", Fixtures.read("m27-response.json")),
        COUNT_TOKENS(false, "application/json", "{\"input_tokens\":12}"),
        CHAT_CREATE(false, "application/json", "{\"id\":\"c\",\"object\":\"chat.completion\",\"model\":\"MiniMax-M3\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Hi there\"},"
                + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2,\"total_tokens\":7}}"),
        MESSAGES_STREAM(true, "text/event-stream", "event: message_start\ndata: " + StreamEvents.START + "\n\n"
                + "event: content_block_start\ndata: " + StreamEvents.TEXT_START + "\n\n"
                + "event: content_block_delta\ndata: " + StreamEvents.textDelta("Hi there") + "\n\n"
                + "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
                + "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},"
                + "\"usage\":{\"output_tokens\":2}}\n\nevent: message_stop\ndata: {\"type\":\"message_stop\"}\n\n"),
        CHAT_STREAM(true, "text/event-stream", "data: {\"id\":\"c\",\"model\":\"MiniMax-M3\",\"choices\":[{\"index\":0,"
                + "\"delta\":{\"role\":\"assistant\",\"content\":\"Hi \"}}]}\n\n"
                + "data: {\"id\":\"c\",\"model\":\"MiniMax-M3\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"there\"},"
                + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2,"
                + "\"total_tokens\":7}}\n\ndata: [DONE]\n\n");

        final boolean streaming;

        final String contentType;

        final byte[] body;

        Call(boolean streaming, String contentType, String body) {
            this.streaming = streaming;
            this.contentType = contentType;
            this.body = body.getBytes(StandardCharsets.UTF_8);
        }

        /** Makes the call and reads it to its end; returns the reply's text. */
        String run(MiniMaxClient client) {
            return run(client, RequestOptions.NONE, CallMode.BLOCKING);
        }

        /** As {@link #run(MiniMaxClient)}, with the call's options. */
        String run(MiniMaxClient client, RequestOptions options) {
            return run(client, options, CallMode.BLOCKING);
        }

        /** As {@link #run(MiniMaxClient)}, through the blocking or the non-blocking API. */
        String run(MiniMaxClient client, CallMode mode) {
            return run(client, RequestOptions.NONE, mode);
        }

        /** As {@link #run(MiniMaxClient)}, with the call's options, through the blocking or the non-blocking API. */
        String run(MiniMaxClient client, RequestOptions options, CallMode mode) {
            var hello = io.github.minimax4j.anthropic.MessageRequest.builder().addUserMessage("Hello").build();
            var chat = io.github.minimax4j.openai.ChatCompletionRequest.builder().addUserMessage("Hello").build();
            return switch (this) {
                case MESSAGES_CREATE -> mode.create(client, hello, options).text();
                case COUNT_TOKENS -> String.valueOf(mode.countTokens(client, hello, options).inputTokens());
                case CHAT_CREATE -> mode.create(client, chat, options).content();
                case MESSAGES_STREAM -> mode.stream(client, hello, options, new java.util.ArrayList<>()).text();
                case CHAT_STREAM -> mode.stream(client, chat, options, new java.util.ArrayList<>()).content();
            };
        }

        /** The text {@link #run} returns on success. */
        String expected() {
            return switch (this) {
                case MESSAGES_CREATE -> "Hello! How can I help you today?";
                case COUNT_TOKENS -> "12";
                default -> "Hi there";
            };
        }

        /** The whole response, as the server sends it when nothing breaks. */
        void answer(RawSseServer.Writer writer) throws Exception {
            writer.raw(head());
            bodyPart(writer, 0, this.body.length);
            if (this.streaming) {
                writer.end();
            }
        }

        /** Part of the body: raw bytes of a JSON reply, one HTTP chunk of a stream. */
        void bodyPart(RawSseServer.Writer writer, int from, int to) throws Exception {
            if (this.streaming) {
                writer.raw(Integer.toHexString(to - from) + "\r\n");
                writer.bytes(this.body, from, to - from);
                writer.raw("\r\n");
            }
            else {
                writer.bytes(this.body, from, to - from);
            }
        }

        /** Status line and headers of the successful response (a stream's body ends with the connection). */
        String head() {
            return "HTTP/1.1 200 OK\r\nContent-Type: " + this.contentType + "\r\nConnection: close\r\n"
                    + (this.streaming ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + this.body.length + "\r\n")
                    + "\r\n";
        }

        /** The first part of the body: two events, or half the JSON. */
        int firstPart() {
            if (!this.streaming) {
                return this.body.length / 2;
            }
            String text = new String(this.body, StandardCharsets.UTF_8);
            return text.indexOf("\n\n", text.indexOf("\n\n") + 2) + 2;
        }
    }

    /** Plays this fault for {@code call} on one connection whose request has been read. */
    void play(Call call, RawSseServer.Writer writer) throws Exception {
        switch (this) {
            case CUT_BEFORE_STATUS_LINE -> writer.cut();
            case CUT_IN_STATUS_LINE -> {
                writer.raw("HTTP/1.1 20");
                writer.cut();
            }
            case CUT_AFTER_STATUS_LINE -> {
                writer.raw("HTTP/1.1 200 OK\r\n");
                writer.cut();
            }
            case CUT_AFTER_HEAD -> {
                writer.raw(call.head());
                writer.cut();
            }
            case CUT_AFTER_EVENTS -> {
                writer.raw(call.head());
                call.bodyPart(writer, 0, call.firstPart());
                writer.cut();
            }
            case STALL_BEFORE_STATUS_LINE -> Thread.sleep(10_000);
            case STALL_AFTER_STATUS_LINE -> {
                writer.raw("HTTP/1.1 200 OK\r\n");
                Thread.sleep(10_000);
            }
            case STALL_AFTER_HEAD -> {
                writer.raw(call.head());
                Thread.sleep(10_000);
            }
            case STALL_AFTER_EVENTS -> {
                writer.raw(call.head());
                call.bodyPart(writer, 0, call.firstPart());
                Thread.sleep(10_000);
            }
            case ERROR_503 -> {
                byte[] body = "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"busy\"}}"
                    .getBytes(StandardCharsets.UTF_8);
                writer.raw("HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nConnection: close\r\n"
                        + "Content-Length: "
                        + body.length + "\r\n\r\n");
                writer.bytes(body, 0, body.length);
            }
            case BASE_RESP_1002 -> {
                byte[] body = "{\"base_resp\":{\"status_code\":1002,\"status_msg\":\"rate limit\"}}"
                    .getBytes(StandardCharsets.UTF_8);
                writer.raw("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
                        + body.length
                        + "\r\n\r\n");
                writer.bytes(body, 0, body.length);
            }
            case NONE -> call.answer(writer);
        }
    }
}
