package io.github.minimax4j.anthropic;

/**
 * Result of {@code count_tokens}: the input tokens a request would use, without generating anything.
 *
 * @param inputTokens input tokens
 */
public record TokenCount(int inputTokens) {
}
