package io.github.minimax4j.client;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.anthropic.MessageStreamEvent;
import io.github.minimax4j.error.BadRequestException;
import io.github.minimax4j.error.MiniMaxException;
import io.github.minimax4j.error.MiniMaxIoException;
import io.github.minimax4j.error.OverloadedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 10,000 calls with a mix of faults (successes, retried 503s, 400s, error events, connections dropped before
 * the headers, streams cut half-way, streams read to the end and streams closed early) leave no thread and no connection behind: live threads and open file descriptors
 * are measured before and after.
 */
class ResourceLeakTests {

    private static final MessageRequest HELLO = MessageRequest.builder().addUserMessage("Hello").build();

    /** Kinds of call in the mix: see {@link #call}. */
    private static final int KINDS = 8;

    @Test
    void tenThousandMixedCallsLeakNoThreadsOrConnections() throws Exception {
        String reply = Fixtures.read("m27-response.json");
        String stream = Fixtures.read("stream-thinking-text.sse");
        // Each caller's first attempt fails and its retry succeeds: callers are told apart by a header.
        java.util.Map<String, AtomicInteger> attempts = new java.util.concurrent.ConcurrentHashMap<>();
        try (LoopbackServer server = new LoopbackServer()
            .route("/ok/v1/messages", (exchange) -> LoopbackServer.send(exchange, 200, "application/json", reply))
            .route("/flaky/v1/messages", (exchange) -> {
                String caller = exchange.getRequestHeaders().getFirst("X-Caller");
                boolean fail = attempts.computeIfAbsent(caller, (key) -> new AtomicInteger()).incrementAndGet() % 2 == 1;
                LoopbackServer.send(exchange, fail ? 503 : 200, "application/json", fail ? "{}" : reply);
            })
            .route("/bad/v1/messages", (exchange) -> LoopbackServer.send(exchange, 400, "application/json",
                    "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"no\"}}"))
            .route("/stream/v1/messages", (exchange) -> LoopbackServer.send(exchange, 200, "text/event-stream", stream))
            .route("/error-event/v1/messages", (exchange) -> LoopbackServer.send(exchange, 200, "text/event-stream",
                    "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"busy\"}}\n\n"))
            // No response at all: the JDK server closes the connection when a handler fails before the headers.
            .route("/drop/v1/messages", (exchange) -> {
                throw new java.io.IOException("dropped on purpose");
            })
            // Headers promise the whole stream, half of it comes, then the connection closes.
            .route("/cut/v1/messages", (exchange) -> {
                byte[] events = stream.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, events.length);
                exchange.getResponseBody().write(events, 0, events.length / 2);
                exchange.getResponseBody().flush();
                throw new java.io.IOException("cut on purpose");
            })) {
            MiniMaxClient[] clients = new MiniMaxClient[7];
            String[] paths = { "/ok", "/flaky", "/bad", "/stream", "/error-event", "/drop", "/cut" };
            for (int i = 0; i < paths.length; i++) {
                clients[i] = MiniMaxClient.builder().apiKey(MockServerScenarios.API_KEY).baseUrl(server.baseUrl())
                    .anthropicBaseUrl(java.net.URI.create(server.baseUrl() + paths[i]))
                    .retryPolicy(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(2)))
                    .readTimeout(Duration.ofSeconds(10))
                    .customizeRestClient((rest) -> rest.requestInterceptor((request, body, execution) -> {
                        request.getHeaders().add("X-Caller", Thread.currentThread().getName());
                        return execution.execute(request, body);
                    }))
                    .build();
            }
            runMix(clients, 400); // warm up: connection pools and lazily started threads reach their steady size
            long threadsBefore = liveThreads();
            long filesBefore = openFiles();

            int[] outcomes = runMix(clients, 10_000);

            Thread.sleep(500);
            long threadsAfter = liveThreads();
            long filesAfter = openFiles();
            System.out.printf("ResourceLeakTests: threads %d -> %d, open fds %d -> %d, outcomes %s%n", threadsBefore,
                    threadsAfter, filesBefore, filesAfter, java.util.Arrays.toString(outcomes));
            assertThat(outcomes[0] + outcomes[1] + outcomes[2]).isEqualTo(10_000);
            assertThat(outcomes[1]).as("calls that failed with an unexpected type").isZero();
            assertThat(threadsAfter - threadsBefore).isLessThanOrEqualTo(5);
            assertThat(filesAfter - filesBefore).isLessThanOrEqualTo(20);
        }
    }

    /** Runs {@code calls} calls over 4 threads; returns {expected outcomes, unexpected failures, early closes}. */
    private static int[] runMix(MiniMaxClient[] clients, int calls) throws Exception {
        AtomicInteger expected = new AtomicInteger();
        AtomicInteger unexpected = new AtomicInteger();
        AtomicInteger closedEarly = new AtomicInteger();
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            Future<?>[] work = new Future<?>[4];
            for (int t = 0; t < 4; t++) {
                int offset = t;
                work[t] = callers.submit(() -> {
                    for (int i = offset; i < calls; i += 4) {
                        try {
                            if (call(clients, i % KINDS, closedEarly)) {
                                expected.incrementAndGet();
                            }
                        }
                        catch (MiniMaxException ex) {
                            if (unexpected.incrementAndGet() <= 3) {
                                System.out.println("ResourceLeakTests unexpected (kind " + (i % KINDS) + "): " + ex);
                            }
                        }
                    }
                    return null;
                });
            }
            for (Future<?> future : work) {
                future.get();
            }
        }
        finally {
            callers.shutdown();
        }
        return new int[] { expected.get(), unexpected.get(), closedEarly.get() };
    }

    /** One call of kind {@code kind}; true when it ended as it should, false when it was closed early on purpose. */
    private static boolean call(MiniMaxClient[] clients, int kind, AtomicInteger closedEarly) {
        switch (kind) {
            case 0, 1 -> {
                return !clients[kind].messages().create(HELLO).text().isEmpty();
            }
            case 2 -> {
                try {
                    clients[2].messages().create(HELLO);
                    return false;
                }
                catch (BadRequestException ex) {
                    return true;
                }
            }
            case 3 -> {
                try (MessageStream stream = clients[3].messages().stream(HELLO)) {
                    return stream.finalMessage().text().equals("Hello! How can I help you today?");
                }
            }
            case 4 -> {
                try (MessageStream stream = clients[4].messages().stream(HELLO)) {
                    stream.finalMessage();
                    return false;
                }
                catch (OverloadedException ex) {
                    return true;
                }
            }
            case 6 -> {
                try {
                    clients[5].messages().create(HELLO);
                    return false;
                }
                catch (MiniMaxIoException ex) {
                    return true;
                }
            }
            case 7 -> {
                try (MessageStream stream = clients[6].messages().stream(HELLO)) {
                    stream.finalMessage();
                    return false;
                }
                catch (MiniMaxIoException ex) { // a body cut short is a lost connection, whatever the JDK's wording
                    return ex.getMessage().contains("connection was lost");
                }
            }
            default -> {
                try (MessageStream stream = clients[3].messages().stream(HELLO)) {
                    Iterator<MessageStreamEvent> events = stream.iterator();
                    events.next();
                    events.next();
                }
                closedEarly.incrementAndGet();
                return false;
            }
        }
    }

    private static long liveThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    private static long openFiles() {
        String[] fds = new File("/proc/self/fd").list();
        return (fds != null) ? fds.length : -1;
    }
}
