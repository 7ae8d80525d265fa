package io.github.minimax4j.autoconfigure.health;

import java.net.URI;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.autoconfigure.InvalidMiniMaxPropertyException;
import io.github.minimax4j.autoconfigure.MiniMaxAutoConfiguration;
import io.github.minimax4j.autoconfigure.MiniMaxConnectionDetails;
import io.github.minimax4j.autoconfigure.MiniMaxRestClientCustomizer;
import io.github.minimax4j.client.MiniMaxClient;
import io.github.minimax4j.error.AuthenticationException;
import io.github.minimax4j.health.MiniMaxHealthIndicator;
import io.github.minimax4j.health.PassiveMiniMaxHealthIndicator;
import io.github.minimax4j.health.RecentCallTracker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.model.HttpRequest;
import org.mockserver.model.MediaType;
import org.mockserver.verify.VerificationTimes;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

/** The health indicator appears with actuator health, and goes away when disabled or replaced. */
class MiniMaxHealthContributorAutoConfigurationTests {

    private static final HttpRequest PROBE = request().withMethod("POST").withPath("/anthropic/v1/messages/count_tokens");

    private static ClientAndServer server;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(MiniMaxAutoConfiguration.class, RestClientAutoConfiguration.class,
                MiniMaxHealthContributorAutoConfiguration.class))
        .withPropertyValues("minimax.api-key=key-1", "minimax.base-url=http://127.0.0.1:" + server.getPort());

    @BeforeAll
    static void start() {
        server = ClientAndServer.startClientAndServer(0);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void expectations() {
        server.reset();
        server.when(request().withPath("/anthropic/v1/messages")).respond(response().withContentType(
                MediaType.APPLICATION_JSON).withBody("{\"id\":\"m\",\"type\":\"message\",\"role\":\"assistant\","
                        + "\"model\":\"MiniMax-M3\",\"content\":[]}"));
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
            server.verify(PROBE, VerificationTimes.exactly(0));
        });
    }

    @Test
    void theComponentIsNamedMinimaxInTheHealthRegistry() {
        this.runner.withConfiguration(AutoConfigurations.of(HealthContributorRegistryAutoConfiguration.class))
            .run((context) -> assertThat(context.getBean(HealthContributorRegistry.class).getContributor("minimax"))
                .isSameAs(context.getBean(MiniMaxHealthIndicator.class)));
    }

    @Test
    void theProbeIsNotRetriedWhateverTheClientsRetryPolicy() {
        server.when(PROBE).respond(response().withStatusCode(503).withBody("{}"));
        this.runner.withPropertyValues("minimax.retry.max-retries=3", "minimax.retry.initial-backoff=10ms")
            .run((context) -> {
                assertThat(context.getBean(MiniMaxHealthIndicator.class).health().getStatus()).isEqualTo(Status.DOWN);
                server.verify(PROBE, VerificationTimes.exactly(1));
            });
    }

    @Test
    void theProbeTakesTheClientsRoadThroughMiniMaxCustomizers() {
        server.when(PROBE).respond(response().withContentType(MediaType.APPLICATION_JSON).withBody("{\"input_tokens\":1}"));
        MiniMaxRestClientCustomizer gateway = (builder) -> builder.defaultHeader("X-Gateway", "corp");
        this.runner.withBean(MiniMaxRestClientCustomizer.class, () -> gateway).run((context) -> {
            assertThat(context.getBean(MiniMaxHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
            server.verify(PROBE.clone().withHeader("X-Gateway", "corp"), VerificationTimes.exactly(1));
        });
    }

    @Test
    void aUserConnectionDetailsBeanIsWhatTheProbeUses() {
        server.when(PROBE).respond(response().withContentType(MediaType.APPLICATION_JSON).withBody("{\"input_tokens\":1}"));
        MiniMaxConnectionDetails vault = new MiniMaxConnectionDetails() {
            @Override
            public String apiKey() {
                return "key-from-vault";
            }

            @Override
            public URI baseUrl() {
                return URI.create("http://127.0.0.1:" + server.getPort());
            }
        };
        this.runner.withPropertyValues("minimax.base-url=http://127.0.0.1:1")
            .withBean(MiniMaxConnectionDetails.class, () -> vault)
            .run((context) -> {
                assertThat(context.getBean(MiniMaxHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
                server.verify(PROBE.clone().withHeader("Authorization", "Bearer key-from-vault"),
                        VerificationTimes.exactly(1));
            });
    }

    @Test
    void withAGatewayTheDetailsNameTheUrlProbedNotTheBaseUrl() {
        HttpRequest gatewayProbe = request().withMethod("POST").withPath("/gateway/v1/messages/count_tokens");
        server.when(gatewayProbe).respond(response().withStatusCode(503).withBody("{}"));
        this.runner.withPropertyValues("minimax.base-url=http://127.0.0.1:1",
                "minimax.anthropic-base-url=http://127.0.0.1:" + server.getPort() + "/gateway/")
            .run((context) -> {
                Health health = context.getBean(MiniMaxHealthIndicator.class).health();
                assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                assertThat(health.getDetails())
                    .containsEntry("url", "http://127.0.0.1:" + server.getPort() + "/gateway/v1/messages/count_tokens")
                    .doesNotContainKey("baseUrl");
                assertThat(health.toString()).doesNotContain("127.0.0.1:1/");
                server.verify(gatewayProbe, VerificationTimes.exactly(1));
            });
    }

    @Test
    void withoutAGatewayTheProbedUrlIsUnderTheBaseUrl() {
        server.when(PROBE).respond(response().withContentType(MediaType.APPLICATION_JSON).withBody("{\"input_tokens\":1}"));
        this.runner.run((context) -> assertThat(context.getBean(MiniMaxHealthIndicator.class).health().getDetails())
            .containsEntry("url", "http://127.0.0.1:" + server.getPort() + "/anthropic/v1/messages/count_tokens"));
    }

    @Test
    void probeNoneIsPassiveUnknownBeforeAnyCallThenFollowsRealCallsWithoutEverProbing() {
        server.when(request().withPath("/denied/v1/messages"))
            .respond(response().withStatusCode(401).withContentType(MediaType.APPLICATION_JSON)
                .withBody("{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"no\"}}"));
        MessageRequest hi = MessageRequest.builder().addUserMessage("hi").build();
        this.runner.withPropertyValues("minimax.health.probe=none").run((context) -> {
            HealthIndicator indicator = context.getBean("minimaxHealthIndicator", HealthIndicator.class);
            assertThat(indicator).isInstanceOf(PassiveMiniMaxHealthIndicator.class);
            assertThat(indicator.health().getStatus()).isEqualTo(Status.UNKNOWN);

            context.getBean(MiniMaxClient.class).messages().create(hi);
            assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
            assertThat(indicator.health().getDetails()).containsEntry("source", "recent-call");
            server.verify(PROBE, VerificationTimes.exactly(0));
        });
        this.runner.withPropertyValues("minimax.health.probe=none",
                "minimax.anthropic-base-url=http://127.0.0.1:" + server.getPort() + "/denied").run((context) -> {
            HealthIndicator indicator = context.getBean("minimaxHealthIndicator", HealthIndicator.class);
            assertThatExceptionOfType(AuthenticationException.class)
                .isThrownBy(() -> context.getBean(MiniMaxClient.class).messages().create(hi));
            Health health = indicator.health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("errorType", "AuthenticationException")
                .containsEntry("errorCode", "401");
            assertThat(health.toString()).doesNotContain("key-1");
            server.verify(PROBE, VerificationTimes.exactly(0));
        });
    }

    @Test
    void anUnknownProbeFailsStartupNamingTheProperty() {
        this.runner.withPropertyValues("minimax.health.probe=ping").run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                .hasStackTraceContaining("Failed to bind properties under 'minimax.health.probe'");
        });
    }

    @Test
    void disabledByProperty() {
        this.runner.withPropertyValues("management.health.minimax.enabled=false")
            .run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MiniMaxHealthIndicator.class));
    }

    @Test
    void disabledWithTheOtherIndicatorsByDefault() {
        this.runner.withPropertyValues("management.health.defaults.enabled=false")
            .run((context) -> assertThat(context).doesNotHaveBean(MiniMaxHealthIndicator.class));
    }

    @ParameterizedTest
    @ValueSource(strings = { "minimaxHealthIndicator", "miniMaxHealthIndicator", "minimaxHealthContributor",
            "miniMaxHealthContributor" })
    void backsOffForAUserIndicatorOfEitherName(String name) {
        HealthIndicator mine = () -> Health.up().build();
        this.runner.withBean(name, HealthIndicator.class, () -> mine).run((context) -> {
            assertThat(context).doesNotHaveBean(MiniMaxHealthIndicator.class);
            assertThat(context.getBean(name)).isSameAs(mine);
        });
    }

    @Test
    void absentWithoutActuatorHealth() {
        this.runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
            .run((context) -> assertThat(context).doesNotHaveBean(MiniMaxHealthIndicator.class)
                .hasSingleBean(MiniMaxClient.class));
    }

    @Test
    void absentWithoutConnectionDetails() {
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MiniMaxHealthContributorAutoConfiguration.class))
            .run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MiniMaxHealthIndicator.class));
    }

    @Test
    void aNonPositiveProbeTimeoutFailsStartupNamingTheProperty() {
        this.runner.withPropertyValues("minimax.health.timeout=0s").run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(InvalidMiniMaxPropertyException.class)
                .hasMessageContaining("minimax.health.timeout");
        });
    }

    @Test
    void aNegativeCacheTtlFailsStartupNamingTheProperty() {
        this.runner.withPropertyValues("minimax.health.cache-ttl=-1s").run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(InvalidMiniMaxPropertyException.class)
                .hasMessageContaining("minimax.health.cache-ttl");
        });
    }

    @Test
    void aMissingKeyBesideAUserClientFailsStartupSayingHowToTurnTheCheckOff() {
        MiniMaxClient own = MiniMaxClient.builder().apiKey("own-key").build();
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MiniMaxAutoConfiguration.class,
                    MiniMaxHealthContributorAutoConfiguration.class))
            .withBean(MiniMaxClient.class, () -> own)
            .run((context) -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).rootCause().isInstanceOf(InvalidMiniMaxPropertyException.class)
                    .hasMessageContaining("minimax.api-key");
                assertThat(((InvalidMiniMaxPropertyException) rootCause(context.getStartupFailure())).fix())
                    .contains("management.health.minimax.enabled=false");
            });
    }

    @Test
    void cacheTtlAndTimeoutBind() {
        this.runner.withPropertyValues("minimax.health.cache-ttl=5m", "minimax.health.timeout=750ms")
            .run((context) -> {
                MiniMaxHealthProperties health = context.getBean(MiniMaxHealthProperties.class);
                assertThat(health.getCacheTtl()).hasMinutes(5);
                assertThat(health.getTimeout()).hasMillis(750);
            });
    }

    private static Throwable rootCause(Throwable ex) {
        Throwable cause = ex;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
