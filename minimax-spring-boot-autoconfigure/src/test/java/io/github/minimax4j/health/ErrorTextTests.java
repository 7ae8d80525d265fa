package io.github.minimax4j.health;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a health detail may show of an error message and a URL. */
class ErrorTextTests {

    @Test
    void urlsInAMessageLoseCredentialsAndQuery() {
        String message = "Could not connect to MiniMax at https://alice:s3cret@gw.example:8443/anthropic/v1/messages"
                + "/count_tokens?token=abc (Connection refused). Check minimax.base-url and the network.";

        assertThat(ErrorText.sanitize(message)).isEqualTo("Could not connect to MiniMax at "
                + "https://gw.example:8443/anthropic/v1/messages/count_tokens (Connection refused). "
                + "Check minimax.base-url and the network.");
    }

    @Test
    void longMessagesAreCutAndLineBreaksFlattened() {
        String sanitized = ErrorText.sanitize("first line\n\tsecond " + "x".repeat(1000));

        assertThat(sanitized).startsWith("first line second x").hasSize(ErrorText.MAX_LENGTH + 1).endsWith("…");
    }

    @Test
    void displayUrlKeepsSchemeHostPortAndPathOnly() {
        assertThat(ErrorText.displayUrl(URI.create("https://u:p@api.minimax.io/gw?k=v#f")))
            .isEqualTo("https://api.minimax.io/gw");
        assertThat(ErrorText.displayUrl(URI.create("http://[::1]:8080"))).isEqualTo("http://[::1]:8080");
    }
}
