package io.github.minimax4j.client;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.mockserver.integration.ClientAndServer;

/** Every HTTP scenario against a MockServer embedded in this JVM: runs everywhere, Docker or not. */
class EmbeddedMockServerTests {

    private static ClientAndServer mockServer;

    @BeforeAll
    static void startMockServer() {
        mockServer = ClientAndServer.startClientAndServer(0);
    }

    @AfterAll
    static void stopMockServer() {
        mockServer.stop();
    }

    static MockServerTarget embedded() {
        return new MockServerTarget(mockServer, "http://127.0.0.1:" + mockServer.getPort());
    }

    @Nested
    class Create extends MessagesCreateScenarios {

        @Override
        protected MockServerTarget target() {
            return embedded();
        }
    }

    @Nested
    class Stream extends MessagesStreamScenarios {

        @Override
        protected MockServerTarget target() {
            return embedded();
        }
    }

    @Nested
    class AsyncStream extends MessagesStreamScenarios {

        @Override
        protected MockServerTarget target() {
            return embedded();
        }

        @Override
        CallMode mode() {
            return CallMode.ASYNC;
        }
    }

    @Nested
    class AsyncErrorsAndRetries extends ErrorAndRetryScenarios {

        @Override
        protected MockServerTarget target() {
            return embedded();
        }

        @Override
        CallMode mode() {
            return CallMode.ASYNC;
        }
    }

    @Nested
    class ErrorsAndRetries extends ErrorAndRetryScenarios {

        @Override
        protected MockServerTarget target() {
            return embedded();
        }
    }

    @Nested
    class ChatCompletions extends ChatCompletionsScenarios {

        @Override
        protected MockServerTarget target() {
            return embedded();
        }
    }
}
