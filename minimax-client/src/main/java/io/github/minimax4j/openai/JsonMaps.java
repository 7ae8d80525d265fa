package io.github.minimax4j.openai;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Copies of JSON objects that keep key order (Map.copyOf would not) and allow JSON nulls. */
final class JsonMaps {

    private JsonMaps() {
    }

    static Map<String, Object> copyOf(Map<String, ?> map) {
        return (map == null || map.isEmpty()) ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
