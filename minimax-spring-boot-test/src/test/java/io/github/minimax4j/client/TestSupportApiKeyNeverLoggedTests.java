package io.github.minimax4j.client;

import org.junit.jupiter.api.Order;

/**
 * The client module's whole-suite key check, run last in this module too: every log line of the
 * simulator, scripting and user-app tests is checked for an API key.
 */
@Order(Integer.MAX_VALUE)
class TestSupportApiKeyNeverLoggedTests extends ApiKeyNeverLoggedTests {
}
