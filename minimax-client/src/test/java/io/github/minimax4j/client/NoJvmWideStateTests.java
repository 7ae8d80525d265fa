package io.github.minimax4j.client;

import java.util.logging.Filter;
import java.util.logging.Logger;

import io.github.minimax4j.anthropic.MessageRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Building and using a client with the default transport changes nothing JVM-wide. */
class NoJvmWideStateTests {

    @Test
    void theDefaultClientSetsNoSystemPropertyAndNoJdkLoggerFilter() throws Exception {
        Logger httpUrlConnection = Logger.getLogger("sun.net.www.protocol.http.HttpURLConnection");
        Filter previous = httpUrlConnection.getFilter();
        httpUrlConnection.setFilter(null); // another test of this JVM may have chosen HttpURLConnection
        try (LoopbackServer server = new LoopbackServer().route("/", (exchange) -> LoopbackServer.send(exchange, 200,
                "application/json", Fixtures.read("m27-response.json")))) {
            java.util.Map<Object, Object> before = new java.util.HashMap<>(System.getProperties()); // server's own set
            MiniMaxClient client = MiniMaxClient.builder().apiKey(MockServerScenarios.API_KEY).baseUrl(server.baseUrl())
                .build();
            assertThat(client.messages().create(MessageRequest.builder().addUserMessage("hi").build()).text())
                .isNotEmpty();

            assertThat(new java.util.HashMap<>(System.getProperties())).isEqualTo(before);
            assertThat(System.getProperty("sun.net.http.retryPost")).isNull();
            assertThat(httpUrlConnection.getFilter()).isNull();
        }
        finally {
            httpUrlConnection.setFilter(previous);
        }
    }
}
