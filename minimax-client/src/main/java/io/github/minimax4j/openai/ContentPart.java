package io.github.minimax4j.openai;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One part of a multimodal message. Callers {@code switch} on the permitted types: {@link TextPart},
 * {@link ImagePart} (MiniMax-M3 only), or {@link UnknownPart} for a part type this client does not know,
 * with its JSON kept and sent back unchanged.
 */
public sealed interface ContentPart permits TextPart, ImagePart, UnknownPart {

    /**
     * Wire name of the part type, such as {@code text} or {@code image_url}.
     * @return the type
     */
    @JsonProperty("type")
    String type();

    /**
     * A text part.
     * @param text the text
     * @return the part
     */
    static TextPart text(String text) {
        return new TextPart(text);
    }

    /**
     * An image by URL, or as a {@code data:image/png;base64,...} URL.
     * @param url the URL
     * @return the part
     */
    static ImagePart imageUrl(String url) {
        return new ImagePart(new ImagePart.ImageUrl(url));
    }

    /**
     * Reads a part from its JSON object; a part that does not fit a known variant is kept whole.
     * @param json the part's JSON object
     * @return the part
     */
    static ContentPart fromJson(Map<String, Object> json) {
        Object type = json.get("type");
        if ("text".equals(type) && json.size() == 2 && json.get("text") instanceof String text) {
            return new TextPart(text);
        }
        if ("image_url".equals(type) && json.size() == 2 && json.get("image_url") instanceof Map<?, ?> image
                && image.size() == 1 && image.get("url") instanceof String url) {
            return new ImagePart(new ImagePart.ImageUrl(url));
        }
        return new UnknownPart(new LinkedHashMap<>(json));
    }
}
