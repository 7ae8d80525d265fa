package io.github.minimax4j.client;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.error.MalformedResponseException;
import io.github.minimax4j.error.MiniMaxIoException;
import io.github.minimax4j.error.MiniMaxTimeoutException;
import io.github.minimax4j.error.RateLimitException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.matchers.Times;
import org.mockserver.model.Delay;
import org.mockserver.model.HttpError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockserver.model.HttpResponse.response;

/**
 * The faults of the reliability issue that ErrorAndRetryScenarios, MessagesStreamScenarios and
 * StreamingBehaviourTests leave out: each transient status then success, Retry-After in seconds and
 * beyond the cap, a connection lost before the headers of a stream or in the middle of a JSON body, a
 * stream request that gets no answer, a broken event, and a server that never accepts the connection.
 */
class FaultInjectionTests {

    private static final MessageRequest HELLO = MessageRequest.builder().addUserMessage("Hello").build();

    private static final String MESSAGES = MockServerScenarios.MESSAGES;

    private static ClientAndServer server;

    @BeforeAll
    static void start() {
        server = ClientAndServer.startClientAndServer(0);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.reset();
    }

    private static MiniMaxClientBuilder client(RetryPolicy retries) {
        return MiniMaxClient.builder().apiKey(MockServerScenarios.API_KEY)
            .baseUrl("http://127.0.0.1:" + server.getPort()).readTimeout(Duration.ofSeconds(5)).retryPolicy(retries);
    }

    private static int attempts() {
        return server.retrieveRecordedRequests(MockServerScenarios.post(MESSAGES)).length;
    }

    @ParameterizedTest(name = "HTTP {0} twice, then 200")
    @ValueSource(ints = { 500, 502, 503, 529 })
    void eachTransientStatusIsRetriedUntilTheCallSucceeds(int status) {
        server.when(MockServerScenarios.post(MESSAGES), Times.exactly(2))
            .respond(MockServerScenarios.json(status, "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"x\"}}"));
        server.when(MockServerScenarios.post(MESSAGES))
            .respond(MockServerScenarios.json(200, Fixtures.read("m27-response.json")));

        String text = client(new RetryPolicy(2, Duration.ofMillis(5), Duration.ofMillis(20))).build().messages()
            .create(HELLO).text();

        assertThat(text).isEqualTo("Hello! How can I help you today?");
        assertThat(attempts()).isEqualTo(3);
    }

    @Test
    void retryAfterInSecondsIsWaitedInsteadOfTheShorterBackoff() {
        server.when(MockServerScenarios.post(MESSAGES), Times.once()).respond(MockServerScenarios
            .json(429, "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow\"}}")
            .withHeader("Retry-After", "1"));
        server.when(MockServerScenarios.post(MESSAGES))
            .respond(MockServerScenarios.json(200, Fixtures.read("m27-response.json")));
        long start = System.nanoTime();

        client(new RetryPolicy(1, Duration.ofMillis(1), Duration.ofSeconds(5))).build().messages().create(HELLO);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(1000), Duration.ofSeconds(4));
        assertThat(attempts()).isEqualTo(2);
    }

    @Test
    void aRetryAfterBeyondTheCapIsWaitedOnlyUpToMaxBackoffAndStillReported() {
        server.when(MockServerScenarios.post(MESSAGES)).respond(MockServerScenarios
            .json(429, "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow\"}}")
            .withHeader("Retry-After", "3600"));
        long start = System.nanoTime();

        assertThatExceptionOfType(RateLimitException.class)
            .isThrownBy(() -> client(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(200))).build()
                .messages().create(HELLO))
            .satisfies((ex) -> assertThat(ex.retryAfter()).contains(Duration.ofHours(1)));

        // Two waits of at most 200 ms each, not two hours.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(400), Duration.ofSeconds(3));
        assertThat(attempts()).isEqualTo(3);
    }

    @Test
    void aStreamRequestWhoseConnectionDropsBeforeTheHeadersIsRetriedThenAnIoError() {
        server.when(MockServerScenarios.post(MESSAGES)).error(HttpError.error().withDropConnection(true));

        assertThatExceptionOfType(MiniMaxIoException.class)
            .isThrownBy(() -> client(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(5))).build()
                .messages().stream(HELLO))
            .withMessageContaining("127.0.0.1:" + server.getPort());
        assertThat(attempts()).isEqualTo(3);
    }

    @Test
    void aStreamRequestThatGetsNoAnswerTimesOutWithinTheReadTimeout() {
        server.when(MockServerScenarios.post(MESSAGES)).respond(MockServerScenarios
            .sse(Fixtures.read("stream-thinking-text.sse")).withDelay(new Delay(TimeUnit.MILLISECONDS, 3000)));
        long start = System.nanoTime();

        assertThatExceptionOfType(MiniMaxTimeoutException.class)
            .isThrownBy(() -> client(RetryPolicy.none()).readTimeout(Duration.ofMillis(300)).build().messages()
                .stream(HELLO))
            .withMessageContaining("minimax.read-timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
    }

    @Test
    void aBrokenEventIsAMalformedResponse() {
        String body = "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"type\":\"message\","
                + "\"role\":\"assistant\",\"model\":\"MiniMax-M3\",\"content\":[],\"usage\":{\"input_tokens\":5}}}\n\n"
                + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"te\n\n";
        server.when(MockServerScenarios.post(MESSAGES)).respond(MockServerScenarios.sse(body));

        try (MessageStream stream = client(RetryPolicy.none()).build().messages().stream(HELLO)) {
            assertThatExceptionOfType(MalformedResponseException.class).isThrownBy(stream::finalMessage)
                .withMessageContaining("not valid JSON").withMessageContaining(MESSAGES);
        }
    }

    /** MockServer cannot send half a body and then close: a raw socket server does. */
    @Test
    void aConnectionLostInTheMiddleOfAJsonBodyIsNotSentAgainAndSaysTheCallerMayRetry() throws Exception {
        String reply = Fixtures.read("m27-response.json");
        AtomicInteger connections = new AtomicInteger();
        try (RawSseServer half = new RawSseServer(false, (writer) -> {
            connections.incrementAndGet();
            writer.raw("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + reply.length()
                    + "\r\n\r\n" + reply.substring(0, reply.length() / 2));
            writer.cut();
        })) {
            MiniMaxClient client = MiniMaxClient.builder().apiKey(MockServerScenarios.API_KEY).baseUrl(half.baseUrl())
                .retryPolicy(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(5))).build();

            assertThatExceptionOfType(MiniMaxIoException.class).isThrownBy(() -> client.messages().create(HELLO))
                .withMessageContaining(half.baseUrl().substring("http://".length()))
                .withMessageContaining("connection was lost").withMessageContaining("the caller may retry");
            assertThat(connections).as("a 200 had begun: RetryRule sends nothing again").hasValue(1);
        }
    }

    /**
     * A server whose accept queue is full never completes the TCP handshake (Linux drops the SYN): the
     * connect timeout, not the read timeout, must end the call.
     */
    @Test
    void aServerThatNeverAcceptsTheConnectionTimesOutWithinTheConnectTimeout() throws Exception {
        List<Socket> fillers = new ArrayList<>();
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            for (int i = 0; i < 8; i++) { // fills the accept queue; later connects may block: bound them
                Socket filler = new Socket();
                fillers.add(filler);
                try {
                    filler.connect(full.getLocalSocketAddress(), 200);
                }
                catch (java.io.IOException ex) {
                    break; // the queue is full
                }
            }
            MiniMaxClient client = MiniMaxClient.builder().apiKey(MockServerScenarios.API_KEY)
                .baseUrl("http://127.0.0.1:" + full.getLocalPort()).connectTimeout(Duration.ofMillis(300))
                .readTimeout(Duration.ofSeconds(30)).retryPolicy(RetryPolicy.none()).build();
            long start = System.nanoTime();

            assertThatExceptionOfType(MiniMaxTimeoutException.class).isThrownBy(() -> client.messages().create(HELLO))
                .withMessageContaining("minimax.connect-timeout");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2000));
        }
        finally {
            for (Socket filler : fillers) {
                filler.close();
            }
        }
    }
}
