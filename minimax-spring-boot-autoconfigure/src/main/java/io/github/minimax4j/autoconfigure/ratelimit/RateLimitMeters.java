package io.github.minimax4j.autoconfigure.ratelimit;

import io.github.minimax4j.ratelimit.ClientRateLimiter;
import io.github.minimax4j.ratelimit.RateLimiterMeters;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.util.ClassUtils;

/** Builds the limiter with its meters on the application's registry, when Micrometer and a registry are there. */
final class RateLimitMeters {

    private RateLimitMeters() {
    }

    static ClientRateLimiter build(ClientRateLimiter.Builder limiter, BeanFactory beans, ClassLoader classLoader) {
        if (!ClassUtils.isPresent("io.micrometer.core.instrument.MeterRegistry", classLoader)) {
            return limiter.build();
        }
        MeterRegistry registry = beans.getBeanProvider(MeterRegistry.class).getIfAvailable();
        if (registry == null) {
            return limiter.build();
        }
        RateLimiterMeters meters = new RateLimiterMeters(registry);
        ClientRateLimiter built = limiter.listener(meters).build();
        meters.bind(built);
        return built;
    }
}
