package io.github.minimax4j.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.bucket4j.BucketConfiguration;
import io.github.minimax4j.error.ClientRateLimitException;
import io.github.minimax4j.error.MiniMaxException;
import io.lettuce.core.api.StatefulRedisConnection;
import org.jspecify.annotations.Nullable;

/**
 * Holds calls to MiniMax within requests and tokens per minute, in this JVM or shared on Redis by every instance
 * that uses the same Redis and key prefix (Bucket4j does the counting). A call first reserves one request and its
 * estimated tokens, waiting up to {@link RateLimits#maxWait()} for them, and settles the estimate with the usage
 * MiniMax reports afterwards ({@link Permit#settle(long)}). Waiting is a scheduled delay: {@link #acquire} holds no
 * thread; {@link #acquireBlocking} is the same wait for the blocking client. Thread-safe; close it to stop its timer.
 */
public final class ClientRateLimiter implements AutoCloseable {

    private static final LimitBucket UNLIMITED = new Unlimited();

    private final RateLimits limits;

    private final Map<String, Scope> scopes;

    private final ScheduledExecutorService scheduler;

    private final boolean ownsScheduler;

    private final @Nullable StoreGuard guard;

    private final Listener listener;

    private final List<AutoCloseable> closing;

    private ClientRateLimiter(Builder builder) {
        this.limits = builder.limits;
        this.closing = List.copyOf(builder.closing);
        this.listener = builder.listener;
        this.ownsScheduler = builder.scheduler == null;
        this.scheduler = (builder.scheduler != null) ? builder.scheduler : newScheduler();
        RedisBuckets redis = (builder.redis != null) ? new RedisBuckets(builder.redis, builder.keyPrefix) : null;
        this.guard = (redis != null) ? new StoreGuard(Duration.ofSeconds(1), builder.whenRedisDown) : null;
        Map<String, Scope> scopes = new LinkedHashMap<>();
        scopes.put(RateLimits.ACCOUNT, scope(RateLimits.ACCOUNT, this.limits.account(), redis));
        this.limits.models().forEach((model, limit) -> scopes.put(model, scope(model, limit, redis)));
        this.scopes = Map.copyOf(scopes);
    }

    /**
     * A limiter counting in this JVM only.
     * @param limits the limits
     * @return the limiter
     */
    public static ClientRateLimiter local(RateLimits limits) {
        return builder(limits).build();
    }

    /**
     * Starts a limiter: in this JVM unless given a Redis connection.
     * @param limits the limits
     * @return a new builder
     */
    public static Builder builder(RateLimits limits) {
        return new Builder(limits);
    }

    /**
     * Reserves one request and {@code estimatedTokens} for a call to {@code model}, without holding a thread while
     * it waits. The future fails with a {@link ClientRateLimitException} when the capacity is not there within the
     * maximum wait (nothing is then reserved).
     * @param model the model the request names
     * @param estimatedTokens input plus output tokens the call is expected to use (capped at the token budget)
     * @return the permit, once the capacity is there
     */
    public CompletableFuture<Permit> acquire(String model, long estimatedTokens) {
        Scope scope = this.scopes.getOrDefault(this.limits.scopeFor(model), this.scopes.get(RateLimits.ACCOUNT));
        long tokens = (scope.limit.tokens() > 0) ? Math.min(Math.max(0, estimatedTokens), scope.limit.tokens()) : 0;
        long start = System.nanoTime();
        Duration maxWait = this.limits.maxWait();
        CompletableFuture<Permit> permit = reserve(scope.requests, 1, maxWait).thenCompose((request) -> {
            if (request == null) {
                return CompletableFuture.failedFuture(refusal(scope, ClientRateLimitException.REQUESTS, 1));
            }
            Duration left = maxWait.minusNanos(System.nanoTime() - start);
            return reserve(scope.tokens, tokens, left.isNegative() ? Duration.ZERO : left).thenCompose((held) -> {
                if (held == null) {
                    request.adjust(-1);
                    return CompletableFuture.failedFuture(refusal(scope, ClientRateLimitException.TOKENS, tokens));
                }
                Duration waited = Duration.ofNanos(System.nanoTime() - start);
                this.listener.acquired(scope.name, waited);
                return CompletableFuture.completedFuture(new Permit(held, tokens, waited));
            });
        });
        return permit.whenComplete((granted, error) -> {
            Throwable cause = (error != null && error.getCause() != null) ? error.getCause() : error;
            if (cause instanceof ClientRateLimitException refused) {
                this.listener.refused(scope.name, refused.limit());
            }
        });
    }

    /**
     * As {@link #acquire}, blocking the caller for up to the maximum wait.
     * @param model the model the request names
     * @param estimatedTokens input plus output tokens the call is expected to use
     * @return the permit
     * @throws ClientRateLimitException when the capacity is not there within the maximum wait
     */
    public Permit acquireBlocking(String model, long estimatedTokens) {
        CompletableFuture<Permit> permit = acquire(model, estimatedTokens);
        try {
            return permit.get();
        }
        catch (ExecutionException ex) {
            if (ex.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new MiniMaxException("The client's rate limiter failed", ex.getCause());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            permit.thenAccept((granted) -> granted.settle(0));
            throw new MiniMaxException("Interrupted while waiting for the client's own rate limit", ex);
        }
    }

    /**
     * Where the limits are counted.
     * @return {@code redis} or {@code local}
     */
    public String backend() {
        return (this.guard != null) ? "redis" : "local";
    }

    /**
     * Whether the limits hold as configured.
     * @return the state
     */
    public State state() {
        if (this.guard == null || !this.guard.isDown()) {
            return State.UP;
        }
        return (this.guard.policy() == StoreDownPolicy.FAIL_OPEN) ? State.LOCAL_FALLBACK : State.REFUSING;
    }

    /**
     * The limits.
     * @return the limits
     */
    public RateLimits limits() {
        return this.limits;
    }

    /**
     * Scopes with buckets: {@link RateLimits#ACCOUNT} and each model with limits of its own.
     * @return the scopes
     */
    public Set<String> scopes() {
        return this.scopes.keySet();
    }

    /**
     * Capacity left now in one scope's budget (asks Redis when shared; at most a short wait).
     * @param scope a scope from {@link #scopes()}
     * @param limit {@link ClientRateLimitException#REQUESTS} or {@link ClientRateLimitException#TOKENS}
     * @return requests or tokens available now, or -1 when that kind is not limited or the count is unavailable
     */
    public long remaining(String scope, String limit) {
        Scope found = this.scopes.get(scope);
        if (found == null) {
            return -1;
        }
        LimitBucket bucket = ClientRateLimitException.TOKENS.equals(limit) ? found.tokens : found.requests;
        if (bucket == UNLIMITED) {
            return -1;
        }
        try {
            return bucket.available().get(RedisBuckets.REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (ExecutionException | TimeoutException ex) {
            return -1;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * Stops the limiter's timer (when it made its own) and closes what {@link Builder#closeWith} named; a Redis
     * connection given to {@link Builder#redis} stays the caller's otherwise.
     */
    @Override
    public void close() {
        if (this.ownsScheduler) {
            this.scheduler.shutdownNow();
        }
        for (AutoCloseable resource : this.closing) {
            try {
                resource.close();
            }
            catch (Exception ex) {
                throw new MiniMaxException("Could not close " + resource + " with the rate limiter", ex);
            }
        }
    }

    @Override
    public String toString() {
        return "ClientRateLimiter[backend=" + backend() + ", state=" + state() + ", " + this.limits + "]";
    }

    private CompletableFuture<@Nullable LimitBucket> reserve(LimitBucket bucket, long tokens, Duration maxWait) {
        if (bucket == UNLIMITED || tokens <= 0) {
            return CompletableFuture.completedFuture(bucket);
        }
        return bucket.tryConsume(tokens, maxWait, this.scheduler);
    }

    private ClientRateLimitException refusal(Scope scope, String limit, long wanted) {
        long perPeriod = ClientRateLimitException.TOKENS.equals(limit) ? scope.limit.tokens() : scope.limit.requests();
        String whose = RateLimits.ACCOUNT.equals(scope.name) ? "the account" : "model " + scope.name;
        return new ClientRateLimitException("The client's own rate limit refused this call before sending it (nothing "
                + "was sent to MiniMax; this is not a 429 from MiniMax): " + wanted + " " + limit + " were not free "
                + "within the maximum wait of " + this.limits.maxWait().toMillis() + " ms under the limit of "
                + perPeriod + " " + limit + " per " + this.limits.period().toSeconds() + " s for " + whose
                + ". Send less, or raise the limit or the maximum wait (minimax.rate-limit.*).", limit, scope.name);
    }

    private Scope scope(String name, RateLimits.Limit limit, @Nullable RedisBuckets redis) {
        return new Scope(name, limit, bucket(name, ClientRateLimitException.REQUESTS, limit.requests(), redis),
                bucket(name, ClientRateLimitException.TOKENS, limit.tokens(), redis));
    }

    private LimitBucket bucket(String scope, String kind, long capacity, @Nullable RedisBuckets redis) {
        if (capacity <= 0) {
            return UNLIMITED;
        }
        BucketConfiguration configuration = LocalBucket.configuration(capacity, this.limits.period());
        LocalBucket local = new LocalBucket(configuration);
        if (redis == null) {
            return local;
        }
        return new SharedBucket(redis.bucket(scope, kind, configuration), local, Objects.requireNonNull(this.guard),
                scope);
    }

    private static ScheduledExecutorService newScheduler() {
        return Executors.newSingleThreadScheduledExecutor((task) -> {
            Thread thread = new Thread(task, "minimax-rate-limit-timer");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** What the limiter reports as it works: meters implement it. Called on whatever thread completes a wait. */
    public interface Listener {

        /** A listener that does nothing. */
        Listener NONE = new Listener() {
        };

        /**
         * A call got its capacity.
         * @param scope the scope it drew on
         * @param waited how long it waited (zero included)
         */
        default void acquired(String scope, Duration waited) {
        }

        /**
         * A call was refused by the client's own limit.
         * @param scope the scope it drew on
         * @param limit {@link ClientRateLimitException#REQUESTS}, {@link ClientRateLimitException#TOKENS} or
         * {@link ClientRateLimitException#STORE}
         */
        default void refused(String scope, String limit) {
        }
    }

    /** Whether the limits hold as configured. */
    public enum State {

        /** Counted as configured (on Redis, Redis answers). */
        UP,

        /** Redis cannot be reached and the limiter fails open: limits counted in this JVM alone. */
        LOCAL_FALLBACK,

        /** Redis cannot be reached and the limiter fails closed: every call is refused. */
        REFUSING
    }

    /** Builds a {@link ClientRateLimiter}; not thread-safe. */
    public static final class Builder {

        private final RateLimits limits;

        private @Nullable StatefulRedisConnection<byte[], byte[]> redis;

        private String keyPrefix = "minimax:rate-limit";

        private StoreDownPolicy whenRedisDown = StoreDownPolicy.FAIL_OPEN;

        private Listener listener = Listener.NONE;

        private @Nullable ScheduledExecutorService scheduler;

        private final List<AutoCloseable> closing = new ArrayList<>();

        private Builder(RateLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits must not be null");
        }

        /**
         * Shares the limits on Redis through this connection (which the caller keeps and closes). Give it
         * Lettuce's {@code DisconnectedBehavior.REJECT_COMMANDS}, so that an outage is seen at once rather than
         * after commands queued for a reconnect time out.
         * @param connection a Lettuce connection with a byte-array value codec
         * @return this builder
         */
        public Builder redis(StatefulRedisConnection<byte[], byte[]> connection) {
            this.redis = Objects.requireNonNull(connection, "connection must not be null");
            return this;
        }

        /**
         * Sets the prefix of the Redis keys; instances with the same prefix share the limits.
         * @param keyPrefix the prefix
         * @return this builder
         */
        public Builder keyPrefix(String keyPrefix) {
            this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix must not be null");
            return this;
        }

        /**
         * Sets what happens while Redis cannot be reached.
         * @param policy fail open (limits counted locally) or closed (calls refused)
         * @return this builder
         */
        public Builder whenRedisDown(StoreDownPolicy policy) {
            this.whenRedisDown = Objects.requireNonNull(policy, "policy must not be null");
            return this;
        }

        /**
         * Sets what is told of waits and refusals (meters).
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(Listener listener) {
            this.listener = Objects.requireNonNull(listener, "listener must not be null");
            return this;
        }

        /**
         * Sets the timer that ends waits (the limiter's own single daemon thread otherwise).
         * @param scheduler the scheduler, which the caller keeps and shuts down
         * @return this builder
         */
        public Builder scheduler(ScheduledExecutorService scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler must not be null");
            return this;
        }

        /**
         * Has the limiter close {@code resource} when it is closed (a Redis connection made for it alone).
         * @param resource what to close
         * @return this builder
         */
        public Builder closeWith(AutoCloseable resource) {
            this.closing.add(Objects.requireNonNull(resource, "resource must not be null"));
            return this;
        }

        /**
         * Builds the limiter.
         * @return the limiter
         */
        public ClientRateLimiter build() {
            return new ClientRateLimiter(this);
        }
    }

    /** One scope's buckets. */
    private record Scope(String name, RateLimits.Limit limit, LimitBucket requests, LimitBucket tokens) {
    }

    /** No limit of that kind. */
    private static final class Unlimited implements LimitBucket {

        @Override
        public CompletableFuture<@Nullable LimitBucket> tryConsume(long tokens, Duration maxWait,
                ScheduledExecutorService scheduler) {
            return CompletableFuture.completedFuture(this);
        }

        @Override
        public CompletableFuture<Void> adjust(long delta) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Long> available() {
            return CompletableFuture.completedFuture(-1L);
        }
    }
}
