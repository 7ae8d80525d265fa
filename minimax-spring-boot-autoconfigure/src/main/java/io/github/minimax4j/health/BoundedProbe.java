package io.github.minimax4j.health;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.client.MessagesApi;
import io.github.minimax4j.error.MiniMaxException;
import io.github.minimax4j.error.MiniMaxIoException;
import io.github.minimax4j.error.MiniMaxTimeoutException;

/**
 * Runs {@code count_tokens} with a bound on the whole call. Socket timeouts alone do not bound it: the read
 * timeout is the longest silence between bytes, so a server (or proxy) that trickles a byte at a time, or a
 * request factory a customizer swapped in with timeouts of its own, could hold the health endpoint for
 * minutes. The call runs on a daemon thread of its own; past the deadline the caller gets a timeout and the
 * abandoned call ends on its own socket timeouts. Probes are rare (at most one per cache TTL), so a thread
 * per probe costs nothing worth pooling.
 */
final class BoundedProbe {

    private final MessagesApi messages;

    private final Duration timeout;

    BoundedProbe(MessagesApi messages, Duration timeout) {
        this.messages = messages;
        this.timeout = timeout;
    }

    /** The call's own exception when it fails in time; a {@link MiniMaxTimeoutException} past the deadline. */
    void countTokens(MessageRequest request) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                this.messages.countTokens(request);
                done.complete(null);
            }
            catch (Throwable ex) {
                done.completeExceptionally(ex);
            }
        }, "minimax-health-probe");
        thread.setDaemon(true);
        thread.start();
        try {
            done.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException ex) {
            throw new MiniMaxTimeoutException("MiniMax did not finish answering the health probe within "
                    + this.timeout.toMillis() + " ms. Raise minimax.health.timeout if the network is slow.", ex);
        }
        catch (ExecutionException ex) {
            Throwable cause = ex.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new MiniMaxException("The health probe failed: " + cause, cause);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new MiniMaxIoException("The health probe was interrupted while waiting for MiniMax.", ex);
        }
    }
}
