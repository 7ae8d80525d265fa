package io.github.minimax4j.openai;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.minimax4j.model.BaseResp;
import org.jspecify.annotations.Nullable;

/**
 * One {@code chat.completion.chunk} of a stream. The last chunk may carry only {@code usage}, with no choices.
 *
 * @param id reply id
 * @param object {@code chat.completion.chunk}
 * @param created creation time, Unix seconds
 * @param model model that answers
 * @param choices the deltas
 * @param usage tokens used (the final usage chunk)
 * @param inputSensitive whether the input tripped MiniMax's content filter
 * @param inputSensitiveType filter category of the input (1 severe … 7 other)
 * @param outputSensitive whether the output tripped it
 * @param outputSensitiveType filter category of the output
 * @param baseResp MiniMax's own status
 * @param extra fields this client does not know
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatCompletionChunk(@Nullable String id, @Nullable String object, long created, @Nullable String model,
        List<Choice> choices, @Nullable ChatUsage usage, @Nullable Boolean inputSensitive,
        @Nullable Integer inputSensitiveType, @Nullable Boolean outputSensitive,
        @Nullable Integer outputSensitiveType, @Nullable BaseResp baseResp,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    /**
     * Checks and copies the components.
     * @param id see the type description
     * @param object see the type description
     * @param created see the type description
     * @param model see the type description
     * @param choices see the type description
     * @param usage see the type description
     * @param inputSensitive see the type description
     * @param inputSensitiveType see the type description
     * @param outputSensitive see the type description
     * @param outputSensitiveType see the type description
     * @param baseResp see the type description
     * @param extra see the type description
     */
    public ChatCompletionChunk {
        choices = (choices != null) ? List.copyOf(choices) : List.of();
        extra = JsonMaps.copyOf(extra);
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

    /**
     * What a chunk adds to a choice.
     *
     * @param role set on the first delta
     * @param content more content (may contain, or split, a {@code <think>} tag)
     * @param reasoningContent more reasoning, when {@code reasoning_split} is on
     * @param reasoningDetails structured reasoning fragments
     * @param toolCalls fragments of tool calls, by index
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Delta(@Nullable Role role, @Nullable String content, @Nullable String reasoningContent,
            @Nullable List<Map<String, Object>> reasoningDetails, @Nullable List<ToolCall> toolCalls) {

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
    }
}
