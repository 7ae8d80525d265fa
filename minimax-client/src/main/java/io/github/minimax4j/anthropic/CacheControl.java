package io.github.minimax4j.anthropic;

import java.util.Objects;

/**
 * A prompt-cache breakpoint ({@code cache_control}): the prompt up to and including the block, tool or system
 * block that carries it is cached, and later requests that start with the same prefix read it from the cache
 * (reported as {@link Usage#cacheReadInputTokens()}).
 *
 * @param type cache type; MiniMax documents {@code ephemeral}
 */
public record CacheControl(String type) {

    /** The {@code ephemeral} cache, the one MiniMax documents. */
    public static final CacheControl EPHEMERAL = new CacheControl("ephemeral");

    /**
     * Checks the type.
     * @param type cache type
     */
    public CacheControl {
        Objects.requireNonNull(type, "type must not be null");
    }

    /**
     * The {@code ephemeral} cache.
     * @return {@link #EPHEMERAL}
     */
    public static CacheControl ephemeral() {
        return EPHEMERAL;
    }
}
