package io.github.minimax4j.anthropic;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.minimax4j.model.BaseResp;
import org.jspecify.annotations.Nullable;

/**
 * The assistant's reply. A class with a builder, not a record, so a field MiniMax adds later is a new builder method,
 * never a new constructor argument.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "id", "type", "role", "model", "content", "stop_reason", "stop_sequence", "usage", "base_resp" })
public final class MessageResponse {

    @JsonProperty("id")
    private final String id;

    @JsonProperty("type")
    private final String type;

    @JsonProperty("role")
    private final Role role;

    @JsonProperty("model")
    private final String model;

    @JsonProperty("content")
    private final List<ContentBlock> content;

    @JsonProperty("stop_reason")
    private final @Nullable StopReason stopReason;

    @JsonProperty("stop_sequence")
    private final @Nullable String stopSequence;

    @JsonProperty("usage")
    private final @Nullable Usage usage;

    @JsonProperty("base_resp")
    private final @Nullable BaseResp baseResp;

    private final Map<String, Object> extra;

    @JsonCreator
    private MessageResponse(@JsonProperty("id") String id, @JsonProperty("type") String type,
            @JsonProperty("role") Role role, @JsonProperty("model") String model,
            @JsonProperty("content") @Nullable List<ContentBlock> content,
            @JsonProperty("stop_reason") @Nullable StopReason stopReason,
            @JsonProperty("stop_sequence") @Nullable String stopSequence, @JsonProperty("usage") @Nullable Usage usage,
            @JsonProperty("base_resp") @Nullable BaseResp baseResp,
            @JsonAnySetter @Nullable Map<String, Object> extra) {
        this.id = id;
        this.type = type;
        this.role = role;
        this.model = model;
        this.content = (content != null) ? List.copyOf(content) : List.of();
        this.stopReason = stopReason;
        this.stopSequence = stopSequence;
        this.usage = usage;
        this.baseResp = baseResp;
        this.extra = JsonMaps.copyOf(extra);
    }

    /**
     * Starts an empty message response.
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
     * Response id.
     * @return the id
     */
    public String id() {
        return this.id;
    }

    /**
     * Object type, always {@code message}.
     * @return the type
     */
    public String type() {
        return this.type;
    }

    /**
     * Role, always {@code assistant}.
     * @return the role
     */
    public Role role() {
        return this.role;
    }

    /**
     * Model that answered.
     * @return the model
     */
    public String model() {
        return this.model;
    }

    /**
     * Reply blocks: thinking, text, tool_use, or types this client does not know yet.
     * @return the blocks, unmodifiable
     */
    public List<ContentBlock> content() {
        return this.content;
    }

    /**
     * Why generation stopped (null only in a stream's {@code message_start}).
     * @return the stop reason
     */
    public @Nullable StopReason stopReason() {
        return this.stopReason;
    }

    /**
     * Stop sequence that was hit, if any.
     * @return the stop sequence, or null
     */
    public @Nullable String stopSequence() {
        return this.stopSequence;
    }

    /**
     * Tokens used.
     * @return the usage, or null
     */
    public @Nullable Usage usage() {
        return this.usage;
    }

    /**
     * MiniMax's own status, when sent.
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
     * All text blocks joined, the reply as a person reads it.
     * @return the text, empty when there is none
     */
    public String text() {
        return this.content.stream()
            .filter(TextBlock.class::isInstance)
            .map((block) -> ((TextBlock) block).text())
            .collect(Collectors.joining());
    }

    /**
     * All thinking blocks joined.
     * @return the thinking, empty when there is none
     */
    public String thinking() {
        return this.content.stream()
            .filter(ThinkingBlock.class::isInstance)
            .map((block) -> ((ThinkingBlock) block).thinking())
            .collect(Collectors.joining());
    }

    /**
     * The signature of the last thinking block, which MiniMax checks when the thinking is sent back.
     * @return the signature, or empty when the reply has no signed thinking
     */
    public Optional<String> signature() {
        String signature = null;
        for (ContentBlock block : this.content) {
            if (block instanceof ThinkingBlock thinking && thinking.signature() != null) {
                signature = thinking.signature();
            }
        }
        return Optional.ofNullable(signature);
    }

    /**
     * Tool calls the model asks for, in order.
     * @return the tool_use blocks
     */
    public List<ToolUseBlock> toolUses() {
        return this.content.stream().filter(ToolUseBlock.class::isInstance).map(ToolUseBlock.class::cast).toList();
    }

    /**
     * This reply as the assistant turn of the next request, every block unchanged.
     * @return the message
     */
    public Message toMessage() {
        return new Message(Role.ASSISTANT, this.content);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || (other instanceof MessageResponse that && Objects.equals(this.id, that.id)
                && Objects.equals(this.type, that.type) && Objects.equals(this.role, that.role)
                && Objects.equals(this.model, that.model) && Objects.equals(this.content, that.content)
                && Objects.equals(this.stopReason, that.stopReason) && Objects.equals(this.stopSequence,
                that.stopSequence) && Objects.equals(this.usage, that.usage) && Objects.equals(this.baseResp,
                that.baseResp) && Objects.equals(this.extra, that.extra));
    }

    @Override
    public int hashCode() {
        return Objects.hash(this.id, this.type, this.role, this.model, this.content, this.stopReason, this.stopSequence,
                this.usage, this.baseResp, this.extra);
    }

    @Override
    public String toString() {
        return "MessageResponse[id=" + this.id + ", type=" + this.type + ", role=" + this.role + ", model="
                + this.model + ", content=" + this.content + ", stopReason=" + this.stopReason + ", stopSequence="
                + this.stopSequence + ", usage=" + this.usage + ", baseResp=" + this.baseResp + ", extra=" + this.extra
                + "]";
    }

    /** Builds a {@link MessageResponse}; not thread-safe. */
    public static final class Builder {

        private @Nullable String id;

        private @Nullable String type;

        private @Nullable Role role;

        private @Nullable String model;

        private @Nullable List<ContentBlock> content;

        private @Nullable StopReason stopReason;

        private @Nullable String stopSequence;

        private @Nullable Usage usage;

        private @Nullable BaseResp baseResp;

        private @Nullable Map<String, Object> extra;

        private Builder() {
        }

        private Builder(MessageResponse source) {
            this.id = source.id;
            this.type = source.type;
            this.role = source.role;
            this.model = source.model;
            this.content = source.content;
            this.stopReason = source.stopReason;
            this.stopSequence = source.stopSequence;
            this.usage = source.usage;
            this.baseResp = source.baseResp;
            this.extra = source.extra;
        }

        /**
         * Sets the response id.
         * @param id the id
         * @return this builder
         */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /**
         * Sets the object type, always {@code message}.
         * @param type the type
         * @return this builder
         */
        public Builder type(String type) {
            this.type = type;
            return this;
        }

        /**
         * Sets the role, always {@code assistant}.
         * @param role the role
         * @return this builder
         */
        public Builder role(Role role) {
            this.role = role;
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
         * Sets the reply blocks: thinking, text, tool_use, or types this client does not know yet.
         * @param content the blocks
         * @return this builder
         */
        public Builder content(List<ContentBlock> content) {
            this.content = content;
            return this;
        }

        /**
         * Sets why generation stopped (null only in a stream's {@code message_start}).
         * @param stopReason the stop reason, or null for none
         * @return this builder
         */
        public Builder stopReason(@Nullable StopReason stopReason) {
            this.stopReason = stopReason;
            return this;
        }

        /**
         * Sets the stop sequence that was hit, if any.
         * @param stopSequence the stop sequence, or null for none
         * @return this builder
         */
        public Builder stopSequence(@Nullable String stopSequence) {
            this.stopSequence = stopSequence;
            return this;
        }

        /**
         * Sets the tokens used.
         * @param usage the usage, or null for none
         * @return this builder
         */
        public Builder usage(@Nullable Usage usage) {
            this.usage = usage;
            return this;
        }

        /**
         * Sets MiniMax's own status, when sent.
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
         * Builds the message response.
         * @return a new MessageResponse
         */
        public MessageResponse build() {
            return new MessageResponse(this.id, this.type, this.role, this.model, this.content, this.stopReason,
                    this.stopSequence, this.usage, this.baseResp, this.extra);
        }
    }
}
