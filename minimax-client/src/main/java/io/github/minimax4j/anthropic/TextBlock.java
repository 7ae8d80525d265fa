package io.github.minimax4j.anthropic;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Plain text. */
@JsonPropertyOrder({ "type", "text" })
public record TextBlock(String text) implements ContentBlock {

    public TextBlock {
        Objects.requireNonNull(text, "text must not be null");
    }

    @Override
    public String type() {
        return "text";
    }
}
