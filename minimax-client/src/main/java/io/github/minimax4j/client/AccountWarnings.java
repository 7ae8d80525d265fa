package io.github.minimax4j.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import io.github.minimax4j.error.AuthenticationException;
import io.github.minimax4j.error.InsufficientBalanceException;
import io.github.minimax4j.error.MiniMaxApiException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Logs one WARN line when MiniMax rejects the API key or the balance runs out, because every call fails
 * until someone acts and health alone is easy to miss. At most one line per {@link #INTERVAL} per client, so
 * a busy application does not flood its log. The line names the property to fix, never the key.
 */
final class AccountWarnings {

    static final Duration INTERVAL = Duration.ofMinutes(5);

    private static final Log logger = LogFactory.getLog(AccountWarnings.class);

    private final Clock clock;

    private final AtomicReference<@Nullable Instant> lastWarned = new AtomicReference<>();

    AccountWarnings(Clock clock) {
        this.clock = clock;
    }

    /** Warns (rate-limited) if {@code failure} says the account cannot be used; returns it unchanged. */
    MiniMaxApiException check(MiniMaxApiException failure) {
        String advice = advice(failure);
        if (advice != null && logger.isWarnEnabled() && due()) {
            logger.warn(advice + " Every MiniMax call fails until then. (HTTP " + failure.statusCode()
                    + failure.baseRespCode().map((code) -> ", MiniMax code " + code).orElse("")
                    + "; repeated failures are not logged again for " + INTERVAL.toMinutes() + " minutes)");
        }
        return failure;
    }

    private static @Nullable String advice(MiniMaxApiException failure) {
        if (failure instanceof AuthenticationException) {
            return "MiniMax rejected the API key: set a valid key in minimax.api-key (or MINIMAX_API_KEY), issued "
                    + "for the host in minimax.base-url.";
        }
        if (failure instanceof InsufficientBalanceException) {
            return "The MiniMax account balance is used up: top it up in the MiniMax console.";
        }
        return null;
    }

    private boolean due() {
        Instant now = this.clock.instant();
        Instant last = this.lastWarned.get();
        if (last != null && Duration.between(last, now).compareTo(INTERVAL) < 0) {
            return false;
        }
        return this.lastWarned.compareAndSet(last, now);
    }
}
