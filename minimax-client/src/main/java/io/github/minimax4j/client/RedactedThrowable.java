package io.github.minimax4j.client;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

/**
 * A copy of a third-party exception whose message (or a cause's) quoted the API key, with the key masked: the
 * client attaches it as the cause instead of the original, so neither {@code getCause()} nor
 * {@code printStackTrace()} nor a logging framework can print the key. It prints as the original would
 * ({@code java.net.SocketException: ...}) with the original's stack trace.
 */
final class RedactedThrowable extends Exception {

    private static final long serialVersionUID = 1L;

    private final String originalType;

    private RedactedThrowable(String originalType, @Nullable String message) {
        super(message); // not super(message, null, ...): an explicit null cause could not be set later
        this.originalType = originalType;
    }

    /**
     * {@code failure} itself when no message in its chain needs {@code redact}, else a redacted copy of the chain.
     * @param failure what the transport or a parser threw
     * @param redact masks the key in a text
     * @return a throwable safe to attach as a cause
     */
    static Throwable of(Throwable failure, UnaryOperator<String> redact) {
        return needsRedaction(failure, redact, new IdentityHashMap<>()) ? copy(failure, redact, new IdentityHashMap<>())
                : failure;
    }

    private static boolean needsRedaction(Throwable failure, UnaryOperator<String> redact, Map<Throwable, Boolean> seen) {
        if (seen.put(failure, Boolean.TRUE) != null) {
            return false;
        }
        String message = failure.getMessage();
        if (message != null && !message.equals(redact.apply(message))) {
            return true;
        }
        if (failure.getCause() != null && needsRedaction(failure.getCause(), redact, seen)) {
            return true;
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            if (needsRedaction(suppressed, redact, seen)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable copy(Throwable failure, UnaryOperator<String> redact, Map<Throwable, Throwable> copies) {
        Throwable done = copies.get(failure);
        if (done != null) {
            return done;
        }
        String message = failure.getMessage();
        String originalType = (failure instanceof RedactedThrowable redacted) ? redacted.originalType
                : failure.getClass().getName();
        RedactedThrowable copy = new RedactedThrowable(originalType, (message != null) ? redact.apply(message) : null);
        copies.put(failure, copy);
        copy.setStackTrace(failure.getStackTrace());
        if (failure.getCause() != null) {
            copy.initCause(copy(failure.getCause(), redact, copies));
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            copy.addSuppressed(copy(suppressed, redact, copies));
        }
        return copy;
    }

    /** The original's type, which this copy stands for. */
    String originalType() {
        return this.originalType;
    }

    @Override
    public String toString() {
        String message = getLocalizedMessage();
        return (message != null) ? this.originalType + ": " + message : this.originalType;
    }
}
