package io.github.minimax4j.ratelimit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * Bucket4j's buckets on Redis through Lettuce (compare-and-swap, so any Redis without modules will do). Kept apart
 * so that Lettuce and Bucket4j's Redis module are loaded only when limits are shared on Redis.
 */
final class RedisBuckets {

    /** How long one Redis operation may take before Redis counts as unreachable. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final AsyncProxyManager<byte[]> proxies;

    private final String keyPrefix;

    RedisBuckets(StatefulRedisConnection<byte[], byte[]> connection, String keyPrefix) {
        this.proxies = Bucket4jLettuce.casBasedBuilder(connection)
            .requestTimeout(REQUEST_TIMEOUT)
            // a bucket left alone is full again after its period: Redis may then forget it
            .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(5)))
            .build()
            .asAsync();
        this.keyPrefix = keyPrefix;
    }

    AsyncBucketProxy bucket(String scope, String limit, BucketConfiguration configuration) {
        byte[] key = (this.keyPrefix + ":" + scope + ":" + limit).getBytes(StandardCharsets.UTF_8);
        // batching: the calls of this JVM that arrive while one Redis round trip is under way go together in the
        // next one, so compare-and-swap contention grows with the number of instances, not of threads
        return this.proxies.builder().withOptimization(Optimizations.batching()).build(key, configuration);
    }
}
