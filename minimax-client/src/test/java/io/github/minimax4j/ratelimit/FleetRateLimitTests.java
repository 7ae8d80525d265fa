package io.github.minimax4j.ratelimit;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 25's fleet test: four JVMs (separate processes, {@link FleetWorker}) share one limit on a real Redis against
 * a loopback fake of MiniMax that enforces the same limit as a token bucket and answers 429 beyond it. With the
 * shared limiter the fake answers no 429 and the fleet gets at least 90 % of what the fake allows; without it, the
 * same load draws 429s (counted). Once for requests, once for tokens (replies of known usage).
 * <p>
 * Scaled to keep the build short: "120 per minute" is 120 per {@link #WINDOW} (20 s), run for two windows; the
 * client is set to 95 % of the fake's limit, the margin docs/many-instances.md advises against clock and network
 * jitter. Each run prints its figures.
 */
class FleetRateLimitTests {

    static final Duration WINDOW = Duration.ofSeconds(20);

    static final Duration RUN = WINDOW.multipliedBy(2);

    static final int INSTANCES = 4;

    static final int THREADS = 8;

    /** What each reply reports: 50 input and 150 output tokens. */
    static final long USAGE = 200;

    private RedisServerProcess redis;

    @BeforeEach
    void startRedis() throws Exception {
        assumeTrue(RedisServerProcess.binary().isPresent(), RedisServerProcess.ABSENT);
        this.redis = RedisServerProcess.start(RedisServerProcess.binary().get());
    }

    @AfterEach
    void stopRedis() throws Exception {
        if (this.redis != null) {
            this.redis.close();
        }
    }

    @Test
    void fourInstancesShareOneRequestLimitWithoutA429() throws Exception {
        long limit = 120;
        Result limited = run(new FakeMiniMax(limit, 0), limit * 95 / 100, 0, true);
        Result unlimited = run(new FakeMiniMax(limit, 0), 0, 0, false);
        report("requests", limit, limited, unlimited);

        assertThat(limited.errors).isZero();
        // the fake serves what its limit allows and answers 429 to the rest: no 429 = never more than the limit
        assertThat(limited.tooMany).as("429s from the fake with the shared limiter").isZero();
        assertThat(limited.ok).as("served, of %d the fake allows", limited.allowed).isGreaterThanOrEqualTo(
                limited.allowed * 9 / 10);
        assertThat(unlimited.tooMany).as("429s without the limiter").isPositive();
    }

    @Test
    void fourInstancesShareOneTokenBudgetWithoutA429() throws Exception {
        long budget = 12_000; // 60 replies of 200 tokens per window
        Result limited = run(new FakeMiniMax(0, budget), 0, budget * 95 / 100, true);
        Result unlimited = run(new FakeMiniMax(0, budget), 0, 0, false);
        report("tokens", budget, limited, unlimited);

        assertThat(limited.errors).isZero();
        // the fake serves what its limit allows and answers 429 to the rest: no 429 = never more than the limit
        assertThat(limited.tooMany).as("429s from the fake with the shared limiter").isZero();
        assertThat(limited.ok * USAGE).as("tokens served, of %d the fake allows", limited.allowed)
            .isGreaterThanOrEqualTo(limited.allowed * 9 / 10);
        assertThat(unlimited.tooMany).as("429s without the limiter").isPositive();
    }

    private Result run(FakeMiniMax fake, long requests, long tokens, boolean limited) throws Exception {
        try (fake) {
            List<Process> workers = new ArrayList<>();
            List<StringBuffer> outputs = new ArrayList<>();
            for (int i = 0; i < INSTANCES; i++) {
                Process worker = new ProcessBuilder(javaCommand(fake.baseUrl(),
                        limited ? String.valueOf(this.redis.port()) : "none", requests, tokens))
                    .redirectErrorStream(true)
                    .start();
                workers.add(worker);
                outputs.add(new StringBuffer());
            }
            for (int i = 0; i < INSTANCES; i++) {
                awaitReady(workers.get(i), outputs.get(i));
            }
            long start = System.currentTimeMillis() + 1000;
            for (Process worker : workers) {
                worker.getOutputStream().write((start + "\n").getBytes(StandardCharsets.US_ASCII));
                worker.getOutputStream().flush();
            }
            Result result = new Result();
            for (int i = 0; i < INSTANCES; i++) {
                assertThat(workers.get(i).waitFor(RUN.toSeconds() + 120, TimeUnit.SECONDS)).as("worker finished").isTrue();
                String out = outputs.get(i).toString();
                Matcher line = Pattern.compile("RESULT ok=(\\d+) 429=(\\d+) refused=(\\d+) errors=(\\d+)").matcher(out);
                assertThat(line.find()).as("worker output: %s", out).isTrue();
                result.ok += Long.parseLong(line.group(1));
                result.tooMany += Long.parseLong(line.group(2));
                result.refused += Long.parseLong(line.group(3));
                result.errors += Long.parseLong(line.group(4));
            }
            assertThat(result.ok).as("the fake's count of what it served").isEqualTo(fake.served.get());
            assertThat(result.tooMany).isEqualTo(fake.refused.get());
            result.allowed = fake.allowedSince(start);
            result.seconds = fake.lastServedSince(start) / 1000.0;
            for (StringBuffer output : outputs) {
                output.toString().lines().filter((line) -> line.contains("WARN") || line.startsWith("error:"))
                    .limit(5).forEach((line) -> System.out.println("  worker: " + line));
            }
            return result;
        }
    }

    /** Reads the worker's output until READY, then goes on reading it in the background into {@code output}. */
    private static void awaitReady(Process worker, StringBuffer output) throws Exception {
        java.io.BufferedReader lines = new java.io.BufferedReader(
                new java.io.InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8));
        java.util.concurrent.CompletableFuture<Void> ready = new java.util.concurrent.CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.append(line).append('\n');
                    if (line.equals("READY")) {
                        ready.complete(null);
                    }
                }
            }
            catch (IOException ex) {
                output.append(ex);
            }
            ready.complete(null);
        }, "fleet-worker-output");
        reader.setDaemon(true);
        reader.start();
        ready.get(180, TimeUnit.SECONDS);
        assertThat(output.toString()).as("worker output").contains("READY");
    }

    private static List<String> javaCommand(String baseUrl, String redisPort, long requests, long tokens) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return List.of(java.toString(), "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), FleetWorker.class.getName(), baseUrl, redisPort,
                String.valueOf(requests), String.valueOf(tokens), String.valueOf(WINDOW.toMillis()),
                String.valueOf(RUN.toMillis()), String.valueOf(THREADS));
    }

    private static void report(String kind, long limit, Result limited, Result unlimited) {
        System.out.printf("Fleet test (%s): %d JVMs x %d threads, limit %d %s per %d s, run %d s%n", kind, INSTANCES,
                THREADS, limit, kind, WINDOW.toSeconds(), RUN.toSeconds());
        System.out.printf("  with the shared limiter:    %d served in %.1f s (%.1f %% of the %d %s the fake allowed"
                + " in that time), %d x 429, %d refused by the client%n", limited.ok, limited.seconds,
                100.0 * served(kind, limited) / limited.allowed, limited.allowed, kind, limited.tooMany, limited.refused);
        System.out.printf("  without it (same load):     %d served, %d x 429%n", unlimited.ok, unlimited.tooMany);
    }

    private static long served(String kind, Result result) {
        return "tokens".equals(kind) ? result.ok * USAGE : result.ok;
    }

    /** Sums of the workers' lines, and what the fake's bucket allowed over the run. */
    private static final class Result {

        long ok;

        long tooMany;

        long refused;

        long errors;

        long allowed;

        double seconds;
    }

    /**
     * MiniMax's limit as a fake enforces it: a token bucket of {@code limit} per {@link #WINDOW}, full at the
     * start and refilled smoothly (written here by hand, not with Bucket4j, so the test does not check the library
     * against itself), for requests and for the tokens each reply reports; 429 when either is short.
     */
    static final class FakeMiniMax implements AutoCloseable {

        static final String OK = """
                {"id":"m","type":"message","role":"assistant","model":"MiniMax-M3","content":[{"type":"text",\
                "text":"ok"}],"usage":{"input_tokens":50,"output_tokens":150},"stop_reason":"end_turn"}""";

        final AtomicLong served = new AtomicLong();

        final AtomicLong refused = new AtomicLong();

        private volatile long lastServedMillis;

        private final HttpServer server;

        private final ExecutorService executor = Executors.newFixedThreadPool(8);

        private final Bucket requests;

        private final Bucket tokens;

        FakeMiniMax(long requestsPerWindow, long tokensPerWindow) throws IOException {
            this.requests = (requestsPerWindow > 0) ? new Bucket(requestsPerWindow) : null;
            this.tokens = (tokensPerWindow > 0) ? new Bucket(tokensPerWindow) : null;
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
            this.server.setExecutor(this.executor);
            this.server.createContext("/anthropic/v1/messages", this::answer);
            this.server.createContext("/warm-up/anthropic/v1/messages", (exchange) -> {
                try (exchange) {
                    exchange.getRequestBody().readAllBytes();
                    send(exchange, 200, OK);
                }
            });
            this.server.start();
        }

        String baseUrl() {
            return "http://127.0.0.1:" + this.server.getAddress().getPort();
        }

        /**
         * What the bucket let through from {@code startMillis} (full then) to the last request it served: its
         * capacity plus the refill. Calls that waited for capacity when the run ended are sent after its end.
         */
        long allowedSince(long startMillis) {
            Bucket bucket = (this.requests != null) ? this.requests : this.tokens;
            return bucket.capacity + bucket.capacity * lastServedSince(startMillis) / WINDOW.toMillis();
        }

        long lastServedSince(long startMillis) {
            return Math.max(0, this.lastServedMillis - startMillis);
        }

        private void answer(HttpExchange exchange) throws IOException {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                boolean allowed;
                synchronized (this) {
                    long now = System.nanoTime();
                    allowed = (this.requests == null || this.requests.available(now) >= 1)
                            && (this.tokens == null || this.tokens.available(now) >= USAGE);
                    if (allowed) {
                        if (this.requests != null) {
                            this.requests.take(1);
                        }
                        if (this.tokens != null) {
                            this.tokens.take(USAGE);
                        }
                    }
                }
                if (allowed) {
                    this.served.incrementAndGet();
                    this.lastServedMillis = System.currentTimeMillis();
                    send(exchange, 200, OK);
                }
                else {
                    this.refused.incrementAndGet();
                    send(exchange, 429, """
                            {"type":"error","error":{"type":"rate_limit_error","message":"fake: over the limit"}}""");
                }
            }
        }

        private static void send(HttpExchange exchange, int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }

        @Override
        public void close() {
            this.server.stop(0);
            this.executor.shutdownNow();
        }

        /** A token bucket: capacity per window, full at creation, refilled continuously; guarded by the fake. */
        private static final class Bucket {

            final long capacity;

            private double level;

            private long updated = System.nanoTime();

            Bucket(long capacity) {
                this.capacity = capacity;
                this.level = capacity;
            }

            double available(long now) {
                this.level = Math.min(this.capacity,
                        this.level + (now - this.updated) * (double) this.capacity / WINDOW.toNanos());
                this.updated = now;
                return this.level;
            }

            void take(long amount) {
                this.level -= amount;
            }
        }
    }
}
