package io.github.minimax4j.test.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the simulator answers to a request, scripted with {@link MiniMaxSimulator#replyNext} or
 * {@link MiniMaxSimulator#when}. Immutable: each {@code with…} method returns a new reply.
 * <p>
 * A reply is rendered in the format of the API that was called (Messages or Chat Completions, plain or
 * streamed), so one script serves both. Content replies still honour the request's output limit
 * ({@code max_tokens} / {@code max_completion_tokens}) and the validation the real API does; error replies
 * are sent as they are, before any validation, as MiniMax checks keys and rate limits first.
 * <pre>{@code
 * simulator.replyNext(SimulatedReply.text("Paris.").withThinking("The capital of France."));
 * simulator.whenPromptContains("weather").thenReply(SimulatedReply.toolCall("get_weather", Map.of("city", "Paris")));
 * simulator.replyNext(SimulatedReply.rateLimited(Duration.ofSeconds(2)));
 * simulator.replyNext(SimulatedReply.generated().cutAfter(5));
 * }</pre>
 */
public final class SimulatedReply {

    enum Kind {
        GENERATED, CONTENT, HTTP_ERROR, BASE_RESP_ERROR
    }

    private static final SimulatedReply GENERATED = new SimulatedReply(Kind.GENERATED, null, "", null, 0, "", null,
            null, -1, null);

    private final Kind kind;

    private final @Nullable String thinking;

    private final String text;

    private final Reply.@Nullable ToolCall toolCall;

    private final int code;

    private final String message;

    private final @Nullable Duration retryAfter;

    private final @Nullable Usage usage;

    private final int cutAfterEvents;

    private final @Nullable Duration deltaDelay;

    private SimulatedReply(Kind kind, @Nullable String thinking, String text, Reply.@Nullable ToolCall toolCall,
            int code, String message, @Nullable Duration retryAfter, @Nullable Usage usage, int cutAfterEvents,
            @Nullable Duration deltaDelay) {
        this.kind = kind;
        this.thinking = thinking;
        this.text = text;
        this.toolCall = toolCall;
        this.code = code;
        this.message = message;
        this.retryAfter = retryAfter;
        this.usage = usage;
        this.cutAfterEvents = cutAfterEvents;
        this.deltaDelay = deltaDelay;
    }

    // --- content

    /**
     * The realistic reply the simulator writes by itself (the default): it restates the prompt, thinks
     * when the model and the request say so, calls an offered tool that fits the prompt, and answers from a
     * tool result. Deterministic: the same request gets the same text and usage.
     */
    public static SimulatedReply generated() {
        return GENERATED;
    }

    /**
     * A reply with exactly this answer text (no thinking unless {@link #withThinking} adds it).
     * @param text the answer
     */
    public static SimulatedReply text(String text) {
        Objects.requireNonNull(text, "text must not be null");
        return new SimulatedReply(Kind.CONTENT, null, text, null, 0, "", null, null, -1, null);
    }

    /**
     * A call of the named tool with these arguments (stop reason {@code tool_use} / finish reason
     * {@code tool_calls}); the call gets a fresh {@code call_…} id.
     * @param name tool name, as the request offered it
     * @param arguments the arguments, turned into a JSON object
     */
    public static SimulatedReply toolCall(String name, Map<String, ?> arguments) {
        Objects.requireNonNull(arguments, "arguments must not be null");
        return toolCall(name, Json.valueToObject(arguments));
    }

    /**
     * A call of the named tool with arguments given as JSON.
     * @param name tool name, as the request offered it
     * @param argumentsJson the arguments: a JSON object such as {@code {"city": "Paris"}}
     * @throws IllegalArgumentException if {@code argumentsJson} is not a JSON object
     */
    public static SimulatedReply toolCall(String name, String argumentsJson) {
        Objects.requireNonNull(argumentsJson, "argumentsJson must not be null");
        ObjectNode arguments;
        try {
            arguments = Json.readObject(argumentsJson.getBytes(StandardCharsets.UTF_8));
        }
        catch (BadRequestException ex) {
            throw new IllegalArgumentException("Tool arguments must be a JSON object, was: " + argumentsJson, ex);
        }
        return toolCall(name, arguments);
    }

    private static SimulatedReply toolCall(String name, ObjectNode arguments) {
        requireText(name, "tool name");
        return new SimulatedReply(Kind.CONTENT, null, "", new Reply.ToolCall("", name, arguments), 0, "", null,
                null, -1, null);
    }

    /**
     * This reply with a thinking block before its content (a {@code thinking} block on the Messages API,
     * {@code <think>…</think>} in the content or {@code reasoning_content} on Chat Completions).
     * @param thinking the reasoning text
     */
    public SimulatedReply withThinking(String thinking) {
        requireContent("withThinking");
        requireText(thinking, "thinking");
        return new SimulatedReply(this.kind, thinking, this.text, this.toolCall, 0, "", null, this.usage,
                this.cutAfterEvents, this.deltaDelay);
    }

    /**
     * This reply with answer text; for a tool call, the text the model says before calling the tool.
     * @param text the text
     */
    public SimulatedReply withText(String text) {
        requireContent("withText");
        Objects.requireNonNull(text, "text must not be null");
        return new SimulatedReply(this.kind, this.thinking, text, this.toolCall, 0, "", null, this.usage,
                this.cutAfterEvents, this.deltaDelay);
    }

    /**
     * This reply reporting exactly these token counts in its {@code usage} (and in the simulator's totals),
     * instead of the simulator's estimate (about four characters per token, which is deterministic too).
     * @param inputTokens prompt tokens ({@code input_tokens} / {@code prompt_tokens})
     * @param outputTokens generated tokens ({@code output_tokens} / {@code completion_tokens})
     */
    public SimulatedReply withUsage(int inputTokens, int outputTokens) {
        requireContentOrGenerated("withUsage");
        if (inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("token counts must be zero or more, were " + inputTokens + " and "
                    + outputTokens);
        }
        return new SimulatedReply(this.kind, this.thinking, this.text, this.toolCall, 0, "", null,
                new Usage(inputTokens, 0, outputTokens), this.cutAfterEvents, this.deltaDelay);
    }

    /**
     * This reply, with a stream that drops the connection after {@code events} Server-Sent Events, without
     * its final events (as when a proxy or the network cuts a long generation). A non-streamed request
     * gets its connection dropped halfway through the body, whatever {@code events} says.
     * @param events events sent before the cut (0 cuts right after the response headers)
     */
    public SimulatedReply cutAfter(int events) {
        requireContentOrGenerated("cutAfter");
        if (events < 0) {
            throw new IllegalArgumentException("events must be zero or more, was " + events);
        }
        return new SimulatedReply(this.kind, this.thinking, this.text, this.toolCall, 0, "", null, this.usage,
                events, this.deltaDelay);
    }

    /**
     * This reply, streamed with this pause before every delta (a slow model or network); a non-streamed
     * reply waits this long once before it is sent.
     * @param delay pause per delta
     */
    public SimulatedReply withDeltaDelay(Duration delay) {
        requireContentOrGenerated("withDeltaDelay");
        Objects.requireNonNull(delay, "delay must not be null");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, was " + delay);
        }
        return new SimulatedReply(this.kind, this.thinking, this.text, this.toolCall, 0, "", null, this.usage,
                this.cutAfterEvents, delay);
    }

    // --- errors

    /**
     * An HTTP error in MiniMax's format: on the Messages API
     * {@code {"type":"error","error":{"type":…,"message":"… (code)","http_code":"…"},"request_id":…}}, on
     * Chat Completions {@code {"error":{"message":…,"type":…,"param":"","code":null}}}. The error type
     * and MiniMax code follow the status (400 {@code bad_request_error} 2013, 401 {@code authentication_error}
     * 1004, 429 {@code rate_limit_error} 1002, 500 {@code api_error} 1000, 529 {@code overloaded_error} 2064).
     * @param status HTTP status, 400 to 599
     * @param message what the error says
     */
    public static SimulatedReply httpError(int status, String message) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be an HTTP error status (400-599), was " + status);
        }
        Objects.requireNonNull(message, "message must not be null");
        return new SimulatedReply(Kind.HTTP_ERROR, null, "", null, status, message, null, null, -1, null);
    }

    /** HTTP 401: the API key was rejected. */
    public static SimulatedReply unauthorized() {
        return httpError(401, "login fail: Please carry the API secret key in the 'Authorization' field of the "
                + "request header");
    }

    /**
     * HTTP 429 with a {@code Retry-After} header (whole seconds, rounded up).
     * @param retryAfter how long the client should wait
     */
    public static SimulatedReply rateLimited(Duration retryAfter) {
        Objects.requireNonNull(retryAfter, "retryAfter must not be null");
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative, was " + retryAfter);
        }
        return new SimulatedReply(Kind.HTTP_ERROR, null, "", null, 429, "rate limit exceeded (RPM)", retryAfter,
                null, -1, null);
    }

    /** HTTP 500: a server-side failure. */
    public static SimulatedReply serverError() {
        return httpError(500, "unknown error");
    }

    /** HTTP 529: MiniMax is overloaded. */
    public static SimulatedReply overloaded() {
        return httpError(529, "The server cluster is currently under high load. Please retry after a short wait.");
    }

    /**
     * HTTP 200 whose body carries an error in {@code base_resp}, as MiniMax reports some errors (1008
     * insufficient balance, 1002 rate limit, 1004 authentication, 1026/1027 content filter, 2013 bad
     * parameters…). Sent as JSON even to a streamed request.
     * @param statusCode {@code base_resp.status_code}, not 0
     * @param statusMessage {@code base_resp.status_msg}
     */
    public static SimulatedReply baseRespError(int statusCode, String statusMessage) {
        if (statusCode == 0) {
            throw new IllegalArgumentException("statusCode 0 means success; use an error code such as 1008");
        }
        Objects.requireNonNull(statusMessage, "statusMessage must not be null");
        return new SimulatedReply(Kind.BASE_RESP_ERROR, null, "", null, statusCode, statusMessage, null, null, -1,
                null);
    }

    // --- for the simulator

    Kind kind() {
        return this.kind;
    }

    /** HTTP status of an HTTP error, or base_resp code of a base_resp error. */
    int code() {
        return this.code;
    }

    String message() {
        return this.message;
    }

    @Nullable Duration retryAfter() {
        return this.retryAfter;
    }

    @Nullable Usage usage() {
        return this.usage;
    }

    int cutAfterEvents() {
        return this.cutAfterEvents;
    }

    @Nullable Duration deltaDelay() {
        return this.deltaDelay;
    }

    /** The scripted content as the model's reply: a tool call gets a fresh id for every request. */
    Reply content() {
        Reply.ToolCall call = (this.toolCall != null)
                ? new Reply.ToolCall(Ids.toolCallId(), this.toolCall.name(), this.toolCall.input()) : null;
        return new Reply(this.thinking, this.text, call, false, false);
    }

    @Override
    public String toString() {
        return switch (this.kind) {
            case GENERATED -> "generated reply";
            case CONTENT -> "reply" + ((this.thinking != null) ? " with thinking" : "")
                    + (this.text.isEmpty() ? "" : " '" + ReplyComposer.summary(this.text, 8) + "'")
                    + ((this.toolCall != null) ? " calling " + this.toolCall.name() : "");
            case HTTP_ERROR -> "HTTP " + this.code + " error";
            case BASE_RESP_ERROR -> "base_resp error " + this.code;
        } + ((this.cutAfterEvents >= 0) ? ", cut after " + this.cutAfterEvents + " events" : "");
    }

    private void requireContent(String method) {
        if (this.kind != Kind.CONTENT) {
            throw new IllegalStateException(method + " applies to text and tool-call replies, not to a " + this);
        }
    }

    private void requireContentOrGenerated(String method) {
        if (this.kind != Kind.CONTENT && this.kind != Kind.GENERATED) {
            throw new IllegalStateException(method + " applies to content replies, not to a " + this);
        }
    }

    private static void requireText(@Nullable String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }
}
