package io.github.minimax4j.autoconfigure;

import org.springframework.web.client.RestClient;

/**
 * Customizes the RestClient the MiniMax client uses (and only that one): a request factory with a
 * proxy, an interceptor. Applied last, after the client's own settings.
 */
@FunctionalInterface
public interface MiniMaxRestClientCustomizer {

    void customize(RestClient.Builder builder);
}
