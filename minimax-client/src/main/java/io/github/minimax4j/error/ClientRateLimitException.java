package io.github.minimax4j.error;

/**
 * The client's own rate limit refused a call before sending it: no request reached MiniMax, and MiniMax did not
 * answer 429 (that is {@link RateLimitException}). Thrown when a limit configured on the client (requests or tokens
 * per minute, shared on Redis or in this JVM) had no capacity within the configured maximum wait, or when the shared
 * store is unreachable and the client is set to fail closed.
 */
public class ClientRateLimitException extends MiniMaxException {

    /** {@link #limit()} when the requests-per-minute limit had no capacity. */
    public static final String REQUESTS = "requests";

    /** {@link #limit()} when the tokens-per-minute limit had no capacity. */
    public static final String TOKENS = "tokens";

    /** {@link #limit()} when the shared store (Redis) was unreachable and the client fails closed. */
    public static final String STORE = "store";

    /** Which limit refused the call. */
    private final String limit;

    /** Whose limit refused the call. */
    private final String scope;

    /**
     * Creates the exception.
     * @param message what happened and what to do about it
     * @param limit which limit refused: {@link #REQUESTS}, {@link #TOKENS} or {@link #STORE}
     * @param scope the model whose own limit refused, or {@code account} for the account-wide limit
     */
    public ClientRateLimitException(String message, String limit, String scope) {
        super(message);
        this.limit = limit;
        this.scope = scope;
    }

    /**
     * Which limit refused the call.
     * @return {@link #REQUESTS}, {@link #TOKENS} or {@link #STORE}
     */
    public String limit() {
        return this.limit;
    }

    /**
     * Whose limit refused the call.
     * @return the model with a limit of its own, or {@code account}
     */
    public String scope() {
        return this.scope;
    }
}
