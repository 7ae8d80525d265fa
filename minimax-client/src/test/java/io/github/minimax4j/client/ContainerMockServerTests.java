package io.github.minimax4j.client;

import org.junit.jupiter.api.Nested;
import org.mockserver.client.MockServerClient;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mockserver.MockServerContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The same scenarios against MockServer in a container, where a Docker engine exists. Without one the
 * class is reported as skipped (not silently passed); {@link EmbeddedMockServerTests} proves them then.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerMockServerTests {

    @Container
    static final MockServerContainer container = new MockServerContainer(
            DockerImageName.parse("mockserver/mockserver:5.15.0"));

    static MockServerTarget containerTarget() {
        return new MockServerTarget(new MockServerClient(container.getHost(), container.getServerPort()),
                "http://" + container.getHost() + ":" + container.getServerPort());
    }

    @Nested
    class Create extends MessagesCreateScenarios {

        @Override
        protected MockServerTarget target() {
            return containerTarget();
        }
    }

    @Nested
    class Stream extends MessagesStreamScenarios {

        @Override
        protected MockServerTarget target() {
            return containerTarget();
        }
    }

    @Nested
    class ErrorsAndRetries extends ErrorAndRetryScenarios {

        @Override
        protected MockServerTarget target() {
            return containerTarget();
        }
    }

    @Nested
    class ChatCompletions extends ChatCompletionsScenarios {

        @Override
        protected MockServerTarget target() {
            return containerTarget();
        }
    }
}
