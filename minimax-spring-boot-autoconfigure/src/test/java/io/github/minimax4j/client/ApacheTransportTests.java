package io.github.minimax4j.client;

import java.util.concurrent.atomic.AtomicInteger;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.autoconfigure.MiniMaxAutoConfiguration;
import io.github.minimax4j.error.MiniMaxApiException;
import io.github.minimax4j.error.MiniMaxIoException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The client on Apache HttpClient 5, the library Boot picks when it is on the classpath. Run in their own JVM
 * (the {@code apache-transport} Surefire execution adds httpclient5), with the whole-suite key check after them,
 * at TRACE for every logger but Apache's header and wire logs: those print every request header, the API key
 * included, at DEBUG, and nothing a client library may do keeps it out of them. The README says so.
 */
class ApacheTransportTests {

    @BeforeAll
    static void apacheHeaderAndWireLogsAtTheirDefaultLevel() {
        for (String name : new String[] { "org.apache.hc.client5.http.headers", "org.apache.hc.client5.http.wire" }) {
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(name))
                .setLevel(ch.qos.logback.classic.Level.INFO);
        }
    }

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
}
