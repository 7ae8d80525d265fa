package io.github.minimax4j.anthropic;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Tokens the request used, as MiniMax reports them. A field the server did not send is {@code null}
 * (streams spread usage over {@code message_start} and {@code message_delta}); the {@code *OrZero}
 * accessors read them as 0.
 *
 * @param inputTokens uncached input tokens
 * @param outputTokens output tokens, thinking included
 * @param cacheCreationInputTokens input tokens written to the prompt cache
 * @param cacheReadInputTokens input tokens read from the prompt cache
 * @param extra fields this client does not know, kept as they came
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Usage(@Nullable Integer inputTokens, @Nullable Integer outputTokens,
        @Nullable Integer cacheCreationInputTokens, @Nullable Integer cacheReadInputTokens,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public Usage {
        extra = JsonMaps.copyOf(extra);
    }

    public Usage(int inputTokens, int outputTokens) {
        this(inputTokens, outputTokens, null, null, Map.of());
    }

    /**
     * This usage updated by a later report: each field the later one carries replaces this one's
     * (MiniMax reports cumulative values, so adding would double-count).
     */
    public Usage merge(@Nullable Usage later) {
        if (later == null) {
            return this;
        }
        Map<String, Object> mergedExtra = new LinkedHashMap<>(this.extra);
        mergedExtra.putAll(later.extra);
        return new Usage(latest(this.inputTokens, later.inputTokens), latest(this.outputTokens, later.outputTokens),
                latest(this.cacheCreationInputTokens, later.cacheCreationInputTokens),
                latest(this.cacheReadInputTokens, later.cacheReadInputTokens), mergedExtra);
    }

    public int inputTokensOrZero() {
        return orZero(this.inputTokens);
    }

    public int outputTokensOrZero() {
        return orZero(this.outputTokens);
    }

    public int cacheCreationInputTokensOrZero() {
        return orZero(this.cacheCreationInputTokens);
    }

    public int cacheReadInputTokensOrZero() {
        return orZero(this.cacheReadInputTokens);
    }

    /** All input tokens: uncached, cache-read and cache-creation (OpenTelemetry's definition of input). */
    public int totalInputTokens() {
        return inputTokensOrZero() + cacheReadInputTokensOrZero() + cacheCreationInputTokensOrZero();
    }

    private static @Nullable Integer latest(@Nullable Integer earlier, @Nullable Integer later) {
        return (later != null) ? later : earlier;
    }

    private static int orZero(@Nullable Integer value) {
        return (value != null) ? value : 0;
    }
}
