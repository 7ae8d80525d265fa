package io.github.minimax4j.autoconfigure;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.client.MessageStream;
import io.github.minimax4j.client.KeyCanaryAppender;
import io.github.minimax4j.client.MiniMaxClient;
import io.github.minimax4j.error.MiniMaxException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.matchers.Times;
import org.mockserver.model.MediaType;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

/** The API key appears nowhere a person or a log collector could read it. */
@ExtendWith(OutputCaptureExtension.class)
class ApiKeyLeakTests {

    private static final String KEY = "sk-leak-canary-7d41e9a0";

    private static ClientAndServer server;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(MiniMaxAutoConfiguration.class, RestClientAutoConfiguration.class,
                EndpointAutoConfiguration.class, EnvironmentEndpointAutoConfiguration.class,
                ConfigurationPropertiesReportEndpointAutoConfiguration.class))
        .withPropertyValues("management.endpoints.web.exposure.include=*",
                "management.endpoint.env.show-values=always", "management.endpoint.configprops.show-values=always");

    @BeforeAll
    static void start() {
        server = ClientAndServer.startClientAndServer(0);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void actuatorEnvAndConfigpropsMaskTheKeyEvenWhenShowingValues() {
        this.runner.withPropertyValues("minimax.api-key=" + KEY).run((context) -> {
            String env = JsonMapper.shared().writeValueAsString(context.getBean(EnvironmentEndpoint.class).environment(null));
            String configprops = JsonMapper.shared()
                .writeValueAsString(context.getBean(ConfigurationPropertiesReportEndpoint.class).configurationProperties());
            assertThat(env).contains("minimax.api-key").doesNotContain(KEY);
            assertThat(configprops).contains("apiKey").doesNotContain(KEY);
            assertThat(context.getBean(EnvironmentEndpoint.class).environmentEntry("minimax.api-key").toString())
                .doesNotContain(KEY);
        });
    }

    @Test
    void theEnvironmentVariableIsMaskedToo() {
        this.runner.withInitializer((context) -> context.getEnvironment().getPropertySources()
            .addFirst(new SystemEnvironmentPropertySource("systemEnvironment", java.util.Map.of("MINIMAX_API_KEY", KEY))))
            .run((context) -> {
                String env = JsonMapper.shared()
                    .writeValueAsString(context.getBean(EnvironmentEndpoint.class).environment(null));
                assertThat(env).contains("MINIMAX_API_KEY").doesNotContain(KEY);
            });
    }

    @Test
    void beansAndPropertiesPrintNoKey() {
        this.runner.withPropertyValues("minimax.api-key=" + KEY).run((context) -> {
            assertThat(context.getBean(MiniMaxProperties.class).toString()).doesNotContain(KEY);
            assertThat(context.getBean(MiniMaxConnectionDetails.class).toString()).doesNotContain(KEY);
            assertThat(context.getBean(MiniMaxClient.class).toString()).doesNotContain(KEY);
        });
    }

    @Test
    void noLogLineAtAnyLevelCarriesTheKey(CapturedOutput output) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level previous = root.getLevel();
        long traceBefore = KeyCanaryAppender.traceEvents();
        root.setLevel(Level.TRACE);
        // The fake server would log the requests it receives, Authorization included, but that is the server's
        // side, not ours: the build runs MockServer at WARN (mockserver.logLevel), and its schema validator is muted.
        ((Logger) LoggerFactory.getLogger("shaded_package")).setLevel(Level.OFF);
        try {
            server.reset();
            String echo = "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"bad key " + KEY + "\"}}";
            server.when(request().withPath("/fail.*")).respond(response().withStatusCode(403)
                .withContentType(MediaType.APPLICATION_JSON).withBody(echo));
            server.when(request().withPath("/flaky.*"), Times.once()).respond(response().withStatusCode(503));
            server.when(request().withPath("/flaky.*")).respond(response().withContentType(MediaType.APPLICATION_JSON)
                .withBody("{\"id\":\"m\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"MiniMax-M3\",\"content\":[]}"));
            server.when(request().withPath("/stream.*")).respond(response().withHeader("Content-Type", "text/event-stream")
                .withBody("event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"" + KEY + "\"}}\n\n"));
            for (String path : new String[] { "/fail", "/flaky", "/stream" }) {
                this.runner.withPropertyValues("minimax.api-key=" + KEY, "minimax.retry.initial-backoff=1ms",
                        "minimax.anthropic-base-url=http://127.0.0.1:" + server.getPort() + path).run((context) -> {
                            MiniMaxClient client = context.getBean(MiniMaxClient.class);
                            MessageRequest request = MessageRequest.builder().addUserMessage("hi").build();
                            try {
                                client.messages().create(request);
                                try (MessageStream stream = client.messages().stream(request)) {
                                    stream.forEach((event) -> {
                                    });
                                }
                            }
                            catch (MiniMaxException ex) {
                                org.slf4j.LoggerFactory.getLogger(ApiKeyLeakTests.class).error("call failed", ex);
                            }
                        });
            }
        }
        finally {
            root.setLevel(previous);
            ((Logger) LoggerFactory.getLogger("shaded_package")).setLevel(null);
        }
        // The suite's console shows INFO and above (logback-test.xml); KeyCanaryAppender saw the TRACE lines.
        assertThat(KeyCanaryAppender.traceEvents()).isGreaterThan(traceBefore);
        assertThat(output.getAll()).contains("call failed").doesNotContain(KEY);
    }
}
