package io.github.minimax4j.autoconfigure.ratelimit;

import java.time.Duration;

import io.github.minimax4j.autoconfigure.InvalidMiniMaxPropertyException;
import io.github.minimax4j.ratelimit.ClientRateLimiter;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.resource.ClientResources;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;

/**
 * Puts the limiter on its own Lettuce connection to the application's Redis: Boot's connection details
 * ({@code spring.data.redis.*}) and Boot's shared {@link ClientResources} (event loops) when present, with options
 * of its own, so an outage is seen at once (commands rejected while disconnected, a short timeout) instead of
 * commands queueing for a reconnect. Loaded only with {@code minimax.rate-limit.backend=redis}.
 */
final class RedisRateLimitConnection implements AutoCloseable {

    private static final String BACKEND = "minimax.rate-limit.backend";

    private final RedisClient client;

    private final StatefulRedisConnection<byte[], byte[]> connection;

    private RedisRateLimitConnection(RedisClient client, StatefulRedisConnection<byte[], byte[]> connection) {
        this.client = client;
        this.connection = connection;
    }

    /** Shares {@code limiter}'s limits on the application's Redis, on a connection the limiter closes. */
    static void configure(ClientRateLimiter.Builder limiter, BeanFactory beans, MiniMaxRateLimitProperties properties) {
        RedisRateLimitConnection redis = open(beans);
        limiter.redis(redis.connection).closeWith(redis).keyPrefix(properties.getKeyPrefix())
            .whenRedisDown(properties.getWhenRedisDown());
    }

    private static RedisRateLimitConnection open(BeanFactory beans) {
        DataRedisConnectionDetails details = beans.getBeanProvider(DataRedisConnectionDetails.class).getIfAvailable();
        if (details == null) {
            throw new InvalidMiniMaxPropertyException(BACKEND, "is redis, but the application has no Redis connection",
                    "Configure Redis with spring.data.redis.host/port (or url) and spring-boot-starter-data-redis.");
        }
        DataRedisConnectionDetails.Standalone standalone = details.getStandalone();
        if (standalone == null || details.getSslBundle() != null) {
            throw new InvalidMiniMaxPropertyException(BACKEND, "is redis, but spring.data.redis.* describes a Sentinel, "
                    + "cluster or SSL setup, which the rate limiter does not support yet",
                    "Point spring.data.redis.host/port at a standalone Redis without SSL, or set " + BACKEND + "=local.");
        }
        RedisURI.Builder uri = RedisURI.builder().withHost(standalone.getHost()).withPort(standalone.getPort())
            .withDatabase(standalone.getDatabase());
        if (details.getPassword() != null && details.getUsername() != null) {
            uri.withAuthentication(details.getUsername(), details.getPassword().toCharArray());
        }
        else if (details.getPassword() != null) {
            uri.withPassword(details.getPassword().toCharArray());
        }
        ClientResources resources = beans.getBeanProvider(ClientResources.class).getIfAvailable();
        RedisClient client = (resources != null) ? RedisClient.create(resources, uri.build())
                : RedisClient.create(uri.build());
        client.setOptions(ClientOptions.builder()
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .timeoutOptions(TimeoutOptions.enabled(Duration.ofSeconds(2)))
            .build());
        return new RedisRateLimitConnection(client, client.connect(ByteArrayCodec.INSTANCE));
    }

    @Override
    public String toString() {
        return "the rate limiter's Redis connection";
    }

    @Override
    public void close() {
        this.connection.close();
        this.client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
