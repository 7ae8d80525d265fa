package io.github.minimax4j.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.minimax4j.error.ClientRateLimitException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Limits shared on a real Redis (Debian's redis-server, started here on a free loopback port): two limiters on two
 * connections, as two instances would be, draw on one budget; estimates settle in it; and while Redis is stopped
 * the configured policy applies (fail open to local limits, or fail closed), logged once, until it is back.
 */
class SharedRateLimitTests {

    private RedisServerProcess redis;

    private final List<AutoCloseable> closing = new java.util.ArrayList<>();

    private ListAppender<ILoggingEvent> logs;

    @BeforeEach
    void startRedis() throws Exception {
        assumeTrue(RedisServerProcess.binary().isPresent(), RedisServerProcess.ABSENT);
        this.redis = RedisServerProcess.start(RedisServerProcess.binary().get());
        this.logs = new ListAppender<>();
        this.logs.start();
        ((Logger) LoggerFactory.getLogger(StoreGuard.class)).addAppender(this.logs);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable resource : this.closing) {
            resource.close();
        }
        if (this.logs != null) {
            ((Logger) LoggerFactory.getLogger(StoreGuard.class)).detachAppender(this.logs);
        }
        if (this.redis != null) {
            this.redis.close();
        }
    }

    @Test
    void twoInstancesDrawOnOneBudget() {
        RateLimits limits = RateLimits.builder().requestsPerMinute(5).maxWait(Duration.ZERO).build();
        ClientRateLimiter first = limiter(limits, StoreDownPolicy.FAIL_CLOSED);
        ClientRateLimiter second = limiter(limits, StoreDownPolicy.FAIL_CLOSED);
        for (int i = 0; i < 3; i++) {
            first.acquireBlocking("MiniMax-M3", 0);
        }
        second.acquireBlocking("MiniMax-M3", 0);
        second.acquireBlocking("MiniMax-M3", 0);

        assertThatExceptionOfType(ClientRateLimitException.class).isThrownBy(() -> first.acquireBlocking("MiniMax-M3", 0))
            .satisfies((ex) -> assertThat(ex.limit()).isEqualTo(ClientRateLimitException.REQUESTS));
        assertThatExceptionOfType(ClientRateLimitException.class).isThrownBy(() -> second.acquireBlocking("MiniMax-M3", 0));
        assertThat(first.backend()).isEqualTo("redis");
        assertThat(first.state()).isEqualTo(ClientRateLimiter.State.UP);
    }

    @Test
    void anEstimateSettlesInTheSharedBudget() {
        RateLimits limits = RateLimits.builder().tokensPerMinute(1000).maxWait(Duration.ZERO).build();
        ClientRateLimiter first = limiter(limits, StoreDownPolicy.FAIL_CLOSED);
        ClientRateLimiter second = limiter(limits, StoreDownPolicy.FAIL_CLOSED);
        Permit permit = first.acquireBlocking("MiniMax-M3", 600);
        assertThat(second.remaining(RateLimits.ACCOUNT, ClientRateLimitException.TOKENS)).isBetween(400L, 500L);

        permit.settle(100);
        awaitTrue(() -> second.remaining(RateLimits.ACCOUNT, ClientRateLimitException.TOKENS) >= 900);
        assertThat(second.remaining(RateLimits.ACCOUNT, ClientRateLimitException.TOKENS)).isBetween(900L, 1000L);
    }

    @Test
    void aWaitHoldsNoThread() throws Exception {
        // one request per 800 ms: the second acquire's future is returned at once and completes after the refill
        RateLimits limits = RateLimits.builder().requestsPerMinute(1).period(Duration.ofMillis(800))
            .maxWait(Duration.ofSeconds(20)).build();
        ClientRateLimiter limiter = limiter(limits, StoreDownPolicy.FAIL_CLOSED);
        limiter.acquireBlocking("MiniMax-M3", 0);
        long start = System.nanoTime();
        CompletableFuture<Permit> waiting = limiter.acquire("MiniMax-M3", 0);
        long returnedAfter = System.nanoTime() - start;

        Permit permit = waiting.get();
        assertThat(permit.waited()).isGreaterThan(Duration.ofMillis(300));
        assertThat(Duration.ofNanos(returnedAfter)).isLessThan(permit.waited());
    }

    @Test
    void failOpenHoldsCallsToLocalLimitsWhileRedisIsDownLogsOnceAndRecovers() throws Exception {
        RateLimits limits = RateLimits.builder().requestsPerMinute(3).maxWait(Duration.ZERO).build();
        ClientRateLimiter limiter = limiter(limits, StoreDownPolicy.FAIL_OPEN);
        limiter.acquireBlocking("MiniMax-M3", 0);

        this.redis.stop();
        for (int i = 0; i < 3; i++) { // the local count starts afresh: three calls, then its limit
            limiter.acquireBlocking("MiniMax-M3", 0);
        }
        assertThat(limiter.state()).isEqualTo(ClientRateLimiter.State.LOCAL_FALLBACK);
        assertThatExceptionOfType(ClientRateLimitException.class).isThrownBy(() -> limiter.acquireBlocking("MiniMax-M3", 0))
            .satisfies((ex) -> assertThat(ex.limit()).isEqualTo(ClientRateLimitException.REQUESTS));
        assertThat(messages(Level.WARN)).hasSize(1).first().asString().contains("Redis cannot be reached")
            .contains("this instance alone");

        this.redis.restart();
        awaitTrue(() -> limiter.remaining(RateLimits.ACCOUNT, ClientRateLimitException.REQUESTS) >= 0
                && limiter.state() == ClientRateLimiter.State.UP);
        limiter.acquireBlocking("MiniMax-M3", 0); // counted on Redis again (a fresh, empty Redis)
        assertThat(messages(Level.WARN)).hasSize(1);
        assertThat(messages(Level.INFO)).hasSize(1).first().asString().contains("Redis answers again");
    }

    @Test
    void failClosedRefusesWhileRedisIsDownAndRecovers() throws Exception {
        RateLimits limits = RateLimits.builder().requestsPerMinute(100).maxWait(Duration.ZERO).build();
        ClientRateLimiter limiter = limiter(limits, StoreDownPolicy.FAIL_CLOSED);
        limiter.acquireBlocking("MiniMax-M3", 0);

        this.redis.stop();
        for (int i = 0; i < 3; i++) {
            assertThatExceptionOfType(ClientRateLimitException.class)
                .isThrownBy(() -> limiter.acquireBlocking("MiniMax-M3", 0))
                .withMessageContaining("Redis cannot be reached")
                .satisfies((ex) -> assertThat(ex.limit()).isEqualTo(ClientRateLimitException.STORE));
        }
        assertThat(limiter.state()).isEqualTo(ClientRateLimiter.State.REFUSING);
        assertThat(messages(Level.WARN)).hasSize(1).first().asString().contains("refused");

        this.redis.restart();
        awaitTrue(() -> {
            try {
                limiter.acquireBlocking("MiniMax-M3", 0);
                return true;
            }
            catch (ClientRateLimitException ex) {
                return false;
            }
        });
        assertThat(limiter.state()).isEqualTo(ClientRateLimiter.State.UP);
        assertThat(messages(Level.INFO)).hasSize(1);
    }

    private List<String> messages(Level level) {
        return this.logs.list.stream().filter((event) -> event.getLevel() == level)
            .map(ILoggingEvent::getFormattedMessage).toList();
    }

    private ClientRateLimiter limiter(RateLimits limits, StoreDownPolicy policy) {
        RedisServerProcess.Connection connection = this.redis.connect();
        ClientRateLimiter limiter = ClientRateLimiter.builder(limits).redis(connection.connection())
            .whenRedisDown(policy).build();
        this.closing.add(0, connection);
        this.closing.add(0, limiter);
        return limiter;
    }

    /** Polls (Lettuce reconnects with a growing backoff after an outage) for up to 60 s. */
    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 60 s").isLessThan(deadline);
            try {
                Thread.sleep(100);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new AssertionError(ex);
            }
        }
    }
}
