package io.github.minimax4j.test.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;

/**
 * An offline stand-in for the MiniMax API: an in-process HTTP server on 127.0.0.1 (a random free port)
 * that answers the Anthropic-compatible Messages API ({@code /anthropic/v1/messages}, streamed or not,
 * and {@code /count_tokens}) and the OpenAI-compatible Chat Completions API ({@code /v1/chat/completions})
 * with realistic, deterministic replies, thinking, tool calls, streams and token usage.
 * <p>
 * It lets an app run (and its metrics and health move) without an API key, and lets tests
 * compare client-side meters with {@link #messagesTotals()} / {@link #chatCompletionsTotals()}. It uses
 * only the JDK's {@code com.sun.net.httpserver}, so it adds no dependency. Thread-safe.
 * <pre>{@code
 * try (MiniMaxSimulator simulator = new MiniMaxSimulator(Duration.ZERO).start()) {
 *     String baseUrl = simulator.baseUrl(); // use as minimax.base-url, with any non-blank API key
 * }
 * }</pre>
 */
public final class MiniMaxSimulator implements AutoCloseable {

    /** Pause before each streamed delta: about what a 60-100 tokens/s model shows for a few words. */
    public static final Duration DEFAULT_STREAM_DELAY = Duration.ofMillis(30);

    /**
     * Each open stream holds a thread for its whole length, so this bounds the concurrent streams served
     * (further requests wait in line). 64 leaves room for a load test's 32 streams plus health probes.
     */
    static final int MAX_THREADS = 64;

    private final Duration streamDelay;

    private final TokenLedger ledger = new TokenLedger();

    private final Map<String, Endpoint> routes;

    private @Nullable HttpServer server;

    private @Nullable ExecutorService executor;

    /** A simulator that streams at {@link #DEFAULT_STREAM_DELAY} per delta. */
    public MiniMaxSimulator() {
        this(DEFAULT_STREAM_DELAY);
    }

    /**
     * A simulator with the given pause before each streamed delta.
     * @param streamDelay pause per delta; {@link Duration#ZERO} streams as fast as possible (for tests)
     */
    public MiniMaxSimulator(Duration streamDelay) {
        Objects.requireNonNull(streamDelay, "streamDelay must not be null");
        if (streamDelay.isNegative()) {
            throw new IllegalArgumentException("streamDelay must not be negative, was " + streamDelay);
        }
        this.streamDelay = streamDelay;
        MessagesEndpoint messages = new MessagesEndpoint(this.ledger, streamDelay);
        ChatCompletionsEndpoint chat = new ChatCompletionsEndpoint(this.ledger, streamDelay);
        this.routes = Map.of("/anthropic/v1/messages", messages::create,
                "/anthropic/v1/messages/count_tokens", messages::countTokens,
                "/v1/chat/completions", chat::create);
    }

    /**
     * Binds a free port on 127.0.0.1 and starts serving.
     * @return this simulator, for chaining
     * @throws IllegalStateException if already started
     * @throws UncheckedIOException if the port cannot be bound
     */
    public synchronized MiniMaxSimulator start() {
        if (this.server != null) {
            throw new IllegalStateException("MiniMax simulator is already running at " + baseUrl());
        }
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start the MiniMax simulator on 127.0.0.1", ex);
        }
        AtomicInteger threadNumber = new AtomicInteger();
        // Threads are made on demand and end after 30 s idle, so an idle simulator holds none.
        ThreadPoolExecutor pool = new ThreadPoolExecutor(MAX_THREADS, MAX_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), (task) -> {
                    Thread thread = new Thread(task, "minimax-simulator-" + threadNumber.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        this.executor = pool;
        this.server.setExecutor(this.executor);
        this.server.createContext("/", this::handle);
        this.server.start();
        return this;
    }

    /** Stops serving at once (open streams are cut) and frees the port. Does nothing if not running. */
    public synchronized void stop() {
        if (this.server != null) {
            this.server.stop(0);
            this.executor.shutdownNow();
            this.server = null;
            this.executor = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Whether the simulator is serving. */
    public synchronized boolean isRunning() {
        return this.server != null;
    }

    /**
     * Base URL to configure as the MiniMax base URL, e.g. {@code http://127.0.0.1:54321} (no trailing
     * slash; the API paths start with {@code /anthropic} and {@code /v1}).
     * @throws IllegalStateException if not started
     */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /**
     * Port the simulator listens on.
     * @throws IllegalStateException if not started
     */
    public synchronized int port() {
        if (this.server == null) {
            throw new IllegalStateException("MiniMax simulator is not running: call start() first");
        }
        return this.server.getAddress().getPort();
    }

    /** Pause before each streamed delta. */
    public Duration streamDelay() {
        return this.streamDelay;
    }

    /** Tokens served so far by {@code /anthropic/v1/messages} (streamed and not). */
    public TokenTotals messagesTotals() {
        return this.ledger.messages();
    }

    /** Tokens served so far by {@code /v1/chat/completions} (streamed and not). */
    public TokenTotals chatCompletionsTotals() {
        return this.ledger.chatCompletions();
    }

    /** Requests answered by {@code /anthropic/v1/messages/count_tokens} (these generate no usage). */
    public long countTokensRequests() {
        return this.ledger.countTokensRequests();
    }

    /** Sets all totals and counters back to zero. */
    public void resetTotals() {
        this.ledger.reset();
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            Endpoint endpoint = this.routes.get(exchange.getRequestURI().getPath());
            if (endpoint == null) {
                HttpExchanges.sendError(exchange, 404, "not_found_error",
                        "No such endpoint: " + exchange.getRequestURI().getPath());
            }
            else if (!exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().set("Allow", "POST");
                HttpExchanges.sendError(exchange, 405, "invalid_request_error", "Use POST for this endpoint");
            }
            else if (!HttpExchanges.hasApiKey(exchange)) {
                HttpExchanges.sendError(exchange, 401, "authentication_error",
                        "Missing API key: send 'Authorization: Bearer <key>' or 'x-api-key: <key>'");
            }
            else {
                serve(exchange, endpoint);
            }
        }
        catch (IOException ex) {
            // The client went away (or the simulator is stopping): nothing left to answer.
        }
    }

    private void serve(HttpExchange exchange, Endpoint endpoint) throws IOException {
        try {
            endpoint.handle(exchange, HttpExchanges.readJson(exchange));
        }
        catch (BadRequestException ex) {
            HttpExchanges.sendError(exchange, 400, "invalid_request_error", ex.getMessage());
        }
        catch (SimulatedFailure ex) {
            HttpExchanges.sendError(exchange, ex.status(), ex.errorType(), ex.getMessage());
        }
        catch (RuntimeException ex) {
            // A simulator bug: answer like a server error rather than hanging the client.
            if (exchange.getResponseCode() == -1) {
                HttpExchanges.sendError(exchange, 500, "api_error", "Simulator error: " + ex);
            }
        }
    }

    /** One API operation. */
    @FunctionalInterface
    private interface Endpoint {

        void handle(HttpExchange exchange, JsonNode request) throws IOException;
    }
}
