package io.github.minimax4j.openai;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A {@code text} part.
 *
 * @param text the text
 */
@JsonPropertyOrder({ "type", "text" })
public record TextPart(String text) implements ContentPart {

    /**
     * Checks the text.
     * @param text the text
     */
    public TextPart {
        Objects.requireNonNull(text, "text must not be null");
    }

    @Override
    public String type() {
        return "text";
    }
}
