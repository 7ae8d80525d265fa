package io.github.minimax4j.autoconfigure.ratelimit;

import java.time.Duration;

import io.github.minimax4j.autoconfigure.MiniMaxAutoConfiguration;
import io.github.minimax4j.error.ClientRateLimitException;
import io.github.minimax4j.health.MiniMaxRateLimiterHealthIndicator;
import io.github.minimax4j.ratelimit.ClientRateLimiter;
import io.github.minimax4j.ratelimit.RedisServerProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code minimax.rate-limit.backend=redis} on the application's {@code spring.data.redis.*} connection, against
 * Debian's redis-server started here: two applications share one limit, the key prefix separates them, and
 * {@code when-redis-down} shows in health while Redis is stopped, until it is back.
 */
class RedisRateLimitAutoConfigurationTests {

    private RedisServerProcess redis;

    private ApplicationContextRunner runner;

    @BeforeEach
    void startRedis() throws Exception {
        assumeTrue(RedisServerProcess.binary().isPresent(), RedisServerProcess.ABSENT);
        this.redis = RedisServerProcess.start(RedisServerProcess.binary().get());
        this.runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MiniMaxRateLimitAutoConfiguration.class,
                    MiniMaxAutoConfiguration.class, RestClientAutoConfiguration.class, DataRedisAutoConfiguration.class))
            .withPropertyValues("minimax.api-key=test-key", "spring.data.redis.host=127.0.0.1",
                    "spring.data.redis.port=" + this.redis.port(), "minimax.rate-limit.enabled=true",
                    "minimax.rate-limit.backend=redis", "minimax.rate-limit.requests-per-minute=3",
                    "minimax.rate-limit.max-wait=0s");
    }

    @AfterEach
    void stopRedis() throws Exception {
        if (this.redis != null) {
            this.redis.close();
        }
    }

    @Test
    void twoApplicationsWithTheSameKeyPrefixShareOneLimit() {
        this.runner.withPropertyValues("minimax.rate-limit.key-prefix=shared").run((first) -> this.runner
            .withPropertyValues("minimax.rate-limit.key-prefix=shared").run((second) -> {
                ClientRateLimiter one = first.getBean(ClientRateLimiter.class);
                ClientRateLimiter two = second.getBean(ClientRateLimiter.class);
                assertThat(one.backend()).isEqualTo("redis");
                one.acquireBlocking("MiniMax-M3", 0);
                one.acquireBlocking("MiniMax-M3", 0);
                two.acquireBlocking("MiniMax-M3", 0);
                assertThatExceptionOfType(ClientRateLimitException.class)
                    .isThrownBy(() -> two.acquireBlocking("MiniMax-M3", 0));
            }));
    }

    @Test
    void anotherKeyPrefixIsAnotherBudget() {
        this.runner.withPropertyValues("minimax.rate-limit.key-prefix=one").run((first) -> this.runner
            .withPropertyValues("minimax.rate-limit.key-prefix=two").run((second) -> {
                for (int i = 0; i < 3; i++) {
                    first.getBean(ClientRateLimiter.class).acquireBlocking("MiniMax-M3", 0);
                    second.getBean(ClientRateLimiter.class).acquireBlocking("MiniMax-M3", 0);
                }
            }));
    }

    @Test
    void failClosedShowsDownInHealthWhileRedisIsStoppedAndUpOnceItIsBack() {
        this.runner.withPropertyValues("minimax.rate-limit.when-redis-down=fail-closed").run((context) -> {
            ClientRateLimiter limiter = context.getBean(ClientRateLimiter.class);
            MiniMaxRateLimiterHealthIndicator health = context.getBean(MiniMaxRateLimiterHealthIndicator.class);
            limiter.acquireBlocking("MiniMax-M3", 0);
            this.redis.stop();
            assertThatExceptionOfType(ClientRateLimitException.class)
                .isThrownBy(() -> limiter.acquireBlocking("MiniMax-M3", 0))
                .satisfies((ex) -> assertThat(ex.limit()).isEqualTo(ClientRateLimitException.STORE));
            Health down = health.health();
            assertThat(down.getStatus()).isEqualTo(Status.DOWN);
            assertThat(down.getDetails()).containsEntry("backend", "redis").containsEntry("state", "REFUSING");

            this.redis.restart();
            awaitUp(limiter);
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        });
    }

    @Test
    void failOpenStaysUpInHealthWithTheLocalFallbackShown() {
        this.runner.withPropertyValues("minimax.rate-limit.when-redis-down=fail-open").run((context) -> {
            ClientRateLimiter limiter = context.getBean(ClientRateLimiter.class);
            this.redis.stop();
            limiter.acquireBlocking("MiniMax-M3", 0);
            Health health = context.getBean(MiniMaxRateLimiterHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("state", "LOCAL_FALLBACK");
            this.redis.restart();
            awaitUp(limiter);
        });
    }

    /** Lettuce reconnects with a growing backoff: poll for up to 60 s. */
    private static void awaitUp(ClientRateLimiter limiter) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                limiter.acquireBlocking("MiniMax-M3", 0);
                if (limiter.state() == ClientRateLimiter.State.UP) {
                    return;
                }
            }
            catch (ClientRateLimitException ex) {
                // still down
            }
            assertThat(System.nanoTime()).as("Redis back within 60 s").isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
