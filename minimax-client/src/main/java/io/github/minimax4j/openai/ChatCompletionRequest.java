package io.github.minimax4j.openai;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.minimax4j.model.Model;
import io.github.minimax4j.model.Thinking;
import io.github.minimax4j.model.ThinkingMode;
import org.jspecify.annotations.Nullable;

/**
 * A request to {@code POST /v1/chat/completions}. Fields left null take the client's defaults or the server's.
 *
 * @param model model id
 * @param messages the chat so far, oldest first
 * @param maxCompletionTokens most tokens to generate
 * @param maxTokens deprecated by MiniMax: sent as {@code max_completion_tokens} (with a warning)
 * @param temperature randomness, in [0, 2]
 * @param topP nucleus sampling, in [0, 1]
 * @param tools functions the model may call
 * @param thinking thinking control (on by default on this endpoint for MiniMax-M3)
 * @param reasoningSplit whether reasoning comes in {@code reasoning_content} instead of a {@code <think>} block
 * @param stream set by the client: {@code stream()} sends true
 * @param streamOptions stream options; the client asks for the final usage chunk unless told otherwise
 * @param extra other top-level fields, sent as given
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "model", "messages", "max_completion_tokens", "max_tokens", "temperature", "top_p", "tools",
        "thinking", "reasoning_split", "stream", "stream_options" })
public record ChatCompletionRequest(@Nullable Model model, List<ChatMessage> messages,
        @Nullable Integer maxCompletionTokens, @Nullable Integer maxTokens, @Nullable Double temperature,
        @Nullable Double topP, @Nullable List<ChatTool> tools, @Nullable Thinking thinking,
        @Nullable Boolean reasoningSplit, @Nullable Boolean stream, @Nullable StreamOptions streamOptions,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public ChatCompletionRequest {
        messages = (messages != null) ? List.copyOf(messages) : List.of();
        tools = (tools != null && !tools.isEmpty()) ? List.copyOf(tools) : null;
        extra = (extra != null) ? Map.copyOf(extra) : Map.of();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
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

        private @Nullable Boolean stream;

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
            this.stream = request.stream;
            this.streamOptions = request.streamOptions;
            this.extra = request.extra;
        }

        public Builder model(@Nullable Model model) {
            this.model = model;
            return this;
        }

        public Builder model(String model) {
            return model(Model.of(model));
        }

        public Builder addMessage(ChatMessage message) {
            this.messages.add(message);
            return this;
        }

        public Builder addSystemMessage(String text) {
            return addMessage(ChatMessage.system(text));
        }

        public Builder addUserMessage(String text) {
            return addMessage(ChatMessage.user(text));
        }

        public Builder addUserMessage(List<ContentPart> parts) {
            return addMessage(ChatMessage.user(parts));
        }

        /** Appends a reply's message unchanged (raw content, reasoning details and tool calls included). */
        public Builder addAssistantMessage(ChatCompletion reply) {
            return addMessage(reply.message());
        }

        public Builder addToolResult(String toolCallId, String result) {
            return addMessage(ChatMessage.tool(toolCallId, result));
        }

        public Builder maxCompletionTokens(@Nullable Integer maxCompletionTokens) {
            this.maxCompletionTokens = maxCompletionTokens;
            return this;
        }

        /** Deprecated by MiniMax: use {@link #maxCompletionTokens(Integer)}. */
        @Deprecated
        public Builder maxTokens(@Nullable Integer maxTokens) {
            this.maxTokens = maxTokens;
            return this;
        }

        public Builder temperature(@Nullable Double temperature) {
            this.temperature = temperature;
            return this;
        }

        public Builder topP(@Nullable Double topP) {
            this.topP = topP;
            return this;
        }

        public Builder addTool(ChatTool tool) {
            this.tools.add(tool);
            return this;
        }

        public Builder thinking(@Nullable Thinking thinking) {
            this.thinking = thinking;
            return this;
        }

        public Builder thinking(ThinkingMode mode) {
            return thinking(Thinking.of(mode));
        }

        public Builder reasoningSplit(@Nullable Boolean reasoningSplit) {
            this.reasoningSplit = reasoningSplit;
            return this;
        }

        public Builder stream(@Nullable Boolean stream) {
            this.stream = stream;
            return this;
        }

        public Builder streamOptions(@Nullable StreamOptions streamOptions) {
            this.streamOptions = streamOptions;
            return this;
        }

        public Builder extra(Map<String, Object> extra) {
            this.extra = extra;
            return this;
        }

        public ChatCompletionRequest build() {
            return new ChatCompletionRequest(this.model, this.messages, this.maxCompletionTokens, this.maxTokens,
                    this.temperature, this.topP, this.tools, this.thinking, this.reasoningSplit, this.stream,
                    this.streamOptions, this.extra);
        }
    }
}
