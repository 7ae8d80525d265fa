package io.github.minimax4j.openai;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.minimax4j.model.BaseResp;
import org.jspecify.annotations.Nullable;

/**
 * A Chat Completions reply.
 *
 * @param id reply id
 * @param object {@code chat.completion}
 * @param created creation time, Unix seconds
 * @param model model that answered
 * @param choices the choices (MiniMax sends one)
 * @param usage tokens used
 * @param inputSensitive whether the input tripped MiniMax's content filter
 * @param inputSensitiveType filter category of the input (1 severe … 7 other)
 * @param outputSensitive whether the output tripped the content filter
 * @param outputSensitiveType filter category of the output
 * @param baseResp MiniMax's own status
 * @param extra fields this client does not know, kept as they came
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatCompletion(String id, @Nullable String object, long created, String model, List<ChatChoice> choices,
        @Nullable ChatUsage usage, @Nullable Boolean inputSensitive, @Nullable Integer inputSensitiveType,
        @Nullable Boolean outputSensitive, @Nullable Integer outputSensitiveType, @Nullable BaseResp baseResp,
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
    public ChatCompletion {
        choices = (choices != null) ? List.copyOf(choices) : List.of();
        extra = JsonMaps.copyOf(extra);
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
}
