package io.github.minimax4j.client;

/** How the API key is sent. */
public enum AuthScheme {

    /** {@code Authorization: Bearer <key>}, MiniMax's documented scheme. */
    BEARER,

    /** {@code x-api-key: <key>}, as the Anthropic SDK sends it (MiniMax accepts both). */
    X_API_KEY
}
