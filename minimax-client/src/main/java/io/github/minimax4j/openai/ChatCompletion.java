package io.github.minimax4j.openai;

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
import io.github.minimax4j.model.BaseResp;
import org.jspecify.annotations.Nullable;

/**
 * A Chat Completions reply. A class with a builder, not a record, so a field MiniMax adds later is a new builder
 * method, never a new constructor argument.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "id", "object", "created", "model", "choices", "usage", "input_sensitive", "input_sensitive_type",
        "output_sensitive", "output_sensitive_type", "base_resp" })
public final class ChatCompletion {

    @JsonProperty("id")
    private final String id;

    @JsonProperty("object")
    private final @Nullable String object;

    @JsonProperty("created")
    private final long created;

    @JsonProperty("model")
    private final String model;

    @JsonProperty("choices")
    private final List<ChatChoice> choices;

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
    private ChatCompletion(@JsonProperty("id") String id, @JsonProperty("object") @Nullable String object,
            @JsonProperty("created") long created, @JsonProperty("model") String model,
            @JsonProperty("choices") @Nullable List<ChatChoice> choices,
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
     * Starts an empty chat completion.
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
    public String id() {
        return this.id;
    }

    /**
     * {@code chat.completion}.
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
     * Model that answered.
     * @return the model
     */
    public String model() {
        return this.model;
    }

    /**
     * The choices (MiniMax sends one).
     * @return the choices, unmodifiable
     */
    public List<ChatChoice> choices() {
        return this.choices;
    }

    /**
     * Tokens used.
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
     * The first choice's message, or an empty assistant message when there is none.
     * @return the message
     */
    @JsonIgnore
    public ChatMessage message() {
        return this.choices.isEmpty() ? ChatMessage.assistant("") : this.choices.get(0).message();
    }

    /**
     * The visible answer of the first choice, {@code <think>} block removed.
     * @return the answer
     */
    @JsonIgnore
    public String content() {
        return message().visibleContent();
    }

    /**
     * The reasoning of the first choice, however MiniMax sent it.
     * @return the reasoning, empty when none
     */
    @JsonIgnore
    public String reasoning() {
        return message().reasoning();
    }

    /**
     * Tool calls of the first choice.
     * @return the calls, empty when none
     */
    @JsonIgnore
    public List<ToolCall> toolCalls() {
        List<ToolCall> calls = message().toolCalls();
        return (calls != null) ? calls : List.of();
    }

    /**
     * The first choice's finish reason.
     * @return the reason, or null when there is no choice
     */
    @JsonIgnore
    public @Nullable String finishReason() {
        return this.choices.isEmpty() ? null : this.choices.get(0).finishReason();
    }

    @Override
    public boolean equals(Object other) {
        return this == other || (other instanceof ChatCompletion that && Objects.equals(this.id, that.id)
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
        return "ChatCompletion[id=" + this.id + ", object=" + this.object + ", created=" + this.created + ", model="
                + this.model + ", choices=" + this.choices + ", usage=" + this.usage + ", inputSensitive="
                + this.inputSensitive + ", inputSensitiveType=" + this.inputSensitiveType + ", outputSensitive="
                + this.outputSensitive + ", outputSensitiveType=" + this.outputSensitiveType + ", baseResp="
                + this.baseResp + ", extra=" + this.extra + "]";
    }

    /** Builds a {@link ChatCompletion}; not thread-safe. */
    public static final class Builder {

        private @Nullable String id;

        private @Nullable String object;

        private long created;

        private @Nullable String model;

        private @Nullable List<ChatChoice> choices;

        private @Nullable ChatUsage usage;

        private @Nullable Boolean inputSensitive;

        private @Nullable Integer inputSensitiveType;

        private @Nullable Boolean outputSensitive;

        private @Nullable Integer outputSensitiveType;

        private @Nullable BaseResp baseResp;

        private @Nullable Map<String, Object> extra;

        private Builder() {
        }

        private Builder(ChatCompletion source) {
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
         * @param id the id
         * @return this builder
         */
        public Builder id(String id) {
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
         * Sets the model that answered.
         * @param model the model
         * @return this builder
         */
        public Builder model(String model) {
            this.model = model;
            return this;
        }

        /**
         * Sets the choices (MiniMax sends one).
         * @param choices the choices
         * @return this builder
         */
        public Builder choices(List<ChatChoice> choices) {
            this.choices = choices;
            return this;
        }

        /**
         * Sets the tokens used.
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
         * Builds the chat completion.
         * @return a new ChatCompletion
         */
        public ChatCompletion build() {
            return new ChatCompletion(this.id, this.object, this.created, this.model, this.choices, this.usage,
                    this.inputSensitive, this.inputSensitiveType, this.outputSensitive, this.outputSensitiveType,
                    this.baseResp, this.extra);
        }
    }
}
