package io.github.minimax4j.client;

import java.time.Duration;

import io.github.minimax4j.error.MiniMaxException;
import org.jspecify.annotations.Nullable;

/** Carries a failure that may be retried, with the wait the server asked for, out of one attempt. */
final class RetryableFailure extends RuntimeException {

    private final MiniMaxException failure;

    private final @Nullable Duration serverAsked;

    RetryableFailure(MiniMaxException failure, @Nullable Duration serverAsked) {
        super(failure.getMessage(), failure, false, false);
        this.failure = failure;
        this.serverAsked = serverAsked;
    }

    MiniMaxException failure() {
        return this.failure;
    }

    @Nullable Duration serverAsked() {
        return this.serverAsked;
    }
}
