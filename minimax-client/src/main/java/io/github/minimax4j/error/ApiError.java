package io.github.minimax4j.error;

import org.jspecify.annotations.Nullable;

/**
 * What the server said about an error, gathered from the status line, the body and {@code base_resp}.
 *
 * @param statusCode HTTP status (200 for errors reported inside a successful response)
 * @param errorType error type from the body, or an empty string
 * @param message server's message, or an empty string
 * @param baseRespCode MiniMax's {@code base_resp.status_code}, if that is where the error came from
 * @param rawBody body as received, truncated for safety
 */
public record ApiError(int statusCode, String errorType, String message, @Nullable Integer baseRespCode,
        String rawBody) {
}
