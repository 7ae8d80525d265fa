package io.github.minimax4j.test.simulator;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Jackson 3 helpers. The simulator works on JSON trees rather than typed records on purpose: it must
 * accept whatever a client sends (and stay independent of the client library's wire model it tests).
 */
final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static String write(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }

    /** A map of plain values (strings, numbers, booleans, lists, maps) as a JSON object. */
    static ObjectNode valueToObject(Map<String, ?> value) {
        return MAPPER.valueToTree(value);
    }

    /** Parses a request body; anything but a JSON object is a client error. */
    static ObjectNode readObject(byte[] body) {
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        }
        catch (JacksonException ex) {
            throw new BadRequestException("Request body is not valid JSON: " + ex.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new BadRequestException("Request body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    /** String value of a node, or "" for missing, null and non-string nodes (Jackson 3's asString() can throw). */
    static String text(@Nullable JsonNode node) {
        return (node != null && node.isString()) ? node.stringValue() : "";
    }
}
