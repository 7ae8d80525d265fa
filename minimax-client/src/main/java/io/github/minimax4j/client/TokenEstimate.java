package io.github.minimax4j.client;

import org.jspecify.annotations.Nullable;

/**
 * A call's tokens as the rate limiter reserves them before sending: the output it may produce ({@code max_tokens})
 * plus its prompt at one token per three bytes of the request's JSON, which overestimates English (about four
 * characters a token) and is near for Chinese (three UTF-8 bytes a character). The limiter settles the estimate
 * with the usage MiniMax reports.
 */
final class TokenEstimate {

    /** Output assumed for a request that sets no {@code max_tokens}. */
    static final int DEFAULT_OUTPUT = 4096;

    private static final int BYTES_PER_TOKEN = 3;

    private TokenEstimate() {
    }

    static long of(Object preparedRequest, @Nullable Integer maxTokens) {
        long prompt = (JsonBodies.write(preparedRequest).length + BYTES_PER_TOKEN - 1) / BYTES_PER_TOKEN;
        return prompt + ((maxTokens != null) ? maxTokens : DEFAULT_OUTPUT);
    }
}
