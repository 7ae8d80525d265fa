package io.github.minimax4j.anthropic;

import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A video (MiniMax-M3 only): by URL or base64 MP4, AVI, MOV or MKV up to 50 MB, or a file uploaded
 * through MiniMax's Files API ({@code mm_file://id}, up to 512 MB).
 */
@JsonPropertyOrder({ "type", "source" })
public record VideoBlock(MediaSource source) implements ContentBlock {

    /** Media types MiniMax accepts for base64 videos. */
    public static final Set<String> MEDIA_TYPES = Set.of("video/mp4", "video/x-msvideo", "video/avi",
            "video/quicktime", "video/x-matroska");

    /** Largest URL or base64 video MiniMax accepts, in bytes (decoded). */
    public static final long MAX_BYTES = 50L * 1024 * 1024;

    public VideoBlock {
        Objects.requireNonNull(source, "source must not be null");
    }

    public static VideoBlock url(String url) {
        return new VideoBlock(MediaSource.url(url));
    }

    public static VideoBlock base64(String mediaType, String data) {
        return new VideoBlock(MediaSource.base64(mediaType, data));
    }

    /** A video uploaded through the Files API, sent as {@code mm_file://fileId}. */
    public static VideoBlock file(String fileId) {
        return new VideoBlock(MediaSource.url("mm_file://" + fileId));
    }

    @Override
    public String type() {
        return "video";
    }
}
