package io.github.minimax4j.ratelimit;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import org.jspecify.annotations.Nullable;

/** A bucket in this JVM's memory. */
final class LocalBucket implements LimitBucket {

    private final Bucket bucket;

    LocalBucket(BucketConfiguration configuration) {
        this.bucket = Bucket.builder().addLimit(configuration.getBandwidths()[0]).build();
    }

    /** {@code capacity} tokens per {@code period}, refilled smoothly, full at first use. */
    static BucketConfiguration configuration(long capacity, Duration period) {
        return BucketConfiguration.builder()
            .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
            .build();
    }

    @Override
    public CompletableFuture<@Nullable LimitBucket> tryConsume(long tokens, Duration maxWait,
            ScheduledExecutorService scheduler) {
        if (maxWait.isZero()) { // Bucket4j's scheduler wants a positive wait
            return CompletableFuture.completedFuture(this.bucket.tryConsume(tokens) ? this : null);
        }
        return this.bucket.asScheduler()
            .tryConsume(tokens, maxWait, scheduler)
            .thenApply((consumed) -> consumed ? this : null);
    }

    @Override
    public CompletableFuture<Void> adjust(long delta) {
        if (delta > 0) {
            this.bucket.consumeIgnoringRateLimits(delta);
        }
        else if (delta < 0) {
            this.bucket.addTokens(-delta);
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Long> available() {
        return CompletableFuture.completedFuture(this.bucket.getAvailableTokens());
    }
}
