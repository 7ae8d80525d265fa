package io.github.minimax4j.client;

import java.util.ArrayList;
import java.util.List;

/**
 * A Messages reply of {@code deltas} text deltas ("word " each) as {@link PacedSseServer} events: the opening events
 * with the first delta (so the first text comes at once), one delta per event after it, then the closing events.
 * Public for other modules' tests and the benchmark harness, through this module's test jar.
 */
public final class PacedMessagesReplies {

    private static final String OPENING = "event: message_start\ndata: {\"type\":\"message_start\",\"message\":"
            + "{\"id\":\"m\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"MiniMax-M3\",\"content\":[],"
            + "\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":12,\"output_tokens\":1}}}\n\n"
            + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
            + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n";

    private static final String DELTA = "event: content_block_delta\ndata: {\"type\":\"content_block_delta\","
            + "\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"word \"}}";

    private PacedMessagesReplies() {
    }

    /**
     * The reply's events, {@code deltas} + 1 of them: the stream lasts {@code deltas} intervals.
     * @param deltas text deltas in the reply, at least 1
     * @return the events, for {@link PacedSseServer#PacedSseServer(List, java.time.Duration)}
     */
    public static List<String> events(int deltas) {
        if (deltas < 1) {
            throw new IllegalArgumentException("deltas must be at least 1, was " + deltas);
        }
        List<String> events = new ArrayList<>();
        events.add(OPENING + DELTA);
        for (int i = 1; i < deltas; i++) {
            events.add(DELTA);
        }
        events.add("event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
                + "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
                + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":" + deltas + "}}\n\n"
                + "event: message_stop\ndata: {\"type\":\"message_stop\"}");
        return events;
    }
}
