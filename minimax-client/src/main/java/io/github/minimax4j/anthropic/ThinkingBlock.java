package io.github.minimax4j.anthropic;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * The model's reasoning. Send it back unchanged (text and signature) in the next turn: MiniMax requires
 * that in tool-use conversations.
 *
 * @param thinking the reasoning text
 * @param signature MiniMax's signature of the reasoning, to send back with it; null if MiniMax sent none
 */
@JsonPropertyOrder({ "type", "thinking", "signature" })
public record ThinkingBlock(String thinking, @Nullable String signature) implements ContentBlock {

    /**
     * Checks and copies the components.
     * @param thinking see the type description
     * @param signature see the type description
     */
    public ThinkingBlock {
        Objects.requireNonNull(thinking, "thinking must not be null");
    }

    /**
     * A thinking block, as sent back in an assistant turn.
     * @param thinking the reasoning text
     * @param signature its signature, as MiniMax sent it
     * @return the block
     */
    public static ThinkingBlock of(String thinking, @Nullable String signature) {
        return new ThinkingBlock(thinking, signature);
    }

    @Override
    public String type() {
        return "thinking";
    }
}
