package io.github.minimax4j.ratelimit;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.minimax4j.error.ClientRateLimitException;
import org.jspecify.annotations.Nullable;

/**
 * A bucket on Redis, shared by every instance that names the same key. While Redis cannot be reached the
 * {@link StoreGuard}'s policy applies: the same limit counted in this JVM ({@code fallback}), or a refusal.
 */
final class SharedBucket implements LimitBucket {

    private final AsyncBucketProxy shared;

    private final LocalBucket fallback;

    private final StoreGuard guard;

    private final String scope;

    SharedBucket(AsyncBucketProxy shared, LocalBucket fallback, StoreGuard guard, String scope) {
        this.shared = shared;
        this.fallback = fallback;
        this.guard = guard;
        this.scope = scope;
    }

    @Override
    public CompletableFuture<@Nullable LimitBucket> tryConsume(long tokens, Duration maxWait,
            ScheduledExecutorService scheduler) {
        return guarded((bucket) -> (maxWait.isZero() ? bucket.tryConsume(tokens)
                : bucket.asScheduler().tryConsume(tokens, maxWait, scheduler))
            .thenApply((consumed) -> consumed ? this : null),
                () -> this.fallback.tryConsume(tokens, maxWait, scheduler));
    }

    @Override
    public CompletableFuture<Void> adjust(long delta) {
        if (delta == 0) {
            return CompletableFuture.completedFuture(null);
        }
        return guarded((bucket) -> (delta > 0) ? bucket.consumeIgnoringRateLimits(delta).thenApply((left) -> null)
                : bucket.addTokens(-delta), () -> this.fallback.adjust(delta));
    }

    @Override
    public CompletableFuture<Long> available() {
        return guarded(AsyncBucketProxy::getAvailableTokens, this.fallback::available);
    }

    private <T> CompletableFuture<T> guarded(Function<AsyncBucketProxy, CompletableFuture<T>> onStore,
            java.util.function.Supplier<CompletableFuture<T>> onFallback) {
        if (!this.guard.useStore()) {
            return whileDown(onFallback);
        }
        CompletableFuture<T> attempt;
        try {
            attempt = onStore.apply(this.shared);
        }
        catch (RuntimeException ex) {
            attempt = CompletableFuture.failedFuture(ex);
        }
        return attempt.handle((result, error) -> {
            if (error == null) {
                this.guard.succeeded();
                return CompletableFuture.completedFuture(result);
            }
            this.guard.failed(unwrap(error));
            return whileDown(onFallback);
        }).thenCompose(Function.identity());
    }

    private <T> CompletableFuture<T> whileDown(java.util.function.Supplier<CompletableFuture<T>> onFallback) {
        if (this.guard.policy() == StoreDownPolicy.FAIL_OPEN) {
            return onFallback.get();
        }
        return CompletableFuture.failedFuture(new ClientRateLimitException("The client's own rate limit refused this "
                + "call before sending it (nothing was sent to MiniMax): the limits are shared on Redis, Redis cannot "
                + "be reached, and the limiter is set to fail closed. Bring Redis back, or set it to fail open.",
                ClientRateLimitException.STORE, this.scope));
    }

    private static Throwable unwrap(Throwable error) {
        return (error instanceof CompletionException && error.getCause() != null) ? error.getCause() : error;
    }
}
