package io.github.minimax4j.observation;

import io.github.minimax4j.observation.MiniMaxObservationDocumentation.LowCardinalityKeys;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

/**
 * Records what a MiniMax call reports into meters, once, when its observation stops:
 * {@code gen_ai.client.token.usage} (a histogram, {@code gen_ai.token.type} = {@code input} | {@code output},
 * input counting uncached, cache-read and cache-creation tokens), monotonic counters for cache-read,
 * cache-creation and reasoning tokens (so no sum double-counts). Generating calls only: a {@code count_tokens}
 * call records nothing here (its duration timer still counts it).
 */
public class TokenUsageMeterObservationHandler implements ObservationHandler<MiniMaxObservationContext> {

    /** Distribution of input and output tokens per call, OpenTelemetry's token usage. */
    public static final String TOKEN_USAGE = "gen_ai.client.token.usage";

    /** Counter of input tokens read from the prompt cache. */
    public static final String CACHE_READ = "gen_ai.client.token.cache_read";

    /** Counter of input tokens written to the prompt cache. */
    public static final String CACHE_CREATION = "gen_ai.client.token.cache_creation";

    /** Counter of output tokens spent on reasoning. */
    public static final String REASONING = "gen_ai.client.token.reasoning";

    /** Its input count is an answer, not usage: it is neither generated nor billed, so it records nothing here. */
    static final String COUNT_TOKENS = "count_tokens";

    /** The OpenTelemetry GenAI conventions' bucket boundaries for token counts. */
    private static final double[] TOKEN_BUCKETS = { 1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576,
            4194304, 16777216, 67108864 };

    private final MeterRegistry registry;

    /**
     * A handler recording into {@code registry}.
     * @param registry where the meters go
     */
    public TokenUsageMeterObservationHandler(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof MiniMaxObservationContext;
    }

    @Override
    public void onStop(MiniMaxObservationContext context) {
        TokenUsage usage = context.getUsage();
        if (usage == null || COUNT_TOKENS.equals(context.getCall().operation())) {
            // A call that failed before MiniMax reported any usage, or a count: nothing was generated or billed.
            return;
        }
        Tags tags = tagsWithoutError(context);
        tokens(tags, "input").record(usage.totalInputTokens());
        tokens(tags, "output").record(usage.outputTokens());
        count(CACHE_READ, "Input tokens read from the prompt cache", tags, usage.cacheReadInputTokens());
        count(CACHE_CREATION, "Input tokens written to the prompt cache", tags, usage.cacheCreationInputTokens());
        count(REASONING, "Output tokens spent on reasoning, where the API reports them", tags,
                usage.reasoningOutputTokens());
    }

    private DistributionSummary tokens(Tags tags, String type) {
        return DistributionSummary.builder(TOKEN_USAGE)
            .description("Tokens used per call, as the API reports them")
            .baseUnit("tokens")
            .tags(tags)
            .tag("gen_ai.token.type", type)
            .serviceLevelObjectives(TOKEN_BUCKETS)
            .register(this.registry);
    }

    private void count(String name, String description, Tags tags, long amount) {
        Counter counter = Counter.builder(name).description(description).baseUnit("tokens").tags(tags)
            .register(this.registry);
        if (amount > 0) {
            counter.increment(amount);
        }
    }

    /**
     * The observation's low-cardinality tags, less error.type: tokens a failed stream had already been billed
     * count with the rest, and one meter name keeps one set of tag keys (as Prometheus requires). The streaming
     * timers use them too.
     */
    static Tags tagsWithoutError(MiniMaxObservationContext context) {
        Tags tags = Tags.empty();
        for (KeyValue keyValue : context.getLowCardinalityKeyValues()) {
            if (!keyValue.getKey().equals(LowCardinalityKeys.ERROR_TYPE.asString())) {
                tags = tags.and(Tag.of(keyValue.getKey(), keyValue.getValue()));
            }
        }
        return tags;
    }
}
