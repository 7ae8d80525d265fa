package io.github.minimax4j.test.simulator;

/**
 * Token usage of one response, kept API-neutral so both endpoints (and the ledger) agree on the numbers.
 *
 * @param inputTokens uncached prompt tokens (Anthropic {@code input_tokens})
 * @param cacheReadInputTokens prompt tokens served from the cache
 * @param outputTokens generated tokens
 */
record Usage(int inputTokens, int cacheReadInputTokens, int outputTokens) {

    /** What OpenAI-style {@code prompt_tokens} reports: cached tokens are part of it. */
    int totalInputTokens() {
        return this.inputTokens + this.cacheReadInputTokens;
    }
}
