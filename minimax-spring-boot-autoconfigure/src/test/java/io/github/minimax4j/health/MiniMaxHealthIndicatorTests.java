package io.github.minimax4j.health;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.client.MiniMaxClient;
import io.github.minimax4j.client.RetryPolicy;
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

/** The health indicator over HTTP: each status mapping, the cache, the passive UP, the timeout bound. */
class MiniMaxHealthIndicatorTests {

    private static final String KEY = "sk-health-canary-31f";

    private static final HttpRequest PROBE = request().withMethod("POST").withPath("/anthropic/v1/messages/count_tokens");

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
        MiniMaxClient probe = MiniMaxClient.builder().apiKey(KEY).baseUrl(baseUrl()).retryPolicy(RetryPolicy.none())
            .readTimeout(Duration.ofMillis(500)).build();
        this.indicator = new MiniMaxHealthIndicator(probe.messages(), Model.MINIMAX_M3,
                URI.create("http://user:pw@127.0.0.1:" + server.getPort() + "/?token=x"), Duration.ofSeconds(60),
                this.recentCalls, this.clock);
    }

    private static String baseUrl() {
        return "http://127.0.0.1:" + server.getPort();
    }

    private static HttpResponse json(int status, String body) {
        return response().withStatusCode(status).withContentType(MediaType.APPLICATION_JSON).withBody(body);
    }

    @Test
    void upWhenCountTokensAnswersWithDetailsAndNoCredentials() {
        server.when(PROBE).respond(json(200, "{\"input_tokens\":3}"));

        Health health = this.indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("baseUrl", "http://127.0.0.1:" + server.getPort() + "/")
            .containsEntry("model", "MiniMax-M3").containsEntry("source", "probe")
            .containsEntry("checkedAt", this.clock.instant().toString()).containsKey("latencyMs");
        HttpRequest sent = server.retrieveRecordedRequests(PROBE)[0];
        assertThat(sent.getBodyAsString()).containsPattern("\"model\"\\s*:\\s*\"MiniMax-M3\"");
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

    @Test
    void downWithAKeyHintForAnAuthBaseRespCode() {
        server.when(PROBE).respond(json(200, "{\"base_resp\":{\"status_code\":1004,\"status_msg\":\"login fail\"}}"));

        Health health = this.indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat((String) health.getDetails().get("error")).startsWith("invalid API key: check minimax.api-key");
        assertThat(health.getDetails()).containsEntry("errorCode", "1004");
    }

    @ParameterizedTest(name = "HTTP {0} -> DOWN {1}")
    @CsvSource({ "500, ServerException", "503, ServerException", "529, OverloadedException" })
    void downWithTheCauseOnServerErrors(int status, String type) {
        server.when(PROBE).respond(json(status, "{\"error\":{\"message\":\"busy\"}}"));

        Health health = this.indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("errorType", type).containsEntry("errorCode", String.valueOf(status));
        assertThat((String) health.getDetails().get("error")).contains("HTTP " + status);
    }

    @Test
    void upButRateLimitedOn429SoReadinessDoesNotFlap() {
        server.when(PROBE).respond(json(429, "{\"error\":{\"message\":\"slow down\"}}"));

        Health health = this.indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("rateLimited", true).containsEntry("errorCode", "429");
    }

    @Test
    void downWhenTheConnectionIsRefused() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        MiniMaxClient probe = MiniMaxClient.builder().apiKey(KEY).baseUrl("http://127.0.0.1:" + closedPort)
            .retryPolicy(RetryPolicy.none()).build();
        MiniMaxHealthIndicator refused = new MiniMaxHealthIndicator(probe.messages(), Model.MINIMAX_M3,
                URI.create("http://127.0.0.1:" + closedPort), Duration.ofSeconds(60), this.recentCalls, this.clock);

        Health health = refused.health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("errorType", "MiniMaxIoException");
        assertThat((String) health.getDetails().get("error")).contains("Could not connect");
    }

    @Test
    void aSlowServerIsDownWithinTheProbeTimeout() {
        server.when(PROBE).respond(json(200, "{\"input_tokens\":3}").withDelay(new Delay(TimeUnit.SECONDS, 5)));
        long start = System.nanoTime();

        Health health = this.indicator.health();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("errorType", "MiniMaxTimeoutException");
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
    void aRecentSuccessfulCallCountsAsUpWithoutAnyProbe() {
        server.when(request().withPath("/anthropic/v1/messages")).respond(json(200, "{\"id\":\"m\",\"type\":\"message\","
                + "\"role\":\"assistant\",\"model\":\"MiniMax-M3\",\"content\":[]}"));
        MiniMaxClient app = MiniMaxClient.builder().apiKey(KEY).baseUrl(baseUrl()).observer(this.recentCalls).build();
        app.messages().create(MessageRequest.builder().addUserMessage("hi").build());
        this.clock.advance(Duration.ofSeconds(10));

        Health health = this.indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("source", "recent-call");
        server.verify(PROBE, VerificationTimes.exactly(0));
    }

    @Test
    void aRecentCallOverridesAnOlderCachedDown() {
        server.when(PROBE).respond(json(503, "{}"));
        assertThat(this.indicator.health().getStatus()).isEqualTo(Status.DOWN);
        this.clock.advance(Duration.ofSeconds(5));
        this.recentCalls.start(null).success("MiniMax-M3", io.github.minimax4j.client.TokenUsage.NONE);

        assertThat(this.indicator.health().getStatus()).isEqualTo(Status.UP);
    }

    /** A clock the tests move by hand, so TTL behaviour is checked without sleeping. */
    static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2026-11-22T12:00:00Z");

        void advance(Duration duration) {
            this.now = this.now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return this.now;
        }
    }
}
