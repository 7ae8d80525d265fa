package io.github.minimax4j.anthropic;

import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * An image (MiniMax-M3 only): by URL or base64 JPEG, PNG, GIF or WEBP, up to 10 MB.
 *
 * @param source where the image comes from: a URL or base64 data
 * @param cacheControl a prompt-cache breakpoint: the prompt up to and including this block is cached; null for none
 */
@JsonPropertyOrder({ "type", "source", "cache_control" })
public record ImageBlock(MediaSource source, @Nullable CacheControl cacheControl) implements ContentBlock {

    /** Media types MiniMax accepts for base64 images. */
    public static final Set<String> MEDIA_TYPES = Set.of("image/jpeg", "image/png", "image/gif", "image/webp");

    /** Largest image MiniMax accepts, in bytes (decoded). */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    /**
     * Checks and copies the components.
     * @param source see the type description
     * @param cacheControl see the type description
     */
    public ImageBlock {
        Objects.requireNonNull(source, "source must not be null");
    }

    /**
     * An image by URL.
     * @param url the image URL
     * @return the block
     */
    public static ImageBlock url(String url) {
        return new ImageBlock(MediaSource.url(url));
    }

    /**
     * An inline image.
     * @param mediaType {@code image/jpeg}, {@code image/png}, {@code image/gif} or {@code image/webp}
     * @param data the image, base64-encoded
     * @return the block
     */
    public static ImageBlock base64(String mediaType, String data) {
        return new ImageBlock(MediaSource.base64(mediaType, data));
    }

    /**
     * An image, without a cache breakpoint.
     * @param source source
     */
    public ImageBlock(MediaSource source) {
        this(source, null);
    }

    /**
     * This block with a cache breakpoint: the prompt up to and including it is cached.
     * @param cacheControl the breakpoint, or null for none
     * @return a copy carrying it
     */
    public ImageBlock withCacheControl(@Nullable CacheControl cacheControl) {
        return new ImageBlock(this.source, cacheControl);
    }

    /**
     * This block with an {@code ephemeral} cache breakpoint.
     * @return a copy carrying {@link CacheControl#EPHEMERAL}
     */
    public ImageBlock cached() {
        return withCacheControl(CacheControl.EPHEMERAL);
    }

    @Override
    public String type() {
        return "image";
    }
}
