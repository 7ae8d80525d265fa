package io.github.minimax4j.health;

import io.github.minimax4j.observation.MiniMaxCall;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.client.MiniMaxClient;
import io.github.minimax4j.client.RetryPolicy;
import io.github.minimax4j.observation.TokenUsage;
import io.github.minimax4j.model.Model;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.model.Delay;
import org.mockserver.model.HttpRequest;
import org.mockserver.model.HttpResponse;
import org.mockserver.model.MediaType;
import org.mockserver.verify.VerificationTimes;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

/** The health indicator over HTTP: each status mapping, the cache, the passive UP, what details show. */
class MiniMaxHealthIndicatorTests {

    static final String KEY = "sk-health-canary-31f";

    static final HttpRequest PROBE = request().withMethod("POST").withPath("/anthropic/v1/messages/count_tokens");

    private static ClientAndServer server;

    private final MutableClock clock = new MutableClock();

    private RecentCallTracker recentCalls;

    private MiniMaxHealthIndicator indicator;

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
        this.recentCalls = new RecentCallTracker(this.clock);
        this.indicator = indicator("http://127.0.0.1:" + server.getPort(),
                URI.create("http://user:pw@127.0.0.1:" + server.getPort() + "/?token=x"));
    }

    private MiniMaxHealthIndicator indicator(String probeUrl, URI shownUrl) {
        MiniMaxClient probe = MiniMaxClient.builder().apiKey(KEY).baseUrl(probeUrl).retryPolicy(RetryPolicy.none())
            .connectTimeout(Duration.ofMillis(500)).readTimeout(Duration.ofMillis(500)).build();
        return new MiniMaxHealthIndicator(probe.messages(), Model.MINIMAX_M3, shownUrl, Duration.ofMillis(500),
                Duration.ofSeconds(60), this.recentCalls, this.clock);
    }

    static HttpResponse json(int status, String body) {
        return response().withStatusCode(status).withContentType(MediaType.APPLICATION_JSON).withBody(body);
    }

    @Test
    void upWhenCountTokensAnswersWithDetailsAndNoCredentials() {
        server.when(PROBE).respond(json(200, "{\"input_tokens\":3}"));

        Health health = this.indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("url", "http://127.0.0.1:" + server.getPort() + "/")
            .containsEntry("model", "MiniMax-M3").containsEntry("source", "probe")
            .containsEntry("checkedAt", this.clock.instant().toString()).containsKey("latencyMs")
            .doesNotContainKeys("error", "errorCode", "rateLimited");
        HttpRequest sent = server.retrieveRecordedRequests(PROBE)[0];
        assertThat(sent.getBodyAsString()).containsPattern("\"model\"\\s*:\\s*\"MiniMax-M3\"")
            .doesNotContain("max_tokens");
        assertThat(health.toString()).doesNotContain(KEY).doesNotContain("pw").doesNotContain("token=x");
    }

    @ParameterizedTest(name = "HTTP {0} -> DOWN")
    @CsvSource({ "401", "403" })
    void downWithAKeyHintWhenTheKeyIsRejected(int status) {
        server.when(PROBE).respond(json(status, "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\","
                + "\"message\":\"bad key " + KEY + "\"}}"));

        Health health = this.indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat((String) health.getDetails().get("error")).startsWith("invalid API key: check minimax.api-key");
        assertThat(health.getDetails()).containsEntry("errorCode", String.valueOf(status));
        assertThat(health.toString()).doesNotContain(KEY);
    }

    @ParameterizedTest(name = "base_resp {0} in an HTTP 200 -> {1}")
    @CsvSource({ "1004, DOWN, true, false", "2049, DOWN, true, false", "1002, UP, false, true",
            "1039, UP, false, true", "1008, DOWN, false, false", "1013, DOWN, false, false" })
    void baseRespCodesMapLikeTheirHttpCounterparts(int code, String status, boolean keyHint, boolean rateLimited) {
        server.when(PROBE).respond(json(200, "{\"base_resp\":{\"status_code\":" + code + ",\"status_msg\":\"x\"}}"));

        Health health = this.indicator.health();

        assertThat(health.getStatus()).isEqualTo(new Status(status));
        assertThat(health.getDetails()).containsEntry("errorCode", String.valueOf(code));
        assertThat(((String) health.getDetails().get("error")).startsWith(MiniMaxHealthIndicator.AUTH_HINT))
            .isEqualTo(keyHint);
        assertThat(health.getDetails().containsKey("rateLimited")).isEqualTo(rateLimited);
    }

    @ParameterizedTest(name = "HTTP {0} -> DOWN {1}")
    @CsvSource({ "500, ServerException", "503, ServerException", "529, OverloadedException" })
    void downWithTheCauseOnServerErrors(int status, String type) {
        server.when(PROBE).respond(json(status, "{\"error\":{\"message\":\"busy\"}}"));

        Health health = this.indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("errorType", type).containsEntry("errorCode", String.valueOf(status));
        assertThat((String) health.getDetails().get("error")).contains("HTTP " + status).contains("busy");
    }

    @Test
    void upButRateLimitedOn429SoReadinessDoesNotFlap() {
        server.when(PROBE).respond(json(429, "{\"error\":{\"message\":\"slow down\"}}"));

        Health health = this.indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("rateLimited", true).containsEntry("errorCode", "429");
    }

    @Test
    void downWhenTheConnectionIsRefusedWithoutShowingCredentialsOfTheUrl() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        // The builder accepts a URL with credentials (only the auto-configuration rejects it), and the I/O error
        // names the URL it failed on: the detail must not repeat them.
        MiniMaxHealthIndicator refused = indicator("http://alice:s3cret@127.0.0.1:" + closedPort + "/?sig=abc",
                URI.create("http://127.0.0.1:" + closedPort));

        Health health = refused.health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("errorType", "MiniMaxIoException");
        assertThat((String) health.getDetails().get("error")).contains("Could not connect")
            .contains("http://127.0.0.1:" + closedPort + "/").doesNotContain("s3cret").doesNotContain("sig=abc");
    }

    @Test
    void aSlowServerIsDownWithinTheProbeTimeout() {
        server.when(PROBE).respond(json(200, "{\"input_tokens\":3}").withDelay(new Delay(TimeUnit.SECONDS, 5)));
        long start = System.nanoTime();

        Health health = this.indicator.health();

        // timeout 500 ms; the margin covers a loaded 2-core CI machine
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("errorType", "MiniMaxTimeoutException");
        assertThat((Long) health.getDetails().get("latencyMs")).isBetween(400L, 1500L);
    }

    @Test
    void callersArrivingDuringAProbeShareItsResult() throws Exception {
        server.when(PROBE).respond(json(200, "{\"input_tokens\":3}").withDelay(new Delay(TimeUnit.MILLISECONDS, 300)));
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Health>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Callable<Health> check = this.indicator::health;
                results.add(callers.submit(check));
            }
            for (Future<Health> result : results) {
                assertThat(result.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(Status.UP);
            }
        }
        finally {
            callers.shutdownNow();
        }
        server.verify(PROBE, VerificationTimes.exactly(1));
    }

    @ParameterizedTest(name = "HTTP {0} echoing the key")
    @CsvSource({ "200", "400", "401", "403", "429", "500", "529" })
    void noDetailEverContainsTheKeyEvenWhenTheServerEchoesIt(int status) {
        String echo = "Bearer " + KEY;
        String body = (status == 200)
                ? "{\"base_resp\":{\"status_code\":1004,\"status_msg\":\"invalid key " + echo + "\"}}"
                : "{\"type\":\"error\",\"error\":{\"type\":\"x\",\"message\":\"you sent " + echo + "\"}}";
        server.when(PROBE).respond(json(status, body));

        Health health = this.indicator.health();

        assertThat(health.getDetails()).containsKey("error");
        health.getDetails().forEach((name, value) -> assertThat(String.valueOf(value)).as(name).doesNotContain(KEY));
        assertThat(health.toString()).doesNotContain(KEY);
    }

    @Test
    void aResultIsReusedForTheTtlSoPollingDoesNotHitTheApi() {
        server.when(PROBE).respond(json(200, "{\"input_tokens\":3}"));

        for (int i = 0; i < 20; i++) {
            assertThat(this.indicator.health().getStatus()).isEqualTo(Status.UP);
            this.clock.advance(Duration.ofSeconds(2));
        }
        server.verify(PROBE, VerificationTimes.exactly(1));

        this.clock.advance(Duration.ofSeconds(30)); // 70 s after the first probe: stale
        this.indicator.health();
        server.verify(PROBE, VerificationTimes.exactly(2));
    }

    @Test
    void aDownResultIsCachedTooSoAFailingApiIsNotHammered() {
        server.when(PROBE).respond(json(503, "{}"));

        for (int i = 0; i < 10; i++) {
            assertThat(this.indicator.health().getStatus()).isEqualTo(Status.DOWN);
            this.clock.advance(Duration.ofSeconds(5));
        }

        server.verify(PROBE, VerificationTimes.exactly(1));
    }

    @Test
    void aRecentSuccessfulCallCountsAsUpWithoutAnyProbe() {
        server.when(request().withPath("/anthropic/v1/messages")).respond(json(200, "{\"id\":\"m\",\"type\":\"message\","
                + "\"role\":\"assistant\",\"model\":\"MiniMax-M3\",\"content\":[]}"));
        MiniMaxClient app = MiniMaxClient.builder().apiKey(KEY).baseUrl("http://127.0.0.1:" + server.getPort())
            .observationRegistry(io.github.minimax4j.client.RecordingObservationHandler.registry(this.recentCalls)).build();
        app.messages().create(MessageRequest.builder().addUserMessage("hi").build());
        Instant callTime = this.clock.instant();
        this.clock.advance(Duration.ofSeconds(10));

        Health health = this.indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("source", "recent-call")
            .containsEntry("checkedAt", callTime.toString());
        server.verify(PROBE, VerificationTimes.exactly(0));

        this.clock.advance(Duration.ofSeconds(55)); // the call is 65 s old: no longer proof, so probe
        server.when(PROBE).respond(json(200, "{\"input_tokens\":3}"));
        assertThat(this.indicator.health().getDetails()).containsEntry("source", "probe");
        server.verify(PROBE, VerificationTimes.exactly(1));
    }

    @Test
    void aFailedRealCallIsNoProofEitherWay() {
        server.when(PROBE).respond(json(200, "{\"input_tokens\":3}"));
        observeCall(new IllegalStateException("boom"));

        Health health = this.indicator.health();

        assertThat(health.getDetails()).containsEntry("source", "probe");
        assertThat(this.recentCalls.lastSuccess()).isNull();
    }

    @Test
    void aRecentCallOverridesAnOlderCachedDown() {
        server.when(PROBE).respond(json(503, "{}"));
        assertThat(this.indicator.health().getStatus()).isEqualTo(Status.DOWN);
        this.clock.advance(Duration.ofSeconds(5));
        observeCall(null);

        assertThat(this.indicator.health().getStatus()).isEqualTo(Status.UP);
        server.verify(PROBE, VerificationTimes.exactly(1));
    }

    /** One call observed the way the client observes it, failing with {@code error} unless it is null. */
    private void observeCall(@org.jspecify.annotations.Nullable Throwable error) {
        io.micrometer.observation.Observation observation = io.micrometer.observation.Observation.start("test",
                () -> new io.github.minimax4j.observation.MiniMaxObservationContext(
                        io.github.minimax4j.observation.MiniMaxCall.builder()
                            .api("messages")
                            .operation("chat")
                            .requestModel("MiniMax-M3")
                            .build()),
                io.github.minimax4j.client.RecordingObservationHandler.registry(this.recentCalls));
        if (error != null) {
            observation.error(error);
        }
        observation.stop();
    }
}
