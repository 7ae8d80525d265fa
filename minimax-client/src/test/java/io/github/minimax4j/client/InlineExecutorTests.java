package io.github.minimax4j.client;

import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.anthropic.MessageStreamEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client's own JDK {@code HttpClient} runs its I/O steps inline (no pool thread handed each step of each call),
 * while a JDK client the application gives keeps the executor it was given. Both over HTTP, for a reply and a stream.
 */
class InlineExecutorTests {

    private static final MessageRequest HELLO = MessageRequest.builder().addUserMessage("Hello").build();

    private static final String STREAM = "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"m\","
            + "\"type\":\"message\",\"role\":\"assistant\",\"model\":\"MiniMax-M3\",\"content\":[],\"usage\":"
            + "{\"input_tokens\":3,\"output_tokens\":1}}}\n\nevent: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";

    private static LoopbackServer server() throws Exception {
        return new LoopbackServer()
            .route("/anthropic/v1/messages", (exchange) -> {
                if (exchange.getRequestHeaders().containsKey("X-Stream")) {
                    LoopbackServer.send(exchange, 200, "text/event-stream", STREAM);
                }
                else {
                    LoopbackServer.send(exchange, 200, "application/json", Fixtures.read("m27-response.json"));
                }
            });
    }

    private static void createAndStream(MiniMaxClient client) {
        assertThat(client.messages().create(HELLO).text()).isNotEmpty();
        try (var stream = client.messages().stream(HELLO, RequestOptions.builder().header("X-Stream", "1").build())) {
            List<MessageStreamEvent> events = stream.stream().toList();
            assertThat(events).hasSize(2);
        }
    }

    @Test
    void theDefaultJdkClientStartsNoPoolThreadForItsCalls() throws Exception {
        try (LoopbackServer server = server()) {
            MiniMaxClient client = MiniMaxClient.builder().apiKey("k").baseUrl(server.baseUrl()).build();
            assertThat(JdkClientThreads.workersStartedDuring(() -> createAndStream(client))).isEmpty();
        }
    }

    @Test
    void aJdkClientGivenByTheApplicationKeepsItsOwnExecutor() throws Exception {
        AtomicInteger tasks = new AtomicInteger();
        var pool = Executors.newCachedThreadPool();
        try (LoopbackServer server = server()) {
            HttpClient own = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor((task) -> {
                tasks.incrementAndGet();
                pool.execute(task);
            }).build();
            MiniMaxClient client = MiniMaxClient.builder().apiKey("k").baseUrl(server.baseUrl()).httpClient(own).build();
            createAndStream(client);
            assertThat(tasks).as("tasks the application's executor ran").hasPositiveValue();
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aJdkClientWithTheJdkDefaultExecutorStartsPoolThreads() throws Exception {
        // The contrast that shows the first test can fail: the JDK default hands steps to its pool.
        try (LoopbackServer server = server()) {
            MiniMaxClient client = MiniMaxClient.builder().apiKey("k").baseUrl(server.baseUrl())
                .httpClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()).build();
            assertThat(JdkClientThreads.workersStartedDuring(() -> createAndStream(client))).isNotEmpty();
        }
    }
}
