package io.github.minimax4j.openai;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * A message's {@code content}: a plain string, or a list of parts (text and images).
 *
 * @param text the content as one string, or null when given as parts
 * @param parts the content as parts, empty when given as a string
 */
public record ChatContent(@Nullable String text, List<ContentPart> parts) {

    /**
     * Checks and copies the components.
     * @param text see the type description
     * @param parts see the type description
     */
    public ChatContent {
        parts = (parts != null) ? List.copyOf(parts) : List.of();
    }

    /**
     * Content as one string.
     * @param text the text
     * @return the content
     */
    public static ChatContent of(String text) {
        return new ChatContent(text, List.of());
    }

    /**
     * Content as parts.
     * @param parts the parts
     * @return the content
     */
    public static ChatContent of(List<ContentPart> parts) {
        return new ChatContent(null, parts);
    }

    @JsonCreator
    @SuppressWarnings("unchecked")
    static ChatContent fromJson(Object json) {
        if (json instanceof List<?> list) {
            return of(list.stream().map((part) -> ContentPart.fromJson((Map<String, Object>) part)).toList());
        }
        return of(String.valueOf(json));
    }

    @JsonValue
    Object wireValue() {
        return (this.text != null) ? this.text : this.parts;
    }

    /**
     * The text: the string, or the text parts joined.
     * @return the text
     */
    public String asText() {
        if (this.text != null) {
            return this.text;
        }
        return this.parts.stream().filter(TextPart.class::isInstance).map((part) -> ((TextPart) part).text())
            .collect(Collectors.joining());
    }
}
