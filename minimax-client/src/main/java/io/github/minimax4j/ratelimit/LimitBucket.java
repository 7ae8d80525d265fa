package io.github.minimax4j.ratelimit;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

import org.jspecify.annotations.Nullable;

/** One Bucket4j bucket (in this JVM or on Redis) seen through the three operations the limiter needs, all async. */
interface LimitBucket {

    /**
     * Reserves {@code tokens}, completing once they are due (a scheduled delay, no thread held), with the bucket
     * that holds the reservation (to settle against later), or null when they are not due within {@code maxWait}.
     */
    CompletableFuture<@Nullable LimitBucket> tryConsume(long tokens, Duration maxWait, ScheduledExecutorService scheduler);

    /** Takes {@code delta} more tokens (even into debt) when positive, gives {@code -delta} back when negative. */
    CompletableFuture<Void> adjust(long delta);

    /** Tokens available now. */
    CompletableFuture<Long> available();
}
