package io.github.minimax4j.openai;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * One message of a chat: {@code system}, {@code user}, {@code assistant} or {@code tool}. A reply's message
 * keeps everything MiniMax sent (raw content with any {@code <think>} block, {@code reasoning_details},
 * tool calls), so it can go back unchanged in the next request.
 *
 * @param role who speaks
 * @param content the content (null for an assistant message that only calls tools)
 * @param name optional participant name
 * @param toolCalls calls an assistant message makes
 * @param toolCallId the call a {@code tool} message answers
 * @param reasoningContent reasoning, when {@code reasoning_split} is on
 * @param reasoningDetails structured reasoning, when {@code reasoning_split} is on
 * @param extra other fields, kept as they came
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatMessage(Role role, @Nullable ChatContent content, @Nullable String name,
        @Nullable List<ToolCall> toolCalls, @Nullable String toolCallId, @Nullable String reasoningContent,
        @Nullable List<Map<String, Object>> reasoningDetails,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    /**
     * Checks and copies the components.
     * @param role see the type description
     * @param content see the type description
     * @param name see the type description
     * @param toolCalls see the type description
     * @param toolCallId see the type description
     * @param reasoningContent see the type description
     * @param reasoningDetails see the type description
     * @param extra see the type description
     */
    public ChatMessage {
        Objects.requireNonNull(role, "role must not be null");
        toolCalls = (toolCalls != null && !toolCalls.isEmpty()) ? List.copyOf(toolCalls) : null;
        extra = JsonMaps.copyOf(extra);
    }

    /**
     * A system message.
     * @param text the instructions
     * @return the message
     */
    public static ChatMessage system(String text) {
        return new ChatMessage(Role.SYSTEM, ChatContent.of(text), null, null, null, null, null, Map.of());
    }

    /**
     * A user message of plain text.
     * @param text the text
     * @return the message
     */
    public static ChatMessage user(String text) {
        return new ChatMessage(Role.USER, ChatContent.of(text), null, null, null, null, null, Map.of());
    }

    /**
     * A user message of parts (text and images).
     * @param parts the parts
     * @return the message
     */
    public static ChatMessage user(List<ContentPart> parts) {
        return new ChatMessage(Role.USER, ChatContent.of(parts), null, null, null, null, null, Map.of());
    }

    /**
     * An assistant message of plain text.
     * @param text the text
     * @return the message
     */
    public static ChatMessage assistant(String text) {
        return new ChatMessage(Role.ASSISTANT, ChatContent.of(text), null, null, null, null, null, Map.of());
    }

    /**
     * The result of a tool call.
     * @param toolCallId id of the call answered
     * @param result the tool's output
     * @return the message
     */
    public static ChatMessage tool(String toolCallId, String result) {
        return new ChatMessage(Role.TOOL, ChatContent.of(result), null, null, toolCallId, null, null, Map.of());
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
}
