package io.github.minimax4j.autoconfigure.ratelimit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.minimax4j.ratelimit.StoreDownPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Client-side rate limits ({@code minimax.rate-limit.*}): requests and tokens per minute that the client holds
 * its calls to before sending them, in this instance or shared on Redis by every instance.
 */
@ConfigurationProperties("minimax.rate-limit")
public class MiniMaxRateLimitProperties {

    /**
     * Whether to hold calls to client-side rate limits before sending them.
     */
    private boolean enabled;

    /**
     * Requests per minute for the account (all instances together when shared on Redis); 0 for no request limit.
     */
    private long requestsPerMinute;

    /**
     * Tokens (input plus output) per minute for the account; 0 for no token limit.
     */
    private long tokensPerMinute;

    /**
     * Limits of models that have their own instead of the account's, by model name.
     */
    private Map<String, ModelLimit> models = new LinkedHashMap<>();

    /**
     * Longest a call waits for capacity before failing with ClientRateLimitException (nothing sent).
     */
    private Duration maxWait = Duration.ofSeconds(10);

    /**
     * Where the limits are counted: in this instance, or on Redis, shared by every instance with the same key prefix.
     */
    private Backend backend = Backend.LOCAL;

    /**
     * What calls do while Redis cannot be reached: fail-open (limits counted in this instance alone) or fail-closed
     * (refused).
     */
    private StoreDownPolicy whenRedisDown = StoreDownPolicy.FAIL_OPEN;

    /**
     * Prefix of the Redis keys; instances with the same prefix share the limits.
     */
    private String keyPrefix = "minimax:rate-limit";

    public boolean isEnabled() {
        return this.enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public long getRequestsPerMinute() {
        return this.requestsPerMinute;
    }

    public void setRequestsPerMinute(long requestsPerMinute) {
        this.requestsPerMinute = requestsPerMinute;
    }

    public long getTokensPerMinute() {
        return this.tokensPerMinute;
    }

    public void setTokensPerMinute(long tokensPerMinute) {
        this.tokensPerMinute = tokensPerMinute;
    }

    public Map<String, ModelLimit> getModels() {
        return this.models;
    }

    public void setModels(Map<String, ModelLimit> models) {
        this.models = models;
    }

    public Duration getMaxWait() {
        return this.maxWait;
    }

    public void setMaxWait(Duration maxWait) {
        this.maxWait = maxWait;
    }

    public Backend getBackend() {
        return this.backend;
    }

    public void setBackend(Backend backend) {
        this.backend = backend;
    }

    public StoreDownPolicy getWhenRedisDown() {
        return this.whenRedisDown;
    }

    public void setWhenRedisDown(StoreDownPolicy whenRedisDown) {
        this.whenRedisDown = whenRedisDown;
    }

    public String getKeyPrefix() {
        return this.keyPrefix;
    }

    public void setKeyPrefix(String keyPrefix) {
        this.keyPrefix = keyPrefix;
    }

    /** Where limits are counted. */
    public enum Backend {

        /** In this instance's memory. */
        LOCAL,

        /** On Redis, through the application's spring.data.redis.* connection settings. */
        REDIS
    }

    /** One model's own limits. */
    public static class ModelLimit {

        /**
         * Requests per minute for this model; 0 for no request limit.
         */
        private long requestsPerMinute;

        /**
         * Tokens (input plus output) per minute for this model; 0 for no token limit.
         */
        private long tokensPerMinute;

        public long getRequestsPerMinute() {
            return this.requestsPerMinute;
        }

        public void setRequestsPerMinute(long requestsPerMinute) {
            this.requestsPerMinute = requestsPerMinute;
        }

        public long getTokensPerMinute() {
            return this.tokensPerMinute;
        }

        public void setTokensPerMinute(long tokensPerMinute) {
            this.tokensPerMinute = tokensPerMinute;
        }
    }
}
