package io.github.minimax4j.autoconfigure.health;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.autoconfigure.MiniMaxAutoConfiguration;
import io.github.minimax4j.client.MiniMaxClient;
import io.github.minimax4j.health.MiniMaxHealthIndicator;
import io.github.minimax4j.health.RecentCallTracker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.model.MediaType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

/** The health indicator appears with actuator health, and goes away when disabled or replaced. */
class MiniMaxHealthContributorAutoConfigurationTests {

    private static ClientAndServer server;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(MiniMaxAutoConfiguration.class, RestClientAutoConfiguration.class,
                MiniMaxHealthContributorAutoConfiguration.class))
        .withPropertyValues("minimax.api-key=key-1", "minimax.base-url=http://127.0.0.1:" + server.getPort());

    @BeforeAll
    static void start() {
        server = ClientAndServer.startClientAndServer(0);
        server.when(request().withPath("/anthropic/v1/messages")).respond(response().withContentType(
                MediaType.APPLICATION_JSON).withBody("{\"id\":\"m\",\"type\":\"message\",\"role\":\"assistant\","
                        + "\"model\":\"MiniMax-M3\",\"content\":[]}"));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void registersTheIndicatorAndFeedsItTheClientsCalls() {
        this.runner.run((context) -> {
            assertThat(context).hasSingleBean(MiniMaxHealthIndicator.class).hasBean("minimaxHealthIndicator");
            context.getBean(MiniMaxClient.class).messages().create(MessageRequest.builder().addUserMessage("hi").build());
            assertThat(context.getBean(RecentCallTracker.class).lastSuccess()).isNotNull();
            Health health = context.getBean(MiniMaxHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("source", "recent-call");
        });
    }

    @Test
    void disabledByProperty() {
        this.runner.withPropertyValues("management.health.minimax.enabled=false")
            .run((context) -> assertThat(context).doesNotHaveBean(MiniMaxHealthIndicator.class));
    }

    @Test
    void backsOffForAUserIndicatorOfTheSameName() {
        HealthIndicator mine = () -> Health.up().build();
        this.runner.withBean("minimaxHealthIndicator", HealthIndicator.class, () -> mine)
            .run((context) -> {
                assertThat(context).doesNotHaveBean(MiniMaxHealthIndicator.class);
                assertThat(context.getBean("minimaxHealthIndicator")).isSameAs(mine);
            });
    }

    @Test
    void absentWithoutActuatorHealth() {
        this.runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
            .run((context) -> assertThat(context).doesNotHaveBean(MiniMaxHealthIndicator.class)
                .hasSingleBean(MiniMaxClient.class));
    }

    @Test
    void aNonPositiveProbeTimeoutFailsStartupNamingTheProperty() {
        this.runner.withPropertyValues("minimax.health.timeout=0s").run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("minimax.health.timeout");
        });
    }
}
