package io.github.minimax4j.client;

import io.github.minimax4j.model.Model;
import io.github.minimax4j.model.ThinkingMode;
import org.jspecify.annotations.Nullable;

/**
 * Values the client fills into a request that leaves them unset. A null default leaves the field out,
 * so the server's default applies.
 *
 * @param model model to use
 * @param maxTokens most tokens to generate
 * @param temperature randomness, in [0, 2]
 * @param topP nucleus sampling, in [0, 1]
 * @param thinking thinking mode, sent explicitly when set
 */
public record RequestDefaults(Model model, @Nullable Integer maxTokens, @Nullable Double temperature,
        @Nullable Double topP, @Nullable ThinkingMode thinking) {

    /**
     * MiniMax-M3, everything else left to the server.
     * @return the defaults
     */
    public static RequestDefaults defaults() {
        return new RequestDefaults(Model.MINIMAX_M3, null, null, null, null);
    }
}
