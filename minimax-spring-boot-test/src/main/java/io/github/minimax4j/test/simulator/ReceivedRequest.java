package io.github.minimax4j.test.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.client.MiniMaxJson;
import io.github.minimax4j.openai.ChatCompletionRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A request the simulator received, for assertions on what an app sent ({@link MiniMaxSimulator#requests()})
 * and for choosing a scripted reply ({@link MiniMaxSimulator#when}). The body can be read as the client's
 * own wire types. The API key is not kept: {@code Authorization} and {@code x-api-key} are left out of the
 * headers, so a failing assertion cannot print it. Immutable and thread-safe.
 */
public final class ReceivedRequest {

    /** The API operation a request was sent to. */
    public enum Api {

        /** {@code POST /anthropic/v1/messages}. */
        MESSAGES,

        /** {@code POST /anthropic/v1/messages/count_tokens}. */
        COUNT_TOKENS,

        /** {@code POST /v1/chat/completions}. */
        CHAT_COMPLETIONS,

        /** {@code POST /v1/files/upload}; the body kept is the form as JSON (purpose, filename, bytes), not the file. */
        FILES_UPLOAD,

        /** {@code GET /v1/files/list}. */
        FILES_LIST,

        /** {@code GET /v1/files/retrieve}. */
        FILES_RETRIEVE,

        /** {@code POST /v1/files/delete}. */
        FILES_DELETE
    }

    private final Api api;

    private final String requestId;

    private final Map<String, List<String>> headers;

    private final String body;

    private final @Nullable JsonNode json;

    ReceivedRequest(Api api, String requestId, Map<String, List<String>> headers, byte[] body) {
        this.api = api;
        this.requestId = requestId;
        Map<String, List<String>> kept = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Authorization") && !name.equalsIgnoreCase("x-api-key")) {
                kept.put(name, List.copyOf(values));
            }
        });
        this.headers = Collections.unmodifiableMap(kept);
        this.body = new String(body, StandardCharsets.UTF_8);
        JsonNode parsed;
        try {
            parsed = Json.readObject(body);
        }
        catch (BadRequestException ex) {
            parsed = null;
        }
        this.json = parsed;
    }

    /** The API operation called. */
    public Api api() {
        return this.api;
    }

    /** The id the simulator answered with in its {@code minimax-request-id} header. */
    public String requestId() {
        return this.requestId;
    }

    /** The body as sent. */
    public String body() {
        return this.body;
    }

    /**
     * A request header (the first value), or null when absent; the API key headers are never kept.
     * @param name header name, any case
     */
    public @Nullable String header(String name) {
        List<String> values = this.headers.get(name);
        return (values == null || values.isEmpty()) ? null : values.get(0);
    }

    /** The {@code model} field, or "" when absent. */
    public String model() {
        return Json.text(field("model"));
    }

    /** Whether the request asked for a stream ({@code "stream": true}). */
    public boolean streamed() {
        JsonNode stream = field("stream");
        return stream != null && stream.asBoolean(false);
    }

    /**
     * The prompt: the text of the last message when a user sent it ("" when that message holds only tool
     * results or media, as in the second request of a tool round trip).
     */
    public String prompt() {
        JsonNode messages = field("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            return "";
        }
        JsonNode last = messages.get(messages.size() - 1);
        if (!Json.text(last.get("role")).equals("user")) {
            return "";
        }
        JsonNode content = last.get("content");
        if (content != null && content.isString()) {
            return content.stringValue();
        }
        List<String> texts = new ArrayList<>();
        if (content != null) {
            content.forEach((block) -> {
                if (Json.text(block.get("type")).equals("text")) {
                    texts.add(Json.text(block.get("text")));
                }
            });
        }
        return String.join("\n", texts);
    }

    /** Names of the tools offered, in order (either API's shape). */
    public List<String> toolNames() {
        List<String> names = new ArrayList<>();
        JsonNode tools = field("tools");
        if (tools != null) {
            tools.forEach((tool) -> names.add(tool.has("function") ? Json.text(tool.path("function").get("name"))
                    : Json.text(tool.get("name"))));
        }
        return names;
    }

    /**
     * Whether the last message carries a tool result (the app sends a tool's output back to the model).
     */
    public boolean hasToolResult() {
        JsonNode messages = field("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            return false;
        }
        JsonNode last = messages.get(messages.size() - 1);
        if (Json.text(last.get("role")).equals("tool")) {
            return true;
        }
        for (JsonNode block : last.path("content")) {
            if (Json.text(block.get("type")).equals("tool_result")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The body as the client's Messages request type (for {@link Api#MESSAGES} and {@link Api#COUNT_TOKENS}).
     * @throws IllegalStateException if the request went to Chat Completions
     * @throws IllegalArgumentException if the body is not a valid Messages request
     */
    public MessageRequest messageRequest() {
        if (this.api == Api.CHAT_COMPLETIONS) {
            throw new IllegalStateException("This request went to Chat Completions: use chatCompletionRequest()");
        }
        return MiniMaxJson.read(normalizedBody(), MessageRequest.class);
    }

    /**
     * The body as the client's Chat Completions request type.
     * @throws IllegalStateException if the request went to the Messages API
     * @throws IllegalArgumentException if the body is not a valid Chat Completions request
     */
    public ChatCompletionRequest chatCompletionRequest() {
        if (this.api != Api.CHAT_COMPLETIONS) {
            throw new IllegalStateException("This request went to the Messages API: use messageRequest()");
        }
        return MiniMaxJson.read(this.body, ChatCompletionRequest.class);
    }

    @Override
    public String toString() {
        return this.api.name().toLowerCase(Locale.ROOT) + " request" + (streamed() ? " (streamed)" : "") + " for "
                + (model().isEmpty() ? "no model" : model()) + ": '" + ReplyComposer.summary(prompt(), 12) + "'";
    }

    private @Nullable JsonNode field(String name) {
        return (this.json != null) ? this.json.get(name) : null;
    }

    /** Messages content may be a plain string on the wire; the client's type reads only blocks. */
    private String normalizedBody() {
        if (this.json == null) {
            return this.body;
        }
        JsonNode copy = this.json.deepCopy();
        for (JsonNode message : copy.path("messages")) {
            JsonNode content = message.get("content");
            if (content != null && content.isString() && message.isObject()) {
                textBlocks((ObjectNode) message, content.stringValue());
            }
            for (JsonNode block : message.path("content")) {
                JsonNode result = block.get("content");
                if (result != null && result.isString() && block.isObject()) {
                    textBlocks((ObjectNode) block, result.stringValue());
                }
            }
        }
        return Json.write(copy);
    }

    private static void textBlocks(ObjectNode holder, String text) {
        holder.putArray("content").addObject().put("type", "text").put("text", text);
    }
}
