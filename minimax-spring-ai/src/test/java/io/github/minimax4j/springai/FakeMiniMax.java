package io.github.minimax4j.springai;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.minimax4j.autoconfigure.MiniMaxAutoConfiguration;
import io.github.minimax4j.client.MiniMaxClient;
import io.github.minimax4j.client.RetryPolicy;
import io.github.minimax4j.springai.autoconfigure.MiniMaxChatModelAutoConfiguration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration;
import org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A MiniMax stand-in on a loopback JDK HTTP server: queued replies, and the JSON bodies it received.
 * (Not MockServer: its shaded JSON-schema validator reads a resource bundle that Spring AI's own
 * json-schema-validator shadows, and crashes the JVM.) As a JUnit extension
 * ({@code @RegisterExtension final FakeMiniMax miniMax = new FakeMiniMax();}) it stops after each test.
 */
final class FakeMiniMax implements AutoCloseable, AfterEachCallback {

    /** One of the suite's canary keys (KeyCanaryAppender fails the run if it is ever logged). */
    static final String API_KEY = "mm-test-key-4f9a1c7e2b";

    static final String MESSAGES = "/anthropic/v1/messages";

    static final String SIGNATURE = "1c3a0ae890922669e9815a201f9b645abdaafe8d8b5a65a5e48f90830c6e0750";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Queue<Reply> replies = new ConcurrentLinkedQueue<>();

    private final List<String> received = java.util.Collections.synchronizedList(new ArrayList<>());

    private volatile Reply always;

    private final HttpServer server;

    /** A canned HTTP reply; a positive pause sends it event by event (split on blank lines), pausing between. */
    record Reply(int status, String contentType, String body, long pauseMillis) {

        Reply(int status, String contentType, String body) {
            this(status, contentType, body, 0);
        }

        Reply paced(long pauseMillis) {
            return new Reply(this.status, this.contentType, this.body, pauseMillis);
        }
    }

    FakeMiniMax() {
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        this.server.createContext(MESSAGES, this::handle);
        this.server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            this.received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Reply reply = this.replies.poll();
            if (reply == null) {
                reply = (this.always != null) ? this.always
                        : new Reply(500, "application/json", "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"no reply queued\"}}");
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", reply.contentType());
            if (reply.pauseMillis() <= 0) {
                exchange.sendResponseHeaders(reply.status(), bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
                return;
            }
            exchange.sendResponseHeaders(reply.status(), 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (String event : reply.body().split("(?<=\\n\\n)")) {
                    out.write(event.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    sleep(reply.pauseMillis());
                }
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + this.server.getAddress().getPort();
    }

    /** A client on this server with fast retries (two). */
    MiniMaxClient client() {
        return MiniMaxClient.builder()
            .apiKey(API_KEY)
            .baseUrl(baseUrl())
            .readTimeout(Duration.ofSeconds(5))
            .retryPolicy(new RetryPolicy(2, Duration.ofMillis(5), Duration.ofMillis(20)))
            .build();
    }

    /** A ChatClient on a MiniMaxChatModel built by hand on {@link #client()}. */
    ChatClient chatClient() {
        return ChatClient.builder(new MiniMaxChatModel(client())).build();
    }

    /**
     * An application with the MiniMax client, the chat model, Spring AI's tool calling and ChatClient
     * auto-configured, on this server; plus the given auto-configurations.
     */
    ApplicationContextRunner application(Class<?>... more) {
        return new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MiniMaxAutoConfiguration.class, RestClientAutoConfiguration.class,
                    MiniMaxChatModelAutoConfiguration.class, ToolCallingAutoConfiguration.class,
                    ChatClientAutoConfiguration.class))
            .withConfiguration(AutoConfigurations.of(more))
            .withPropertyValues("minimax.api-key=" + API_KEY, "minimax.base-url=" + baseUrl());
    }

    /** Queues replies, answered in order, each once. */
    FakeMiniMax replies(Reply... replies) {
        this.replies.addAll(List.of(replies));
        return this;
    }

    /** Answers every request not answered by a queued reply with this one. */
    FakeMiniMax always(Reply reply) {
        this.always = reply;
        return this;
    }

    /** The JSON bodies received, oldest first. */
    List<JsonNode> sent() {
        synchronized (this.received) {
            return this.received.stream().map(JSON::readTree).toList();
        }
    }

    static Reply json(int status, String body) {
        return new Reply(status, "application/json", body);
    }

    static Reply sse(String... events) {
        StringBuilder body = new StringBuilder();
        for (String event : events) {
            String type = JSON.readTree(event).get("type").asString();
            body.append("event: ").append(type).append("\ndata: ").append(event).append("\n\n");
        }
        return new Reply(200, "text/event-stream", body.toString());
    }

    /** A streamed reply of one text delta, ending the turn, with the usage given. */
    static Reply streamedText(String model, String text, int inputTokens, int outputTokens) {
        return sse("{\"type\":\"message_start\",\"message\":{\"id\":\"msg_streamed\",\"type\":\"message\","
                + "\"role\":\"assistant\",\"model\":\"" + model + "\",\"content\":[],\"usage\":{\"input_tokens\":"
                + inputTokens + ",\"output_tokens\":1}}}",
                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":" + quote(text)
                        + "}}",
                "{\"type\":\"content_block_stop\",\"index\":0}",
                "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"input_tokens\":"
                        + inputTokens + ",\"output_tokens\":" + outputTokens + "}}",
                "{\"type\":\"message_stop\"}");
    }

    /** A reply with a thinking block (M2.x always thinks) and the answer. */
    static Reply answer(String model, String thinking, String text) {
        return json(200, """
                {"id":"msg_answer","type":"message","role":"assistant","model":"%s",
                 "content":[{"type":"thinking","thinking":%s,"signature":"%s"},{"type":"text","text":%s}],
                 "usage":{"input_tokens":39,"output_tokens":40,"cache_creation_input_tokens":3,"cache_read_input_tokens":11},
                 "stop_reason":"end_turn","base_resp":{"status_code":0,"status_msg":"success"}}
                """.formatted(model, quote(thinking), SIGNATURE, quote(text)));
    }

    /** A reply asking for a tool, after thinking about it. */
    static Reply toolUse(String thinking, String signature, String id, String name, String inputJson) {
        return json(200, """
                {"id":"msg_tool","type":"message","role":"assistant","model":"MiniMax-M2.7",
                 "content":[{"type":"thinking","thinking":%s,"signature":"%s"},
                            {"type":"tool_use","id":"%s","name":"%s","input":%s}],
                 "usage":{"input_tokens":100,"output_tokens":20},
                 "stop_reason":"tool_use","base_resp":{"status_code":0,"status_msg":"success"}}
                """.formatted(quote(thinking), signature, id, name, inputJson));
    }

    static String quote(String text) {
        return JSON.writeValueAsString(text);
    }

    @Override
    public void close() {
        this.server.stop(0);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }
}
