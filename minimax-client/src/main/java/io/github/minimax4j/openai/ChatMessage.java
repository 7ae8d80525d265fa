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
import org.jspecify.annotations.Nullable;

/**
 * One message of a chat: {@code system}, {@code user}, {@code assistant} or {@code tool}. A reply's message
 * keeps everything MiniMax sent (raw content with any {@code <think>} block, {@code reasoning_details},
 * tool calls), so it can go back unchanged in the next request. Made by the factories ({@link #user(String)},
 * {@link #tool(String, String)}, ...) or {@link #builder()}: a class, not a record, so a field MiniMax adds later
 * is a new builder method, never a new constructor argument.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "role", "content", "name", "tool_calls", "tool_call_id", "reasoning_content",
        "reasoning_details" })
public final class ChatMessage {

    @JsonProperty("role")
    private final Role role;

    @JsonProperty("content")
    private final @Nullable ChatContent content;

    @JsonProperty("name")
    private final @Nullable String name;

    @JsonProperty("tool_calls")
    private final @Nullable List<ToolCall> toolCalls;

    @JsonProperty("tool_call_id")
    private final @Nullable String toolCallId;

    @JsonProperty("reasoning_content")
    private final @Nullable String reasoningContent;

    @JsonProperty("reasoning_details")
    private final @Nullable List<Map<String, Object>> reasoningDetails;

    private final Map<String, Object> extra;

    @JsonCreator
    private ChatMessage(@JsonProperty("role") @Nullable Role role,
            @JsonProperty("content") @Nullable ChatContent content, @JsonProperty("name") @Nullable String name,
            @JsonProperty("tool_calls") @Nullable List<ToolCall> toolCalls,
            @JsonProperty("tool_call_id") @Nullable String toolCallId,
            @JsonProperty("reasoning_content") @Nullable String reasoningContent,
            @JsonProperty("reasoning_details") @Nullable List<Map<String, Object>> reasoningDetails,
            @JsonAnySetter @Nullable Map<String, Object> extra) {
        this.role = Objects.requireNonNull(role, "role must not be null");
        this.content = content;
        this.name = name;
        this.toolCalls = (toolCalls != null && !toolCalls.isEmpty()) ? List.copyOf(toolCalls) : null;
        this.toolCallId = toolCallId;
        this.reasoningContent = reasoningContent;
        this.reasoningDetails = reasoningDetails;
        this.extra = JsonMaps.copyOf(extra);
    }

    /**
     * Starts an empty chat message.
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
     * Who speaks.
     * @return the role
     */
    public Role role() {
        return this.role;
    }

    /**
     * The content (null for an assistant message that only calls tools).
     * @return the content, or null
     */
    public @Nullable ChatContent content() {
        return this.content;
    }

    /**
     * Optional participant name.
     * @return the name, or null
     */
    public @Nullable String name() {
        return this.name;
    }

    /**
     * Calls an assistant message makes.
     * @return the calls, or null when none
     */
    public @Nullable List<ToolCall> toolCalls() {
        return this.toolCalls;
    }

    /**
     * The call a {@code tool} message answers.
     * @return the call id, or null
     */
    public @Nullable String toolCallId() {
        return this.toolCallId;
    }

    /**
     * Reasoning, when {@code reasoning_split} is on.
     * @return the reasoning, or null
     */
    public @Nullable String reasoningContent() {
        return this.reasoningContent;
    }

    /**
     * Structured reasoning, when {@code reasoning_split} is on.
     * @return the details, or null
     */
    public @Nullable List<Map<String, Object>> reasoningDetails() {
        return this.reasoningDetails;
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
     * A system message.
     * @param text the instructions
     * @return the message
     */
    public static ChatMessage system(String text) {
        return of(Role.SYSTEM, ChatContent.of(text));
    }

    /**
     * A user message of plain text.
     * @param text the text
     * @return the message
     */
    public static ChatMessage user(String text) {
        return of(Role.USER, ChatContent.of(text));
    }

    /**
     * A user message of parts (text and images).
     * @param parts the parts
     * @return the message
     */
    public static ChatMessage user(List<ContentPart> parts) {
        return of(Role.USER, ChatContent.of(parts));
    }

    /**
     * An assistant message of plain text.
     * @param text the text
     * @return the message
     */
    public static ChatMessage assistant(String text) {
        return of(Role.ASSISTANT, ChatContent.of(text));
    }

    /**
     * The result of a tool call.
     * @param toolCallId id of the call answered
     * @param result the tool's output
     * @return the message
     */
    public static ChatMessage tool(String toolCallId, String result) {
        return builder().role(Role.TOOL).content(ChatContent.of(result)).toolCallId(toolCallId).build();
    }

    private static ChatMessage of(Role role, ChatContent content) {
        return builder().role(role).content(content).build();
    }

    /**
     * Content exactly as sent, {@code <think>} block included.
     * @return the content, empty when there is none
     */
    @JsonIgnore
    public String rawContent() {
        return (this.content != null) ? this.content.asText() : "";
    }

    /**
     * The visible answer: content without a leading {@code <think>} block.
     * @return the answer
     */
    @JsonIgnore
    public String visibleContent() {
        return ThinkSplitter.split(rawContent()).visible();
    }

    /**
     * The reasoning, however MiniMax sent it: {@code reasoning_content}, else the texts of
     * {@code reasoning_details}, else the {@code <think>} block of the content.
     * @return the reasoning, empty when none
     */
    @JsonIgnore
    public String reasoning() {
        if (this.reasoningContent != null) {
            return this.reasoningContent;
        }
        String details = detailsText(this.reasoningDetails);
        return !details.isEmpty() ? details : ThinkSplitter.split(rawContent()).reasoning().strip();
    }

    /** The {@code text} fields of reasoning details, joined; empty when there are none. */
    static String detailsText(@Nullable List<Map<String, Object>> details) {
        if (details == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (Map<String, Object> detail : details) {
            if (detail.get("text") instanceof String part) {
                text.append(part);
            }
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object other) {
        return this == other || (other instanceof ChatMessage that && Objects.equals(this.role, that.role)
                && Objects.equals(this.content, that.content) && Objects.equals(this.name, that.name)
                && Objects.equals(this.toolCalls, that.toolCalls) && Objects.equals(this.toolCallId, that.toolCallId)
                && Objects.equals(this.reasoningContent, that.reasoningContent) && Objects.equals(this.reasoningDetails,
                that.reasoningDetails) && Objects.equals(this.extra, that.extra));
    }

    @Override
    public int hashCode() {
        return Objects.hash(this.role, this.content, this.name, this.toolCalls, this.toolCallId, this.reasoningContent,
                this.reasoningDetails, this.extra);
    }

    @Override
    public String toString() {
        return "ChatMessage[role=" + this.role + ", content=" + this.content + ", name=" + this.name + ", toolCalls="
                + this.toolCalls + ", toolCallId=" + this.toolCallId + ", reasoningContent=" + this.reasoningContent
                + ", reasoningDetails=" + this.reasoningDetails + ", extra=" + this.extra + "]";
    }

    /** Builds a {@link ChatMessage}; not thread-safe. */
    public static final class Builder {

        private @Nullable Role role;

        private @Nullable ChatContent content;

        private @Nullable String name;

        private @Nullable List<ToolCall> toolCalls;

        private @Nullable String toolCallId;

        private @Nullable String reasoningContent;

        private @Nullable List<Map<String, Object>> reasoningDetails;

        private @Nullable Map<String, Object> extra;

        private Builder() {
        }

        private Builder(ChatMessage source) {
            this.role = source.role;
            this.content = source.content;
            this.name = source.name;
            this.toolCalls = source.toolCalls;
            this.toolCallId = source.toolCallId;
            this.reasoningContent = source.reasoningContent;
            this.reasoningDetails = source.reasoningDetails;
            this.extra = source.extra;
        }

        /**
         * Sets who speaks.
         * @param role the role
         * @return this builder
         */
        public Builder role(Role role) {
            this.role = role;
            return this;
        }

        /**
         * Sets the content (null for an assistant message that only calls tools).
         * @param content the content, or null for none
         * @return this builder
         */
        public Builder content(@Nullable ChatContent content) {
            this.content = content;
            return this;
        }

        /**
         * Sets the participant name.
         * @param name the name, or null for none
         * @return this builder
         */
        public Builder name(@Nullable String name) {
            this.name = name;
            return this;
        }

        /**
         * Sets the calls an assistant message makes.
         * @param toolCalls the calls, or null for none
         * @return this builder
         */
        public Builder toolCalls(@Nullable List<ToolCall> toolCalls) {
            this.toolCalls = toolCalls;
            return this;
        }

        /**
         * Sets the call a {@code tool} message answers.
         * @param toolCallId the call id, or null for none
         * @return this builder
         */
        public Builder toolCallId(@Nullable String toolCallId) {
            this.toolCallId = toolCallId;
            return this;
        }

        /**
         * Sets the reasoning, when {@code reasoning_split} is on.
         * @param reasoningContent the reasoning, or null for none
         * @return this builder
         */
        public Builder reasoningContent(@Nullable String reasoningContent) {
            this.reasoningContent = reasoningContent;
            return this;
        }

        /**
         * Sets the structured reasoning, when {@code reasoning_split} is on.
         * @param reasoningDetails the details, or null for none
         * @return this builder
         */
        public Builder reasoningDetails(@Nullable List<Map<String, Object>> reasoningDetails) {
            this.reasoningDetails = reasoningDetails;
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
         * Builds the chat message.
         * @return a new ChatMessage
         * @throws IllegalStateException if no role was set
         */
        public ChatMessage build() {
            if (this.role == null) {
                throw new IllegalStateException("A chat message needs a role: call role(Role.USER) (or SYSTEM, "
                        + "ASSISTANT, TOOL) before build(), or use a factory such as ChatMessage.user(text)");
            }
            return new ChatMessage(this.role, this.content, this.name, this.toolCalls, this.toolCallId,
                    this.reasoningContent, this.reasoningDetails, this.extra);
        }
    }
}
