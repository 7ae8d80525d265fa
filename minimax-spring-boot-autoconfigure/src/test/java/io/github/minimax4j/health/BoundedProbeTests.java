package io.github.minimax4j.health;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.client.MiniMaxClient;
import io.github.minimax4j.client.RetryPolicy;
import io.github.minimax4j.error.MiniMaxTimeoutException;
import io.github.minimax4j.error.ServerException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The probe's bound on the whole call. A JDK HttpServer rather than MockServer: the case needs a response
 * that trickles one byte at a time (each gap shorter than the read timeout), and MockServer 5.15 can only
 * delay a whole response.
 */
class BoundedProbeTests {

    private static final MessageRequest REQUEST = MessageRequest.builder().addUserMessage("ping").build();

    private HttpServer server;

    private final CountDownLatch stop = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.server.start();
    }

    @AfterEach
    void close() {
        this.stop.countDown();
        this.server.stop(0);
    }

    private MiniMaxClient client(Duration readTimeout) {
        return MiniMaxClient.builder().apiKey("k").baseUrl("http://127.0.0.1:" + this.server.getAddress().getPort())
            .retryPolicy(RetryPolicy.none()).readTimeout(readTimeout).build();
    }

    @Test
    void aTricklingResponseIsCutAtTheDeadlineThoughNoReadTimeoutFires() {
        String body = "{\"input_tokens\":3}" + " ".repeat(40);
        this.server.createContext("/anthropic/v1/messages/count_tokens", (exchange) -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length());
            try (OutputStream out = exchange.getResponseBody()) {
                for (byte b : body.getBytes()) {
                    out.write(b);
                    out.flush();
                    if (this.stop.await(100, TimeUnit.MILLISECONDS)) {
                        return;
                    }
                }
            }
            catch (IOException | InterruptedException ex) {
                // the test is over
            }
        });
        // 100 ms between bytes never trips a 400 ms read timeout: the whole answer would take ~6 s.
        BoundedProbe probe = new BoundedProbe(client(Duration.ofMillis(400)).messages(), Duration.ofMillis(400));
        long start = System.nanoTime();

        assertThatExceptionOfType(MiniMaxTimeoutException.class).isThrownBy(() -> probe.countTokens(REQUEST))
            .withMessageContaining("within 400 ms").withMessageContaining("minimax.health.timeout");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(380),
                Duration.ofMillis(1400));
    }

    @Test
    void aFailureInTimeIsTheCallsOwnException() {
        this.server.createContext("/anthropic/v1/messages/count_tokens", (exchange) -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{\"error\":{\"message\":\"down\"}}".getBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(502, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        BoundedProbe probe = new BoundedProbe(client(Duration.ofSeconds(2)).messages(), Duration.ofSeconds(2));

        assertThatExceptionOfType(ServerException.class).isThrownBy(() -> probe.countTokens(REQUEST))
            .withMessageContaining("HTTP 502");
    }

    @Test
    void anAnswerInTimeReturnsNormally() {
        this.server.createContext("/anthropic/v1/messages/count_tokens", (exchange) -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{\"input_tokens\":3}".getBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        BoundedProbe probe = new BoundedProbe(client(Duration.ofSeconds(2)).messages(), Duration.ofSeconds(2));

        probe.countTokens(REQUEST);
    }
}
