package io.github.minimax4j.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.anthropic.MessageResponse;
import io.github.minimax4j.error.ClientRateLimitException;
import io.github.minimax4j.openai.ChatCompletionRequest;
import io.github.minimax4j.openai.ChatMessage;
import io.github.minimax4j.ratelimit.ClientRateLimiter;
import io.github.minimax4j.ratelimit.RateLimits;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The client held to its own rate limits, over HTTP against a loopback server: a call beyond the limit fails
 * locally and sends nothing, a call waits for capacity, token estimates settle with the usage MiniMax reports
 * (at the end of a stream, or at its close with what was reported so far), and limits per model; the async API
 * waits for capacity on the limiter's timer, not on the caller's thread.
 */
class RateLimitedClientTests {

    static final String MESSAGE = """
            {"id":"m1","type":"message","role":"assistant","model":"MiniMax-M3","content":[{"type":"text","text":"ok"}],
             "usage":{"input_tokens":40,"output_tokens":60},"stop_reason":"end_turn","base_resp":{"status_code":0}}""";

    static final String STREAM = "event: message_start\ndata: " + StreamEvents.START + "\n\n"
            + "event: content_block_start\ndata: " + StreamEvents.TEXT_START + "\n\n"
            + "event: content_block_delta\ndata: " + StreamEvents.textDelta("ok") + "\n\n"
            + "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
            + "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},"
            + "\"usage\":{\"output_tokens\":9}}\n\n" + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";

    static final String CHAT = """
            {"id":"c1","object":"chat.completion","created":1,"model":"MiniMax-M3","choices":[{"index":0,
             "finish_reason":"stop","message":{"role":"assistant","content":"ok"}}],
             "usage":{"prompt_tokens":9,"completion_tokens":4,"total_tokens":13},"base_resp":{"status_code":0}}""";

    private LoopbackServer server;

    private ClientRateLimiter limiter;

    @BeforeEach
    void startServer() throws Exception {
        this.server = new LoopbackServer()
            .route("/anthropic/v1/messages", (exchange) -> LoopbackServer.send(exchange, 200, "application/json", MESSAGE))
            .route("/v1/chat/completions", (exchange) -> LoopbackServer.send(exchange, 200, "application/json", CHAT));
    }

    @AfterEach
    void stop() {
        this.server.close();
        if (this.limiter != null) {
            this.limiter.close();
        }
    }

    @Test
    void aCallBeyondTheLimitFailsLocallyAndSendsNothing() {
        MiniMaxClient client = client(RateLimits.builder().requestsPerMinute(2).maxWait(Duration.ZERO).build());
        client.messages().create(request("MiniMax-M3", 100));
        client.messages().create(request("MiniMax-M3", 100));

        assertThatExceptionOfType(ClientRateLimitException.class)
            .isThrownBy(() -> client.messages().create(request("MiniMax-M3", 100)))
            .withMessageContaining("client's own rate limit")
            .withMessageContaining("not a 429 from MiniMax")
            .satisfies((ex) -> {
                assertThat(ex.limit()).isEqualTo(ClientRateLimitException.REQUESTS);
                assertThat(ex.scope()).isEqualTo(RateLimits.ACCOUNT);
            });
        assertThat(this.server.requests.get()).isEqualTo(2);
    }

    @Test
    void aCallWaitsForCapacityUpToTheMaximumWait() {
        // one request per 600 ms: the second call has to wait for the refill, and gets it within the 10 s allowed
        MiniMaxClient client = client(RateLimits.builder().requestsPerMinute(1).period(Duration.ofMillis(600))
            .maxWait(Duration.ofSeconds(10)).build());
        client.messages().create(request("MiniMax-M3", 100));
        long start = System.nanoTime();
        client.messages().create(request("MiniMax-M3", 100));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(300));
        assertThat(this.server.requests.get()).isEqualTo(2);
    }

    @Test
    void theTokenEstimateSettlesWithTheReportedUsage() {
        // each call reserves max_tokens 600 plus its prompt; without settling to the 100 reported the second would
        // not fit in 1000 and, with no wait allowed, would be refused
        MiniMaxClient client = client(RateLimits.builder().tokensPerMinute(1000).maxWait(Duration.ZERO).build());
        client.messages().create(request("MiniMax-M3", 600));
        assertThat(this.limiter.remaining(RateLimits.ACCOUNT, ClientRateLimitException.TOKENS)).isBetween(900L, 1000L);

        client.messages().create(request("MiniMax-M3", 600));
        assertThat(this.server.requests.get()).isEqualTo(2);
        assertThat(this.limiter.remaining(RateLimits.ACCOUNT, ClientRateLimitException.TOKENS)).isBetween(800L, 900L);
    }

    @Test
    void aTokenEstimateBeyondTheBudgetIsRefusedWithoutSending() {
        MiniMaxClient client = client(RateLimits.builder().tokensPerMinute(1000).maxWait(Duration.ZERO).build());
        client.messages().create(request("MiniMax-M3", 900));

        assertThatExceptionOfType(ClientRateLimitException.class)
            .isThrownBy(() -> client.messages().create(request("MiniMax-M3", 950)))
            .satisfies((ex) -> assertThat(ex.limit()).isEqualTo(ClientRateLimitException.TOKENS));
        assertThat(this.server.requests.get()).isEqualTo(1);
        // the refused call gave its request back: the request budget is untouched by it
    }

    @Test
    void aStreamCountsAsOneRequestAndSettlesItsTokensAtTheEnd() throws Exception {
        try (LoopbackServer sse = new LoopbackServer().route("/anthropic/v1/messages",
                (exchange) -> LoopbackServer.send(exchange, 200, "text/event-stream", STREAM))) {
            MiniMaxClient client = client(RateLimits.builder().requestsPerMinute(1).tokensPerMinute(10_000)
                .maxWait(Duration.ZERO).build(), sse.baseUrl());
            try (MessageStream stream = client.messages().stream(request("MiniMax-M3", 2000))) {
                stream.forEach((event) -> {
                });
            }
            // 5 input and 9 output tokens reported: the 2000+ reserved are given back
            assertThat(this.limiter.remaining(RateLimits.ACCOUNT, ClientRateLimitException.TOKENS))
                .isBetween(10_000L - 14, 10_000L);
            assertThat(this.limiter.remaining(RateLimits.ACCOUNT, ClientRateLimitException.REQUESTS)).isZero();
            assertThatExceptionOfType(ClientRateLimitException.class)
                .isThrownBy(() -> client.messages().stream(request("MiniMax-M3", 10)));
            assertThat(sse.requests.get()).isEqualTo(1);
        }
    }

    @Test
    void aStreamClosedEarlySettlesWithWhatWasReported() throws Exception {
        try (LoopbackServer sse = new LoopbackServer().route("/anthropic/v1/messages",
                (exchange) -> LoopbackServer.send(exchange, 200, "text/event-stream", STREAM))) {
            MiniMaxClient client = client(RateLimits.builder().tokensPerMinute(10_000).maxWait(Duration.ZERO).build(),
                    sse.baseUrl());
            try (MessageStream stream = client.messages().stream(request("MiniMax-M3", 2000))) {
                stream.iterator().next(); // message_start: 5 input tokens reported
            }
            long remaining = this.limiter.remaining(RateLimits.ACCOUNT, ClientRateLimitException.TOKENS);
            assertThat(remaining).isBetween(10_000L - 5, 10_000L);
        }
    }

    @Test
    void chatCompletionsPassTheSameLimit() {
        MiniMaxClient client = client(RateLimits.builder().requestsPerMinute(1).maxWait(Duration.ZERO).build());
        ChatCompletionRequest chat = ChatCompletionRequest.builder().model("MiniMax-M3")
            .addMessage(ChatMessage.user("Hi")).maxCompletionTokens(50).build();
        client.chatCompletions().create(chat);

        assertThatExceptionOfType(ClientRateLimitException.class).isThrownBy(() -> client.chatCompletions().create(chat));
        assertThat(this.server.requests.get()).isEqualTo(1);
    }

    @Test
    void aModelWithItsOwnLimitDrawsOnItsOwnBudget() {
        MiniMaxClient client = client(RateLimits.builder().requestsPerMinute(100).model("MiniMax-M3", 1, 0)
            .maxWait(Duration.ZERO).build());
        client.messages().create(request("MiniMax-M3", 10));

        assertThatExceptionOfType(ClientRateLimitException.class)
            .isThrownBy(() -> client.messages().create(request("MiniMax-M3", 10)))
            .satisfies((ex) -> assertThat(ex.scope()).isEqualTo("MiniMax-M3"))
            .withMessageContaining("model MiniMax-M3");
        client.messages().create(request("MiniMax-M2.7", 10));
        client.messages().create(request("MiniMax-M2.7", 10));
        assertThat(this.server.requests.get()).isEqualTo(3);
    }

    @Test
    void withoutALimiterNoCallIsHeld() {
        MiniMaxClient client = MiniMaxClient.builder().apiKey("test-key").baseUrl(this.server.baseUrl()).build();
        for (int i = 0; i < 30; i++) {
            client.messages().create(request("MiniMax-M3", 100));
        }
        assertThat(this.server.requests.get()).isEqualTo(30);
    }

    @Test
    void anAsyncCallWaitsForCapacityWithoutHoldingTheCallersThread() {
        // one request per 2 s: the second async call returns its future at once and is sent after the refill
        MiniMaxClient client = client(RateLimits.builder().requestsPerMinute(1).period(Duration.ofSeconds(2))
            .maxWait(Duration.ofSeconds(20)).build());
        client.async().messages().create(request("MiniMax-M3", 100)).join();
        long start = System.nanoTime();
        CompletableFuture<MessageResponse> waiting = client.async().messages().create(request("MiniMax-M3", 100));
        Duration returnedAfter = Duration.ofNanos(System.nanoTime() - start);

        assertThat(returnedAfter).as("the caller's thread is not held").isLessThan(Duration.ofSeconds(1));
        assertThat(waiting).as("still waiting for capacity").isNotDone();
        assertThat(this.server.requests.get()).isEqualTo(1);
        assertThat(waiting.join().text()).isEqualTo("ok");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofSeconds(1));
        assertThat(this.server.requests.get()).isEqualTo(2);
    }

    @Test
    void anAsyncCallBeyondTheLimitFailsItsFutureAndSendsNothing() {
        MiniMaxClient client = client(RateLimits.builder().requestsPerMinute(1).maxWait(Duration.ZERO).build());
        ChatCompletionRequest chat = ChatCompletionRequest.builder().model("MiniMax-M3")
            .addMessage(ChatMessage.user("Hi")).maxCompletionTokens(50).build();
        client.async().chatCompletions().create(chat).join();

        assertThatExceptionOfType(CompletionException.class)
            .isThrownBy(() -> client.async().chatCompletions().create(chat).join())
            .withCauseInstanceOf(ClientRateLimitException.class);
        assertThat(this.server.requests.get()).isEqualTo(1);
    }

    @Test
    void anAsyncStreamBeyondTheLimitSignalsTheRefusalAndSendsNothing() throws Exception {
        try (LoopbackServer sse = new LoopbackServer().route("/anthropic/v1/messages",
                (exchange) -> LoopbackServer.send(exchange, 200, "text/event-stream", STREAM))) {
            MiniMaxClient client = client(RateLimits.builder().requestsPerMinute(1).tokensPerMinute(10_000)
                .maxWait(Duration.ZERO).build(), sse.baseUrl());
            MessagePublisher first = client.async().messages().stream(request("MiniMax-M3", 2000));
            assertThat(ending(first).get(30, TimeUnit.SECONDS)).isNull();
            // 5 input and 9 output tokens reported: the 2000+ reserved are given back at the end
            assertThat(this.limiter.remaining(RateLimits.ACCOUNT, ClientRateLimitException.TOKENS))
                .isBetween(10_000L - 14, 10_000L);

            Throwable refused = ending(client.async().messages().stream(request("MiniMax-M3", 10)))
                .get(30, TimeUnit.SECONDS);
            assertThat(refused).isInstanceOf(ClientRateLimitException.class);
            assertThat(sse.requests.get()).isEqualTo(1);
        }
    }

    /** Reads a publisher to its end; the future holds its error, or null when it completed. */
    private static <T> CompletableFuture<@Nullable Throwable> ending(Flow.Publisher<T> publisher) {
        CompletableFuture<@Nullable Throwable> ending = new CompletableFuture<>();
        publisher.subscribe(new Flow.Subscriber<T>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(T item) {
            }

            @Override
            public void onError(Throwable failure) {
                ending.complete(failure);
            }

            @Override
            public void onComplete() {
                ending.complete(null);
            }
        });
        return ending;
    }

    private MiniMaxClient client(RateLimits limits) {
        return client(limits, this.server.baseUrl());
    }

    private MiniMaxClient client(RateLimits limits, String baseUrl) {
        this.limiter = ClientRateLimiter.local(limits);
        return MiniMaxClient.builder().apiKey("test-key").baseUrl(baseUrl).rateLimiter(this.limiter).build();
    }

    static MessageRequest request(String model, int maxTokens) {
        return MessageRequest.builder().model(model).maxTokens(maxTokens).addUserMessage("Hi").build();
    }
}
