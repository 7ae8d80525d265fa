package io.github.minimax4j.client;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.error.MiniMaxException;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs after every other test class of the module (junit-platform.properties orders classes by
 * {@link Order}) and fails if any log line of the whole run, at any level, carried an API key. Run alone,
 * it still proves the point on calls of its own.
 */
@Order(Integer.MAX_VALUE)
class ApiKeyNeverLoggedTests {

    private static final String KEY = MockServerScenarios.API_KEY;

    private static final MessageRequest HI = MessageRequest.builder().addUserMessage("hi").build();

    @Test
    void noLogLineOfTheWholeSuiteCarriedAKey() throws Exception {
        long traceBefore = KeyCanaryAppender.traceEvents();
        long jdkHttpBefore = KeyCanaryAppender.jdkHttpEvents();
        callsThatPutTheKeyWithinReachOfEveryLogger();

        System.out.printf("ApiKeyNeverLoggedTests: %d log events checked (%d at TRACE, %d from the JDK's HTTP client)%n",
                KeyCanaryAppender.events(), KeyCanaryAppender.traceEvents(), KeyCanaryAppender.jdkHttpEvents());
        assertThat(LoggerFactory.getLogger(ApiKeyNeverLoggedTests.class).isTraceEnabled())
            .as("the suite logs at TRACE (logback-test.xml)").isTrue();
        assertThat(KeyCanaryAppender.traceEvents()).as("TRACE events captured").isGreaterThan(traceBefore);
        assertThat(KeyCanaryAppender.jdkHttpEvents()).as("the JDK HttpClient's own log (jdk.httpclient.HttpClient.log, set for the suite) is captured too")
            .isGreaterThan(jdkHttpBefore);
        assertThat(KeyCanaryAppender.leaks()).as("log lines that carried an API key").isEmpty();
    }

    @Test
    void theCanaryCatchesAKeyInAMessageAnArgumentOrACause() throws Exception {
        java.util.Queue<String> caught = new java.util.concurrent.ConcurrentLinkedQueue<>();
        KeyCanaryAppender probe = new KeyCanaryAppender(caught);
        ch.qos.logback.classic.LoggerContext context = (ch.qos.logback.classic.LoggerContext) LoggerFactory
            .getILoggerFactory();
        probe.setContext(context);
        ch.qos.logback.classic.Logger logger = context.getLogger("canary.self.test");
        logger.setAdditive(false); // only the probe sees these: the suite-wide appender must stay clean
        logger.addAppender(probe);
        probe.start();
        try {
            logger.trace("key {}", KEY);
            logger.debug("wrapped", new IllegalStateException("outer", new RuntimeException("bad " + KEY)));
            logger.info("nothing secret here");
            assertThat(caught).hasSize(2);
            assertThat(caught).first().asString().startsWith("TRACE canary.self.test");
        }
        finally {
            probe.stop();
            logger.detachAppender(probe);
        }
    }

    /** A success, a retried 503 and a 403 that echo the key, and a stream error event that quotes it: blocking and async. */
    private static void callsThatPutTheKeyWithinReachOfEveryLogger() throws Exception {
        String echo = "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"key " + KEY + "\"}}";
        AtomicInteger flaky = new AtomicInteger();
        try (LoopbackServer server = new LoopbackServer()
            .route("/ok/v1/messages", (exchange) -> LoopbackServer.send(exchange, 200, "application/json",
                    Fixtures.read("m27-response.json")))
            .route("/flaky/v1/messages", (exchange) -> {
                boolean fail = flaky.incrementAndGet() == 1;
                LoopbackServer.send(exchange, fail ? 503 : 200, "application/json",
                        fail ? echo : Fixtures.read("m27-response.json"));
            })
            .route("/denied/v1/messages", (exchange) -> LoopbackServer.send(exchange, 403, "application/json", echo))
            .route("/stream/v1/messages", (exchange) -> LoopbackServer.send(exchange, 200, "text/event-stream",
                    "event: error\ndata: " + echo + "\n\n"))) {
            for (String root : new String[] { "/ok", "/flaky", "/denied", "/stream" }) {
                for (AuthScheme scheme : AuthScheme.values()) {
                    MiniMaxClient client = MiniMaxClient.builder().apiKey(KEY).authScheme(scheme)
                        .baseUrl(server.baseUrl()).anthropicBaseUrl(java.net.URI.create(server.baseUrl() + root))
                        .retryPolicy(new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1))).build();
                    for (CallMode mode : CallMode.values()) {
                        try {
                            if (root.equals("/stream")) {
                                mode.stream(client, HI);
                            }
                            else {
                                mode.create(client, HI);
                            }
                        }
                        catch (MiniMaxException ex) {
                            assertThat(ex.getMessage()).doesNotContain(KEY);
                            LoggerFactory.getLogger(ApiKeyNeverLoggedTests.class).error("{} call to {} failed", mode,
                                    root, ex);
                        }
                        flaky.set(0);
                    }
                }
            }
        }
    }
}
