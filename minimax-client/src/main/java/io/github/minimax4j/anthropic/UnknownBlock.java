package io.github.minimax4j.anthropic;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A block type this client does not know. Its JSON is kept whole and sent back as it came.
 *
 * @param raw the block's JSON object
 */
public record UnknownBlock(@JsonValue Map<String, Object> raw) implements ContentBlock {

    /**
     * Checks and copies the components.
     * @param raw see the type description
     */
    public UnknownBlock {
        raw = JsonMaps.copyOf(raw);
    }

    @Override
    public String type() {
        return String.valueOf(this.raw.get("type"));
    }
}
