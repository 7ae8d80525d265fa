package io.github.minimax4j.model;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * What a file uploaded through MiniMax's Files API is for. Open: any value is accepted, so a purpose added
 * after this client still works; the constants carry the formats and sizes MiniMax's docs list, which the
 * client checks before sending.
 *
 * @param value purpose as sent on the wire
 */
public record FilePurpose(@JsonValue String value) {

    /** Largest file MiniMax's Files API takes, in bytes (512 MB). */
    public static final long MAX_BYTES = 512L * 1024 * 1024;

    /** A video for multimodal understanding, referenced as {@code mm_file://id}; kept up to 7 days. */
    public static final FilePurpose VIDEO_UNDERSTANDING = new FilePurpose("video_understanding");

    /** An original voice file for quick voice cloning. */
    public static final FilePurpose VOICE_CLONE = new FilePurpose("voice_clone");

    /** A sample audio for voice cloning (under 8 seconds, up to 20 MB). */
    public static final FilePurpose PROMPT_AUDIO = new FilePurpose("prompt_audio");

    /** A text file for asynchronous long-text speech synthesis. */
    public static final FilePurpose T2A_ASYNC_INPUT = new FilePurpose("t2a_async_input");

    private static final Map<String, String> VIDEO = Map.of("mp4", "video/mp4", "avi", "video/x-msvideo", "mov",
            "video/quicktime", "mkv", "video/x-matroska");

    private static final Map<String, String> AUDIO = Map.of("mp3", "audio/mpeg", "m4a", "audio/mp4", "wav",
            "audio/wav");

    private static final Map<String, String> TEXT = Map.of("txt", "text/plain", "zip", "application/zip");

    /** Extension to content type, per purpose, from MiniMax's upload page. */
    private static final Map<String, Map<String, String>> FORMATS = Map.of(VIDEO_UNDERSTANDING.value, VIDEO,
            VOICE_CLONE.value, AUDIO, PROMPT_AUDIO.value, AUDIO, T2A_ASYNC_INPUT.value, TEXT);

    /**
     * Checks the value.
     * @param value see the type description
     */
    public FilePurpose {
        Objects.requireNonNull(value, "file purpose must not be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException("file purpose must not be blank");
        }
    }

    /**
     * The purpose with this value: a constant for a known one, a new value otherwise.
     * @param value the purpose as MiniMax names it
     * @return the purpose
     */
    @JsonCreator
    public static FilePurpose of(String value) {
        for (FilePurpose known : new FilePurpose[] { VIDEO_UNDERSTANDING, VOICE_CLONE, PROMPT_AUDIO, T2A_ASYNC_INPUT }) {
            if (known.value.equals(value)) {
                return known;
            }
        }
        return new FilePurpose(value);
    }

    /**
     * File extensions MiniMax accepts for this purpose, lower case without the dot.
     * @return the extensions, or empty when this client does not know the purpose (the server decides)
     */
    public Set<String> extensions() {
        return formats().keySet();
    }

    /**
     * Largest file MiniMax accepts for this purpose.
     * @return bytes: 20 MB for {@link #PROMPT_AUDIO}, {@link #MAX_BYTES} otherwise
     */
    public long maxBytes() {
        return PROMPT_AUDIO.equals(this) ? 20L * 1024 * 1024 : MAX_BYTES;
    }

    /**
     * Content type of a file with this extension, for this purpose.
     * @param extension the extension, without the dot, any case
     * @return the content type, or null when the purpose does not accept the extension (or is unknown)
     */
    public @Nullable String contentTypeOf(String extension) {
        return formats().get(extension.toLowerCase(Locale.ROOT));
    }

    private Map<String, String> formats() {
        return FORMATS.getOrDefault(this.value, Map.of());
    }

    @Override
    public String toString() {
        return this.value;
    }
}
