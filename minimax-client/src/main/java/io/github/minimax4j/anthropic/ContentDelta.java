package io.github.minimax4j.anthropic;

import java.util.Map;

/** A piece of a content block in a stream. */
public sealed interface ContentDelta {

    /**
     * Wire name of the delta type, such as {@code text_delta}.
     * @return the type
     */
    String type();

    /** More text. */
    record TextDelta(String text) implements ContentDelta {
        @Override
        public String type() {
            return "text_delta";
        }
    }

    /** More thinking. */
    record ThinkingDelta(String thinking) implements ContentDelta {
        @Override
        public String type() {
            return "thinking_delta";
        }
    }

    /** The thinking block's signature (sent whole, once, before the block stops). */
    record SignatureDelta(String signature) implements ContentDelta {
        @Override
        public String type() {
            return "signature_delta";
        }
    }

    /** A fragment of a tool_use block's input JSON; the fragments form valid JSON only when joined. */
    record InputJsonDelta(String partialJson) implements ContentDelta {
        @Override
        public String type() {
            return "input_json_delta";
        }
    }

    /** A delta type this client does not know, kept whole. */
    record Unknown(Map<String, Object> raw) implements ContentDelta {
        /**
         * Checks and copies the components.
         * @param raw see the type description
         */
        public Unknown {
            raw = JsonMaps.copyOf(raw);
        }

        @Override
        public String type() {
            return String.valueOf(this.raw.get("type"));
        }
    }
}
