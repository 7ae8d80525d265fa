package io.github.minimax4j.client;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/** Reads how long the server asked to wait: {@code retry-after-ms}, then {@code Retry-After} (seconds or date). */
final class RetryAfter {

    private RetryAfter() {
    }

    static @Nullable Duration parse(HttpHeaders headers) {
        Duration millis = number(headers.getFirst("retry-after-ms"), 1);
        if (millis != null) {
            return millis;
        }
        String retryAfter = headers.getFirst(HttpHeaders.RETRY_AFTER);
        Duration seconds = number(retryAfter, 1000);
        return (seconds != null) ? seconds : date(retryAfter);
    }

    private static @Nullable Duration number(@Nullable String value, int millisPerUnit) {
        if (value == null) {
            return null;
        }
        try {
            double amount = Double.parseDouble(value.trim());
            return (amount >= 0 && Double.isFinite(amount)) ? Duration.ofMillis((long) (amount * millisPerUnit)) : null;
        }
        catch (NumberFormatException ex) {
            return null;
        }
    }

    private static @Nullable Duration date(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(Instant.now(), at);
            return wait.isNegative() ? Duration.ZERO : wait;
        }
        catch (DateTimeParseException ex) {
            return null;
        }
    }
}
