package io.github.minimax4j.sample.web;

import io.github.minimax4j.anthropic.Usage;
import org.jspecify.annotations.Nullable;

/**
 * Token usage as the page shows it.
 *
 * @param input all input tokens (uncached, cache-read and cache-creation)
 * @param output output tokens
 * @param cacheRead input tokens read from the prompt cache
 * @param total input plus output
 */
public record UsageView(long input, long output, long cacheRead, long total) {

    static UsageView of(@Nullable Usage usage) {
        if (usage == null) {
            return new UsageView(0, 0, 0, 0);
        }
        long input = usage.totalInputTokens();
        return new UsageView(input, usage.outputTokens(), usage.cacheReadInputTokens(),
                input + usage.outputTokens());
    }

    /** Both usages added up: what a conversation of several calls used in all. */
    UsageView plus(UsageView other) {
        return new UsageView(this.input + other.input, this.output + other.output, this.cacheRead + other.cacheRead,
                this.total + other.total);
    }
}
