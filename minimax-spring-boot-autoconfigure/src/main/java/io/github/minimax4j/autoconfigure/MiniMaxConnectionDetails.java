package io.github.minimax4j.autoconfigure;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where MiniMax is and how to authenticate: from {@code minimax.*} by default, or from a bean of your
 * own (a test container, a secrets vault).
 */
public interface MiniMaxConnectionDetails extends ConnectionDetails {

    /** The API key; blank when none is configured (startup then fails with a clear message). */
    String apiKey();

    /** Base URL of the MiniMax API. */
    URI baseUrl();

    /** Root of the Anthropic-compatible API, or null for {@code <baseUrl>/anthropic}. */
    default @Nullable URI anthropicBaseUrl() {
        return null;
    }
}
