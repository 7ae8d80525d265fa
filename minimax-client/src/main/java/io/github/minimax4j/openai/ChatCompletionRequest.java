package io.github.minimax4j.openai;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.minimax4j.model.Model;
import io.github.minimax4j.model.Thinking;
import io.github.minimax4j.model.ThinkingMode;
import org.jspecify.annotations.Nullable;

/**
 * A request to {@code POST /v1/chat/completions}, built with {@link #builder()} and changed with
 * {@link #toBuilder()}. Fields left null take the client's defaults or the server's.
 * <p>
 * There is no {@code stream} field: the client owns it and sends {@code "stream": true} for
 * {@code chatCompletions().stream(...)} only. A class, not a record, so fields MiniMax adds later are new
 * builder methods and never a new constructor argument that breaks callers.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "model", "messages", "max_completion_tokens", "max_tokens", "temperature", "top_p", "tools",
        "thinking", "reasoning_split", "stream_options" })
public final class ChatCompletionRequest {

    @JsonProperty("model")
    private final @Nullable Model model;

    @JsonProperty("messages")
    private final List<ChatMessage> messages;

    @JsonProperty("max_completion_tokens")
    private final @Nullable Integer maxCompletionTokens;

    @JsonProperty("max_tokens")
    private final @Nullable Integer maxTokens;

    @JsonProperty("temperature")
    private final @Nullable Double temperature;

    @JsonProperty("top_p")
    private final @Nullable Double topP;

    @JsonProperty("tools")
    private final @Nullable List<ChatTool> tools;

    @JsonProperty("thinking")
    private final @Nullable Thinking thinking;

    @JsonProperty("reasoning_split")
    private final @Nullable Boolean reasoningSplit;

    @JsonProperty("stream_options")
    private final @Nullable StreamOptions streamOptions;

    private final Map<String, Object> extra;

    @JsonCreator
    private ChatCompletionRequest(@JsonProperty("model") @Nullable Model model,
            @JsonProperty("messages") @Nullable List<ChatMessage> messages,
            @JsonProperty("max_completion_tokens") @Nullable Integer maxCompletionTokens,
            @JsonProperty("max_tokens") @Nullable Integer maxTokens,
            @JsonProperty("temperature") @Nullable Double temperature,
            @JsonProperty("top_p") @Nullable Double topP, @JsonProperty("tools") @Nullable List<ChatTool> tools,
            @JsonProperty("thinking") @Nullable Thinking thinking,
            @JsonProperty("reasoning_split") @Nullable Boolean reasoningSplit,
            @JsonProperty("stream_options") @Nullable StreamOptions streamOptions,
            @JsonAnySetter @Nullable Map<String, Object> extra) {
        this.model = model;
        this.messages = (messages != null) ? List.copyOf(messages) : List.of();
        this.maxCompletionTokens = maxCompletionTokens;
        this.maxTokens = maxTokens;
        this.temperature = temperature;
        this.topP = topP;
        this.tools = (tools != null && !tools.isEmpty()) ? List.copyOf(tools) : null;
        this.thinking = thinking;
        this.reasoningSplit = reasoningSplit;
        this.streamOptions = streamOptions;
        this.extra = JsonMaps.copyOf(extra);
    }

    /**
     * Starts an empty request.
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder holding every field of this request, to change some of them.
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Model id, or null for the client's default.
     * @return the model
     */
    public @Nullable Model model() {
        return this.model;
    }

    /**
     * The chat so far, oldest first.
     * @return the messages, unmodifiable
     */
    public List<ChatMessage> messages() {
        return this.messages;
    }

    /**
     * Most tokens to generate, or null for the client's default.
     * @return the limit
     */
    public @Nullable Integer maxCompletionTokens() {
        return this.maxCompletionTokens;
    }

    /**
     * Deprecated by MiniMax: the client sends it as {@code max_completion_tokens} (with a warning).
     * @return the limit, or null
     * @deprecated use {@link #maxCompletionTokens()}
     */
    @Deprecated
    public @Nullable Integer maxTokens() {
        return this.maxTokens;
    }

    /**
     * Randomness, in [0, 2], or null for the default.
     * @return the temperature
     */
    public @Nullable Double temperature() {
        return this.temperature;
    }

    /**
     * Nucleus sampling, in [0, 1], or null for the default.
     * @return top_p
     */
    public @Nullable Double topP() {
        return this.topP;
    }

    /**
     * Functions the model may call, or null for none.
     * @return the tools, unmodifiable
     */
    public @Nullable List<ChatTool> tools() {
        return this.tools;
    }

    /**
     * Thinking control (on by default on this endpoint for MiniMax-M3), or null for the client's default.
     * @return the thinking control
     */
    public @Nullable Thinking thinking() {
        return this.thinking;
    }

    /**
     * Whether reasoning comes in {@code reasoning_content} instead of a {@code <think>} block, or null.
     * @return reasoning_split
     */
    public @Nullable Boolean reasoningSplit() {
        return this.reasoningSplit;
    }

    /**
     * Stream options, or null: the client then asks for the final usage chunk.
     * @return the stream options
     */
    public @Nullable StreamOptions streamOptions() {
        return this.streamOptions;
    }

    /**
     * Other top-level fields, sent as given, in insertion order.
     * @return the extra fields, unmodifiable
     */
    @JsonAnyGetter
    public Map<String, Object> extra() {
        return this.extra;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || (other instanceof ChatCompletionRequest that && Objects.equals(this.model, that.model)
                && this.messages.equals(that.messages)
                && Objects.equals(this.maxCompletionTokens, that.maxCompletionTokens)
                && Objects.equals(this.maxTokens, that.maxTokens) && Objects.equals(this.temperature, that.temperature)
                && Objects.equals(this.topP, that.topP) && Objects.equals(this.tools, that.tools)
                && Objects.equals(this.thinking, that.thinking)
                && Objects.equals(this.reasoningSplit, that.reasoningSplit)
                && Objects.equals(this.streamOptions, that.streamOptions) && this.extra.equals(that.extra));
    }

    @Override
    public int hashCode() {
        return Objects.hash(this.model, this.messages, this.maxCompletionTokens, this.maxTokens, this.temperature,
                this.topP, this.tools, this.thinking, this.reasoningSplit, this.streamOptions, this.extra);
    }

    @Override
    public String toString() {
        return "ChatCompletionRequest[model=" + this.model + ", messages=" + this.messages + ", maxCompletionTokens="
                + this.maxCompletionTokens + ", maxTokens=" + this.maxTokens + ", temperature=" + this.temperature
                + ", topP=" + this.topP + ", tools=" + this.tools + ", thinking=" + this.thinking
                + ", reasoningSplit=" + this.reasoningSplit + ", streamOptions=" + this.streamOptions + ", extra="
                + this.extra + "]";
    }

    /**
     * Options of a streamed completion.
     *
     * @param includeUsage whether a final chunk carries the usage
     */
    public record StreamOptions(boolean includeUsage) {
    }

    /** Builds a {@link ChatCompletionRequest}; not thread-safe. */
    public static final class Builder {

        private @Nullable Model model;

        private final List<ChatMessage> messages = new ArrayList<>();

        private @Nullable Integer maxCompletionTokens;

        private @Nullable Integer maxTokens;

        private @Nullable Double temperature;

        private @Nullable Double topP;

        private final List<ChatTool> tools = new ArrayList<>();

        private @Nullable Thinking thinking;

        private @Nullable Boolean reasoningSplit;

        private @Nullable StreamOptions streamOptions;

        private Map<String, Object> extra = Map.of();

        private Builder() {
        }

        private Builder(ChatCompletionRequest request) {
            this.model = request.model;
            this.messages.addAll(request.messages);
            this.maxCompletionTokens = request.maxCompletionTokens;
            this.maxTokens = request.maxTokens;
            this.temperature = request.temperature;
            this.topP = request.topP;
            if (request.tools != null) {
                this.tools.addAll(request.tools);
            }
            this.thinking = request.thinking;
            this.reasoningSplit = request.reasoningSplit;
            this.streamOptions = request.streamOptions;
            this.extra = request.extra;
        }

        /**
         * Sets the model.
         * @param model model id, or null for the client's default
         * @return this builder
         */
        public Builder model(@Nullable Model model) {
            this.model = model;
            return this;
        }

        /**
         * Sets the model by id.
         * @param model model id, such as {@code "MiniMax-M3"}
         * @return this builder
         */
        public Builder model(String model) {
            return model(Model.of(model));
        }

        /**
         * Appends a message.
         * @param message the message
         * @return this builder
         */
        public Builder addMessage(ChatMessage message) {
            this.messages.add(Objects.requireNonNull(message, "message must not be null"));
            return this;
        }

        /**
         * Replaces the messages.
         * @param messages the chat, oldest first
         * @return this builder
         */
        public Builder messages(List<ChatMessage> messages) {
            this.messages.clear();
            this.messages.addAll(messages);
            return this;
        }

        /**
         * Appends a system message.
         * @param text the instructions
         * @return this builder
         */
        public Builder addSystemMessage(String text) {
            return addMessage(ChatMessage.system(text));
        }

        /**
         * Appends a user message of plain text.
         * @param text the text
         * @return this builder
         */
        public Builder addUserMessage(String text) {
            return addMessage(ChatMessage.user(text));
        }

        /**
         * Appends a user message of content parts (text and images).
         * @param parts the parts
         * @return this builder
         */
        public Builder addUserMessage(List<ContentPart> parts) {
            return addMessage(ChatMessage.user(parts));
        }

        /**
         * Appends a reply's message unchanged (raw content, reasoning details and tool calls included).
         * @param reply the reply
         * @return this builder
         */
        public Builder addAssistantMessage(ChatCompletion reply) {
            return addMessage(reply.message());
        }

        /**
         * Appends a tool message answering a tool call.
         * @param toolCallId id of the tool call answered
         * @param result the tool's output
         * @return this builder
         */
        public Builder addToolResult(String toolCallId, String result) {
            return addMessage(ChatMessage.tool(toolCallId, result));
        }

        /**
         * Sets the most tokens to generate.
         * @param maxCompletionTokens the limit, or null for the client's default
         * @return this builder
         */
        public Builder maxCompletionTokens(@Nullable Integer maxCompletionTokens) {
            this.maxCompletionTokens = maxCompletionTokens;
            return this;
        }

        /**
         * Sets the deprecated {@code max_tokens}.
         * @param maxTokens the limit, or null
         * @return this builder
         * @deprecated deprecated by MiniMax: use {@link #maxCompletionTokens(Integer)}
         */
        @Deprecated
        public Builder maxTokens(@Nullable Integer maxTokens) {
            this.maxTokens = maxTokens;
            return this;
        }

        /**
         * Sets the temperature.
         * @param temperature randomness in [0, 2], or null for the default
         * @return this builder
         */
        public Builder temperature(@Nullable Double temperature) {
            this.temperature = temperature;
            return this;
        }

        /**
         * Sets top_p.
         * @param topP nucleus sampling in [0, 1], or null for the default
         * @return this builder
         */
        public Builder topP(@Nullable Double topP) {
            this.topP = topP;
            return this;
        }

        /**
         * Appends a tool.
         * @param tool the tool
         * @return this builder
         */
        public Builder addTool(ChatTool tool) {
            this.tools.add(Objects.requireNonNull(tool, "tool must not be null"));
            return this;
        }

        /**
         * Replaces the tools.
         * @param tools the tools
         * @return this builder
         */
        public Builder tools(List<ChatTool> tools) {
            this.tools.clear();
            this.tools.addAll(tools);
            return this;
        }

        /**
         * Sets the thinking control.
         * @param thinking the control, or null for the client's default
         * @return this builder
         */
        public Builder thinking(@Nullable Thinking thinking) {
            this.thinking = thinking;
            return this;
        }

        /**
         * Turns thinking on or off.
         * @param mode the mode
         * @return this builder
         */
        public Builder thinking(ThinkingMode mode) {
            return thinking(Thinking.of(mode));
        }

        /**
         * Sets whether reasoning comes in {@code reasoning_content}.
         * @param reasoningSplit the flag, or null for the server's default
         * @return this builder
         */
        public Builder reasoningSplit(@Nullable Boolean reasoningSplit) {
            this.reasoningSplit = reasoningSplit;
            return this;
        }

        /**
         * Sets the stream options (used by streamed calls only).
         * @param streamOptions the options, or null for the client's default (usage included)
         * @return this builder
         */
        public Builder streamOptions(@Nullable StreamOptions streamOptions) {
            this.streamOptions = streamOptions;
            return this;
        }

        /**
         * Sets other top-level fields, sent as given.
         * @param extra the fields; JSON nulls allowed, order kept
         * @return this builder
         */
        public Builder extra(Map<String, Object> extra) {
            this.extra = Objects.requireNonNull(extra, "extra must not be null");
            return this;
        }

        /**
         * Builds the request.
         * @return the request
         */
        public ChatCompletionRequest build() {
            return new ChatCompletionRequest(this.model, this.messages, this.maxCompletionTokens, this.maxTokens,
                    this.temperature, this.topP, this.tools, this.thinking, this.reasoningSplit, this.streamOptions,
                    this.extra);
        }
    }
}
