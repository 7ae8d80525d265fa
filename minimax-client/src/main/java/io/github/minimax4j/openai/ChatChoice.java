package io.github.minimax4j.openai;

import org.jspecify.annotations.Nullable;

/**
 * One choice of a reply.
 *
 * @param index position
 * @param finishReason {@code stop}, {@code length}, {@code tool_calls}, or a value MiniMax adds later
 * @param message the assistant message
 */
public record ChatChoice(int index, @Nullable String finishReason, ChatMessage message) {
}
