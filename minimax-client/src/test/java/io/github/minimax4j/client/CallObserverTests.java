package io.github.minimax4j.client;

import io.github.minimax4j.observation.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.anthropic.MessageStreamEvent;
import io.github.minimax4j.observation.MiniMaxObservationContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
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

    @ParameterizedTest
    @EnumSource(CallMode.class)
    void aReplyIsReportedWithItsModelAndUsage(CallMode mode) {
        server.when(MockServerScenarios.post(MockServerScenarios.MESSAGES))
            .respond(MockServerScenarios.json(200, Fixtures.read("m3-image-response.json")));

        mode.create(this.client, HELLO);

        assertThat(this.seen).containsExactly("start messages chat MiniMax-M3 false u-1",
                "success MiniMax-M3 " + TokenUsage.builder()
                    .inputTokens(1209)
                    .outputTokens(214)
                    .cacheReadInputTokens(157)
                    .build());
    }

    @ParameterizedTest
    @EnumSource(CallMode.class)
    void aFailedCallIsReportedWithItsException(CallMode mode) {
        server.when(MockServerScenarios.post(MockServerScenarios.MESSAGES)).respond(MockServerScenarios.json(400, "{}"));

        assertThatExceptionOfType(BadRequestException.class).isThrownBy(() -> mode.create(this.client, HELLO));

        assertThat(this.seen).containsExactly("start messages chat MiniMax-M3 false u-1",
                "failure BadRequestException");
    }

    @ParameterizedTest
    @EnumSource(CallMode.class)
    void aStreamIsReportedOnceWithItsMergedUsageAfterItsFirstChunk(CallMode mode) {
        server.when(MockServerScenarios.post(MockServerScenarios.MESSAGES))
            .respond(MockServerScenarios.sse(Fixtures.read("stream-thinking-text.sse")));

        mode.stream(this.client, HELLO);

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
    void aPublisherCancelledEarlyIsReportedAsCancelledWithTheUsageSoFar() throws Exception {
        server.when(MockServerScenarios.post(MockServerScenarios.MESSAGES))
            .respond(MockServerScenarios.sse(Fixtures.read("stream-thinking-text.sse")));
        MessagePublisher publisher = this.client.async().messages().stream(HELLO);
        CallMode.CancelAfterFirst<MessageStreamEvent> subscriber = new CallMode.CancelAfterFirst<>();

        publisher.subscribe(subscriber);
        subscriber.first.get(10, TimeUnit.SECONDS);
        assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> publisher.finalMessage().get(10,
                TimeUnit.SECONDS)); // the stream has ended: its observation has stopped

        assertThat(this.seen).containsExactly("start messages chat MiniMax-M3 true u-1", "first-chunk",
                "failure " + CancellationException.class.getSimpleName() + " MiniMax-M3 " + TokenUsage.builder()
                    .inputTokens(21)
                    .outputTokens(1)
                    .cacheReadInputTokens(7)
                    .build());
    }

    @Test
    void anObservationOpenInTheCallerIsTheParentOnTheAsyncPathToo() throws Exception {
        List<Observation.Context> parents = new CopyOnWriteArrayList<>();
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new ObservationHandler<MiniMaxObservationContext>() {
            @Override
            public void onStart(MiniMaxObservationContext context) {
                parents.add(context.getParentObservation().getContextView() instanceof Observation.Context parent
                        ? parent : new Observation.Context());
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return context instanceof MiniMaxObservationContext;
            }
        }).observationHandler((ObservationHandler<Observation.Context>) (context) -> true);
        MiniMaxClient client = MiniMaxClient.builder().apiKey("k").baseUrl("http://127.0.0.1:" + server.getPort())
            .retryPolicy(RetryPolicy.none()).observationRegistry(registry).build();
        server.when(MockServerScenarios.post(MockServerScenarios.MESSAGES))
            .respond(MockServerScenarios.json(200, Fixtures.read("m3-image-response.json")));
        Observation caller = Observation.start("caller", registry);

        MessagePublisher publisher;
        try (Observation.Scope scope = caller.openScope()) {
            CallMode.await(client.async().messages().create(HELLO));
            publisher = client.async().messages().stream(HELLO);
        }
        server.reset();
        server.when(MockServerScenarios.post(MockServerScenarios.MESSAGES))
            .respond(MockServerScenarios.sse(Fixtures.read("stream-thinking-text.sse")));
        // Subscribed on another thread, where no observation is current: the caller's is still the parent.
        CompletableFuture.runAsync(() -> publisher.subscribe(new CallMode.Collecting<>(new ArrayList<>())))
            .get(10, TimeUnit.SECONDS);
        publisher.finalMessage().get(10, TimeUnit.SECONDS);
        caller.stop();

        assertThat(parents).hasSize(2).allSatisfy((parent) -> assertThat(parent.getName()).isEqualTo("caller"));
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

    @ParameterizedTest
    @EnumSource(CallMode.class)
    void countingTokensIsReportedAsItsOwnOperation(CallMode mode) {
        server.when(MockServerScenarios.post(MockServerScenarios.MESSAGES + "/count_tokens"))
            .respond(MockServerScenarios.json(200, "{\"input_tokens\":12}"));

        mode.countTokens(this.client, HELLO);

        assertThat(this.seen).containsExactly("start messages count_tokens MiniMax-M3 false u-1",
                "success MiniMax-M3 " + TokenUsage.builder().inputTokens(12).build());
    }
}
