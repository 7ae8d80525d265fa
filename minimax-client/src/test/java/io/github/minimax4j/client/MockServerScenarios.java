package io.github.minimax4j.client;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.mockserver.client.MockServerClient;
import org.mockserver.model.HttpRequest;
import org.mockserver.model.HttpResponse;
import org.mockserver.model.MediaType;

import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

/**
 * Base of the HTTP scenarios: each runs against whatever {@link MockServerTarget} the concrete class
 * supplies, so the same scenarios prove the client on an embedded MockServer and on a container.
 */
abstract class MockServerScenarios {

    static final String API_KEY = "mm-test-key-4f9a1c7e2b";

    static final String MESSAGES = "/anthropic/v1/messages";

    protected abstract MockServerTarget target();

    @BeforeEach
    void resetMockServer() {
        server().reset();
    }

    MockServerClient server() {
        return target().client();
    }

    /** A client with fast retries, so retry scenarios take milliseconds. */
    MiniMaxClientBuilder clientBuilder() {
        return MiniMaxClient.builder()
            .apiKey(API_KEY)
            .baseUrl(target().baseUrl())
            .readTimeout(Duration.ofSeconds(5))
            .retryPolicy(new RetryPolicy(2, Duration.ofMillis(5), Duration.ofMillis(50)));
    }

    MiniMaxClient client() {
        return clientBuilder().build();
    }

    static HttpRequest post(String path) {
        return request().withMethod("POST").withPath(path);
    }

    static HttpResponse json(int status, String body) {
        return response().withStatusCode(status).withContentType(MediaType.APPLICATION_JSON).withBody(body);
    }

    static HttpResponse sse(String body) {
        return response().withStatusCode(200)
            .withHeader("Content-Type", "text/event-stream")
            .withBody(body);
    }

    HttpRequest[] recorded(String path) {
        return server().retrieveRecordedRequests(post(path));
    }
}
