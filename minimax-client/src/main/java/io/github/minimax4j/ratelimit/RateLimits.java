package io.github.minimax4j.ratelimit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The limits a {@link ClientRateLimiter} holds calls to: requests and tokens (input plus output) per minute for the
 * account, optionally per model, and how long a call may wait for capacity. Immutable; built with
 * {@link #builder()}. A limit of zero means no limit of that kind.
 */
public final class RateLimits {

    /** The scope of the account-wide limit (models without a limit of their own). */
    public static final String ACCOUNT = "account";

    private final Limit account;

    private final Map<String, Limit> models;

    private final Duration period;

    private final Duration maxWait;

    private RateLimits(Builder builder) {
        this.account = new Limit(builder.requests, builder.tokens);
        this.models = Map.copyOf(builder.models);
        this.period = builder.period;
        this.maxWait = builder.maxWait;
    }

    /**
     * Starts limits with none set, a one-minute period and a ten-second maximum wait.
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The limit that applies to calls for {@code model}: its own, or the account's.
     * @param model the model a request names
     * @return the limit
     */
    public Limit limitFor(String model) {
        return this.models.getOrDefault(model, this.account);
    }

    /**
     * The scope whose buckets a call for {@code model} draws on: the model when it has a limit of its own, else
     * {@link #ACCOUNT}.
     * @param model the model a request names
     * @return the scope
     */
    public String scopeFor(String model) {
        return this.models.containsKey(model) ? model : ACCOUNT;
    }

    /**
     * Account-wide limit.
     * @return the limit
     */
    public Limit account() {
        return this.account;
    }

    /**
     * Models with limits of their own.
     * @return model to limit
     */
    public Map<String, Limit> models() {
        return this.models;
    }

    /**
     * Period the limits count over: a minute, or shorter to scale every limit down in a test.
     * @return the period
     */
    public Duration period() {
        return this.period;
    }

    /**
     * Longest a call waits for capacity before it fails with a {@code ClientRateLimitException}.
     * @return the maximum wait
     */
    public Duration maxWait() {
        return this.maxWait;
    }

    @Override
    public String toString() {
        return "RateLimits[account=" + this.account + ", models=" + this.models + ", period=" + this.period
                + ", maxWait=" + this.maxWait + "]";
    }

    /**
     * Requests and tokens per period; zero means no limit of that kind.
     * @param requests requests per period
     * @param tokens tokens (input plus output) per period
     */
    public record Limit(long requests, long tokens) {

        /**
         * Checks the limit.
         * @param requests requests per period
         * @param tokens tokens (input plus output) per period
         * @throws IllegalArgumentException when either is negative
         */
        public Limit {
            if (requests < 0 || tokens < 0) {
                throw new IllegalArgumentException("Rate limits cannot be negative (requests=" + requests + ", tokens="
                        + tokens + "); use 0 for no limit");
            }
        }

        /**
         * Whether this limits anything.
         * @return whether requests or tokens are limited
         */
        public boolean limits() {
            return this.requests > 0 || this.tokens > 0;
        }
    }

    /** Builds {@link RateLimits}; not thread-safe. */
    public static final class Builder {

        private long requests;

        private long tokens;

        private final Map<String, Limit> models = new LinkedHashMap<>();

        private Duration period = Duration.ofMinutes(1);

        private Duration maxWait = Duration.ofSeconds(10);

        private Builder() {
        }

        /**
         * Sets the account-wide requests per minute (per period); 0 for none.
         * @param requests requests per minute
         * @return this builder
         */
        public Builder requestsPerMinute(long requests) {
            this.requests = requests;
            return this;
        }

        /**
         * Sets the account-wide tokens (input plus output) per minute (per period); 0 for none.
         * @param tokens tokens per minute
         * @return this builder
         */
        public Builder tokensPerMinute(long tokens) {
            this.tokens = tokens;
            return this;
        }

        /**
         * Gives {@code model} limits of its own instead of the account's.
         * @param model model name as requests send it
         * @param requestsPerMinute requests per minute; 0 for none
         * @param tokensPerMinute tokens per minute; 0 for none
         * @return this builder
         */
        public Builder model(String model, long requestsPerMinute, long tokensPerMinute) {
            Objects.requireNonNull(model, "model must not be null");
            this.models.put(model, new Limit(requestsPerMinute, tokensPerMinute));
            return this;
        }

        /**
         * Sets the period the limits count over (a minute unless scaled for a test).
         * @param period a positive duration
         * @return this builder
         */
        public Builder period(Duration period) {
            this.period = Objects.requireNonNull(period, "period must not be null");
            return this;
        }

        /**
         * Sets how long a call may wait for capacity; zero fails at once.
         * @param maxWait zero or a positive duration
         * @return this builder
         */
        public Builder maxWait(Duration maxWait) {
            this.maxWait = Objects.requireNonNull(maxWait, "maxWait must not be null");
            return this;
        }

        /**
         * Builds the limits.
         * @return the limits
         * @throws IllegalArgumentException when a limit is negative, the period not positive or the wait negative
         */
        public RateLimits build() {
            if (this.period.isZero() || this.period.isNegative()) {
                throw new IllegalArgumentException("The rate-limit period must be positive, not " + this.period);
            }
            if (this.maxWait.isNegative()) {
                throw new IllegalArgumentException("The rate-limit maximum wait cannot be negative: " + this.maxWait);
            }
            return new RateLimits(this);
        }
    }
}
