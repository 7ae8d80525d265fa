package io.github.minimax4j.anthropic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.minimax4j.model.Model;
import io.github.minimax4j.model.Thinking;
import io.github.minimax4j.model.ThinkingMode;
import org.jspecify.annotations.Nullable;

/**
 * A request to {@code POST /anthropic/v1/messages} (and {@code count_tokens}), built with {@link #builder()}
 * and changed with {@link #toBuilder()}. Fields left null take the client's defaults ({@code minimax.model},
 * {@code minimax.max-tokens}, ...) or the server's.
 * <p>
 * There is no {@code stream} field: the client owns it and sends {@code "stream": true} for
 * {@code messages().stream(...)} only. A class, not a record, so fields MiniMax adds later are new builder
 * methods and never a new constructor argument that breaks callers.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "model", "max_tokens", "system", "messages", "temperature", "top_p", "tools", "tool_choice",
        "thinking", "metadata" })
public final class MessageRequest {

    @JsonProperty("model")
    private final @Nullable Model model;

    @JsonProperty("max_tokens")
    private final @Nullable Integer maxTokens;

    @JsonProperty("system")
    private final @Nullable SystemPrompt system;

    @JsonProperty("messages")
    private final List<Message> messages;

    @JsonProperty("temperature")
    private final @Nullable Double temperature;

    @JsonProperty("top_p")
    private final @Nullable Double topP;

    @JsonProperty("tools")
    private final @Nullable List<Tool> tools;

    @JsonProperty("tool_choice")
    private final @Nullable ToolChoice toolChoice;

    @JsonProperty("thinking")
    private final @Nullable Thinking thinking;

    @JsonProperty("metadata")
    private final @Nullable Metadata metadata;

    private final Map<String, Object> extra;

    @JsonCreator
    private MessageRequest(@JsonProperty("model") @Nullable Model model,
            @JsonProperty("max_tokens") @Nullable Integer maxTokens,
            @JsonProperty("system") @Nullable SystemPrompt system,
            @JsonProperty("messages") @Nullable List<Message> messages,
            @JsonProperty("temperature") @Nullable Double temperature,
            @JsonProperty("top_p") @Nullable Double topP, @JsonProperty("tools") @Nullable List<Tool> tools,
            @JsonProperty("tool_choice") @Nullable ToolChoice toolChoice,
            @JsonProperty("thinking") @Nullable Thinking thinking,
            @JsonProperty("metadata") @Nullable Metadata metadata,
            @JsonAnySetter @Nullable Map<String, Object> extra) {
        this.model = model;
        this.maxTokens = maxTokens;
        this.system = system;
        this.messages = (messages != null) ? List.copyOf(messages) : List.of();
        this.temperature = temperature;
        this.topP = topP;
        this.tools = (tools != null && !tools.isEmpty()) ? List.copyOf(tools) : null;
        this.toolChoice = toolChoice;
        this.thinking = thinking;
        this.metadata = metadata;
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
     * Most tokens to generate, or null for the client's default.
     * @return the limit
     */
    public @Nullable Integer maxTokens() {
        return this.maxTokens;
    }

    /**
     * System prompt, or null for none.
     * @return the system prompt
     */
    public @Nullable SystemPrompt system() {
        return this.system;
    }

    /**
     * Conversation so far, oldest first.
     * @return the messages, unmodifiable
     */
    public List<Message> messages() {
        return this.messages;
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
     * Tools the model may call, or null for none.
     * @return the tools, unmodifiable
     */
    public @Nullable List<Tool> tools() {
        return this.tools;
    }

    /**
     * How the model picks tools, or null for the server's default.
     * @return the tool choice
     */
    public @Nullable ToolChoice toolChoice() {
        return this.toolChoice;
    }

    /**
     * Thinking control, or null for the client's default.
     * @return the thinking control
     */
    public @Nullable Thinking thinking() {
        return this.thinking;
    }

    /**
     * Request metadata, or null for none.
     * @return the metadata
     */
    public @Nullable Metadata metadata() {
        return this.metadata;
    }

    /**
     * Other top-level fields, sent as given (for parameters this client does not model), in insertion order.
     * @return the extra fields, unmodifiable
     */
    @JsonAnyGetter
    public Map<String, Object> extra() {
        return this.extra;
    }

    /**
     * Every content block of every message, for checks that look at media or tool results.
     * @return the blocks, in order
     */
    @JsonIgnore
    public List<ContentBlock> allBlocks() {
        return this.messages.stream().flatMap((message) -> message.content().stream()).toList();
    }

    @Override
    public boolean equals(Object other) {
        return this == other || (other instanceof MessageRequest that && Objects.equals(this.model, that.model)
                && Objects.equals(this.maxTokens, that.maxTokens) && Objects.equals(this.system, that.system)
                && this.messages.equals(that.messages) && Objects.equals(this.temperature, that.temperature)
                && Objects.equals(this.topP, that.topP) && Objects.equals(this.tools, that.tools)
                && Objects.equals(this.toolChoice, that.toolChoice) && Objects.equals(this.thinking, that.thinking)
                && Objects.equals(this.metadata, that.metadata) && this.extra.equals(that.extra));
    }

    @Override
    public int hashCode() {
        return Objects.hash(this.model, this.maxTokens, this.system, this.messages, this.temperature, this.topP,
                this.tools, this.toolChoice, this.thinking, this.metadata, this.extra);
    }

    @Override
    public String toString() {
        return "MessageRequest[model=" + this.model + ", maxTokens=" + this.maxTokens + ", system=" + this.system
                + ", messages=" + this.messages + ", temperature=" + this.temperature + ", topP=" + this.topP
                + ", tools=" + this.tools + ", toolChoice=" + this.toolChoice + ", thinking=" + this.thinking
                + ", metadata=" + this.metadata + ", extra=" + this.extra + "]";
    }

    /** Builds a {@link MessageRequest}; not thread-safe, build once and share the request. */
    public static final class Builder {

        private @Nullable Model model;

        private @Nullable Integer maxTokens;

        private @Nullable SystemPrompt system;

        private final List<Message> messages = new ArrayList<>();

        private @Nullable Double temperature;

        private @Nullable Double topP;

        private final List<Tool> tools = new ArrayList<>();

        private @Nullable ToolChoice toolChoice;

        private @Nullable Thinking thinking;

        private @Nullable Metadata metadata;

        private Map<String, Object> extra = Map.of();

        private Builder() {
        }

        private Builder(MessageRequest request) {
            this.model = request.model;
            this.maxTokens = request.maxTokens;
            this.system = request.system;
            this.messages.addAll(request.messages);
            this.temperature = request.temperature;
            this.topP = request.topP;
            if (request.tools != null) {
                this.tools.addAll(request.tools);
            }
            this.toolChoice = request.toolChoice;
            this.thinking = request.thinking;
            this.metadata = request.metadata;
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
         * Sets the most tokens to generate.
         * @param maxTokens the limit, or null for the client's default
         * @return this builder
         */
        public Builder maxTokens(@Nullable Integer maxTokens) {
            this.maxTokens = maxTokens;
            return this;
        }

        /**
         * Sets the system prompt as one string.
         * @param system the prompt
         * @return this builder
         */
        public Builder system(String system) {
            this.system = SystemPrompt.of(system);
            return this;
        }

        /**
         * Sets the system prompt (a string, or text blocks that may carry {@code cache_control}).
         * @param system the prompt, or null for none
         * @return this builder
         */
        public Builder system(@Nullable SystemPrompt system) {
            this.system = system;
            return this;
        }

        /**
         * Sets the system prompt as text blocks, for example with a cache breakpoint on the last one.
         * @param blocks the blocks, in order
         * @return this builder
         */
        public Builder system(TextBlock... blocks) {
            this.system = SystemPrompt.of(List.of(blocks));
            return this;
        }

        /**
         * Appends a message.
         * @param message the message
         * @return this builder
         */
        public Builder addMessage(Message message) {
            this.messages.add(Objects.requireNonNull(message, "message must not be null"));
            return this;
        }

        /**
         * Replaces the messages.
         * @param messages the conversation, oldest first
         * @return this builder
         */
        public Builder messages(List<Message> messages) {
            this.messages.clear();
            this.messages.addAll(messages);
            return this;
        }

        /**
         * Appends a user turn of plain text.
         * @param text the text
         * @return this builder
         */
        public Builder addUserMessage(String text) {
            return addMessage(Message.user(text));
        }

        /**
         * Appends a user turn of content blocks (text, images, video, tool results).
         * @param blocks the blocks
         * @return this builder
         */
        public Builder addUserMessage(ContentBlock... blocks) {
            return addMessage(Message.user(blocks));
        }

        /**
         * Appends an assistant turn of plain text.
         * @param text the text
         * @return this builder
         */
        public Builder addAssistantMessage(String text) {
            return addMessage(Message.assistant(text));
        }

        /**
         * Appends a reply as the assistant turn, every block (thinking and signature included) unchanged.
         * @param response the reply
         * @return this builder
         */
        public Builder addAssistantMessage(MessageResponse response) {
            return addMessage(response.toMessage());
        }

        /**
         * Appends a user turn answering a tool call.
         * @param toolUseId id of the {@code tool_use} block answered
         * @param result the tool's output
         * @return this builder
         */
        public Builder addToolResult(String toolUseId, String result) {
            return addMessage(Message.user(ToolResultBlock.of(toolUseId, result)));
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
        public Builder addTool(Tool tool) {
            this.tools.add(Objects.requireNonNull(tool, "tool must not be null"));
            return this;
        }

        /**
         * Replaces the tools.
         * @param tools the tools
         * @return this builder
         */
        public Builder tools(List<Tool> tools) {
            this.tools.clear();
            this.tools.addAll(tools);
            return this;
        }

        /**
         * Sets how the model picks tools.
         * @param toolChoice the choice, or null for the server's default
         * @return this builder
         */
        public Builder toolChoice(@Nullable ToolChoice toolChoice) {
            this.toolChoice = toolChoice;
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
         * Sets the request metadata.
         * @param metadata the metadata, or null for none
         * @return this builder
         */
        public Builder metadata(@Nullable Metadata metadata) {
            this.metadata = metadata;
            return this;
        }

        /**
         * Sets {@code metadata.user_id}.
         * @param userId an opaque id of the end user
         * @return this builder
         */
        public Builder userId(String userId) {
            return metadata(new Metadata(userId));
        }

        /**
         * Sets other top-level fields, sent as given (for parameters this client does not model).
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
        public MessageRequest build() {
            return new MessageRequest(this.model, this.maxTokens, this.system, this.messages, this.temperature,
                    this.topP, this.tools, this.toolChoice, this.thinking, this.metadata, this.extra);
        }
    }
}
