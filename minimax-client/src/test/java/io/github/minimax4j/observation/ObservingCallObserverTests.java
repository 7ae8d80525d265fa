package io.github.minimax4j.observation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.client.MessageStream;
import io.github.minimax4j.client.MiniMaxClient;
import io.github.minimax4j.client.RetryPolicy;
import io.github.minimax4j.error.BadRequestException;
import io.github.minimax4j.error.MalformedResponseException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.model.HttpRequest;
import org.mockserver.model.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

/** Calls over HTTP, then the meters: names, tags and exact values, as Prometheus will see them. */
class ObservingCallObserverTests {

    private static final HttpRequest MESSAGES = request().withMethod("POST").withPath("/anthropic/v1/messages");

    private static final MessageRequest HELLO = MessageRequest.builder().addUserMessage("Hello").userId("user-7").build();

    private static final Tags M3 = Tags.of("gen_ai.provider.name", "minimax", "gen_ai.request.model", "MiniMax-M3",
            "minimax.api", "messages");

    private static ClientAndServer server;

    private MeterRegistry meters;

    private MiniMaxClient client;

    @BeforeAll
    static void start() {
        server = ClientAndServer.startClientAndServer(0);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void setUp() {
        server.reset();
        this.meters = new SimpleMeterRegistry();
        this.meters.config().meterFilter(new GenAiHistogramMeterFilter());
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new MiniMaxMeterObservationHandler(this.meters));
        observations.observationConfig().observationHandler(new TokenUsageMeterObservationHandler(this.meters));
        this.client = client(observations);
    }

    private static MiniMaxClient client(ObservationRegistry observations) {
        return MiniMaxClient.builder().apiKey("k").baseUrl("http://127.0.0.1:" + server.getPort())
            .retryPolicy(RetryPolicy.none()).observationRegistry(observations).build();
    }

    private static String fixture(String name) {
        try (InputStream in = ObservingCallObserverTests.class.getResourceAsStream("/io/github/minimax4j/client/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private void reply(String fixture) {
        server.when(MESSAGES).respond(response().withContentType(MediaType.APPLICATION_JSON).withBody(fixture(fixture)));
    }

    private double tokens(String operation, String type) {
        return this.meters.get(TokenUsageMeterObservationHandler.TOKEN_USAGE).tags(M3)
            .tags("gen_ai.operation.name", operation, "gen_ai.token.type", type).summary().totalAmount();
    }

    @Test
    void aReplyRecordsInputAsUncachedPlusCacheReadPlusCacheCreationAndOutput() {
        reply("m3-image-response.json");

        this.client.messages().create(HELLO);

        assertThat(tokens("chat", "input")).isEqualTo(1209 + 157);
        assertThat(tokens("chat", "output")).isEqualTo(214);
        assertThat(this.meters.get(TokenUsageMeterObservationHandler.TOKEN_USAGE).tags("gen_ai.token.type", "input")
            .summary().getId().getTag("gen_ai.response.model")).isEqualTo("MiniMax-M3");
        assertThat(this.meters.get(TokenUsageMeterObservationHandler.CACHE_READ).tags(M3).counter().count()).isEqualTo(157);
        assertThat(this.meters.get(TokenUsageMeterObservationHandler.CACHE_CREATION).tags(M3).counter().count()).isZero();
        assertThat(this.meters.find(TokenUsageMeterObservationHandler.TOKEN_USAGE).tag("gen_ai.token.type", "total")
            .summary()).isNull();
        assertThat(this.meters.get(DefaultMiniMaxObservationConvention.NAME).tags(M3).tag("error.type", "none").timer()
            .count()).isEqualTo(1);
        assertThat(this.meters.getMeters()).allSatisfy((meter) -> assertThat(meter.getId().getTag("user.id")).isNull());
    }

    @Test
    void aStreamRecordsOnceFromUsageMergedAcrossStartAndDelta() {
        server.when(MESSAGES).respond(response().withHeader("Content-Type", "text/event-stream")
            .withBody(fixture("stream-thinking-text.sse")));

        try (MessageStream stream = this.client.messages().stream(HELLO)) {
            stream.finalMessage();
        }

        // message_start: input 21, cache-read 7; message_delta: output 42, cache-creation 3 (not 1 + 42).
        assertThat(tokens("chat", "input")).isEqualTo(21 + 7 + 3);
        assertThat(tokens("chat", "output")).isEqualTo(42);
        assertThat(this.meters.get(TokenUsageMeterObservationHandler.TOKEN_USAGE).tags("gen_ai.token.type", "output")
            .summary().count()).isEqualTo(1);
        assertThat(this.meters.get(MiniMaxMeterObservationHandler.TIME_TO_FIRST_CHUNK).tags(M3).timer().count())
            .isEqualTo(1);
    }

    @Test
    void aStreamThatDiscardsItsTextStillRecordsItsUsageAndEndsWithNoContent() {
        server.when(MESSAGES).respond(response().withHeader("Content-Type", "text/event-stream")
            .withBody(fixture("stream-thinking-text.sse")));

        io.github.minimax4j.anthropic.MessageResponse last;
        java.util.List<String> texts = new java.util.ArrayList<>();
        try (MessageStream stream = this.client.messages().stream(HELLO).discardText()) {
            last = stream.readToEnd(texts::add);
        }

        assertThat(texts).isNotEmpty();
        assertThat(last.content()).isEmpty();
        assertThat(last.model()).isEqualTo("MiniMax-M3");
        assertThat(last.usage().outputTokens()).isEqualTo(42);
        assertThat(tokens("chat", "input")).isEqualTo(21 + 7 + 3);
        assertThat(tokens("chat", "output")).isEqualTo(42);
        assertThat(this.meters.get(DefaultMiniMaxObservationConvention.NAME).tags(M3).tag("error.type", "none").timer()
            .count()).isEqualTo(1);
    }

    @Test
    void aChatStreamThatDiscardsItsTextStillRecordsItsUsage() {
        server.when(request().withPath("/v1/chat/completions")).respond(response()
            .withHeader("Content-Type", "text/event-stream").withBody(fixture("chat-stream-think.sse")));

        StringBuilder visible = new StringBuilder();
        io.github.minimax4j.openai.ChatCompletion last;
        try (var stream = this.client.chatCompletions().stream(io.github.minimax4j.openai.ChatCompletionRequest
            .builder().addUserMessage("Hello").build()).discardText()) {
            last = stream.readToEnd(visible::append, (reasoning) -> { });
        }

        assertThat(visible.toString()).endsWith("Hello there!").doesNotContain("greets");
        assertThat(last.content()).isEmpty();
        assertThat(last.finishReason()).isEqualTo("stop");
        Tags chat = Tags.of("gen_ai.request.model", "MiniMax-M3", "minimax.api", "chat_completions");
        assertThat(this.meters.get(TokenUsageMeterObservationHandler.TOKEN_USAGE).tags(chat)
            .tags("gen_ai.token.type", "input").summary().totalAmount()).isEqualTo(30);
        assertThat(this.meters.get(TokenUsageMeterObservationHandler.TOKEN_USAGE).tags(chat)
            .tags("gen_ai.token.type", "output").summary().totalAmount()).isEqualTo(12);
        assertThat(this.meters.get(TokenUsageMeterObservationHandler.CACHE_READ).tags(chat).counter().count())
            .isEqualTo(10);
    }

    @Test
    void discardTextAfterReadingHasStartedIsRefused() {
        server.when(MESSAGES).respond(response().withHeader("Content-Type", "text/event-stream")
            .withBody(fixture("stream-thinking-text.sse")));

        try (MessageStream stream = this.client.messages().stream(HELLO)) {
            stream.iterator().next();
            assertThatIllegalStateException().isThrownBy(stream::discardText).withMessageContaining("before");
        }
    }

    @Test
    void chatCompletionsFeedTheSameMetersTaggedWithTheirApi() {
        server.when(request().withPath("/v1/chat/completions")).respond(response()
            .withContentType(MediaType.APPLICATION_JSON).withBody(fixture("chat-image-response.json")));

        this.client.chatCompletions().create(io.github.minimax4j.openai.ChatCompletionRequest.builder()
            .addUserMessage("Hello").build());

        Tags chat = Tags.of("minimax.api", "chat_completions", "gen_ai.operation.name", "chat");
        assertThat(this.meters.get(TokenUsageMeterObservationHandler.TOKEN_USAGE).tags(chat)
            .tag("gen_ai.token.type", "input").summary().totalAmount()).isEqualTo(1366);
        assertThat(this.meters.get(TokenUsageMeterObservationHandler.TOKEN_USAGE).tags(chat)
            .tag("gen_ai.token.type", "output").summary().totalAmount()).isEqualTo(293);
        assertThat(this.meters.get(TokenUsageMeterObservationHandler.CACHE_READ).tags(chat).counter().count())
            .isEqualTo(114);
    }

    @Test
    void countingTokensIsItsOwnOperationAndNoTokenUsage() {
        server.when(request().withPath("/anthropic/v1/messages/count_tokens"))
            .respond(response().withContentType(MediaType.APPLICATION_JSON).withBody("{\"input_tokens\":99}"));

        this.client.messages().countTokens(HELLO);

        assertThat(this.meters.find(TokenUsageMeterObservationHandler.TOKEN_USAGE).summaries()).isEmpty();
        assertThat(this.meters.find(TokenUsageMeterObservationHandler.CACHE_READ).counters()).isEmpty();
        assertThat(this.meters.get(DefaultMiniMaxObservationConvention.NAME).tag("gen_ai.operation.name", "count_tokens")
            .timer().count()).isEqualTo(1);
    }

    @Test
    void aFailedCallCarriesErrorTypeAndRecordsNoTokens() {
        server.when(MESSAGES).respond(response().withStatusCode(400).withContentType(MediaType.APPLICATION_JSON)
            .withBody("{}"));

        assertThatExceptionOfType(BadRequestException.class).isThrownBy(() -> this.client.messages().create(HELLO));

        assertThat(this.meters.get(DefaultMiniMaxObservationConvention.NAME).tag("error.type", "BadRequestException")
            .tag("gen_ai.response.model", "unknown").timer().count()).isEqualTo(1);
        assertThat(this.meters.find(TokenUsageMeterObservationHandler.TOKEN_USAGE).summaries()).isEmpty();
    }

    @Test
    void aStreamCutAfterItsFirstEventsCountsTheTokensAlreadyReportedAndCarriesTheErrorOnTheTimer() {
        String full = fixture("stream-thinking-text.sse");
        String cut = full.substring(0, full.indexOf("event: content_block_stop")); // no message_delta, no stop
        server.when(MESSAGES).respond(response().withHeader("Content-Type", "text/event-stream").withBody(cut));

        assertThatExceptionOfType(MalformedResponseException.class).isThrownBy(() -> {
            try (MessageStream stream = this.client.messages().stream(HELLO)) {
                stream.finalMessage();
            }
        });

        // message_start reported input 21 + cache-read 7 and output 1: billed, whatever came after.
        assertThat(tokens("chat", "input")).isEqualTo(21 + 7);
        assertThat(tokens("chat", "output")).isEqualTo(1);
        assertThat(this.meters.get(TokenUsageMeterObservationHandler.CACHE_READ).tags(M3).counter().count()).isEqualTo(7);
        assertThat(this.meters.get(TokenUsageMeterObservationHandler.TOKEN_USAGE).tags("gen_ai.token.type", "input")
            .summary().getId().getTag("error.type")).isNull();
        assertThat(this.meters.get(DefaultMiniMaxObservationConvention.NAME).tags(M3)
            .tag("error.type", "MalformedResponseException").tag("gen_ai.response.model", "MiniMax-M3").timer().count())
            .isEqualTo(1);
    }

    @Test
    void aStreamClosedAfterItsFirstEventCountsTheTokensReportedSoFarOnce() {
        server.when(MESSAGES).respond(response().withHeader("Content-Type", "text/event-stream")
            .withBody(fixture("stream-thinking-text.sse")));

        try (MessageStream stream = this.client.messages().stream(HELLO)) {
            stream.iterator().next(); // message_start, then the caller stops reading
        }

        assertThat(tokens("chat", "input")).isEqualTo(21 + 7);
        assertThat(tokens("chat", "output")).isEqualTo(1);
        assertThat(this.meters.get(TokenUsageMeterObservationHandler.TOKEN_USAGE).tags("gen_ai.token.type", "input")
            .summary().count()).isEqualTo(1);
        assertThat(this.meters.get(DefaultMiniMaxObservationConvention.NAME).tags(M3)
            .tag("error.type", "none").timer().count()).isEqualTo(1);
    }

    @Test
    void aChatStreamCutBeforeItsUsageChunkRecordsNoTokens() {
        server.when(request().withPath("/v1/chat/completions")).respond(response()
            .withHeader("Content-Type", "text/event-stream")
            .withBody("data: {\"id\":\"c\",\"model\":\"MiniMax-M3\",\"choices\":[{\"index\":0,"
                    + "\"delta\":{\"content\":\"Hi\"}}]}\n\n"));

        assertThatExceptionOfType(MalformedResponseException.class).isThrownBy(() -> {
            try (var stream = this.client.chatCompletions().stream(io.github.minimax4j.openai.ChatCompletionRequest
                .builder().addUserMessage("Hello").build())) {
                stream.finalCompletion();
            }
        });

        assertThat(this.meters.find(TokenUsageMeterObservationHandler.TOKEN_USAGE).summaries()).isEmpty();
        assertThat(this.meters.get(DefaultMiniMaxObservationConvention.NAME).tag("minimax.api", "chat_completions")
            .tag("error.type", "MalformedResponseException").timer().count()).isEqualTo(1);
    }

    @Test
    void prometheusSeesTheOtelNamesAndTheOtelDurationBuckets() {
        var prometheus = new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(
                io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT);
        prometheus.config().meterFilter(new GenAiHistogramMeterFilter());
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new MiniMaxMeterObservationHandler(prometheus));
        observations.observationConfig().observationHandler(new TokenUsageMeterObservationHandler(prometheus));
        reply("m3-image-response.json");

        client(observations).messages().create(HELLO);

        String scrape = prometheus.scrape();
        assertThat(scrape).contains("gen_ai_client_token_usage_tokens_sum{", "gen_ai_token_type=\"input\"",
                "gen_ai_client_token_cache_read_tokens_total{", "gen_ai_client_operation_duration_seconds_count{",
                "error_type=\"none\"");
        assertThat(scrape).containsPattern("gen_ai_client_operation_duration_seconds_bucket\\{[^}]*le=\"81\\.92\"");
        assertThat(scrape).containsPattern("gen_ai_client_token_usage_tokens_bucket\\{[^}]*le=\"1024\\.0\"");
    }

    @Test
    void theObservationIsNamedAfterTheConventionsWithTheUserIdOnTheSpanOnly() {
        TestObservationRegistry observations = TestObservationRegistry.create();
        reply("m3-image-response.json");

        client(observations).messages().create(HELLO);

        TestObservationRegistryAssert.assertThat(observations)
            .hasObservationWithNameEqualTo(DefaultMiniMaxObservationConvention.NAME)
            .that()
            .hasContextualNameEqualTo("chat MiniMax-M3")
            .hasLowCardinalityKeyValue("gen_ai.operation.name", "chat")
            .hasLowCardinalityKeyValue("gen_ai.response.model", "MiniMax-M3")
            .hasHighCardinalityKeyValue("user.id", "user-7")
            .hasBeenStarted()
            .hasBeenStopped();
    }

    @Test
    void totalsAreExactUnder64ConcurrentMixedCalls() throws Exception {
        server.when(MESSAGES.clone().withBody(org.mockserver.model.JsonBody.json("{\"stream\":true}",
                org.mockserver.matchers.MatchType.ONLY_MATCHING_FIELDS)))
            .respond(response().withHeader("Content-Type", "text/event-stream").withBody(fixture("stream-tool-use.sse")));
        reply("m27-response.json");
        ExecutorService callers = Executors.newFixedThreadPool(64);
        List<Future<?>> calls = new ArrayList<>();
        int perCaller = 6;
        for (int caller = 0; caller < 64; caller++) {
            calls.add(callers.submit(() -> {
                for (int i = 0; i < perCaller; i++) {
                    if (i % 2 == 0) {
                        this.client.messages().create(MessageRequest.builder().model("MiniMax-M2.7").addUserMessage("x").build());
                    }
                    else {
                        try (MessageStream stream = this.client.messages().stream(HELLO)) {
                            stream.finalMessage();
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> call : calls) {
            call.get();
        }
        callers.shutdown();
        long replies = 64 * perCaller / 2;
        long streams = 64 * perCaller / 2;

        Tags m27 = Tags.of("gen_ai.request.model", "MiniMax-M2.7", "gen_ai.operation.name", "chat");
        assertThat(this.meters.get(TokenUsageMeterObservationHandler.TOKEN_USAGE).tags(m27).tag("gen_ai.token.type", "input")
            .summary().totalAmount()).isEqualTo(39.0 * replies);
        assertThat(this.meters.get(TokenUsageMeterObservationHandler.TOKEN_USAGE).tags(m27).tag("gen_ai.token.type", "output")
            .summary().totalAmount()).isEqualTo(40.0 * replies);
        assertThat(tokens("chat", "input")).isEqualTo(80.0 * streams);
        assertThat(tokens("chat", "output")).isEqualTo(19.0 * streams);
        assertThat(this.meters.get(DefaultMiniMaxObservationConvention.NAME).timers().stream()
            .mapToLong(io.micrometer.core.instrument.Timer::count).sum()).isEqualTo(replies + streams);
    }
}
