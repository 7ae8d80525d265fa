package io.github.minimax4j.client;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.autoconfigure.MiniMaxAutoConfiguration;
import io.github.minimax4j.error.MiniMaxApiException;
import io.github.minimax4j.error.MiniMaxIoException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The client on Apache HttpClient 5, the library Boot picks when it is on the classpath. Run in their own JVM
 * (the {@code apache-transport} Surefire execution; httpclient5 is left off the others), with the whole-suite key
 * check after them, every logger at TRACE: Apache's header and wire logs too, which print every request header
 * at DEBUG and which the client's own connections keep the key out of.
 */
class ApacheTransportTests {

    private static final MessageRequest HELLO = MessageRequest.builder().addUserMessage("Hello").build();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(MiniMaxAutoConfiguration.class, RestClientAutoConfiguration.class,
                HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class))
        .withPropertyValues("minimax.api-key=" + MockServerScenarios.API_KEY, "minimax.retry.max-retries=0");

    @Test
    void bootPicksApacheHttpClientWhenItIsOnTheClasspathAndTheCallSucceeds() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        try (LoopbackServer server = new LoopbackServer().route("/", (exchange) -> {
            requests.incrementAndGet();
            assertThat(exchange.getRequestHeaders().getFirst("User-Agent")).startsWith("Apache-HttpClient/");
            LoopbackServer.send(exchange, 200, "application/json", Fixtures.read("m27-response.json"));
        })) {
            this.runner.withPropertyValues("minimax.base-url=" + server.baseUrl()).run((context) -> {
                MiniMaxClient client = context.getBean(MiniMaxClient.class);
                assertThat(client.messages().create(HELLO).text()).isNotEmpty();
            });
        }
        assertThat(requests).hasValue(1);
    }

    @Test
    void aPostWhoseConnectionDropsBeforeTheResponseIsNotSentAgainByApacheHttpClient() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        try (RawSseServer server = new RawSseServer(false, (writer) -> {
            requests.incrementAndGet();
            writer.cut();
        })) {
            this.runner.withPropertyValues("minimax.base-url=" + server.baseUrl()).run((context) ->
                assertThatExceptionOfType(MiniMaxIoException.class)
                    .isThrownBy(() -> context.getBean(MiniMaxClient.class).messages().create(HELLO)));
        }
        assertThat(requests).as("requests the server saw with minimax.retry.max-retries=0").hasValue(1);
    }

    @Test
    void anErrorAnsweredToApacheHttpClientIsTyped() throws Exception {
        try (LoopbackServer server = new LoopbackServer().route("/", (exchange) -> LoopbackServer.send(exchange, 401,
                "application/json", "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\","
                        + "\"message\":\"invalid api key\"}}"))) {
            this.runner.withPropertyValues("minimax.base-url=" + server.baseUrl()).run((context) ->
                assertThatExceptionOfType(MiniMaxApiException.class)
                    .isThrownBy(() -> context.getBean(MiniMaxClient.class).messages().create(HELLO))
                    .satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(MockServerScenarios.API_KEY)));
        }
    }

    @Test
    void atTraceApacheLogsTheRequestHeadersWithTheKeyMaskedAndNoWireBytes() throws Exception {
        try (LoopbackServer server = new LoopbackServer().route("/", (exchange) -> LoopbackServer.send(exchange, 200,
                "application/json", Fixtures.read("m27-response.json")))) {
            List<ILoggingEvent> apache = captured("org.apache.hc.client5.http", () ->
                this.runner.withPropertyValues("minimax.base-url=" + server.baseUrl()).run((context) ->
                    context.getBean(MiniMaxClient.class).messages().create(HELLO)));
            List<String> headerLines = apache.stream()
                .filter((event) -> event.getLoggerName().equals("org.apache.hc.client5.http.headers"))
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
            assertThat(headerLines).as("Apache's header log at TRACE").anyMatch((line) -> line.contains("POST /"));
            assertThat(headerLines).anyMatch((line) -> line.matches(".* >> (x-api-key|Authorization): \\*{4}"));
            assertThat(apache).noneMatch((event) -> event.getLoggerName().equals("org.apache.hc.client5.http.wire"));
            assertThat(apache).noneMatch((event) -> event.getFormattedMessage().contains(MockServerScenarios.API_KEY));
        }
    }

    @Test
    void aWarningAtStartupNamesApacheLoggersAtDebugAndTheRiskToCredentials() {
        List<ILoggingEvent> events = captured("io.github.minimax4j.autoconfigure",
                () -> this.runner.run((context) -> assertThat(context).hasNotFailed()));
        assertThat(events).filteredOn((event) -> event.getLevel() == Level.WARN).singleElement()
            .satisfies((event) -> assertThat(event.getFormattedMessage()).contains(
                    "org.apache.hc.client5.http.headers and org.apache.hc.client5.http.wire at DEBUG", "API keys"));
    }

    @Test
    void noWarningWhileApacheHeaderAndWireLogsAreAtInfo() {
        Logger headers = (Logger) LoggerFactory.getLogger("org.apache.hc.client5.http.headers");
        Logger wire = (Logger) LoggerFactory.getLogger("org.apache.hc.client5.http.wire");
        headers.setLevel(Level.INFO);
        wire.setLevel(Level.INFO);
        try {
            List<ILoggingEvent> events = captured("io.github.minimax4j.autoconfigure",
                    () -> this.runner.run((context) -> assertThat(context).hasNotFailed()));
            assertThat(events).noneMatch((event) -> event.getLevel() == Level.WARN);
        }
        finally {
            headers.setLevel(null);
            wire.setLevel(null);
        }
    }

    /** The events {@code action} logs under {@code loggerName} (and its children). */
    private static List<ILoggingEvent> captured(String loggerName, Runnable action) {
        Logger logger = (Logger) LoggerFactory.getLogger(loggerName);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            action.run();
        }
        finally {
            logger.detachAppender(appender);
        }
        return List.copyOf(appender.list);
    }

    /** {@link RetryRuleTests}' whole matrix, every call kind broken at every point, on Apache HttpClient 5. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}, {1}")
    @org.junit.jupiter.params.provider.MethodSource("io.github.minimax4j.client.RetryRuleTests#cases")
    void theRetryRuleHoldsOnThisTransport(FaultPoint.Call call, FaultPoint point) throws Exception {
        java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
        try (RawSseServer server = new RawSseServer(false, (writer) -> {
            requests.incrementAndGet();
            point.play(call, writer);
        })) {
            this.runner.withPropertyValues("minimax.base-url=" + server.baseUrl(), "minimax.retry.max-retries=2",
                    "minimax.retry.initial-backoff=1ms", "minimax.retry.max-backoff=5ms",
                    "minimax.read-timeout=" + RetryRuleTests.readTimeout(point).toMillis() + "ms")
                .run((context) -> {
                    MiniMaxClient client = context.getBean(MiniMaxClient.class);
                    if (point == FaultPoint.CUT_AFTER_STATUS_LINE) {
                        // Apache reads a status line ended by the connection as a head without headers and an empty
                        // body: a malformed reply, not an I/O error; still sent once.
                        assertThatExceptionOfType(io.github.minimax4j.error.MalformedResponseException.class)
                            .isThrownBy(() -> call.run(client));
                        assertThat(requests).hasValue(1);
                    }
                    else {
                        RetryRuleTests.assertRuleHeld(call, point, client, requests);
                    }
                });
        }
    }
}
