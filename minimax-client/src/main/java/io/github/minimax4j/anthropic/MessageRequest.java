package io.github.minimax4j.anthropic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.minimax4j.model.Model;
import io.github.minimax4j.model.Thinking;
import io.github.minimax4j.model.ThinkingMode;
import org.jspecify.annotations.Nullable;

/**
 * A request to {@code POST /anthropic/v1/messages} (and {@code count_tokens}). Fields left null take the
 * client's defaults ({@code minimax.model}, {@code minimax.max-tokens}, ...) or the server's.
 *
 * @param model model id
 * @param maxTokens most tokens to generate
 * @param system system prompt
 * @param messages conversation so far, oldest first
 * @param temperature randomness, in [0, 2]
 * @param topP nucleus sampling, in [0, 1]
 * @param tools tools the model may call
 * @param toolChoice how the model picks tools
 * @param thinking thinking control
 * @param metadata request metadata
 * @param stream set by the client: {@code stream()} sends true
 * @param extra other top-level fields, sent as given (for parameters this client does not model)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "model", "max_tokens", "system", "messages", "temperature", "top_p", "tools", "tool_choice",
        "thinking", "metadata", "stream" })
public record MessageRequest(@Nullable Model model, @Nullable Integer maxTokens, @Nullable SystemPrompt system,
        List<Message> messages, @Nullable Double temperature, @Nullable Double topP, @Nullable List<Tool> tools,
        @Nullable ToolChoice toolChoice, @Nullable Thinking thinking, @Nullable Metadata metadata,
        @Nullable Boolean stream, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public MessageRequest {
        messages = (messages != null) ? List.copyOf(messages) : List.of();
        tools = (tools != null && !tools.isEmpty()) ? List.copyOf(tools) : null;
        extra = JsonMaps.copyOf(extra);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Every content block of every message, for checks that look at media or tool results. */
    @JsonIgnore
    public List<ContentBlock> allBlocks() {
        return this.messages.stream().flatMap((message) -> message.content().stream()).toList();
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

        private @Nullable Boolean stream;

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
            this.stream = request.stream;
            this.extra = request.extra;
        }

        public Builder model(@Nullable Model model) {
            this.model = model;
            return this;
        }

        public Builder model(String model) {
            return model(Model.of(model));
        }

        public Builder maxTokens(@Nullable Integer maxTokens) {
            this.maxTokens = maxTokens;
            return this;
        }

        public Builder system(String system) {
            this.system = SystemPrompt.of(system);
            return this;
        }

        public Builder system(@Nullable SystemPrompt system) {
            this.system = system;
            return this;
        }

        public Builder addMessage(Message message) {
            this.messages.add(message);
            return this;
        }

        public Builder messages(List<Message> messages) {
            this.messages.clear();
            this.messages.addAll(messages);
            return this;
        }

        public Builder addUserMessage(String text) {
            return addMessage(Message.user(text));
        }

        public Builder addUserMessage(ContentBlock... blocks) {
            return addMessage(Message.user(blocks));
        }

        public Builder addAssistantMessage(String text) {
            return addMessage(Message.assistant(text));
        }

        /** Appends a reply as the assistant turn, every block (thinking and signature included) unchanged. */
        public Builder addAssistantMessage(MessageResponse response) {
            return addMessage(response.toMessage());
        }

        /** Appends a user turn answering a tool call. */
        public Builder addToolResult(String toolUseId, String result) {
            return addMessage(Message.user(ToolResultBlock.of(toolUseId, result)));
        }

        public Builder temperature(@Nullable Double temperature) {
            this.temperature = temperature;
            return this;
        }

        public Builder topP(@Nullable Double topP) {
            this.topP = topP;
            return this;
        }

        public Builder addTool(Tool tool) {
            this.tools.add(tool);
            return this;
        }

        public Builder tools(List<Tool> tools) {
            this.tools.clear();
            this.tools.addAll(tools);
            return this;
        }

        public Builder toolChoice(@Nullable ToolChoice toolChoice) {
            this.toolChoice = toolChoice;
            return this;
        }

        public Builder thinking(@Nullable Thinking thinking) {
            this.thinking = thinking;
            return this;
        }

        public Builder thinking(ThinkingMode mode) {
            return thinking(Thinking.of(mode));
        }

        public Builder metadata(@Nullable Metadata metadata) {
            this.metadata = metadata;
            return this;
        }

        public Builder userId(String userId) {
            return metadata(new Metadata(userId));
        }

        public Builder stream(@Nullable Boolean stream) {
            this.stream = stream;
            return this;
        }

        /** Other top-level fields, sent as given. */
        public Builder extra(Map<String, Object> extra) {
            this.extra = extra;
            return this;
        }

        public MessageRequest build() {
            return new MessageRequest(this.model, this.maxTokens, this.system, this.messages, this.temperature,
                    this.topP, this.tools, this.toolChoice, this.thinking, this.metadata, this.stream, this.extra);
        }
    }
}
