package io.github.minimax4j.client;

/** Messages stream events for paced {@link RawSseServer} scripts. */
final class StreamEvents {

    static final String START = "{\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"type\":\"message\","
            + "\"role\":\"assistant\",\"model\":\"MiniMax-M3\",\"content\":[],\"usage\":{\"input_tokens\":5}}}";

    static final String TEXT_START = "{\"type\":\"content_block_start\",\"index\":0,"
            + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}";

    private StreamEvents() {
    }

    static String textDelta(String text) {
        return "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"" + text
                + "\"}}";
    }

    static void finish(RawSseServer.Writer writer) throws Exception {
        writer.event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
        writer.event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},"
                + "\"usage\":{\"output_tokens\":9}}");
        writer.event("message_stop", "{\"type\":\"message_stop\"}");
        writer.end();
    }
}
