package io.github.minimax4j.anthropic;

import java.util.Map;

/** A piece of a content block in a stream. */
public sealed interface ContentDelta {

    /**
     * Wire name of the delta type, such as {@code text_delta}.
     * @return the type
     */
    String type();

    /**
     * More text.
     * @param text the text to append to the block
     */
    record TextDelta(String text) implements ContentDelta {
        @Override
        public String type() {
            return "text_delta";
        }
    }

    /**
     * More thinking.
     * @param thinking the reasoning text to append to the block
     */
    record ThinkingDelta(String thinking) implements ContentDelta {
        @Override
        public String type() {
            return "thinking_delta";
        }
    }

    /**
     * The thinking block's signature (sent whole, once, before the block stops).
     * @param signature the signature, to send back with the thinking in the next turn
     */
    record SignatureDelta(String signature) implements ContentDelta {
        @Override
        public String type() {
            return "signature_delta";
        }
    }

    /**
     * A fragment of a tool_use block's input JSON; the fragments form valid JSON only when joined.
     * @param partialJson the fragment ({@code partial_json}), to append to the previous ones
     */
    record InputJsonDelta(String partialJson) implements ContentDelta {
        @Override
        public String type() {
            return "input_json_delta";
        }
    }

    /**
     * A delta type this client does not know, kept whole.
     * @param raw the delta's JSON object, as read (its {@code type} included)
     */
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
