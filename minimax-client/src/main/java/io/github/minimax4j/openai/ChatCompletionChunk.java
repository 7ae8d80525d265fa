package io.github.minimax4j.openai;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.minimax4j.model.BaseResp;
import org.jspecify.annotations.Nullable;

/**
 * One {@code chat.completion.chunk} of a stream. The last chunk may carry only {@code usage}, with no choices. A
 * class with a builder, not a record, so a field MiniMax adds later is a new builder method, never a new
 * constructor argument.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "id", "object", "created", "model", "choices", "usage", "input_sensitive", "input_sensitive_type",
        "output_sensitive", "output_sensitive_type", "base_resp" })
public final class ChatCompletionChunk {

    @JsonProperty("id")
    private final @Nullable String id;

    @JsonProperty("object")
    private final @Nullable String object;

    @JsonProperty("created")
    private final long created;

    @JsonProperty("model")
    private final @Nullable String model;

    @JsonProperty("choices")
    private final List<Choice> choices;

    @JsonProperty("usage")
    private final @Nullable ChatUsage usage;

    @JsonProperty("input_sensitive")
    private final @Nullable Boolean inputSensitive;

    @JsonProperty("input_sensitive_type")
    private final @Nullable Integer inputSensitiveType;

    @JsonProperty("output_sensitive")
    private final @Nullable Boolean outputSensitive;

    @JsonProperty("output_sensitive_type")
    private final @Nullable Integer outputSensitiveType;

    @JsonProperty("base_resp")
    private final @Nullable BaseResp baseResp;

    private final Map<String, Object> extra;

    @JsonCreator
    private ChatCompletionChunk(@JsonProperty("id") @Nullable String id,
            @JsonProperty("object") @Nullable String object, @JsonProperty("created") long created,
            @JsonProperty("model") @Nullable String model, @JsonProperty("choices") @Nullable List<Choice> choices,
            @JsonProperty("usage") @Nullable ChatUsage usage,
            @JsonProperty("input_sensitive") @Nullable Boolean inputSensitive,
            @JsonProperty("input_sensitive_type") @Nullable Integer inputSensitiveType,
            @JsonProperty("output_sensitive") @Nullable Boolean outputSensitive,
            @JsonProperty("output_sensitive_type") @Nullable Integer outputSensitiveType,
            @JsonProperty("base_resp") @Nullable BaseResp baseResp,
            @JsonAnySetter @Nullable Map<String, Object> extra) {
        this.id = id;
        this.object = object;
        this.created = created;
        this.model = model;
        this.choices = (choices != null) ? List.copyOf(choices) : List.of();
        this.usage = usage;
        this.inputSensitive = inputSensitive;
        this.inputSensitiveType = inputSensitiveType;
        this.outputSensitive = outputSensitive;
        this.outputSensitiveType = outputSensitiveType;
        this.baseResp = baseResp;
        this.extra = JsonMaps.copyOf(extra);
    }

    /**
     * Starts an empty chat completion chunk.
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder holding every field of this one, to change some of them.
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Reply id.
     * @return the id
     */
    public @Nullable String id() {
        return this.id;
    }

    /**
     * {@code chat.completion.chunk}.
     * @return the object type
     */
    public @Nullable String object() {
        return this.object;
    }

    /**
     * Creation time, in Unix seconds.
     * @return the creation time
     */
    public long created() {
        return this.created;
    }

    /**
     * Model that answers.
     * @return the model
     */
    public @Nullable String model() {
        return this.model;
    }

    /**
     * The deltas.
     * @return the choices, unmodifiable
     */
    public List<Choice> choices() {
        return this.choices;
    }

    /**
     * Tokens used (the final usage chunk).
     * @return the usage, or null
     */
    public @Nullable ChatUsage usage() {
        return this.usage;
    }

    /**
     * Whether the input tripped MiniMax's content filter.
     * @return whether the input was flagged, or null when not reported
     */
    public @Nullable Boolean inputSensitive() {
        return this.inputSensitive;
    }

    /**
     * Filter category of the input (1 severe … 7 other).
     * @return the category, or null
     */
    public @Nullable Integer inputSensitiveType() {
        return this.inputSensitiveType;
    }

    /**
     * Whether the output tripped the content filter.
     * @return whether the output was flagged, or null when not reported
     */
    public @Nullable Boolean outputSensitive() {
        return this.outputSensitive;
    }

    /**
     * Filter category of the output.
     * @return the category, or null
     */
    public @Nullable Integer outputSensitiveType() {
        return this.outputSensitiveType;
    }

    /**
     * MiniMax's own status.
     * @return the status, or null
     */
    public @Nullable BaseResp baseResp() {
        return this.baseResp;
    }

    /**
     * Fields this client does not know, kept as they came, in order.
     * @return the fields, unmodifiable
     */
    @JsonAnyGetter
    public Map<String, Object> extra() {
        return this.extra;
    }

    /**
     * The content the first choice adds, for readers without pattern matching.
     * @return the delta's content (which may hold a {@code <think>} tag), or empty when it adds none
     */
    public Optional<String> textDelta() {
        return firstDelta().map(Delta::content);
    }

    /**
     * The reasoning the first choice adds in {@code reasoning_content} (with {@code reasoning_split} on).
     * @return the reasoning, or empty when it adds none
     */
    public Optional<String> reasoningDelta() {
        return firstDelta().map(Delta::reasoningContent);
    }

    private Optional<Delta> firstDelta() {
        return this.choices.isEmpty() ? Optional.empty() : Optional.ofNullable(this.choices.get(0).delta());
    }

    /**
     * One choice of a chunk.
     *
     * @param index choice position
     * @param delta what this chunk adds
     * @param finishReason set on the choice's last chunk
     */
    public record Choice(int index, @Nullable Delta delta, @Nullable String finishReason) {
    }

    @Override
    public boolean equals(Object other) {
        return this == other || (other instanceof ChatCompletionChunk that && Objects.equals(this.id, that.id)
                && Objects.equals(this.object, that.object) && this.created == that.created
                && Objects.equals(this.model, that.model) && Objects.equals(this.choices, that.choices)
                && Objects.equals(this.usage, that.usage) && Objects.equals(this.inputSensitive, that.inputSensitive)
                && Objects.equals(this.inputSensitiveType, that.inputSensitiveType)
                && Objects.equals(this.outputSensitive, that.outputSensitive)
                && Objects.equals(this.outputSensitiveType, that.outputSensitiveType) && Objects.equals(this.baseResp,
                that.baseResp) && Objects.equals(this.extra, that.extra));
    }

    @Override
    public int hashCode() {
        return Objects.hash(this.id, this.object, this.created, this.model, this.choices, this.usage,
                this.inputSensitive, this.inputSensitiveType, this.outputSensitive, this.outputSensitiveType,
                this.baseResp, this.extra);
    }

    @Override
    public String toString() {
        return "ChatCompletionChunk[id=" + this.id + ", object=" + this.object + ", created=" + this.created
                + ", model=" + this.model + ", choices=" + this.choices + ", usage=" + this.usage + ", inputSensitive="
                + this.inputSensitive + ", inputSensitiveType=" + this.inputSensitiveType + ", outputSensitive="
                + this.outputSensitive + ", outputSensitiveType=" + this.outputSensitiveType + ", baseResp="
                + this.baseResp + ", extra=" + this.extra + "]";
    }

    /** Builds a {@link ChatCompletionChunk}; not thread-safe. */
    public static final class Builder {

        private @Nullable String id;

        private @Nullable String object;

        private long created;

        private @Nullable String model;

        private @Nullable List<Choice> choices;

        private @Nullable ChatUsage usage;

        private @Nullable Boolean inputSensitive;

        private @Nullable Integer inputSensitiveType;

        private @Nullable Boolean outputSensitive;

        private @Nullable Integer outputSensitiveType;

        private @Nullable BaseResp baseResp;

        private @Nullable Map<String, Object> extra;

        private Builder() {
        }

        private Builder(ChatCompletionChunk source) {
            this.id = source.id;
            this.object = source.object;
            this.created = source.created;
            this.model = source.model;
            this.choices = source.choices;
            this.usage = source.usage;
            this.inputSensitive = source.inputSensitive;
            this.inputSensitiveType = source.inputSensitiveType;
            this.outputSensitive = source.outputSensitive;
            this.outputSensitiveType = source.outputSensitiveType;
            this.baseResp = source.baseResp;
            this.extra = source.extra;
        }

        /**
         * Sets the reply id.
         * @param id the id, or null for none
         * @return this builder
         */
        public Builder id(@Nullable String id) {
            this.id = id;
            return this;
        }

        /**
         * Sets the object type.
         * @param object the object type, or null for none
         * @return this builder
         */
        public Builder object(@Nullable String object) {
            this.object = object;
            return this;
        }

        /**
         * Sets the creation time, in Unix seconds.
         * @param created the creation time
         * @return this builder
         */
        public Builder created(long created) {
            this.created = created;
            return this;
        }

        /**
         * Sets the model that answers.
         * @param model the model, or null for none
         * @return this builder
         */
        public Builder model(@Nullable String model) {
            this.model = model;
            return this;
        }

        /**
         * Sets the deltas.
         * @param choices the choices
         * @return this builder
         */
        public Builder choices(List<Choice> choices) {
            this.choices = choices;
            return this;
        }

        /**
         * Sets the tokens used (the final usage chunk).
         * @param usage the usage, or null for none
         * @return this builder
         */
        public Builder usage(@Nullable ChatUsage usage) {
            this.usage = usage;
            return this;
        }

        /**
         * Sets whether the input tripped MiniMax's content filter.
         * @param inputSensitive whether the input was flagged, or null when not reported
         * @return this builder
         */
        public Builder inputSensitive(@Nullable Boolean inputSensitive) {
            this.inputSensitive = inputSensitive;
            return this;
        }

        /**
         * Sets the filter category of the input (1 severe … 7 other).
         * @param inputSensitiveType the category, or null for none
         * @return this builder
         */
        public Builder inputSensitiveType(@Nullable Integer inputSensitiveType) {
            this.inputSensitiveType = inputSensitiveType;
            return this;
        }

        /**
         * Sets whether the output tripped the content filter.
         * @param outputSensitive whether the output was flagged, or null when not reported
         * @return this builder
         */
        public Builder outputSensitive(@Nullable Boolean outputSensitive) {
            this.outputSensitive = outputSensitive;
            return this;
        }

        /**
         * Sets the filter category of the output.
         * @param outputSensitiveType the category, or null for none
         * @return this builder
         */
        public Builder outputSensitiveType(@Nullable Integer outputSensitiveType) {
            this.outputSensitiveType = outputSensitiveType;
            return this;
        }

        /**
         * Sets MiniMax's own status.
         * @param baseResp the status, or null for none
         * @return this builder
         */
        public Builder baseResp(@Nullable BaseResp baseResp) {
            this.baseResp = baseResp;
            return this;
        }

        /**
         * Sets the fields this client does not know, kept as they came, in order.
         * @param extra fields this client does not know, in order
         * @return this builder
         */
        public Builder extra(Map<String, Object> extra) {
            this.extra = extra;
            return this;
        }

        /**
         * Builds the chat completion chunk.
         * @return a new ChatCompletionChunk
         */
        public ChatCompletionChunk build() {
            return new ChatCompletionChunk(this.id, this.object, this.created, this.model, this.choices, this.usage,
                    this.inputSensitive, this.inputSensitiveType, this.outputSensitive, this.outputSensitiveType,
                    this.baseResp, this.extra);
        }
    }

    /**
     * What a chunk adds to a choice.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "role", "content", "reasoning_content", "reasoning_details", "tool_calls" })
    public static final class Delta {

        @JsonProperty("role")
        private final @Nullable Role role;

        @JsonProperty("content")
        private final @Nullable String content;

        @JsonProperty("reasoning_content")
        private final @Nullable String reasoningContent;

        @JsonProperty("reasoning_details")
        private final @Nullable List<Map<String, Object>> reasoningDetails;

        @JsonProperty("tool_calls")
        private final @Nullable List<ToolCall> toolCalls;

        @JsonCreator
        private Delta(@JsonProperty("role") @Nullable Role role, @JsonProperty("content") @Nullable String content,
                @JsonProperty("reasoning_content") @Nullable String reasoningContent,
                @JsonProperty("reasoning_details") @Nullable List<Map<String, Object>> reasoningDetails,
                @JsonProperty("tool_calls") @Nullable List<ToolCall> toolCalls) {
            this.role = role;
            this.content = content;
            this.reasoningContent = reasoningContent;
            this.reasoningDetails = reasoningDetails;
            this.toolCalls = toolCalls;
        }

        /**
         * Starts an empty delta.
         * @return a new builder
         */
        public static Builder builder() {
            return new Builder();
        }

        /**
         * Starts a builder holding every field of this one, to change some of them.
         * @return a new builder
         */
        public Builder toBuilder() {
            return new Builder(this);
        }

        /**
         * Role, set on the first delta.
         * @return the role, or null
         */
        public @Nullable Role role() {
            return this.role;
        }

        /**
         * More content (may contain, or split, a {@code <think>} tag).
         * @return the content, or null
         */
        public @Nullable String content() {
            return this.content;
        }

        /**
         * More reasoning, when {@code reasoning_split} is on.
         * @return the reasoning, or null
         */
        public @Nullable String reasoningContent() {
            return this.reasoningContent;
        }

        /**
         * Structured reasoning fragments.
         * @return the fragments, or null
         */
        public @Nullable List<Map<String, Object>> reasoningDetails() {
            return this.reasoningDetails;
        }

        /**
         * Fragments of tool calls, by index.
         * @return the fragments, or null
         */
        public @Nullable List<ToolCall> toolCalls() {
            return this.toolCalls;
        }

        /**
         * The reasoning this delta adds apart from its content: {@code reasoning_content}, else the texts of
         * {@code reasoning_details} (as {@link ChatMessage#reasoning()} reads a whole message's).
         * @return the reasoning, empty when it adds none
         */
        @JsonIgnore
        public String reasoning() {
            return (this.reasoningContent != null) ? this.reasoningContent
                    : ChatMessage.detailsText(this.reasoningDetails);
        }

        @Override
        public boolean equals(Object other) {
            return this == other || (other instanceof Delta that && Objects.equals(this.role, that.role)
                    && Objects.equals(this.content, that.content) && Objects.equals(this.reasoningContent,
                    that.reasoningContent) && Objects.equals(this.reasoningDetails, that.reasoningDetails)
                    && Objects.equals(this.toolCalls, that.toolCalls));
        }

        @Override
        public int hashCode() {
            return Objects.hash(this.role, this.content, this.reasoningContent, this.reasoningDetails, this.toolCalls);
        }

        @Override
        public String toString() {
            return "Delta[role=" + this.role + ", content=" + this.content + ", reasoningContent="
                    + this.reasoningContent + ", reasoningDetails=" + this.reasoningDetails + ", toolCalls="
                    + this.toolCalls + "]";
        }

        /** Builds a {@link Delta}; not thread-safe. */
        public static final class Builder {

            private @Nullable Role role;

            private @Nullable String content;

            private @Nullable String reasoningContent;

            private @Nullable List<Map<String, Object>> reasoningDetails;

            private @Nullable List<ToolCall> toolCalls;

            private Builder() {
            }

            private Builder(Delta source) {
                this.role = source.role;
                this.content = source.content;
                this.reasoningContent = source.reasoningContent;
                this.reasoningDetails = source.reasoningDetails;
                this.toolCalls = source.toolCalls;
            }

            /**
             * Sets the role (sent on the first delta).
             * @param role the role, or null for none
             * @return this builder
             */
            public Builder role(@Nullable Role role) {
                this.role = role;
                return this;
            }

            /**
             * Sets the content this chunk adds (may contain, or split, a {@code <think>} tag).
             * @param content the content, or null for none
             * @return this builder
             */
            public Builder content(@Nullable String content) {
                this.content = content;
                return this;
            }

            /**
             * Sets the reasoning this chunk adds, when {@code reasoning_split} is on.
             * @param reasoningContent the reasoning, or null for none
             * @return this builder
             */
            public Builder reasoningContent(@Nullable String reasoningContent) {
                this.reasoningContent = reasoningContent;
                return this;
            }

            /**
             * Sets the structured reasoning fragments.
             * @param reasoningDetails the fragments, or null for none
             * @return this builder
             */
            public Builder reasoningDetails(@Nullable List<Map<String, Object>> reasoningDetails) {
                this.reasoningDetails = reasoningDetails;
                return this;
            }

            /**
             * Sets the fragments of tool calls, by index.
             * @param toolCalls the fragments, or null for none
             * @return this builder
             */
            public Builder toolCalls(@Nullable List<ToolCall> toolCalls) {
                this.toolCalls = toolCalls;
                return this;
            }

            /**
             * Builds the delta.
             * @return a new Delta
             */
            public Delta build() {
                return new Delta(this.role, this.content, this.reasoningContent, this.reasoningDetails, this.toolCalls);
            }
        }
    }
}
