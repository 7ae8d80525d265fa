package io.github.minimax4j.observation;

/**
 * Token usage of one call, the same for both APIs.
 *
 * @param inputTokens uncached input tokens
 * @param outputTokens output tokens, reasoning included
 * @param cacheReadInputTokens input tokens read from the prompt cache
 * @param cacheCreationInputTokens input tokens written to the prompt cache
 * @param reasoningOutputTokens output tokens spent on reasoning, where the API reports them
 */
public record TokenUsage(long inputTokens, long outputTokens, long cacheReadInputTokens,
        long cacheCreationInputTokens, long reasoningOutputTokens) {

    /** No tokens. */
    public static final TokenUsage NONE = new TokenUsage(0, 0, 0, 0, 0);

    /**
     * Input as OpenTelemetry counts it: uncached + cache-read + cache-creation.
     * @return uncached, cache-read and cache-creation input tokens
     */
    public long totalInputTokens() {
        return this.inputTokens + this.cacheReadInputTokens + this.cacheCreationInputTokens;
    }
}
