package io.github.minimax4j.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.anthropic.MessageStreamEvent;
import io.github.minimax4j.error.MiniMaxTimeoutException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.InterceptingClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code readTimeout} bounds the silence between bytes, never a whole generation, and means the same whatever
 * request factory carries the call: the client's default, Spring's JDK one (whose own read timeout would be a
 * deadline for the whole call) and {@code HttpURLConnection}. Paced by {@link RawSseServer} (MockServer
 * cannot pause inside one response).
 */
class ReadTimeoutTests {

    private static final Duration READ_TIMEOUT = Duration.ofMillis(300);

    private static final MessageRequest HELLO = MessageRequest.builder().addUserMessage("Hello").build();

    /** A factory supplier that means: the default JDK client, called through the non-blocking API. */
    private static final Supplier<ClientHttpRequestFactory> ASYNC = () -> null;

    static Stream<Arguments> transports() {
        return Stream.of(Arguments.of("default (JDK HttpClient)", (Supplier<ClientHttpRequestFactory>) () -> null),
                Arguments.of("async API (JDK HttpClient)", ASYNC),
                Arguments.of("Spring JdkClientHttpRequestFactory",
                        (Supplier<ClientHttpRequestFactory>) JdkClientHttpRequestFactory::new),
                Arguments.of("HttpURLConnection", (Supplier<ClientHttpRequestFactory>) () -> {
                    // Its blocking read cannot be interrupted: its own socket timeout (also between bytes) bounds
                    // the wait for headers.
                    SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
                    factory.setReadTimeout(READ_TIMEOUT);
                    return factory;
                }));
    }

    /** The transports a caller blocks on (the non-blocking path cancels its exchange instead of closing). */
    static Stream<Arguments> blockingTransports() {
        return transports().filter((arguments) -> arguments.get()[1] != ASYNC);
    }

    private static CallMode mode(Supplier<ClientHttpRequestFactory> factory) {
        return (factory == ASYNC) ? CallMode.ASYNC : CallMode.BLOCKING;
    }

    private static MiniMaxClient client(String baseUrl, Supplier<ClientHttpRequestFactory> factory) {
        MiniMaxClientBuilder builder = MiniMaxClient.builder().apiKey(MockServerScenarios.API_KEY).baseUrl(baseUrl)
            .readTimeout(READ_TIMEOUT).retryPolicy(RetryPolicy.none());
        ClientHttpRequestFactory given = factory.get();
        return ((given != null) ? builder.requestFactory(given) : builder).build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void aStreamLastingSixTimesTheReadTimeoutWithoutPausingThatLongCompletes(String name,
            Supplier<ClientHttpRequestFactory> factory) throws Exception {
        try (RawSseServer server = new RawSseServer((writer) -> {
            writer.event("message_start", StreamEvents.START);
            writer.event("content_block_start", StreamEvents.TEXT_START);
            for (int i = 0; i < 36; i++) { // 36 x 50 ms = 1.8 s, six read timeouts
                writer.event("content_block_delta", StreamEvents.textDelta("t"));
                Thread.sleep(50);
            }
            StreamEvents.finish(writer);
        })) {
            long start = System.nanoTime();
            assertThat(mode(factory).stream(client(server.baseUrl(), factory), HELLO).text()).hasSize(36);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(READ_TIMEOUT.multipliedBy(5));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void aStreamThatStallsMidWayTimesOutWithinTheReadTimeout(String name, Supplier<ClientHttpRequestFactory> factory)
            throws Exception {
        try (RawSseServer server = new RawSseServer((writer) -> {
            writer.event("message_start", StreamEvents.START);
            writer.event("content_block_start", StreamEvents.TEXT_START);
            for (int i = 0; i < 6; i++) { // busy for 600 ms first: the timeout counts silence, not time since start
                writer.event("content_block_delta", StreamEvents.textDelta("t"));
                Thread.sleep(100);
            }
            Thread.sleep(5000);
        })) {
            // Timed from before the call: on a loaded machine the stream may open after some deltas were sent.
            long start = System.nanoTime();
            MiniMaxClient client = client(server.baseUrl(), factory);
            assertThatExceptionOfType(MiniMaxTimeoutException.class)
                .isThrownBy(() -> mode(factory).stream(client, HELLO))
                .withMessageContaining("minimax.read-timeout");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(500),
                    Duration.ofMillis(2500));
            assertThat(Thread.currentThread().isInterrupted()).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blockingTransports")
    void aCallerThatTakesLongerThanTheReadTimeoutOverEachEventIsNotTimedOut(String name,
            Supplier<ClientHttpRequestFactory> factory) throws Exception {
        // The server sends everything at once: the only long pauses are the caller's own, between its reads.
        try (RawSseServer server = new RawSseServer((writer) -> {
            writer.event("message_start", StreamEvents.START);
            writer.event("content_block_start", StreamEvents.TEXT_START);
            for (int i = 0; i < 3; i++) {
                writer.event("content_block_delta", StreamEvents.textDelta("t"));
            }
            StreamEvents.finish(writer);
        });
                MessageStream stream = client(server.baseUrl(), factory).messages().stream(HELLO)) {
            int handled = 0;
            for (MessageStreamEvent event : stream) {
                if (handled++ < 3) { // handling each of the first events takes two read timeouts
                    Thread.sleep(READ_TIMEOUT.multipliedBy(2).toMillis());
                }
            }
            assertThat(handled).isEqualTo(8);
            assertThat(stream.finalMessage().text()).isEqualTo("ttt");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void aServerSilentBeforeItsHeadersTimesOutWithinTheReadTimeout(String name,
            Supplier<ClientHttpRequestFactory> factory) throws Exception {
        try (RawSseServer server = new RawSseServer(false, (writer) -> Thread.sleep(5000))) {
            MiniMaxClient client = client(server.baseUrl(), factory);
            long start = System.nanoTime();
            assertThatExceptionOfType(MiniMaxTimeoutException.class)
                .isThrownBy(() -> mode(factory).create(client, HELLO))
                .withMessageContaining("minimax.read-timeout");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2000));
            assertThat(Thread.interrupted()).as("the watchdog's interrupt does not leak to the caller").isFalse();
        }
    }

    /** Writes a JSON reply's head, then its body a few bytes at a time with {@code pause} between pieces. */
    private static RawSseServer tricklingJson(Duration pause, int pieces, Duration stallAfter) throws Exception {
        byte[] body = Fixtures.read("m27-response.json").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return new RawSseServer(false, (writer) -> {
            writer.raw("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\n\r\n");
            int piece = body.length / pieces;
            long start = System.nanoTime();
            for (int offset = 0; offset < body.length; offset += piece) {
                if (Duration.ofNanos(System.nanoTime() - start).compareTo(stallAfter) > 0) {
                    Thread.sleep(5000);
                }
                writer.bytes(body, offset, Math.min(piece, body.length - offset));
                Thread.sleep(pause.toMillis());
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void aJsonReplyTrickledForSixTimesTheReadTimeoutWithoutPausingThatLongCompletes(String name,
            Supplier<ClientHttpRequestFactory> factory) throws Exception {
        // The client reads a JSON reply whole before handing it over: the silence between its pieces still counts.
        try (RawSseServer server = tricklingJson(Duration.ofMillis(50), 36, Duration.ofDays(1))) {
            long start = System.nanoTime();
            assertThat(mode(factory).create(client(server.baseUrl(), factory), HELLO).text()).isNotEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(READ_TIMEOUT.multipliedBy(5));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void aJsonReplyThatStallsMidBodyTimesOutWithinTheReadTimeout(String name,
            Supplier<ClientHttpRequestFactory> factory) throws Exception {
        try (RawSseServer server = tricklingJson(Duration.ofMillis(100), 36, Duration.ofMillis(600))) {
            MiniMaxClient client = client(server.baseUrl(), factory);
            long start = System.nanoTime();
            assertThatExceptionOfType(MiniMaxTimeoutException.class)
                .isThrownBy(() -> mode(factory).create(client, HELLO))
                .withMessageContaining("minimax.read-timeout");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(500),
                    Duration.ofMillis(2500));
            assertThat(Thread.interrupted()).as("the watchdog's interrupt does not leak to the caller").isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blockingTransports")
    void aCallThatTimedOutDoesNotWaitForItsResponseToClose(String name, Supplier<ClientHttpRequestFactory> factory)
            throws Exception {
        // HttpURLConnection's close can block for seconds behind the JDK's keep-alive cleaner, which reads the rest of
        // the body under the stream's lock (5 s per read): in CI's JDK 25 pass a stalled JSON reply, closed by both
        // the caller and the watchdog, took 10.6 s to time out. Here every close blocks 5 s once it has closed.
        try (RawSseServer server = tricklingJson(Duration.ofMillis(100), 36, Duration.ofMillis(600))) {
            ClientHttpRequestFactory given = factory.get();
            ClientHttpRequestFactory slowToClose = new InterceptingClientHttpRequestFactory(
                    (given != null) ? given
                            : JdkHttpRequestFactory.forBaseUrl(java.net.URI.create(server.baseUrl()), READ_TIMEOUT),
                    List.of((request, body, execution) -> new SlowToClose(execution.execute(request, body))));
            MiniMaxClient client = client(server.baseUrl(), () -> slowToClose);
            long start = System.nanoTime();
            assertThatExceptionOfType(MiniMaxTimeoutException.class)
                .isThrownBy(() -> client.messages().create(HELLO))
                .withMessageContaining("minimax.read-timeout");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(500),
                    Duration.ofMillis(2500));
        }
    }

    /** A response whose body, and the response itself, block for 5 s once closed. */
    private static final class SlowToClose implements ClientHttpResponse {

        private static final long CLOSE_MILLIS = 5000;

        private final ClientHttpResponse response;

        SlowToClose(ClientHttpResponse response) {
            this.response = response;
        }

        @Override
        public HttpStatusCode getStatusCode() throws IOException {
            return this.response.getStatusCode();
        }

        @Override
        public String getStatusText() throws IOException {
            return this.response.getStatusText();
        }

        @Override
        public HttpHeaders getHeaders() {
            return this.response.getHeaders();
        }

        @Override
        public InputStream getBody() throws IOException {
            return new FilterInputStream(this.response.getBody()) {
                @Override
                public void close() throws IOException {
                    super.close(); // ends a read in progress, then blocks
                    pause();
                }
            };
        }

        @Override
        public void close() {
            this.response.close();
            pause();
        }

        private static void pause() {
            try {
                Thread.sleep(CLOSE_MILLIS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

}
