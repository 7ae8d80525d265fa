package io.github.minimax4j.autoconfigure.observation;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.autoconfigure.MiniMaxAutoConfiguration;
import io.github.minimax4j.client.MiniMaxClient;
import io.github.minimax4j.observation.TokenUsageMeterObservationHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.model.MediaType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

/** Observations and meters are wired only with Micrometer and a registry, and an app without them still works. */
class MiniMaxObservationAutoConfigurationTests {

    private static ClientAndServer server;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(MiniMaxAutoConfiguration.class, RestClientAutoConfiguration.class,
                MiniMaxObservationAutoConfiguration.class))
        .withPropertyValues("minimax.api-key=key-1", "minimax.base-url=http://127.0.0.1:" + server.getPort());

    @BeforeAll
    static void start() {
        server = ClientAndServer.startClientAndServer(0);
        server.when(request().withPath("/anthropic/v1/messages")).respond(response().withContentType(
                MediaType.APPLICATION_JSON).withBody("{\"id\":\"m\",\"type\":\"message\",\"role\":\"assistant\","
                        + "\"model\":\"MiniMax-M3\",\"content\":[{\"type\":\"text\",\"text\":\"ok\"}],"
                        + "\"usage\":{\"input_tokens\":11,\"output_tokens\":5}}"));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static String call(MiniMaxClient client) {
        return client.messages().create(MessageRequest.builder().addUserMessage("hi").build()).text();
    }

    @Test
    void recordsTokenUsageOfTheAutoConfiguredClient() {
        this.runner.withBean(SimpleMeterRegistry.class).withBean(ObservationRegistry.class, ObservationRegistry::create)
            .run((context) -> {
                ObservationRegistry observations = context.getBean(ObservationRegistry.class);
                observations.observationConfig()
                    .observationHandler(context.getBean(TokenUsageMeterObservationHandler.class));
                call(context.getBean(MiniMaxClient.class));
                MeterRegistry meters = context.getBean(MeterRegistry.class);
                assertThat(meters.get(TokenUsageMeterObservationHandler.TOKEN_USAGE).tag("gen_ai.token.type", "input")
                    .summary().totalAmount()).isEqualTo(11);
            });
    }

    @Test
    void turnedOffByProperty() {
        this.runner.withBean(SimpleMeterRegistry.class).withBean(ObservationRegistry.class, ObservationRegistry::create)
            .withPropertyValues("minimax.observations.enabled=false")
            .run((context) -> assertThat(context).doesNotHaveBean(TokenUsageMeterObservationHandler.class));
    }

    @Test
    void absentWithoutARegistryBean() {
        this.runner.run((context) -> assertThat(context).doesNotHaveBean(TokenUsageMeterObservationHandler.class));
    }

    @Test
    void anAppWithoutMicrometerStartsAndCallsMiniMax() {
        this.runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class, ObservationRegistry.class))
            .run((context) -> {
                assertThat(context).hasNotFailed().doesNotHaveBean(TokenUsageMeterObservationHandler.class);
                assertThat(call(context.getBean(MiniMaxClient.class))).isEqualTo("ok");
            });
    }
}
