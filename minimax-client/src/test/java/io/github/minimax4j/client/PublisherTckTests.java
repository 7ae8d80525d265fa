package io.github.minimax4j.client;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Flow;

import io.github.minimax4j.openai.ChatCompletionChunk;
import io.github.minimax4j.openai.ChatCompletionRequest;
import org.reactivestreams.tck.TestEnvironment;
import org.reactivestreams.tck.flow.FlowPublisherVerification;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;

/**
 * The Reactive Streams TCK (TestNG, run on the JUnit Platform by the TestNG engine) against the Chat Completions
 * publisher over a loopback server: the server streams exactly the number of chunks the TCK asks for (named in a
 * request header), then {@code [DONE]}; the failed publisher's server answers 400. Every rule the TCK checks holds
 * over a real connection: demand, cancellation, one terminal signal, no signals after it.
 */
public class PublisherTckTests extends FlowPublisherVerification<ChatCompletionChunk> {

    private static final String CHUNK = "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"MiniMax-M3\","
            + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"}}]}\n\n";

    private LoopbackServer server;

    private MiniMaxClient client;

    public PublisherTckTests() {
        // Generous timeouts: the machine running the suite may be loaded.
        super(new TestEnvironment(3000, 300), 1000);
    }

    @BeforeClass
    public void startServer() throws Exception {
        this.server = new LoopbackServer().route("/v1/chat/completions", (exchange) -> {
            String elements = exchange.getRequestHeaders().getFirst("x-elements");
            if (elements == null) {
                LoopbackServer.send(exchange, 400, "application/json",
                        "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"no\"}}");
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] chunk = CHUNK.getBytes(StandardCharsets.UTF_8);
                for (long i = Long.parseLong(elements); i > 0; i--) {
                    out.write(chunk);
                }
                out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            }
        });
        this.client = MiniMaxClient.builder().apiKey(MockServerScenarios.API_KEY).baseUrl(this.server.baseUrl())
            .readTimeout(Duration.ofSeconds(30)).retryPolicy(RetryPolicy.none()).build();
    }

    @AfterClass
    public void stopServer() {
        this.server.close();
    }

    @Override
    public Flow.Publisher<ChatCompletionChunk> createFlowPublisher(long elements) {
        return this.client.async().chatCompletions().stream(ChatCompletionRequest.builder().addUserMessage("Hi").build(),
                RequestOptions.builder().header("x-elements", String.valueOf(elements)).build());
    }

    @Override
    public Flow.Publisher<ChatCompletionChunk> createFailedFlowPublisher() {
        return this.client.async().chatCompletions().stream(ChatCompletionRequest.builder().addUserMessage("Hi").build());
    }

    /** A reply is finite: the TCK's tests that need an endless publisher are skipped. */
    @Override
    public long maxElementsFromPublisher() {
        return 4096;
    }
}
