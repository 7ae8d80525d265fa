package io.github.minimax4j.client;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Filter;
import java.util.logging.Logger;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.autoconfigure.MiniMaxAutoConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code logging.level.root=DEBUG} in a Spring Boot app that chose {@code HttpURLConnection}
 * ({@code spring.http.clients.imperative.factory=simple}): Boot bridges JUL into its logging and maps FINE to
 * DEBUG, so the JDK's {@code HttpURLConnection} logs each request's headers. The key must not be in them. (The
 * default JDK {@code HttpClient} logs no headers: no filter is installed for it, see NoJvmWideStateTests.)
 */
@ExtendWith(OutputCaptureExtension.class)
class JdkHttpLogRedactionTests {

    private static final String KEY = MockServerScenarios.API_KEY;

    @ParameterizedTest
    @EnumSource(AuthScheme.class)
    void aBootAppAtDebugLogsTheRequestHeadersWithTheKeyMasked(AuthScheme scheme, CapturedOutput output)
            throws Exception {
        try (LoopbackServer server = new LoopbackServer().route("/", (exchange) -> LoopbackServer.send(exchange, 200,
                "application/json", Fixtures.read("m27-response.json")));
                ConfigurableApplicationContext app = new SpringApplicationBuilder(App.class)
                    .web(WebApplicationType.NONE)
                    .properties("logging.level.root=DEBUG", "logging.threshold.console=DEBUG", "minimax.api-key=" + KEY,
                            "minimax.auth-scheme=" + scheme.name().toLowerCase().replace('_', '-'),
                            "minimax.base-url=" + server.baseUrl(), "spring.http.clients.imperative.factory=simple")
                    .run()) {
            app.getBean(MiniMaxClient.class).messages().create(MessageRequest.builder().addUserMessage("hi").build());
        }

        String header = (scheme == AuthScheme.BEARER) ? "{Authorization: ****}" : "{x-api-key: ****}";
        assertThat(output.getAll()).as("the JDK's request-header line reached the log, masked")
            .contains("sun.net.www.MessageHeader").contains(header).doesNotContain(KEY);
    }

    @AfterAll
    static void restoreSuiteLogging() throws Exception {
        // The app re-read logback-test.xml with Boot's levels (root at DEBUG, console at DEBUG): undo that.
        KeyCanaryAppender.restoreSuiteLogging();
    }

    @Test
    void masksOnlyCredentialHeaders() {
        assertThat(JdkHttpLogRedaction.mask("pairs: {POST /anthropic/v1/messages HTTP/1.1: null}"
                + "{Authorization: Bearer abc.def}{X-API-KEY: abc}{Proxy-Authorization: Basic eA==}{Accept: */*}"))
            .isEqualTo("pairs: {POST /anthropic/v1/messages HTTP/1.1: null}"
                    + "{Authorization: ****}{X-API-KEY: ****}{Proxy-Authorization: ****}{Accept: */*}");
    }

    @Test
    void aFilterTheApplicationSetIsKeptAndSeesTheMaskedLine() {
        Logger logger = Logger.getLogger("sun.net.www.protocol.http.HttpURLConnection");
        Filter previous = logger.getFilter();
        List<String> seen = new ArrayList<>();
        try {
            logger.setFilter((record) -> seen.add(record.getMessage()) && false);
            JdkHttpLogRedaction.install();
            JdkHttpLogRedaction.install(); // idempotent: one masking filter, not a chain of them

            logger.severe("{Authorization: Bearer " + KEY + "}");

            assertThat(seen).containsExactly("{Authorization: ****}");
        }
        finally {
            logger.setFilter(previous);
            JdkHttpLogRedaction.install();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ MiniMaxAutoConfiguration.class, RestClientAutoConfiguration.class,
            HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class })
    static class App {

    }
}
