package io.github.minimax4j.openai;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A part type this client does not know (or a known one with fields it does not model). Its JSON is kept
 * whole and sent back as it came.
 *
 * @param raw the part's JSON object
 */
public record UnknownPart(@JsonValue Map<String, Object> raw) implements ContentPart {

    /**
     * Copies the JSON, keeping key order and JSON nulls.
     * @param raw the part's JSON object
     */
    public UnknownPart {
        raw = JsonMaps.copyOf(raw);
    }

    @Override
    public String type() {
        return String.valueOf(this.raw.get("type"));
    }
}
