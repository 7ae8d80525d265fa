package io.github.minimax4j.client;

import java.io.IOException;

/**
 * The fake MiniMax the benchmarks talk to, on 127.0.0.1 in the same JVM: a fixed Messages reply, a fixed
 * Chat Completions reply, and Messages / Chat streams of {@code deltas} text deltas, all pre-rendered so the
 * server costs the same for every client measured.
 */
final class BenchServer implements AutoCloseable {

    final LoopbackServer server;

    BenchServer(int deltas) throws IOException {
        String reply = Fixtures.read("m27-response.json");
        String chat = Fixtures.read("chat-image-response.json");
        String messagesStream = messagesStream(deltas);
        String chatStream = chatStream(deltas);
        this.server = new LoopbackServer()
            .route("/anthropic/v1/messages", (exchange) -> LoopbackServer.send(exchange, 200, "application/json", reply))
            .route("/stream/v1/messages", (exchange) -> LoopbackServer.send(exchange, 200, "text/event-stream",
                    messagesStream))
            .route("/v1/chat/completions", (exchange) -> LoopbackServer.send(exchange, 200, "application/json", chat))
            .route("/chatstream/v1/chat/completions", (exchange) -> LoopbackServer.send(exchange, 200,
                    "text/event-stream", chatStream));
    }

    String baseUrl() {
        return this.server.baseUrl();
    }

    static String messagesStream(int deltas) {
        StringBuilder sse = new StringBuilder(deltas * 130);
        sse.append("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"type\":\"message\","
                + "\"role\":\"assistant\",\"model\":\"MiniMax-M3\",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,"
                + "\"usage\":{\"input_tokens\":12,\"output_tokens\":1}}}\n\n");
        sse.append("event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
                + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n");
        for (int i = 0; i < deltas; i++) {
            sse.append("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
                    + "\"delta\":{\"type\":\"text_delta\",\"text\":\"word \"}}\n\n");
        }
        sse.append("event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n");
        sse.append("event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
                + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":" + deltas + "}}\n\n");
        sse.append("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
        return sse.toString();
    }

    static String chatStream(int deltas) {
        StringBuilder sse = new StringBuilder(deltas * 160);
        String head = "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"MiniMax-M3\",\"choices\":[";
        sse.append("data: ").append(head).append("{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}\n\n");
        for (int i = 0; i < deltas; i++) {
            sse.append("data: ").append(head).append("{\"index\":0,\"delta\":{\"content\":\"word \"}}]}\n\n");
        }
        sse.append("data: ").append(head).append("{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
        sse.append("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"MiniMax-M3\","
                + "\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":" + deltas + ",\"total_tokens\":"
                + (deltas + 12) + "}}\n\n");
        sse.append("data: [DONE]\n\n");
        return sse.toString();
    }

    @Override
    public void close() {
        this.server.close();
    }
}
