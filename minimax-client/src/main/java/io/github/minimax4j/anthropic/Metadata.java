package io.github.minimax4j.anthropic;

import java.util.Objects;

/**
 * Request metadata. {@code user_id} lets MiniMax aggregate, rate-limit and bill per end user.
 *
 * @param userId an opaque id of the end user
 */
public record Metadata(String userId) {

    /**
     * Checks and copies the components.
     * @param userId see the type description
     */
    public Metadata {
        Objects.requireNonNull(userId, "userId must not be null");
    }
}
