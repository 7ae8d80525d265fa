package io.github.minimax4j.test.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An offline stand-in for the MiniMax API: an in-process HTTP server on 127.0.0.1 (a random free port)
 * that answers the Anthropic-compatible Messages API ({@code /anthropic/v1/messages}, streamed or not,
 * and {@code /count_tokens}) and the OpenAI-compatible Chat Completions API ({@code /v1/chat/completions})
 * with realistic, deterministic replies, thinking, tool calls, streams and token usage; and MiniMax's Files API
 * ({@code /v1/files/upload}, {@code list}, {@code retrieve}, {@code delete}), keeping uploads in memory (256 MB in
 * all) and accepting in conversations only the {@code mm_file://} ids it issued.
 * <p>
 * It lets an app run (and its metrics and health move) without an API key, and lets tests script what
 * it answers ({@link #replyNext}, {@link #when}: text, thinking, tool calls, HTTP and {@code base_resp}
 * errors, cut and slow streams), assert on what it received ({@link #requests()}), and compare
 * client-side meters with {@link #messagesTotals()} / {@link #chatCompletionsTotals()}. It validates
 * requests as MiniMax's reference says (known models, output limits, thinking types on MiniMax-M3,
 * sampling ranges, media only on MiniMax-M3) and answers errors in MiniMax's format, with a
 * {@code minimax-request-id} header on every response. It uses only the JDK's
 * {@code com.sun.net.httpserver} and the client's wire types. Thread-safe.
 * <pre>{@code
 * try (MiniMaxSimulator simulator = new MiniMaxSimulator(Duration.ZERO).start()) {
 *     String baseUrl = simulator.baseUrl(); // use as minimax.base-url, with any non-blank API key
 *     simulator.replyNext(SimulatedReply.rateLimited(Duration.ofSeconds(1)));
 *     // ... call it ...
 *     assertThat(simulator.lastRequest().prompt()).isEqualTo("Hello");
 * }
 * }</pre>
 * In a Spring Boot test, {@code @AutoConfigureMiniMaxSimulator} starts one and points the app at it.
 */
public final class MiniMaxSimulator implements AutoCloseable {

    /** Pause before each streamed delta: about what a 60-100 tokens/s model shows for a few words. */
    public static final Duration DEFAULT_STREAM_DELAY = Duration.ofMillis(30);

    /**
     * Each open stream holds a thread for its whole length, so this bounds the concurrent streams served
     * (further requests wait in line). 64 leaves room for a load test's 32 streams plus health probes.
     */
    static final int MAX_THREADS = 64;

    private static final String FILES = "/v1/files/";

    private static final Map<String, ReceivedRequest.Api> FILE_APIS = Map.of("upload",
            ReceivedRequest.Api.FILES_UPLOAD, "list", ReceivedRequest.Api.FILES_LIST, "retrieve",
            ReceivedRequest.Api.FILES_RETRIEVE, "delete", ReceivedRequest.Api.FILES_DELETE);

    private final Duration streamDelay;

    private final TokenLedger ledger = new TokenLedger();

    private final Map<String, Route> routes;

    private final Queue<SimulatedReply> queued = new ConcurrentLinkedQueue<>();

    private final List<ReplyRule.Rule> rules = new CopyOnWriteArrayList<>();

    private final List<ReceivedRequest> received = new CopyOnWriteArrayList<>();

    private final FilesEndpoint files = new FilesEndpoint();

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
        this.routes = Map.of(
                "/anthropic/v1/messages", new Route(ReceivedRequest.Api.MESSAGES, messages::create,
                        messages::sendBaseRespError),
                "/anthropic/v1/messages/count_tokens", new Route(ReceivedRequest.Api.COUNT_TOKENS,
                        (exchange, request, reply) -> messages.countTokens(exchange, request),
                        messages::sendBaseRespError),
                "/v1/chat/completions", new Route(ReceivedRequest.Api.CHAT_COMPLETIONS, chat::create,
                        chat::sendBaseRespError));
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

    // --- scripting

    /**
     * Answers the next requests to the Messages or Chat Completions API with these replies, one each, in
     * order, before any {@link #when} rule ({@code count_tokens} requests do not use them up).
     * @param replies the replies
     * @return this simulator, to script more
     */
    public MiniMaxSimulator replyNext(SimulatedReply... replies) {
        for (SimulatedReply reply : replies) {
            this.queued.add(Objects.requireNonNull(reply, "replies must not be null"));
        }
        return this;
    }

    /**
     * Starts a rule for requests that match a condition; finish it with {@link ReplyRule#thenReply}. When
     * several rules match, the one added last wins; requests no rule matches get the
     * {@linkplain SimulatedReply#generated() generated reply}.
     * <pre>{@code
     * simulator.when((request) -> request.toolNames().contains("get_weather") && !request.hasToolResult())
     *     .thenReply(SimulatedReply.toolCall("get_weather", Map.of("city", "Paris")));
     * }</pre>
     * @param condition which requests the rule answers
     */
    public ReplyRule when(Predicate<ReceivedRequest> condition) {
        Objects.requireNonNull(condition, "condition must not be null");
        return new ReplyRule(this, condition, "when " + condition);
    }

    /**
     * Starts a rule for requests whose {@linkplain ReceivedRequest#prompt() prompt} contains this text
     * (ignoring case). A tool result sent back has no prompt, so it gets the generated answer.
     * @param text text the prompt contains
     */
    public ReplyRule whenPromptContains(String text) {
        Objects.requireNonNull(text, "text must not be null");
        String lower = text.toLowerCase(Locale.ROOT);
        return new ReplyRule(this, (request) -> request.prompt().toLowerCase(Locale.ROOT).contains(lower),
                "when the prompt contains '" + text + "'");
    }

    void addRule(ReplyRule.Rule rule) {
        this.rules.add(rule);
    }

    // --- what was received

    /** Every request received so far (to any API operation, answered or rejected), oldest first. */
    public List<ReceivedRequest> requests() {
        return List.copyOf(this.received);
    }

    /**
     * The requests received so far by one API operation, oldest first.
     * @param api the operation
     */
    public List<ReceivedRequest> requests(ReceivedRequest.Api api) {
        return this.received.stream().filter((request) -> request.api() == api).toList();
    }

    /** How many requests were received so far. */
    public int requestCount() {
        return this.received.size();
    }

    /**
     * The request received last.
     * @throws IllegalStateException if none was received
     */
    public ReceivedRequest lastRequest() {
        List<ReceivedRequest> all = requests();
        if (all.isEmpty()) {
            throw new IllegalStateException("The MiniMax simulator has received no request yet");
        }
        return all.get(all.size() - 1);
    }

    /**
     * Forgets scripted replies and rules, received requests and token totals, so the next test starts
     * afresh (keeps running on the same port).
     */
    public void reset() {
        this.queued.clear();
        this.rules.clear();
        this.received.clear();
        this.ledger.reset();
        this.files.reset();
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
        try {
            route(exchange);
            exchange.close();
        }
        catch (SseStream.ConnectionCut ex) {
            // Not closed on purpose: the server then drops the connection without ending the response.
            throw ex;
        }
        catch (IOException ex) {
            // The client went away (or the simulator is stopping): nothing left to answer.
            exchange.close();
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set(HttpExchanges.REQUEST_ID_HEADER, Ids.responseId());
        if (exchange.getRequestURI().getPath().startsWith(FILES)) {
            files(exchange, exchange.getRequestURI().getPath().substring(FILES.length()));
            return;
        }
        Route route = this.routes.get(exchange.getRequestURI().getPath());
        if (route == null) {
            HttpExchanges.sendError(exchange, 404, "No such endpoint: " + exchange.getRequestURI().getPath(), null);
            return;
        }
        if (!exchange.getRequestMethod().equals("POST")) {
            exchange.getResponseHeaders().set("Allow", "POST");
            HttpExchanges.sendError(exchange, 405, "Use POST for this endpoint", null);
            return;
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        ReceivedRequest request = new ReceivedRequest(route.api(), HttpExchanges.requestId(exchange),
                exchange.getRequestHeaders(), body);
        this.received.add(request);
        if (!HttpExchanges.hasApiKey(exchange)) {
            HttpExchanges.sendError(exchange, 401,
                    "Missing API key: send 'Authorization: Bearer <key>' or 'x-api-key: <key>'", null);
            return;
        }
        SimulatedReply reply;
        try {
            reply = (route.api() == ReceivedRequest.Api.COUNT_TOKENS) ? SimulatedReply.generated() : replyFor(request);
        }
        catch (RuntimeException ex) {
            // A test's own condition failed: say so in the answer rather than dropping the connection.
            HttpExchanges.sendError(exchange, 500, "Simulator error: a when(...) condition threw " + ex, null);
            return;
        }
        switch (reply.kind()) {
            case HTTP_ERROR -> HttpExchanges.sendError(exchange, reply.code(), reply.message(), reply.retryAfter());
            case BASE_RESP_ERROR -> route.baseRespError().send(exchange, request.model(), reply.code(),
                    reply.message());
            default -> serve(exchange, route, body, reply);
        }
    }

    /**
     * The Files API: the request is recorded like any other (an upload without its file's bytes), and a
     * {@link #when} rule can make it fail with an HTTP or {@code base_resp} error; replies queued with
     * {@link #replyNext} are for the conversation APIs only.
     */
    private void files(HttpExchange exchange, String operation) throws IOException {
        ReceivedRequest.Api api = FILE_APIS.get(operation);
        if (api == null) {
            HttpExchanges.sendError(exchange, 404, "No such endpoint: " + exchange.getRequestURI().getPath(), null);
            return;
        }
        if (!exchange.getRequestMethod().equals(FilesEndpoint.methodOf(operation))) {
            exchange.getResponseHeaders().set("Allow", FilesEndpoint.methodOf(operation));
            HttpExchanges.sendError(exchange, 405, "Use " + FilesEndpoint.methodOf(operation) + " for this endpoint",
                    null);
            return;
        }
        boolean upload = api == ReceivedRequest.Api.FILES_UPLOAD;
        byte[] body = upload ? this.files.readUpload(exchange) : exchange.getRequestBody().readAllBytes();
        ReceivedRequest request = new ReceivedRequest(api, HttpExchanges.requestId(exchange),
                exchange.getRequestHeaders(),
                upload ? FilesEndpoint.summary(exchange.getRequestHeaders().getFirst("Content-Type"), body) : body);
        this.received.add(request);
        if (!HttpExchanges.hasApiKey(exchange)) {
            HttpExchanges.sendError(exchange, 401,
                    "Missing API key: send 'Authorization: Bearer <key>' or 'x-api-key: <key>'", null);
            return;
        }
        SimulatedReply scripted = SimulatedReply.generated();
        for (int i = this.rules.size() - 1; i >= 0; i--) {
            if (this.rules.get(i).matches(request)) {
                scripted = this.rules.get(i).nextReply();
                break;
            }
        }
        switch (scripted.kind()) {
            case HTTP_ERROR -> HttpExchanges.sendError(exchange, scripted.code(), scripted.message(),
                    scripted.retryAfter());
            case BASE_RESP_ERROR -> {
                ObjectNode reply = Json.object();
                reply.set("base_resp", HttpExchanges.baseResp(scripted.code(), scripted.message()));
                HttpExchanges.sendJson(exchange, 200, reply);
            }
            default -> this.files.handle(exchange, operation, body);
        }
    }

    private SimulatedReply replyFor(ReceivedRequest request) {
        SimulatedReply next = this.queued.poll();
        if (next != null) {
            return next;
        }
        for (int i = this.rules.size() - 1; i >= 0; i--) {
            ReplyRule.Rule rule = this.rules.get(i);
            if (rule.matches(request)) {
                return rule.nextReply();
            }
        }
        return SimulatedReply.generated();
    }

    private void serve(HttpExchange exchange, Route route, byte[] body, SimulatedReply reply) throws IOException {
        try {
            JsonNode json = Json.readObject(body);
            this.files.checkReferences(json);
            route.endpoint().handle(exchange, json, reply);
        }
        catch (BadRequestException ex) {
            HttpExchanges.sendError(exchange, 400, ex.getMessage(), null);
        }
        catch (SseStream.ConnectionCut ex) {
            throw ex;
        }
        catch (SimulatedFailure ex) {
            HttpExchanges.sendError(exchange, ex.status(), ex.getMessage(), null);
        }
        catch (RuntimeException ex) {
            // A simulator bug: answer like a server error rather than hanging the client.
            if (exchange.getResponseCode() == -1) {
                HttpExchanges.sendError(exchange, 500, "Simulator error: " + ex, null);
            }
        }
    }

    /** One API operation. */
    @FunctionalInterface
    interface Endpoint {

        void handle(HttpExchange exchange, JsonNode request, SimulatedReply reply) throws IOException;
    }

    /** Answers an HTTP 200 carrying a {@code base_resp} error, in one API's response shape. */
    @FunctionalInterface
    interface BaseRespError {

        void send(HttpExchange exchange, String model, int code, String message) throws IOException;
    }

    private record Route(ReceivedRequest.Api api, Endpoint endpoint, BaseRespError baseRespError) {
    }
}
