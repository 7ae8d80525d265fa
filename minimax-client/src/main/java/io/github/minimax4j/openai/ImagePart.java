package io.github.minimax4j.openai;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An {@code image_url} part (MiniMax-M3 only).
 *
 * @param imageUrl the image
 */
@JsonPropertyOrder({ "type", "image_url" })
public record ImagePart(ImageUrl imageUrl) implements ContentPart {

    /**
     * Checks the image.
     * @param imageUrl the image
     */
    public ImagePart {
        Objects.requireNonNull(imageUrl, "imageUrl must not be null");
    }

    @Override
    public String type() {
        return "image_url";
    }

    /**
     * Where the image is.
     *
     * @param url image URL or {@code data:} URL
     */
    public record ImageUrl(String url) {

        /**
         * Checks the URL.
         * @param url the URL
         */
        public ImageUrl {
            Objects.requireNonNull(url, "url must not be null");
        }
    }
}
