package io.github.minimax4j.client;

import org.junit.jupiter.api.Order;

/**
 * The client module's whole-suite key check, run last in this module too: every log line of the
 * auto-configuration, health and Boot tests is checked for an API key.
 */
@Order(Integer.MAX_VALUE)
class AutoConfigureApiKeyNeverLoggedTests extends ApiKeyNeverLoggedTests {
}
