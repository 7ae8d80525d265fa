package io.github.minimax4j.test.simulator;

/**
 * Snapshot of the tokens the simulator has served on one API, as reported in the {@code usage} of
 * completed responses (streams count once they have sent their final event).
 *
 * @param responses completed responses
 * @param inputTokens all prompt tokens, cached ones included: Anthropic
 * {@code input_tokens + cache_read_input_tokens + cache_creation_input_tokens}, or OpenAI
 * {@code prompt_tokens}; the value {@code gen_ai.client.token.usage{gen_ai.token.type=input}} should sum to
 * @param cacheReadInputTokens the part of {@code inputTokens} reported as read from the prompt cache
 * @param outputTokens generated tokens ({@code output_tokens} / {@code completion_tokens})
 */
public record TokenTotals(long responses, long inputTokens, long cacheReadInputTokens, long outputTokens) {

    /** No responses served yet. */
    public static final TokenTotals EMPTY = new TokenTotals(0, 0, 0, 0);

    TokenTotals plus(Usage usage) {
        return new TokenTotals(this.responses + 1, this.inputTokens + usage.totalInputTokens(),
                this.cacheReadInputTokens + usage.cacheReadInputTokens(), this.outputTokens + usage.outputTokens());
    }
}
