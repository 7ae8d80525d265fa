package io.github.minimax4j.openai;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * One part of a multimodal message: {@code text}, or {@code image_url} (MiniMax-M3 only); other part
 * types are kept in {@code extra} as they came.
 *
 * @param type part type
 * @param text the text of a {@code text} part
 * @param imageUrl the image of an {@code image_url} part
 * @param extra other fields, sent as given
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContentPart(String type, @Nullable String text, @Nullable ImageUrl imageUrl,
        @JsonAnyGetter Map<String, Object> extra) {

    public ContentPart {
        Objects.requireNonNull(type, "type must not be null");
        extra = (extra != null) ? Map.copyOf(extra) : Map.of();
    }

    public static ContentPart text(String text) {
        return new ContentPart("text", text, null, Map.of());
    }

    /** An image by URL, or as a {@code data:image/png;base64,...} URL. */
    public static ContentPart imageUrl(String url) {
        return new ContentPart("image_url", null, new ImageUrl(url), Map.of());
    }

    @SuppressWarnings("unchecked")
    static ContentPart fromJson(Map<String, Object> json) {
        Map<String, Object> extra = new LinkedHashMap<>(json);
        Object type = extra.remove("type");
        Object text = extra.remove("text");
        Object image = extra.remove("image_url");
        ImageUrl imageUrl = (image instanceof Map<?, ?> map && map.get("url") instanceof String url) ? new ImageUrl(url)
                : null;
        return new ContentPart(String.valueOf(type), (text instanceof String s) ? s : null, imageUrl, extra);
    }

    /**
     * @param url image URL or data URL
     */
    public record ImageUrl(String url) {
    }
}
