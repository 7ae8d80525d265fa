package io.github.minimax4j.autoconfigure.ratelimit;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.autoconfigure.MiniMaxAutoConfiguration;
import io.github.minimax4j.client.MiniMaxClient;
import io.github.minimax4j.error.ClientRateLimitException;
import io.github.minimax4j.health.MiniMaxRateLimiterHealthIndicator;
import io.github.minimax4j.ratelimit.ClientRateLimiter;
import io.github.minimax4j.ratelimit.RateLimiterMeters;
import io.github.minimax4j.ratelimit.RateLimits;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code minimax.rate-limit.*}: off by default; each property reaches the limiter and the auto-configured client
 * (over HTTP against a loopback server); bad values fail startup naming the property; meters and health.
 */
class MiniMaxRateLimitAutoConfigurationTests {

    static final String REPLY = """
            {"id":"m","type":"message","role":"assistant","model":"MiniMax-M3","content":[{"type":"text","text":"ok"}],
             "usage":{"input_tokens":10,"output_tokens":20},"stop_reason":"end_turn"}""";

    private HttpServer server;

    private final AtomicInteger requests = new AtomicInteger();

    private ApplicationContextRunner runner;

    @BeforeEach
    void startServer() throws IOException {
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        this.server.createContext("/", (exchange) -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                this.requests.incrementAndGet();
                byte[] body = REPLY.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        this.server.start();
        this.runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MiniMaxRateLimitAutoConfiguration.class,
                    MiniMaxAutoConfiguration.class, RestClientAutoConfiguration.class))
            .withPropertyValues("minimax.api-key=test-key",
                    "minimax.base-url=http://127.0.0.1:" + this.server.getAddress().getPort(), "minimax.retry.max-retries=0");
    }

    @AfterEach
    void stopServer() {
        this.server.stop(0);
    }

    @Test
    void offByDefault() {
        this.runner.withPropertyValues("minimax.rate-limit.requests-per-minute=1").run((context) -> {
            assertThat(context).doesNotHaveBean(ClientRateLimiter.class);
            MiniMaxClient client = context.getBean(MiniMaxClient.class);
            for (int i = 0; i < 5; i++) {
                call(client, "MiniMax-M3");
            }
            assertThat(this.requests.get()).isEqualTo(5);
        });
    }

    @Test
    void theAutoConfiguredClientIsHeldToTheLimitAndSendsNothingBeyondIt() {
        this.runner.withPropertyValues("minimax.rate-limit.enabled=true", "minimax.rate-limit.requests-per-minute=2",
                "minimax.rate-limit.max-wait=0s").run((context) -> {
                    MiniMaxClient client = context.getBean(MiniMaxClient.class);
                    call(client, "MiniMax-M3");
                    call(client, "MiniMax-M3");
                    assertThatExceptionOfType(ClientRateLimitException.class).isThrownBy(() -> call(client, "MiniMax-M3"))
                        .withMessageContaining("not a 429 from MiniMax");
                    assertThat(this.requests.get()).isEqualTo(2);
                    assertThat(context.getBean(ClientRateLimiter.class).backend()).isEqualTo("local");
                });
    }

    @Test
    void everyLimitPropertyReachesTheLimiter() {
        this.runner.withPropertyValues("minimax.rate-limit.enabled=true", "minimax.rate-limit.requests-per-minute=100",
                "minimax.rate-limit.tokens-per-minute=5000", "minimax.rate-limit.max-wait=3s",
                "minimax.rate-limit.models[MiniMax-M2.7].requests-per-minute=7",
                "minimax.rate-limit.models[MiniMax-M2.7].tokens-per-minute=700").run((context) -> {
                    RateLimits limits = context.getBean(ClientRateLimiter.class).limits();
                    assertThat(limits.account()).isEqualTo(new RateLimits.Limit(100, 5000));
                    assertThat(limits.models()).containsEntry("MiniMax-M2.7", new RateLimits.Limit(7, 700));
                    assertThat(limits.maxWait()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(limits.period()).isEqualTo(Duration.ofMinutes(1));
                });
    }

    @Test
    void aModelLimitHoldsThatModelsCallsOnly() {
        this.runner.withPropertyValues("minimax.rate-limit.enabled=true", "minimax.rate-limit.requests-per-minute=100",
                "minimax.rate-limit.max-wait=0s", "minimax.rate-limit.models[MiniMax-M2.7].requests-per-minute=1")
            .run((context) -> {
                MiniMaxClient client = context.getBean(MiniMaxClient.class);
                call(client, "MiniMax-M2.7");
                assertThatExceptionOfType(ClientRateLimitException.class).isThrownBy(() -> call(client, "MiniMax-M2.7"))
                    .satisfies((ex) -> assertThat(ex.scope()).isEqualTo("MiniMax-M2.7"));
                call(client, "MiniMax-M3");
                assertThat(this.requests.get()).isEqualTo(2);
            });
    }

    @Test
    void theTokenLimitHoldsWithTheWaitAllowed() {
        // 30 tokens reported per call against 1000 per minute: the reserved max_tokens (500) come back after each
        this.runner.withPropertyValues("minimax.rate-limit.enabled=true", "minimax.rate-limit.tokens-per-minute=1000",
                "minimax.rate-limit.max-wait=0s", "minimax.max-tokens=500").run((context) -> {
                    MiniMaxClient client = context.getBean(MiniMaxClient.class);
                    for (int i = 0; i < 5; i++) {
                        call(client, "MiniMax-M3");
                    }
                    assertThat(context.getBean(ClientRateLimiter.class).remaining(RateLimits.ACCOUNT,
                            ClientRateLimitException.TOKENS)).isBetween(850L, 1000L);
                });
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "minimax.rate-limit.requests-per-minute | -1  | minimax.rate-limit.requests-per-minute",
            "minimax.rate-limit.tokens-per-minute   | -5  | minimax.rate-limit.tokens-per-minute",
            "minimax.rate-limit.max-wait            | -1s | minimax.rate-limit.max-wait",
            "minimax.rate-limit.key-prefix          | ' ' | minimax.rate-limit.key-prefix",
            "minimax.rate-limit.models[MiniMax-M3].tokens-per-minute | -1 | minimax.rate-limit.models.MiniMax-M3.tokens-per-minute" })
    void aBadValueFailsStartupNamingTheProperty(String property, String value, String named) {
        this.runner.withPropertyValues("minimax.rate-limit.enabled=true", "minimax.rate-limit.requests-per-minute=10",
                property + "=" + value).run((context) -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains(named);
                    assertThat(analysis.getAction()).contains(named.startsWith("minimax.rate-limit.models") ? "Set" : named);
                });
    }

    @Test
    void enabledWithNoLimitFailsStartupSayingWhatToSet() {
        this.runner.withPropertyValues("minimax.rate-limit.enabled=true").run((context) -> {
            FailureAnalysis analysis = analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("minimax.rate-limit.enabled").contains("no limit is set");
            assertThat(analysis.getAction()).contains("minimax.rate-limit.requests-per-minute");
        });
    }

    @Test
    void withoutBucket4jEnablingFailsStartupNamingTheDependency() {
        this.runner.withClassLoader(new FilteredClassLoader("io.github.bucket4j"))
            .withPropertyValues("minimax.rate-limit.enabled=true", "minimax.rate-limit.requests-per-minute=10")
            .run((context) -> {
                FailureAnalysis analysis = analyze(context.getStartupFailure());
                assertThat(analysis.getAction()).contains("com.bucket4j:bucket4j_jdk17-core");
            });
    }

    @Test
    void theRedisBackendWithoutLettuceFailsStartupNamingTheDependency() {
        this.runner.withClassLoader(new FilteredClassLoader("io.lettuce"))
            .withPropertyValues("minimax.rate-limit.enabled=true", "minimax.rate-limit.requests-per-minute=10",
                    "minimax.rate-limit.backend=redis")
            .run((context) -> {
                FailureAnalysis analysis = analyze(context.getStartupFailure());
                assertThat(analysis.getDescription()).contains("minimax.rate-limit.backend");
                assertThat(analysis.getAction()).contains("io.lettuce:lettuce-core");
            });
    }

    @Test
    void theRedisBackendWithoutARedisConnectionFailsStartupNamingTheBackend() {
        this.runner.withPropertyValues("minimax.rate-limit.enabled=true", "minimax.rate-limit.requests-per-minute=10",
                "minimax.rate-limit.backend=redis").run((context) -> {
                    FailureAnalysis analysis = analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("minimax.rate-limit.backend")
                        .contains("no Redis connection");
                    assertThat(analysis.getAction()).contains("spring.data.redis.host");
                });
    }

    @Test
    void metersShowRemainingCapacityWaitsAndRefusals() {
        this.runner.withUserConfiguration(Registry.class).withPropertyValues("minimax.rate-limit.enabled=true",
                "minimax.rate-limit.requests-per-minute=2", "minimax.rate-limit.max-wait=0s").run((context) -> {
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    MiniMaxClient client = context.getBean(MiniMaxClient.class);
                    assertThat(registry.get(RateLimiterMeters.REFUSED).tags("scope", "account", "limit", "requests")
                        .counter().count()).isZero();
                    call(client, "MiniMax-M3");
                    call(client, "MiniMax-M3");
                    assertThatExceptionOfType(ClientRateLimitException.class).isThrownBy(() -> call(client, "MiniMax-M3"));

                    assertThat(registry.get(RateLimiterMeters.REMAINING).tags("scope", "account", "limit", "requests")
                        .gauge().value()).isBetween(0.0, 0.5);
                    assertThat(registry.get(RateLimiterMeters.WAIT).tags("scope", "account").timer().count()).isEqualTo(2);
                    assertThat(registry.get(RateLimiterMeters.REFUSED).tags("scope", "account", "limit", "requests")
                        .counter().count()).isEqualTo(1);
                });
    }

    @Test
    void healthShowsTheBackendAndState() {
        this.runner.withPropertyValues("minimax.rate-limit.enabled=true", "minimax.rate-limit.requests-per-minute=2")
            .run((context) -> {
                var health = context.getBean("minimaxRateLimitHealthIndicator", MiniMaxRateLimiterHealthIndicator.class)
                    .health();
                assertThat(health.getStatus()).isEqualTo(Status.UP);
                assertThat(health.getDetails()).containsEntry("backend", "local").containsEntry("state", "UP");
            });
    }

    @Test
    void theHealthIndicatorCanBeTurnedOff() {
        this.runner.withPropertyValues("minimax.rate-limit.enabled=true", "minimax.rate-limit.requests-per-minute=2",
                "management.health.minimax-rate-limit.enabled=false")
            .run((context) -> assertThat(context).doesNotHaveBean(MiniMaxRateLimiterHealthIndicator.class));
    }

    @Test
    void aLimiterOfTheApplicationsOwnIsUsedInstead() {
        this.runner.withUserConfiguration(OwnLimiter.class).withPropertyValues("minimax.rate-limit.enabled=true",
                "minimax.rate-limit.requests-per-minute=100").run((context) -> {
                    assertThat(context.getBean(ClientRateLimiter.class).limits().account().requests()).isEqualTo(1);
                    MiniMaxClient client = context.getBean(MiniMaxClient.class);
                    call(client, "MiniMax-M3");
                    assertThatExceptionOfType(ClientRateLimitException.class).isThrownBy(() -> call(client, "MiniMax-M3"));
                });
    }

    static void call(MiniMaxClient client, String model) {
        client.messages().create(MessageRequest.builder().model(model).maxTokens(500).addUserMessage("ping").build());
    }

    static FailureAnalysis analyze(Throwable failure) {
        for (FailureAnalyzer analyzer : SpringFactoriesLoader.forDefaultResourceLocation()
            .load(FailureAnalyzer.class, SpringFactoriesLoader.ArgumentResolver
                .of(org.springframework.beans.factory.BeanFactory.class,
                        new org.springframework.beans.factory.support.DefaultListableBeanFactory())
                .and(org.springframework.core.env.Environment.class,
                        new org.springframework.core.env.StandardEnvironment()),
                    SpringFactoriesLoader.FailureHandler.handleMessage((message, ex) -> {
                        // an analyzer for a library this module does not have: not needed here
                    }))) {
            FailureAnalysis analysis = analyzer.analyze(failure);
            if (analysis != null) {
                return analysis;
            }
        }
        throw new AssertionError("No failure analyzer explained " + failure);
    }

    @Configuration(proxyBeanMethods = false)
    static class Registry {

        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnLimiter {

        @Bean
        ClientRateLimiter ownLimiter() {
            return ClientRateLimiter.local(RateLimits.builder().requestsPerMinute(1).maxWait(Duration.ZERO).build());
        }
    }
}
