package io.github.minimax4j.client;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;

/**
 * The fake MiniMax the benchmarks talk to, on 127.0.0.1 in the same JVM: a fixed Messages reply, a fixed
 * Chat Completions reply, and Messages / Chat streams of {@code deltas} text deltas, all pre-rendered to bytes
 * so the server costs the same, and as little as it can, for every client measured.
 */
final class BenchServer implements AutoCloseable {

    final LoopbackServer server;

    BenchServer(int deltas) throws IOException {
        byte[] reply = utf8(Fixtures.read("m27-response.json"));
        byte[] chat = utf8(Fixtures.read("chat-image-response.json"));
        SseBody messagesStream = messagesStream(deltas);
        SseBody chatStream = chatStream(deltas);
        this.server = new LoopbackServer()
            .route("/anthropic/v1/messages", (exchange) -> LoopbackServer.send(exchange, 200, "application/json", reply))
            .route("/stream/v1/messages", messagesStream::send)
            .route("/v1/chat/completions", (exchange) -> LoopbackServer.send(exchange, 200, "application/json", chat))
            .route("/chatstream/v1/chat/completions", chatStream::send);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    String baseUrl() {
        return this.server.baseUrl();
    }

    /**
     * An SSE body of one opening, the same delta event {@code count} times, and a closing. Written from those
     * pieces rather than held whole, so the server's memory stays flat and a heap measurement sees the client's.
     */
    record SseBody(byte[] head, byte[] delta, int count, byte[] tail) {

        SseBody(String head, String delta, int count, String tail) {
            this(utf8(head), utf8(delta), count, utf8(tail));
        }

        void send(HttpExchange exchange) throws IOException {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, this.head.length + (long) this.delta.length * this.count + this.tail.length);
            try (OutputStream out = new BufferedOutputStream(exchange.getResponseBody(), 64 * 1024)) {
                out.write(this.head);
                for (int i = 0; i < this.count; i++) {
                    out.write(this.delta);
                }
                out.write(this.tail);
            }
        }
    }

    static SseBody messagesStream(int deltas) {
        return new SseBody("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"m\","
                + "\"type\":\"message\",\"role\":\"assistant\",\"model\":\"MiniMax-M3\",\"content\":[],"
                + "\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":12,\"output_tokens\":1}}}\n\n"
                + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
                + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n",
                "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
                        + "\"delta\":{\"type\":\"text_delta\",\"text\":\"word \"}}\n\n",
                deltas,
                "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
                        + "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
                        + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":" + deltas + "}}\n\n"
                        + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
    }

    static SseBody chatStream(int deltas) {
        String head = "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"MiniMax-M3\",\"choices\":[";
        return new SseBody("data: " + head + "{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}\n\n",
                "data: " + head + "{\"index\":0,\"delta\":{\"content\":\"word \"}}]}\n\n",
                deltas,
                "data: " + head + "{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
                        + "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"MiniMax-M3\","
                        + "\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":" + deltas
                        + ",\"total_tokens\":" + (deltas + 12) + "}}\n\n"
                        + "data: [DONE]\n\n");
    }

    @Override
    public void close() {
        this.server.close();
    }
}
