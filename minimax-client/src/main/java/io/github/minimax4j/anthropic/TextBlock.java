package io.github.minimax4j.anthropic;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * Plain text.
 *
 * @param text the text
 * @param cacheControl a prompt-cache breakpoint: the prompt up to and including this block is cached; null for none
 */
@JsonPropertyOrder({ "type", "text", "cache_control" })
public record TextBlock(String text, @Nullable CacheControl cacheControl) implements ContentBlock {

    /**
     * Checks and copies the components.
     * @param text see the type description
     * @param cacheControl see the type description
     */
    public TextBlock {
        Objects.requireNonNull(text, "text must not be null");
    }

    /**
     * Plain text, without a cache breakpoint.
     * @param text text
     */
    public TextBlock(String text) {
        this(text, null);
    }

    /**
     * This block with a cache breakpoint: the prompt up to and including it is cached.
     * @param cacheControl the breakpoint, or null for none
     * @return a copy carrying it
     */
    public TextBlock withCacheControl(@Nullable CacheControl cacheControl) {
        return new TextBlock(this.text, cacheControl);
    }

    /**
     * This block with an {@code ephemeral} cache breakpoint.
     * @return a copy carrying {@link CacheControl#EPHEMERAL}
     */
    public TextBlock cached() {
        return withCacheControl(CacheControl.EPHEMERAL);
    }

    @Override
    public String type() {
        return "text";
    }
}
