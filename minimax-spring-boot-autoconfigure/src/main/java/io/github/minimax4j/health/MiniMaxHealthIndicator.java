package io.github.minimax4j.health;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.client.MessagesApi;
import io.github.minimax4j.error.AuthenticationException;
import io.github.minimax4j.error.MiniMaxApiException;
import io.github.minimax4j.error.PermissionDeniedException;
import io.github.minimax4j.error.RateLimitException;
import io.github.minimax4j.model.Model;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Whether MiniMax answers with the configured key, without spending tokens: the probe is
 * {@code count_tokens}, which generates nothing. A result is reused for {@code cacheTtl} so frequent health
 * polling neither hammers nor bills the API, and a real call that succeeded within that time counts as a
 * fresh UP. A probe gets {@code timeout} in all, so the health endpoint never hangs. A rate-limited answer
 * stays UP (the service is there; readiness should not flap). Details never carry the key.
 */
public class MiniMaxHealthIndicator implements HealthIndicator {

    static final String AUTH_HINT = "invalid API key: check minimax.api-key";

    private final BoundedProbe probe;

    private final MessageRequest request;

    private final Model model;

    private final String probedUrl;

    private final Duration cacheTtl;

    private final RecentCallTracker recentCalls;

    private final Clock clock;

    private @Nullable Health cached;

    private @Nullable Instant cachedAt;

    /**
     * @param probe Messages API of a client with a short timeout and no retries, used only for probing
     * @param model model named in the probe
     * @param probedUrl the {@code count_tokens} URL the probe calls, shown in the details (credentials and query
     * are stripped): with a gateway it is the gateway's, not MiniMax's
     * @param timeout longest a probe may take, connecting and reading included
     * @param cacheTtl how long a result (or a successful real call) counts as current; zero probes every time
     * @param recentCalls successful real calls
     * @param clock time source
     */
    public MiniMaxHealthIndicator(MessagesApi probe, Model model, URI probedUrl, Duration timeout, Duration cacheTtl,
            RecentCallTracker recentCalls, Clock clock) {
        requirePositive(timeout, "timeout");
        if (Objects.requireNonNull(cacheTtl, "cacheTtl must not be null").isNegative()) {
            throw new IllegalArgumentException("cacheTtl must not be negative, was " + cacheTtl);
        }
        this.model = Objects.requireNonNull(model, "model must not be null");
        this.request = MessageRequest.builder().model(model).addUserMessage("ping").build();
        this.probe = new BoundedProbe(Objects.requireNonNull(probe, "probe must not be null"), timeout);
        this.probedUrl = ErrorText.displayUrl(Objects.requireNonNull(probedUrl, "probedUrl must not be null"));
        this.cacheTtl = cacheTtl;
        this.recentCalls = Objects.requireNonNull(recentCalls, "recentCalls must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
    }

    /** Synchronized: callers arriving while a probe runs wait for its result instead of probing again. */
    @Override
    public synchronized Health health() {
        Instant now = this.clock.instant();
        Instant lastCall = this.recentCalls.lastSuccess();
        if (lastCall != null && fresh(lastCall, now) && (this.cachedAt == null || lastCall.isAfter(this.cachedAt))) {
            return Health.up().withDetails(details(lastCall, "recent-call")).build();
        }
        if (this.cached != null && this.cachedAt != null && fresh(this.cachedAt, now)) {
            return this.cached;
        }
        this.cached = probe(now);
        this.cachedAt = now;
        return this.cached;
    }

    private Health probe(Instant now) {
        long start = System.nanoTime();
        Map<String, Object> details = details(now, "probe");
        try {
            this.probe.countTokens(this.request);
            details.put("latencyMs", elapsedMillis(start));
            return Health.up().withDetails(details).build();
        }
        catch (RateLimitException ex) {
            details.put("latencyMs", elapsedMillis(start));
            details.put("rateLimited", true);
            describe(details, ex, null);
            return Health.up().withDetails(details).build();
        }
        catch (AuthenticationException | PermissionDeniedException ex) {
            details.put("latencyMs", elapsedMillis(start));
            describe(details, ex, AUTH_HINT);
            return Health.down().withDetails(details).build();
        }
        catch (RuntimeException ex) {
            // Timeouts, refused connections, 5xx, 529, and anything unforeseen: DOWN with the cause, never a
            // failing health endpoint.
            details.put("latencyMs", elapsedMillis(start));
            describe(details, ex, null);
            return Health.down().withDetails(details).build();
        }
    }

    private Map<String, Object> details(Instant checkedAt, String source) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("url", this.probedUrl);
        details.put("model", this.model.value());
        details.put("checkedAt", checkedAt.toString());
        details.put("source", source);
        return details;
    }

    /** The exception's own message (the client has redacted the key), cleaned of URL credentials, short. */
    static void describe(Map<String, Object> details, Throwable ex, @Nullable String hint) {
        String message = ErrorText.sanitize(String.valueOf(ex.getMessage()));
        details.put("error", (hint != null) ? hint + " (" + message + ")" : message);
        details.put("errorType", ex.getClass().getSimpleName());
        if (ex instanceof MiniMaxApiException api) {
            details.put("errorCode", api.baseRespCode().map(String::valueOf).orElse(String.valueOf(api.statusCode())));
        }
    }

    private boolean fresh(Instant at, Instant now) {
        return Duration.between(at, now).compareTo(this.cacheTtl) < 0;
    }

    private static long elapsedMillis(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name + " must not be null");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }
}
