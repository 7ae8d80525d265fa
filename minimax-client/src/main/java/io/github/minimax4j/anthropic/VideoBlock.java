package io.github.minimax4j.anthropic;

import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.minimax4j.model.FileObject;
import org.jspecify.annotations.Nullable;

/**
 * A video (MiniMax-M3 only): by URL or base64 MP4, AVI, MOV or MKV up to 50 MB, or a file uploaded
 * through MiniMax's Files API ({@code mm_file://id}, up to 512 MB).
 *
 * @param source where the video comes from: a URL ({@code mm_file://} included) or base64 data
 * @param cacheControl a prompt-cache breakpoint: the prompt up to and including this block is cached; null for none
 */
@JsonPropertyOrder({ "type", "source", "cache_control" })
public record VideoBlock(MediaSource source, @Nullable CacheControl cacheControl) implements ContentBlock {

    /** Media types MiniMax accepts for base64 videos. */
    public static final Set<String> MEDIA_TYPES = Set.of("video/mp4", "video/x-msvideo", "video/avi",
            "video/quicktime", "video/x-matroska");

    /** Largest URL or base64 video MiniMax accepts, in bytes (decoded). */
    public static final long MAX_BYTES = 50L * 1024 * 1024;

    /**
     * Checks and copies the components.
     * @param source see the type description
     * @param cacheControl see the type description
     */
    public VideoBlock {
        Objects.requireNonNull(source, "source must not be null");
    }

    /**
     * A video by URL.
     * @param url the video URL
     * @return the block
     */
    public static VideoBlock url(String url) {
        return new VideoBlock(MediaSource.url(url));
    }

    /**
     * An inline video.
     * @param mediaType one of {@link #MEDIA_TYPES}
     * @param data the video, base64-encoded
     * @return the block
     */
    public static VideoBlock base64(String mediaType, String data) {
        return new VideoBlock(MediaSource.base64(mediaType, data));
    }

    /**
     * A video uploaded through the Files API, sent as {@code mm_file://fileId}.
     * @param fileId the file id
     * @return the block
     */
    public static VideoBlock file(String fileId) {
        return new VideoBlock(MediaSource.url("mm_file://" + fileId));
    }

    /**
     * A video uploaded through the Files API ({@code minimax.files().upload(...)}), sent as its
     * {@code mm_file://} reference.
     * @param file the uploaded file
     * @return the block
     */
    public static VideoBlock of(FileObject file) {
        return new VideoBlock(MediaSource.url(file.reference()));
    }

    /**
     * A video, without a cache breakpoint.
     * @param source source
     */
    public VideoBlock(MediaSource source) {
        this(source, null);
    }

    /**
     * This block with a cache breakpoint: the prompt up to and including it is cached.
     * @param cacheControl the breakpoint, or null for none
     * @return a copy carrying it
     */
    public VideoBlock withCacheControl(@Nullable CacheControl cacheControl) {
        return new VideoBlock(this.source, cacheControl);
    }

    /**
     * This block with an {@code ephemeral} cache breakpoint.
     * @return a copy carrying {@link CacheControl#EPHEMERAL}
     */
    public VideoBlock cached() {
        return withCacheControl(CacheControl.EPHEMERAL);
    }

    @Override
    public String type() {
        return "video";
    }
}
