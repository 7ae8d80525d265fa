package io.github.minimax4j.autoconfigure.ratelimit;

import java.time.Duration;
import java.util.Map;

import io.github.minimax4j.autoconfigure.InvalidMiniMaxPropertyException;
import org.springframework.util.ClassUtils;

/** Checks {@code minimax.rate-limit.*} at startup, naming the property and the fix. */
final class RateLimitPropertiesValidator {

    static final String BUCKET4J = "io.github.bucket4j.Bucket";

    private RateLimitPropertiesValidator() {
    }

    static void validate(MiniMaxRateLimitProperties properties, ClassLoader classLoader) {
        if (!ClassUtils.isPresent(BUCKET4J, classLoader)) {
            throw new InvalidMiniMaxPropertyException("minimax.rate-limit.enabled", "is true, but Bucket4j, which "
                    + "counts the limits, is not on the classpath", "Add the dependency "
                    + "com.bucket4j:bucket4j_jdk17-core (8.14.0), or set minimax.rate-limit.enabled=false.");
        }
        checkNotNegative("minimax.rate-limit.requests-per-minute", properties.getRequestsPerMinute());
        checkNotNegative("minimax.rate-limit.tokens-per-minute", properties.getTokensPerMinute());
        boolean anyLimit = properties.getRequestsPerMinute() > 0 || properties.getTokensPerMinute() > 0;
        for (Map.Entry<String, MiniMaxRateLimitProperties.ModelLimit> model : properties.getModels().entrySet()) {
            String prefix = "minimax.rate-limit.models." + model.getKey();
            checkNotNegative(prefix + ".requests-per-minute", model.getValue().getRequestsPerMinute());
            checkNotNegative(prefix + ".tokens-per-minute", model.getValue().getTokensPerMinute());
            anyLimit |= model.getValue().getRequestsPerMinute() > 0 || model.getValue().getTokensPerMinute() > 0;
        }
        if (!anyLimit) {
            throw new InvalidMiniMaxPropertyException("minimax.rate-limit.enabled", "is true, but no limit is set",
                    "Set minimax.rate-limit.requests-per-minute and/or minimax.rate-limit.tokens-per-minute (or "
                            + "minimax.rate-limit.models.<model>.*) to the limits of your MiniMax plan.");
        }
        Duration maxWait = properties.getMaxWait();
        if (maxWait == null || maxWait.isNegative()) {
            throw new InvalidMiniMaxPropertyException("minimax.rate-limit.max-wait", "is " + maxWait
                    + ", not a duration of zero or more", "Set minimax.rate-limit.max-wait to a duration such as 10s "
                            + "(0s fails at once when there is no capacity).");
        }
        if (properties.getKeyPrefix() == null || properties.getKeyPrefix().isBlank()) {
            throw new InvalidMiniMaxPropertyException("minimax.rate-limit.key-prefix", "must not be blank",
                    "Set minimax.rate-limit.key-prefix to a Redis key prefix such as minimax:rate-limit.");
        }
    }

    /** With {@code backend=redis}: Lettuce, Bucket4j's Lettuce module and Boot's Redis support are there. */
    static void checkRedisClasspath(ClassLoader classLoader) {
        String backend = "minimax.rate-limit.backend";
        for (String[] needed : new String[][] { { "io.lettuce.core.RedisClient", "io.lettuce:lettuce-core" },
                { "io.github.bucket4j.redis.lettuce.Bucket4jLettuce", "com.bucket4j:bucket4j_jdk17-lettuce (8.14.0)" },
                { "org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails",
                        "org.springframework.boot:spring-boot-starter-data-redis" } }) {
            if (!ClassUtils.isPresent(needed[0], classLoader)) {
                throw new InvalidMiniMaxPropertyException(backend, "is redis, but " + needed[0] + " is not on the "
                        + "classpath", "Add " + needed[1] + ", or set " + backend + "=local.");
            }
        }
    }

    private static void checkNotNegative(String property, long value) {
        if (value < 0) {
            throw new InvalidMiniMaxPropertyException(property, "is " + value + ", which is negative",
                    "Set " + property + " to 0 (no limit) or to the limit of your MiniMax plan.");
        }
    }
}
