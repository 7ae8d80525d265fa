package io.github.minimax4j.client;

import java.util.Map;
import java.util.Objects;

import tools.jackson.core.JacksonException;

/**
 * The client's wire JSON (snake_case, nulls left out, unknown fields tolerated, content blocks read by their
 * {@code type}), for tools and tests that need to read or write what goes over the wire as the client does:
 * for example, a test double that parses the {@link io.github.minimax4j.anthropic.MessageRequest} it
 * received. Thread-safe.
 */
public final class MiniMaxJson {

    private MiniMaxJson() {
    }

    /**
     * Reads JSON into one of the wire types.
     * @param json the JSON text
     * @param type a wire type, such as {@code MessageRequest.class} or {@code ChatCompletionRequest.class}
     * @param <T> the wire type
     * @return the value read
     * @throws IllegalArgumentException if the JSON is malformed or does not fit the type (the message says where)
     */
    public static <T> T read(String json, Class<T> type) {
        Objects.requireNonNull(json, "json must not be null");
        Objects.requireNonNull(type, "type must not be null");
        try {
            return Json.MAPPER.readValue(json, type);
        }
        catch (JacksonException ex) {
            throw new IllegalArgumentException("Not a valid " + type.getSimpleName() + ": " + ex.getOriginalMessage(),
                    ex);
        }
    }

    /**
     * Reads a JSON object, such as a tool's input schema or its arguments, keeping the order of its fields.
     * @param json the JSON text of an object
     * @return the object's fields, in order
     * @throws IllegalArgumentException if the text is not a JSON object (the message says where)
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> readObject(String json) {
        Objects.requireNonNull(json, "json must not be null");
        Object value;
        try {
            value = Json.MAPPER.readValue(json, Object.class);
        }
        catch (JacksonException ex) {
            throw new IllegalArgumentException("Not valid JSON: " + ex.getOriginalMessage(), ex);
        }
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException("Expected a JSON object ({...}), got: "
                    + ((value != null) ? value.getClass().getSimpleName() : "null"));
        }
        return (Map<String, Object>) value;
    }

    /**
     * Writes a wire value as the client sends it.
     * @param value a wire value, such as a request
     * @return its JSON text
     */
    public static String write(Object value) {
        Objects.requireNonNull(value, "value must not be null");
        return Json.MAPPER.writeValueAsString(value);
    }
}
