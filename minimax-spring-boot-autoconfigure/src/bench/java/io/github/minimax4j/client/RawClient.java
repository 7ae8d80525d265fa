package io.github.minimax4j.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The floor: the least a hand-written client must do with {@code java.net.http.HttpClient} and Jackson —
 * serialize the request, post it, parse the reply (or each SSE event) into a JSON tree. It sends a reply request
 * again once after an I/O failure: with 16 callers the JDK 17 client's pool sometimes hands out a connection it is
 * closing itself ("header parser received no bytes"), and a client that failed there would not be one anybody uses.
 */
final class RawClient {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final HttpClient http;

    private final URI messages;

    private final URI stream;

    private final URI chat;

    private final URI chatStream;

    RawClient(String baseUrl) {
        this(baseUrl, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
    }

    /** The floor on a JDK client of the caller's making (another executor, say). */
    RawClient(String baseUrl, HttpClient http) {
        this.http = http;
        this.messages = URI.create(baseUrl + "/anthropic/v1/messages");
        this.stream = URI.create(baseUrl + "/stream/v1/messages");
        this.chat = URI.create(baseUrl + "/v1/chat/completions");
        this.chatStream = URI.create(baseUrl + "/chatstream/v1/chat/completions");
    }

    private static Map<String, Object> body(String model) {
        return Map.of("model", model, "max_tokens", 1024, "messages",
                List.of(Map.of("role", "user", "content", List.of(Map.of("type", "text", "text", "Hello")))));
    }

    private HttpRequest post(URI uri, Object body) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer k").header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
    }

    JsonNode create() throws IOException, InterruptedException {
        return JSON.readTree(send(post(this.messages, body("MiniMax-M3"))));
    }

    private byte[] send(HttpRequest request) throws IOException, InterruptedException {
        try {
            return this.http.send(request, HttpResponse.BodyHandlers.ofByteArray()).body();
        }
        catch (IOException ex) {
            return this.http.send(request, HttpResponse.BodyHandlers.ofByteArray()).body();
        }
    }

    private static Map<String, Object> chatBody(boolean stream) {
        return Map.of("model", "MiniMax-M3", "stream", stream, "messages",
                List.of(Map.of("role", "user", "content", "Hello")));
    }

    JsonNode chat() throws IOException, InterruptedException {
        return JSON.readTree(send(post(this.chat, chatBody(false))));
    }

    /** Reads a Chat Completions stream, parsing each chunk; returns the number of chunks with content. */
    int chatStream() throws IOException, InterruptedException {
        return countDeltas(this.chatStream, chatBody(true),
                (chunk) -> !chunk.path("choices").path(0).path("delta").path("content").asString("").isEmpty(),
                (deltas) -> {
                });
    }

    /** Reads a Messages stream, parsing each event, telling {@code onDelta} the count so far; returns the count. */
    int stream(IntConsumer onDelta) throws IOException, InterruptedException {
        return countDeltas(this.stream, body("MiniMax-M3"),
                (event) -> event.path("type").asString().equals("content_block_delta"), onDelta);
    }

    /** Posts, then parses each {@code data:} line but {@code [DONE]} into a tree and counts those that are deltas. */
    private int countDeltas(URI uri, Object body, Predicate<JsonNode> isDelta, IntConsumer onDelta)
            throws IOException, InterruptedException {
        HttpResponse<InputStream> response = this.http.send(post(uri, body), HttpResponse.BodyHandlers.ofInputStream());
        int deltas = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("data: ") && !line.equals("data: [DONE]")
                        && isDelta.test(JSON.readTree(line.substring(6)))) {
                    onDelta.accept(++deltas);
                }
            }
        }
        return deltas;
    }
}
