package io.github.minimax4j.anthropic;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.minimax4j.model.BaseResp;
import org.jspecify.annotations.Nullable;

/**
 * The assistant's reply.
 *
 * @param id response id
 * @param type always {@code message}
 * @param role always {@code assistant}
 * @param model model that answered
 * @param content reply blocks: thinking, text, tool_use, or types this client does not know yet
 * @param stopReason why generation stopped (null only in a stream's {@code message_start})
 * @param stopSequence stop sequence that was hit, if any
 * @param usage tokens used
 * @param baseResp MiniMax's own status, when sent
 * @param extra fields this client does not know, kept as they came
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "id", "type", "role", "model", "content", "stop_reason", "stop_sequence", "usage", "base_resp" })
public record MessageResponse(String id, String type, Role role, String model, List<ContentBlock> content,
        @Nullable StopReason stopReason, @Nullable String stopSequence, @Nullable Usage usage,
        @Nullable BaseResp baseResp, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    /**
     * Checks and copies the components.
     * @param id see the type description
     * @param type see the type description
     * @param role see the type description
     * @param model see the type description
     * @param content see the type description
     * @param stopReason see the type description
     * @param stopSequence see the type description
     * @param usage see the type description
     * @param baseResp see the type description
     * @param extra see the type description
     */
    public MessageResponse {
        content = (content != null) ? List.copyOf(content) : List.of();
        extra = JsonMaps.copyOf(extra);
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
}
