package io.github.minimax4j.client;

import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.error.MiniMaxApiException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The key goes to the configured host over HTTPS by default, and never follows a redirect elsewhere. */
class RedirectAndTransportSecurityTests {

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = { 301, 302, 307, 308 })
    void aRedirectToAnotherHostIsNotFollowedSoTheKeyNeverReachesIt(int status) throws Exception {
        AtomicReference<String> leaked = new AtomicReference<>();
        try (LoopbackServer elsewhere = new LoopbackServer().route("/", (exchange) -> {
            leaked.set(exchange.getRequestHeaders().getFirst("Authorization") + "|"
                    + exchange.getRequestHeaders().getFirst("x-api-key"));
            LoopbackServer.send(exchange, 200, "application/json", Fixtures.read("m27-response.json"));
        }); LoopbackServer redirecting = new LoopbackServer().route("/", (exchange) -> {
            exchange.getResponseHeaders().set("Location", elsewhere.baseUrl() + "/anthropic/v1/messages");
            exchange.sendResponseHeaders(status, -1);
        })) {
            for (AuthScheme scheme : AuthScheme.values()) {
                MiniMaxClient client = MiniMaxClient.builder().apiKey("sk-redirect-secret").authScheme(scheme)
                    .baseUrl(redirecting.baseUrl()).retryPolicy(RetryPolicy.none()).build();

                assertThatExceptionOfType(MiniMaxApiException.class)
                    .isThrownBy(() -> client.messages().create(MessageRequest.builder().addUserMessage("hi").build()))
                    .withMessageContaining("HTTP " + status)
                    .withMessageContaining(elsewhere.baseUrl())
                    .withMessageContaining("minimax.base-url")
                    .withMessageNotContaining("sk-redirect-secret");
            }
            assertThat(elsewhere.requests).hasValue(0);
            assertThat(leaked.get()).isNull();
        }
    }

    @Test
    void httpsIsTheDefault() {
        assertThat(MiniMaxClientBuilder.DEFAULT_BASE_URL).isEqualTo(URI.create("https://api.minimax.io"));
    }
}
