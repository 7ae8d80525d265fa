package io.github.minimax4j.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.minimax4j.error.BadRequestException;
import io.github.minimax4j.error.InsufficientBalanceException;
import io.github.minimax4j.error.MalformedResponseException;
import io.github.minimax4j.error.MiniMaxException;
import io.github.minimax4j.error.OverloadedException;
import io.github.minimax4j.error.RateLimitException;
import io.github.minimax4j.error.ServerException;
import io.github.minimax4j.observation.DefaultMiniMaxObservationConvention;
import io.github.minimax4j.observation.MiniMaxMeterObservationHandler;
import io.github.minimax4j.observation.MiniMaxObservationContext;
import io.github.minimax4j.observation.TokenUsage;
import io.github.minimax4j.observation.TokenUsageMeterObservationHandler;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.ObservationView;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seeded soak of random faults: mixed calls (Messages create and stream, count_tokens, Chat create and stream,
 * each through the blocking or the non-blocking API) from 16 threads against a fault-injecting raw-socket server on loopback. Each call has a plan, one fault per
 * attempt, and is checked against what the documentation promises: the outcome (exact text, or the exception type),
 * the number of requests the server saw for it ({@link RetryRule}), no API key anywhere in the exception; after the
 * run, the meters hold every call by outcome and exactly the tokens served, nothing pending in the JDK client and threads and file descriptors back to where they were.
 * <p>
 * {@code -Dminimax.soak.calls=200000} (default 5,000) and {@code -Dminimax.soak.seed=N} (default 26) for a long run.
 * Prints one summary line: calls by outcome and the WRONG count.
 */
class SoakTests {

    private static final int CALLS = Integer.getInteger("minimax.soak.calls", 5_000);

    private static final long SEED = Long.getLong("minimax.soak.seed", 26);

    private static final int THREADS = 16;

    private static final int MAX_RETRIES = 2;

    /** Long enough that a loaded machine cannot time a healthy call out. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    /** The read timeout of the calls whose plan holds a stall, kept short so that stalls keep the run short. */
    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(2);

    /** A fault the server plays for one attempt, and what the rule makes of it. */
    enum Fault {

        NONE(300, FaultPoint.NONE), CUT_BEFORE_STATUS_LINE(12, FaultPoint.CUT_BEFORE_STATUS_LINE),
        CUT_IN_STATUS_LINE(6, FaultPoint.CUT_IN_STATUS_LINE), CUT_AFTER_STATUS_LINE(6, FaultPoint.CUT_AFTER_STATUS_LINE),
        CUT_AFTER_HEAD(9, FaultPoint.CUT_AFTER_HEAD), CUT_AFTER_EVENTS(9, FaultPoint.CUT_AFTER_EVENTS),
        STALL_BEFORE_STATUS_LINE(2, FaultPoint.STALL_BEFORE_STATUS_LINE),
        STALL_AFTER_STATUS_LINE(1, FaultPoint.STALL_AFTER_STATUS_LINE), STALL_AFTER_HEAD(2, FaultPoint.STALL_AFTER_HEAD),
        STALL_AFTER_EVENTS(2, FaultPoint.STALL_AFTER_EVENTS), ERROR_503(12, FaultPoint.ERROR_503),
        BASE_RESP_1002(9, FaultPoint.BASE_RESP_1002),
        RATE_LIMITED_RETRY_AFTER(9, RateLimitException.class, true),
        RATE_LIMITED_RETRY_AFTER_MS(9, RateLimitException.class, true),
        OVERLOADED_529(9, OverloadedException.class, true),
        SERVER_ERROR_SHOULD_NOT_RETRY(6, ServerException.class, false),
        BAD_REQUEST_SHOULD_RETRY(6, BadRequestException.class, true),
        BAD_REQUEST(6, BadRequestException.class, false),
        BALANCE_1008(6, InsufficientBalanceException.class, false),
        KEY_IN_BODY(9, MalformedResponseException.class, false),
        EMPTY_BODY(6, MalformedResponseException.class, false),
        ERROR_EVENT(6, OverloadedException.class, false);

        final int weight;

        final FaultPoint point;

        final Class<? extends MiniMaxException> failure;

        final boolean retriable;

        Fault(int weight, FaultPoint point) {
            this.weight = weight;
            this.point = point;
            this.failure = point.failure;
            this.retriable = point.requests > 1;
        }

        Fault(int weight, Class<? extends MiniMaxException> failure, boolean retriable) {
            this.weight = weight;
            this.point = null;
            this.failure = failure;
            this.retriable = retriable;
        }

        /** An error event exists only in a stream; every other fault applies to every call kind. */
        boolean appliesTo(FaultPoint.Call call) {
            return this != ERROR_EVENT || call.streaming;
        }

        void play(FaultPoint.Call call, RawSseServer.Writer writer) throws Exception {
            if (this.point != null) {
                this.point.play(call, writer);
                return;
            }
            switch (this) {
                case RATE_LIMITED_RETRY_AFTER -> error(writer, 429, "Retry-After: 0\r\n", "rate_limit_error");
                case RATE_LIMITED_RETRY_AFTER_MS -> error(writer, 429, "retry-after-ms: 2\r\n", "rate_limit_error");
                case OVERLOADED_529 -> error(writer, 529, "", "overloaded_error");
                case SERVER_ERROR_SHOULD_NOT_RETRY -> error(writer, 500, "x-should-retry: false\r\n", "api_error");
                case BAD_REQUEST_SHOULD_RETRY -> error(writer, 400, "x-should-retry: true\r\n", "invalid_request_error");
                case BAD_REQUEST -> error(writer, 400, "", "invalid_request_error");
                case BALANCE_1008 -> json(writer, "{\"base_resp\":{\"status_code\":1008,\"status_msg\":\"balance\"}}");
                case KEY_IN_BODY -> {
                    if (call.streaming) {
                        sse(writer, "data: " + KeyNeverInExceptionsTests.KEY + "\n\n");
                    }
                    else {
                        json(writer, KeyNeverInExceptionsTests.KEY);
                    }
                }
                case EMPTY_BODY -> {
                    if (call.streaming) {
                        sse(writer, "");
                    }
                    else {
                        json(writer, "");
                    }
                }
                case ERROR_EVENT -> sse(writer, "event: error\ndata: {\"type\":\"error\",\"error\":"
                        + "{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}\n\n");
                default -> throw new IllegalStateException(name());
            }
        }

        private static void error(RawSseServer.Writer writer, int status, String headers, String type) throws IOException {
            byte[] body = ("{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"no\"}}")
                .getBytes(StandardCharsets.UTF_8);
            writer.raw("HTTP/1.1 " + status + " E\r\nContent-Type: application/json\r\nConnection: close\r\n" + headers
                    + "Content-Length: " + body.length + "\r\n\r\n");
            writer.bytes(body, 0, body.length);
        }

        private static void json(RawSseServer.Writer writer, String text) throws IOException {
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            writer.raw("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
                    + body.length + "\r\n\r\n");
            writer.bytes(body, 0, body.length);
        }

        private static void sse(RawSseServer.Writer writer, String events) throws IOException {
            writer.raw("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n" + events);
        }
    }

    /** One call: its kind, the API it goes through, and the fault of each attempt it may make. */
    record Plan(FaultPoint.Call call, CallMode mode, List<Fault> faults) {

        Duration readTimeout() {
            return this.faults.stream().anyMatch((fault) -> fault.name().startsWith("STALL")) ? STALL_TIMEOUT
                    : READ_TIMEOUT;
        }

        /** How many requests the rule allows, and the fault that decides the outcome. */
        int expectedRequests() {
            for (int attempt = 0;; attempt++) {
                if (!this.faults.get(attempt).retriable || attempt == MAX_RETRIES) {
                    return attempt + 1;
                }
            }
        }

        Fault deciding() {
            return this.faults.get(expectedRequests() - 1);
        }

        /**
         * The tokens MiniMax reported to the client in this call, which the meters must hold (billed whether the call
         * then failed or not): a whole reply's, or what the first two events of a stream broken after them reported,
         * the input tokens of a Messages stream's first event or the usage of a Chat stream's last chunk before its
         * {@code [DONE]}. A retried attempt had received no byte, so it reported nothing.
         */
        Tokens served() {
            Fault deciding = deciding();
            if (deciding.failure == null) {
                return Tokens.of(this.call);
            }
            if (deciding != Fault.CUT_AFTER_EVENTS && deciding != Fault.STALL_AFTER_EVENTS) {
                return Tokens.NONE;
            }
            return switch (this.call) {
                case MESSAGES_STREAM -> new Tokens(5, 0);
                case CHAT_STREAM -> Tokens.of(this.call);
                default -> Tokens.NONE; // half a JSON reply: no usage was read
            };
        }
    }

    /** Input and output tokens, as the fixtures of {@link FaultPoint.Call} report them. */
    record Tokens(long input, long output) {

        static final Tokens NONE = new Tokens(0, 0);

        /** A whole reply's usage (a token count's input is an answer, not usage: no meter records it). */
        static Tokens of(FaultPoint.Call call) {
            return switch (call) {
                case MESSAGES_CREATE -> new Tokens(39, 40);
                case COUNT_TOKENS -> NONE;
                default -> new Tokens(5, 2);
            };
        }
    }

    /**
     * The usage each call's observation ended with, by call: each call runs inside an observation named after it,
     * the parent of the client's (on the async path too), so a meter that missed or doubled a call's tokens names it.
     */
    static final class UsageByCall implements ObservationHandler<MiniMaxObservationContext> {

        final Map<String, Tokens> tokens = new ConcurrentHashMap<>();

        @Override
        public void onStop(MiniMaxObservationContext context) {
            ObservationView parent = context.getParentObservation();
            TokenUsage usage = context.getUsage();
            if (parent != null && usage != null && !"count_tokens".equals(context.getCall().operation())) {
                this.tokens.merge(parent.getContextView().getContextualName(),
                        new Tokens(usage.totalInputTokens(), usage.outputTokens()),
                        (one, other) -> new Tokens(one.input() + other.input(), one.output() + other.output()));
            }
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return context instanceof MiniMaxObservationContext;
        }

        /** Calls whose observation did not end with the tokens their server reported. */
        void checkAgainst(List<Plan> plans, Queue wrong) {
            for (int id = 0; id < plans.size(); id++) {
                Tokens metered = this.tokens.getOrDefault(String.valueOf(id), Tokens.NONE);
                Plan plan = plans.get(id);
                if (!metered.equals(plan.served())) {
                    wrong.add(id + " " + plan + ": tokens observed " + metered + ", served " + plan.served());
                }
            }
        }
    }

    /** What the meters must hold after the run, added up call by call. */
    static final class Served {

        final AtomicLong input = new AtomicLong();

        final AtomicLong output = new AtomicLong();

        /** Calls by the {@code error.type} their duration timer has: {@code none} or the exception's simple name. */
        final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

        void add(Tokens tokens, String errorType) {
            this.input.addAndGet(tokens.input());
            this.output.addAndGet(tokens.output());
            this.calls.computeIfAbsent(errorType, (type) -> new AtomicInteger()).incrementAndGet();
        }

        Map<String, Integer> calls() {
            return new TreeMap<>(this.calls.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, (entry) -> entry.getValue().get())));
        }
    }

    @Test
    void everyCallOfASeededRunOfRandomFaultsEndsAsDocumentedWithTheRequestsTheRetryRuleAllows() throws Exception {
        Random random = new Random(SEED);
        List<Fault> weighted = new ArrayList<>();
        for (Fault fault : Fault.values()) {
            for (int i = 0; i < fault.weight; i++) {
                weighted.add(fault);
            }
        }
        FaultPoint.Call[] kinds = FaultPoint.Call.values();
        List<Plan> plans = new ArrayList<>(CALLS);
        for (int i = 0; i < CALLS; i++) {
            FaultPoint.Call call = kinds[random.nextInt(kinds.length)];
            CallMode mode = random.nextBoolean() ? CallMode.BLOCKING : CallMode.ASYNC;
            List<Fault> faults = new ArrayList<>();
            while (faults.size() <= MAX_RETRIES) {
                Fault fault = weighted.get(random.nextInt(weighted.size()));
                if (fault.appliesTo(call)) {
                    faults.add(fault);
                }
            }
            plans.add(new Plan(call, mode, faults));
        }
        long fdsBefore = openFileDescriptors();
        Set<Thread> threadsBefore = Set.copyOf(Thread.getAllStackTraces().keySet());
        Map<Integer, AtomicInteger> requests = new ConcurrentHashMap<>();
        Queue wrong = new Queue();
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        MeterRegistry meters = new SimpleMeterRegistry();
        Served served = new Served();
        long start = System.nanoTime();
        List<Thread> selectors;
        SoakServer soakServer;
        try (SoakServer server = new SoakServer(plans, requests, wrong)) {
            soakServer = server;
            selectors = run(server.baseUrl(), plans, requests, outcomes, wrong, meters, served);
        }
        long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        // The server's own handler threads end once the client's connections close (a blocked socket read ignores
        // the interrupt of shutdownNow), so they are waited for with the client's selector, then counted like it.
        while ((selectors.stream().anyMatch(Thread::isAlive) || !soakServer.terminated())
                && System.nanoTime() < deadline) {
            System.gc(); // JDK 17: the JDK client's selector ends once the client is collected
            Thread.sleep(50);
        }
        List<Thread> leftThreads = Thread.getAllStackTraces().keySet().stream()
            .filter((thread) -> !threadsBefore.contains(thread) && thread.isAlive())
            .filter((thread) -> !thread.getName().startsWith("minimax-read-watchdog"))
            .filter((thread) -> !thread.getName().startsWith("ForkJoinPool") && !thread.getName().contains("Cleaner")
                    && !thread.getName().equals("CompletableFutureDelayScheduler"))
            .collect(Collectors.toList());
        long fdsAfter = openFileDescriptors();
        System.out.println("Soak: " + CALLS + " calls, seed " + SEED + ", " + THREADS + " threads, " + elapsed + " ms: "
                + new TreeMap<>(outcomes) + ", requests " + requests.values().stream().mapToInt(AtomicInteger::get).sum()
                + ", WRONG " + wrong.size() + ", threads left " + leftThreads.size() + ", file descriptors "
                + fdsBefore + " -> " + fdsAfter + ", tokens metered/served input " + tokens(meters, "input") + "/"
                + served.input + ", output " + tokens(meters, "output") + "/" + served.output);
        assertThat(wrong.items()).as("calls that broke the documented contract").isEmpty();
        assertThat(timedCalls(meters)).as("calls timed, by error.type").isEqualTo(served.calls());
        assertThat(tokens(meters, "input")).as("input tokens metered").isEqualTo(served.input.get());
        assertThat(tokens(meters, "output")).as("output tokens metered").isEqualTo(served.output.get());
        assertThat(leftThreads).as("threads left behind").extracting(Thread::getName).isEmpty();
        if (fdsBefore >= 0) {
            assertThat(fdsAfter).as("open file descriptors after the run").isLessThanOrEqualTo(fdsBefore + 8);
        }
    }

    /** Runs every plan from {@link #THREADS} threads with one client, then checks and closes the client. */
    private static List<Thread> run(String baseUrl, List<Plan> plans, Map<Integer, AtomicInteger> requests,
            Map<String, AtomicInteger> outcomes, Queue wrong, MeterRegistry meters, Served served) throws Exception {
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        ObservationRegistry observations = ObservationRegistry.create();
        UsageByCall usageByCall = new UsageByCall();
        observations.observationConfig().observationHandler(new MiniMaxMeterObservationHandler(meters));
        observations.observationConfig().observationHandler(new TokenUsageMeterObservationHandler(meters));
        observations.observationConfig().observationHandler(usageByCall);
        observations.observationConfig().observationHandler((ObservationHandler<Observation.Context>) (context) -> true);
        MiniMaxClient client = MiniMaxClient.builder().apiKey(KeyNeverInExceptionsTests.KEY).baseUrl(baseUrl)
            .readTimeout(READ_TIMEOUT).retryPolicy(new RetryPolicy(MAX_RETRIES, Duration.ofMillis(1), Duration.ofMillis(5)))
            .observationRegistry(observations)
            .build();
        ExecutorService callers = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> warmUp = new ArrayList<>();
            for (int i = 0; i < 10 * THREADS; i++) {
                FaultPoint.Call call = FaultPoint.Call.values()[i % FaultPoint.Call.values().length];
                warmUp.add(callers.submit(() -> {
                    call.run(client, RequestOptions.builder().header("x-soak-call", "-1").build());
                    served.add(Tokens.of(call), "none");
                }));
            }
            for (Future<?> call : warmUp) {
                call.get();
            }
            List<Future<?>> calls = new ArrayList<>();
            long start = System.nanoTime();
            for (int id = 0; id < plans.size(); id++) {
                int call = id;
                calls.add(callers.submit(() -> {
                    Observation observation = Observation.createNotStarted("soak.call", observations)
                        .contextualName(String.valueOf(call))
                        .start();
                    try (Observation.Scope scope = observation.openScope()) {
                        check(client, call, plans.get(call), requests, outcomes, wrong, served);
                    }
                    finally {
                        observation.stop();
                    }
                }));
            }
            for (Future<?> call : calls) {
                call.get();
            }
            System.out.println("Soak: calls done in " + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms");
        }
        finally {
            callers.shutdownNow();
        }
        List<Thread> selectors = Thread.getAllStackTraces().keySet().stream()
            .filter((thread) -> !before.contains(thread))
            .filter((thread) -> thread.getName().matches("HttpClient-\\d+-SelectorManager"))
            .collect(Collectors.toList());
        for (Thread selector : selectors) {
            var pending = ExchangeLeakTests.pendingOperations(selector);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (pending.get() != 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            if (pending.get() != 0) {
                wrong.add("after the run: " + pending.get() + " operations pending in the JDK client");
            }
        }
        usageByCall.checkAgainst(plans, wrong);
        client.close();
        return selectors;
    }

    private static void check(MiniMaxClient client, int id, Plan plan, Map<Integer, AtomicInteger> requests,
            Map<String, AtomicInteger> outcomes, Queue wrong, Served served) {
        Fault deciding = plan.deciding();
        String outcome;
        try {
            String text = plan.call().run(client, RequestOptions.builder().header("x-soak-call", String.valueOf(id))
                .timeout(plan.readTimeout()).build(), plan.mode());
            outcome = "success";
            if (deciding.failure != null) {
                wrong.add(id + " " + plan + ": succeeded, expected " + deciding.failure.getSimpleName());
            }
            else if (!text.equals(plan.call().expected())) {
                wrong.add(id + " " + plan + ": text '" + text + "'");
            }
        }
        catch (RuntimeException ex) {
            outcome = ex.getClass().getSimpleName();
            if (deciding.failure == null || ex.getClass() != deciding.failure) {
                wrong.add(id + " " + plan + ": " + ex + ", expected "
                        + ((deciding.failure != null) ? deciding.failure.getSimpleName() : "success"));
            }
            try {
                KeyNeverInExceptionsTests.assertHoldsNoKey(ex);
            }
            catch (AssertionError keyFound) {
                wrong.add(id + " " + plan + ": the key is in " + ex);
            }
        }
        outcomes.computeIfAbsent(outcome, (name) -> new AtomicInteger()).incrementAndGet();
        served.add(plan.served(), outcome.equals("success") ? "none" : outcome);
        int seen = requests.getOrDefault(id, new AtomicInteger()).get();
        if (seen != plan.expectedRequests()) {
            wrong.add(id + " " + plan + ": " + seen + " requests, expected " + plan.expectedRequests());
        }
    }

    /** The calls the duration timer counted, by {@code error.type}. */
    private static Map<String, Integer> timedCalls(MeterRegistry meters) {
        Map<String, Integer> calls = new TreeMap<>();
        for (Timer timer : meters.find(DefaultMiniMaxObservationConvention.NAME).timers()) {
            calls.merge(timer.getId().getTag("error.type"), (int) timer.count(), Integer::sum);
        }
        return calls;
    }

    private static long tokens(MeterRegistry meters, String type) {
        return (long) meters.find(TokenUsageMeterObservationHandler.TOKEN_USAGE).tag("gen_ai.token.type", type)
            .summaries().stream().mapToDouble(DistributionSummary::totalAmount).sum();
    }

    private static long openFileDescriptors() throws IOException {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return -1;
        }
        try (Stream<Path> open = Files.list(fds)) {
            return open.count();
        }
    }

    /** The WRONG calls, kept to the first few hundred. */
    static final class Queue {

        private final ConcurrentLinkedQueue<String> items = new ConcurrentLinkedQueue<>();

        private final AtomicInteger size = new AtomicInteger();

        void add(String item) {
            if (this.size.incrementAndGet() <= 200) {
                this.items.add(item);
            }
        }

        int size() {
            return this.size.get();
        }

        List<String> items() {
            return List.copyOf(this.items);
        }
    }

    /**
     * The fault-injecting server: one thread per connection, one request per connection; the {@code x-soak-call}
     * header names the call, whose plan says which fault this attempt gets.
     */
    static final class SoakServer implements AutoCloseable {

        private final ServerSocket serverSocket;

        private final ExecutorService executor = Executors.newCachedThreadPool();

        SoakServer(List<Plan> plans, Map<Integer, AtomicInteger> requests, Queue wrong) throws IOException {
            this.serverSocket = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
            this.executor.submit(() -> {
                while (!this.serverSocket.isClosed()) {
                    Socket socket = this.serverSocket.accept();
                    this.executor.submit(() -> serve(socket, plans, requests, wrong));
                }
                return null;
            });
        }

        String baseUrl() {
            return "http://127.0.0.1:" + this.serverSocket.getLocalPort();
        }

        private static Void serve(Socket socket, List<Plan> plans, Map<Integer, AtomicInteger> requests, Queue wrong) {
            try (socket) {
                socket.setSoTimeout(60_000);
                String head = RawSseServer.readRequest(socket.getInputStream());
                int at = head.indexOf("x-soak-call:");
                if (at < 0) {
                    wrong.add("a request without x-soak-call: " + head.lines().findFirst().orElse(""));
                    return null;
                }
                int id = Integer.parseInt(head.substring(at + 12, head.indexOf("\r\n", at)).trim());
                if (id < 0) { // warming up
                    FaultPoint.NONE.play(FaultPoint.Call.valueOf(callOf(head)), new RawSseServer.Writer(socket));
                    return null;
                }
                int attempt = requests.computeIfAbsent(id, (key) -> new AtomicInteger()).incrementAndGet();
                Plan plan = plans.get(id);
                Fault fault = (attempt <= plan.faults().size()) ? plan.faults().get(attempt - 1) : Fault.NONE;
                fault.play(plan.call(), new RawSseServer.Writer(socket));
            }
            catch (IOException | InterruptedException ex) {
                // the client went away: expected after cuts, stalls and early ends
            }
            catch (Exception ex) {
                wrong.add("the server failed: " + ex);
            }
            return null;
        }

        /** The call kind a warm-up request is, from its path and whether it asks for a stream. */
        private static String callOf(String head) {
            boolean stream = head.contains("\"stream\":true");
            if (head.startsWith("post /v1/chat")) {
                return stream ? "CHAT_STREAM" : "CHAT_CREATE";
            }
            return head.contains("count_tokens") ? "COUNT_TOKENS" : stream ? "MESSAGES_STREAM" : "MESSAGES_CREATE";
        }

        @Override
        public void close() throws IOException {
            this.serverSocket.close();
            this.executor.shutdownNow();
        }

        /** Whether every handler thread has ended. */
        boolean terminated() {
            return this.executor.isTerminated();
        }
    }
}
