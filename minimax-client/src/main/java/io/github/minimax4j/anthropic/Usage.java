package io.github.minimax4j.anthropic;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Tokens the request used, as MiniMax reports them; a count the server did not send is 0 (streams spread
 * usage over {@code message_start} and {@code message_delta}: {@link #merge(Usage)} combines them).
 *
 * @param inputTokens uncached input tokens
 * @param outputTokens output tokens, thinking included
 * @param cacheCreationInputTokens input tokens written to the prompt cache
 * @param cacheReadInputTokens input tokens read from the prompt cache
 * @param extra fields this client does not know, kept as they came
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Usage(int inputTokens, int outputTokens,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) int cacheCreationInputTokens,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) int cacheReadInputTokens,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    /**
     * Copies the extra fields, keeping their order.
     * @param inputTokens uncached input tokens
     * @param outputTokens output tokens
     * @param cacheCreationInputTokens input tokens written to the prompt cache
     * @param cacheReadInputTokens input tokens read from the prompt cache
     * @param extra fields this client does not know
     */
    public Usage {
        extra = JsonMaps.copyOf(extra);
    }

    /**
     * Usage with no cache counts.
     * @param inputTokens input tokens
     * @param outputTokens output tokens
     */
    public Usage(int inputTokens, int outputTokens) {
        this(inputTokens, outputTokens, 0, 0, Map.of());
    }

    /**
     * This usage updated by a later report: each count the later one carries (non-zero) replaces this one's.
     * MiniMax reports cumulative values, so adding would double-count.
     * @param later the later report, or null
     * @return the merged usage
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

    /**
     * All input tokens: uncached, cache-read and cache-creation (OpenTelemetry's definition of input).
     * @return the sum
     */
    public int totalInputTokens() {
        return this.inputTokens + this.cacheReadInputTokens + this.cacheCreationInputTokens;
    }

    private static int latest(int earlier, int later) {
        return (later != 0) ? later : earlier;
    }
}
