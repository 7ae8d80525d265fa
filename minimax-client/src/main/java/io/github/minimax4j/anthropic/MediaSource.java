package io.github.minimax4j.anthropic;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * Where an image or video comes from: {@code type} is {@code url} (with {@code url}) or {@code base64}
 * (with {@code mediaType} and {@code data}).
 *
 * @param type {@code url} or {@code base64}
 * @param mediaType MIME type of the base64 data, such as {@code image/png}; null for a URL source
 * @param data the bytes, base64-encoded; null for a URL source
 * @param url address of the image or video ({@code https://} or {@code mm_file://}); null for a base64 source
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "type", "media_type", "data", "url" })
public record MediaSource(String type, @Nullable String mediaType, @Nullable String data, @Nullable String url) {

    /**
     * A source by URL.
     * @param url the URL
     * @return the source
     */
    public static MediaSource url(String url) {
        return new MediaSource("url", null, null, url);
    }

    /**
     * An inline source.
     * @param mediaType the media type
     * @param data the bytes, base64-encoded
     * @return the source
     */
    public static MediaSource base64(String mediaType, String data) {
        return new MediaSource("base64", mediaType, data, null);
    }

    /**
     * Size of the inline data once decoded, without decoding it.
     * @return bytes, 0 for a URL source
     */
    public long decodedSize() {
        if (this.data == null) {
            return 0;
        }
        int padding = this.data.endsWith("==") ? 2 : this.data.endsWith("=") ? 1 : 0;
        return (this.data.length() * 3L) / 4 - padding;
    }

    @Override
    public String toString() {
        // base64 data can be megabytes: keep it out of logs and exception messages.
        return "MediaSource[type=" + this.type + ", mediaType=" + this.mediaType + ", url=" + this.url
                + ", data=" + ((this.data != null) ? this.data.length() + " chars" : null) + "]";
    }
}
