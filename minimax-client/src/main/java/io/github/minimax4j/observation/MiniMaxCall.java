package io.github.minimax4j.observation;

import org.jspecify.annotations.Nullable;

/**
 * What a call is: carried by its observation's {@code MiniMaxObservationContext}.
 *
 * @param api {@code messages} or {@code chat_completions}
 * @param operation {@code chat} for generation, {@code count_tokens} for counting
 * @param requestModel model the request names
 * @param streaming whether the reply is streamed
 * @param userId {@code metadata.user_id}, if the request carries one (high cardinality: spans only)
 */
public record MiniMaxCall(String api, String operation, String requestModel, boolean streaming,
        @Nullable String userId) {

    /** The {@code api} of a Messages call. */
    public static final String MESSAGES = "messages";

    /** The {@code api} of a Chat Completions call. */
    public static final String CHAT_COMPLETIONS = "chat_completions";
}
