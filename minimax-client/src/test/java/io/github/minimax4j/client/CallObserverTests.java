package io.github.minimax4j.client;

import io.github.minimax4j.observation.TokenUsage;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.error.BadRequestException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.micrometer.observation.ObservationRegistry;
import org.mockserver.integration.ClientAndServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Micrometer observation the client starts per call, which metrics, tracing and health build on: every call
 * reported once, with the usage the API reported.
 */
class CallObserverTests {

    private static final MessageRequest HELLO = MessageRequest.builder().addUserMessage("Hello").userId("u-1").build();

    private static ClientAndServer server;

    private final List<String> seen = new CopyOnWriteArrayList<>();

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
        this.client = MiniMaxClient.builder().apiKey("k").baseUrl("http://127.0.0.1:" + server.getPort())
            .retryPolicy(RetryPolicy.none())
            .observationRegistry(RecordingObservationHandler.registry(new RecordingObservationHandler(this.seen, true)))
            .build();
    }

    @Test
    void aReplyIsReportedWithItsModelAndUsage() {
        server.when(MockServerScenarios.post(MockServerScenarios.MESSAGES))
            .respond(MockServerScenarios.json(200, Fixtures.read("m3-image-response.json")));

        this.client.messages().create(HELLO);

        assertThat(this.seen).containsExactly("start messages chat MiniMax-M3 false u-1",
                "success MiniMax-M3 " + TokenUsage.builder()
                    .inputTokens(1209)
                    .outputTokens(214)
                    .cacheReadInputTokens(157)
                    .build());
    }

    @Test
    void aFailedCallIsReportedWithItsException() {
        server.when(MockServerScenarios.post(MockServerScenarios.MESSAGES)).respond(MockServerScenarios.json(400, "{}"));

        assertThatExceptionOfType(BadRequestException.class).isThrownBy(() -> this.client.messages().create(HELLO));

        assertThat(this.seen).containsExactly("start messages chat MiniMax-M3 false u-1",
                "failure BadRequestException");
    }

    @Test
    void aStreamIsReportedOnceWithItsMergedUsageAfterItsFirstChunk() {
        server.when(MockServerScenarios.post(MockServerScenarios.MESSAGES))
            .respond(MockServerScenarios.sse(Fixtures.read("stream-thinking-text.sse")));

        try (MessageStream stream = this.client.messages().stream(HELLO)) {
            stream.finalMessage();
        }

        assertThat(this.seen).containsExactly("start messages chat MiniMax-M3 true u-1", "first-chunk",
                "success MiniMax-M3 " + TokenUsage.builder()
                    .inputTokens(21)
                    .outputTokens(42)
                    .cacheReadInputTokens(7)
                    .cacheCreationInputTokens(3)
                    .build());
    }

    @Test
    void aStreamClosedEarlyIsReportedAsCancelled() {
        server.when(MockServerScenarios.post(MockServerScenarios.MESSAGES))
            .respond(MockServerScenarios.sse(Fixtures.read("stream-thinking-text.sse")));

        try (MessageStream stream = this.client.messages().stream(HELLO)) {
            stream.iterator().next();
        }

        assertThat(this.seen).containsExactly("start messages chat MiniMax-M3 true u-1", "first-chunk",
                "failure " + CancellationException.class.getSimpleName() + " MiniMax-M3 " + TokenUsage.builder()
                    .inputTokens(21)
                    .outputTokens(1)
                    .cacheReadInputTokens(7)
                    .build());
    }

    @Test
    void aStreamClosedEarlyReportsTheModelAndUsageReportedSoFarToEveryHandler() {
        List<String> told = new CopyOnWriteArrayList<>();
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new RecordingObservationHandler(told, false))
            .observationHandler(new RecordingObservationHandler(told, false));
        MiniMaxClient client = MiniMaxClient.builder().apiKey("k").baseUrl("http://127.0.0.1:" + server.getPort())
            .retryPolicy(RetryPolicy.none()).observationRegistry(registry).build();
        server.when(MockServerScenarios.post(MockServerScenarios.MESSAGES))
            .respond(MockServerScenarios.sse(Fixtures.read("stream-thinking-text.sse")));

        try (MessageStream stream = client.messages().stream(HELLO)) {
            stream.iterator().next();
        }

        String expected = "failure CancellationException MiniMax-M3 " + TokenUsage.builder()
            .inputTokens(21)
            .outputTokens(1)
            .cacheReadInputTokens(7)
            .build();
        assertThat(told).filteredOn((line) -> line.startsWith("failure")).containsExactly(expected, expected);
    }

    @Test
    void countingTokensIsReportedAsItsOwnOperation() {
        server.when(MockServerScenarios.post(MockServerScenarios.MESSAGES + "/count_tokens"))
            .respond(MockServerScenarios.json(200, "{\"input_tokens\":12}"));

        this.client.messages().countTokens(HELLO);

        assertThat(this.seen).containsExactly("start messages count_tokens MiniMax-M3 false u-1",
                "success MiniMax-M3 " + TokenUsage.builder().inputTokens(12).build());
    }
}
