package io.github.minimax4j.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.anthropic.MessageResponse;
import io.github.minimax4j.error.InvalidRequestException;
import io.github.minimax4j.error.MiniMaxTimeoutException;
import io.github.minimax4j.openai.ChatCompletion;
import io.github.minimax4j.openai.ChatCompletionRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Per-call options and the raw response, over HTTP on loopback, for both APIs. */
class RequestOptionsTests {

    private static final String KEY = "sk-request-options-key-0123456789";

    private static final MessageRequest HELLO = MessageRequest.builder().addUserMessage("Hello").build();

    private static final ChatCompletionRequest CHAT_HELLO = ChatCompletionRequest.builder().addUserMessage("Hello")
        .build();

    private static final RequestOptions OPTIONS = RequestOptions.builder().header("X-Trace", "t-1")
        .extraBody("future_param", Map.of("on", true)).extraBody("temperature", 0.25).build();

    /** What the server received: one entry per request, its headers and its JSON body. */
    private record Received(com.sun.net.httpserver.Headers headers, JsonNode body) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();

    private com.sun.net.httpserver.HttpServer server;

    private String baseUrl;

    private MiniMaxClient client;

    @BeforeEach
    void start() throws IOException {
        // the JDK server itself: the test's LoopbackServer drains request bodies before its handlers see them
        this.server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 64);
        this.server.start();
        this.baseUrl = "http://127.0.0.1:" + this.server.getAddress().getPort();
        route("/anthropic/v1/messages/count_tokens", (exchange) -> {
                record(exchange);
                reply(exchange, "application/json", "{\"input_tokens\":12}");
            });
        route("/anthropic/v1/messages", (exchange) -> {
                Received request = record(exchange);
                if (request.body().path("stream").asBoolean(false)) {
                    reply(exchange, "text/event-stream", Fixtures.read("stream-thinking-text.sse"));
                }
                else {
                    reply(exchange, "application/json", Fixtures.read("m27-response.json"));
                }
            });
        route("/v1/chat/completions", (exchange) -> {
                Received request = record(exchange);
                if (request.body().path("stream").asBoolean(false)) {
                    reply(exchange, "text/event-stream", Fixtures.read("chat-stream-think.sse"));
                }
                else {
                    reply(exchange, "application/json", Fixtures.read("chat-image-response.json"));
                }
            });
        route("/slow/v1/messages", (exchange) -> {
                record(exchange);
                try {
                    Thread.sleep(1500);
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
                reply(exchange, "application/json", Fixtures.read("m27-response.json"));
            });
        this.client = MiniMaxClient.builder().apiKey(KEY).baseUrl(this.baseUrl)
            .readTimeout(Duration.ofSeconds(10)).retryPolicy(RetryPolicy.none()).build();
    }

    private void route(String path, com.sun.net.httpserver.HttpHandler handler) {
        this.server.createContext(path, (exchange) -> {
            try (exchange) {
                handler.handle(exchange);
            }
        });
    }

    @AfterEach
    void stop() {
        this.server.stop(0);
    }

    private Received record(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Received request = new Received(exchange.getRequestHeaders(),
                Json.MAPPER.readTree(new String(body, StandardCharsets.UTF_8)));
        this.received.add(request);
        return request;
    }

    private static void reply(HttpExchange exchange, String contentType, String body) throws IOException {
        exchange.getResponseHeaders().set("minimax-request-id", "req-42");
        LoopbackServer.send(exchange, 200, contentType, body);
    }

    private Received last() {
        return this.received.get(this.received.size() - 1);
    }

    private void assertOptionsSent() {
        Received request = last();
        assertThat(request.headers().getFirst("X-Trace")).isEqualTo("t-1");
        assertThat(request.headers().getFirst("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(request.body().toString()).contains("\"future_param\":{\"on\":true}");
        assertThat(request.body().path("temperature").asDouble()).isEqualTo(0.25);
        assertThat(request.body().has("messages")).isTrue();
    }

    @Test
    void messagesCreateStreamAndCountTokensSendTheHeadersAndExtraBodyFields() {
        this.client.messages().create(HELLO, OPTIONS);
        assertOptionsSent();
        assertThat(last().body().path("stream").asBoolean(false)).isFalse();

        try (MessageStream stream = this.client.messages().stream(HELLO, OPTIONS)) {
            stream.finalMessage();
        }
        assertOptionsSent();
        assertThat(last().body().path("stream").asBoolean()).isTrue();

        assertThat(this.client.messages().countTokens(HELLO, OPTIONS).inputTokens()).isEqualTo(12);
        assertOptionsSent();
    }

    @Test
    void chatCreateAndStreamSendTheHeadersAndExtraBodyFields() {
        this.client.chatCompletions().create(CHAT_HELLO, OPTIONS);
        assertOptionsSent();

        try (ChatCompletionStream stream = this.client.chatCompletions().stream(CHAT_HELLO, OPTIONS)) {
            stream.finalCompletion();
        }
        assertOptionsSent();
        assertThat(last().body().path("stream").asBoolean()).isTrue();
    }

    @Test
    void theRawResponseCarriesStatusHeadersAndMiniMaxsRequestIdForBothApis() {
        RawResponse<MessageResponse> message = this.client.messages().createWithRawResponse(HELLO, RequestOptions.NONE);
        assertThat(message.status()).isEqualTo(200);
        assertThat(message.requestId()).isEqualTo("req-42");
        assertThat(message.header("MINIMAX-REQUEST-ID")).isEqualTo("req-42");
        assertThat(message.headers().get("content-type")).containsExactly("application/json");
        assertThat(message.body().model()).isNotBlank();
        assertThat(message.body()).isEqualTo(this.client.messages().create(HELLO));

        RawResponse<ChatCompletion> chat = this.client.chatCompletions().createWithRawResponse(CHAT_HELLO, OPTIONS);
        assertThat(chat.status()).isEqualTo(200);
        assertThat(chat.requestId()).isEqualTo("req-42");
        assertThat(chat.body().content()).isNotNull();
        assertOptionsSent();
    }

    @Test
    void aCallsOwnTimeoutReplacesTheClientsReadTimeout() {
        MiniMaxClient slow = MiniMaxClient.builder().apiKey(KEY).baseUrl(this.baseUrl)
            .anthropicBaseUrl(java.net.URI.create(this.baseUrl + "/slow"))
            .readTimeout(Duration.ofSeconds(10)).retryPolicy(RetryPolicy.none()).build();

        long start = System.nanoTime();
        assertThatExceptionOfType(MiniMaxTimeoutException.class).isThrownBy(() -> slow.messages()
            .create(HELLO, RequestOptions.builder().timeout(Duration.ofMillis(200)).build()));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1400));
        assertThat(slow.messages().create(HELLO).model()).isNotBlank(); // without the option: the client's 10 s
    }

    @Test
    void headersCannotAuthenticateOrCarryTheKey() {
        for (String name : List.of("Authorization", "x-api-key", "Proxy-Authorization")) {
            assertThatIllegalArgumentException().isThrownBy(() -> RequestOptions.builder().header(name, "Bearer other"))
                .withMessageContaining(name);
        }
        RequestOptions leaking = RequestOptions.builder().header("X-Debug", "key=" + KEY).build();

        assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> this.client.messages()
            .create(HELLO, leaking))
            .withMessageContaining("X-Debug")
            .satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(KEY));
        assertThat(this.received).isEmpty();
        assertThat(leaking.toString()).contains("X-Debug").doesNotContain(KEY);
    }

    @Test
    void streamIsNotAnExtraBodyField() {
        assertThatIllegalArgumentException().isThrownBy(() -> RequestOptions.builder().extraBody("stream", true))
            .withMessageContaining("stream");
    }
}
