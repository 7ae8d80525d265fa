package io.github.minimax4j.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.observation.TokenUsageMeterObservationHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 64 concurrent callers × 1,000 calls each (creates and streams, alternating) against a local server: no
 * errors, token meters exactly equal to what was served, heap flat. {@code -Dminimax.load.calls=N} changes
 * the calls per caller.
 */
class LoadTests {

    private static final int CALLERS = 64;

    private static final int CALLS = Integer.getInteger("minimax.load.calls", 1000);

    @Test
    void sixtyFourCallersGetEveryReplyAndTheMetersAddUpExactly() throws Exception {
        String reply = Fixtures.read("m27-response.json");        // input 39, output 40 per reply
        String stream = Fixtures.read("stream-tool-use.sse");     // input 80, output 19 per stream
        MeterRegistry meters = new SimpleMeterRegistry();
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new TokenUsageMeterObservationHandler(meters));
        try (LoopbackServer server = new LoopbackServer()
            .route("/reply/v1/messages", (exchange) -> LoopbackServer.send(exchange, 200, "application/json", reply))
            .route("/stream/v1/messages", (exchange) -> LoopbackServer.send(exchange, 200, "text/event-stream", stream))) {
            MiniMaxClient replies = client(server, "/reply", observations);
            MiniMaxClient streams = client(server, "/stream", observations);
            AtomicInteger failures = new AtomicInteger();
            java.util.Queue<String> failed = new java.util.concurrent.ConcurrentLinkedQueue<>();
            long heapBefore = usedHeapAfterGc();
            long start = System.nanoTime();
            ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
            List<Future<?>> work = new ArrayList<>();
            for (int caller = 0; caller < CALLERS; caller++) {
                work.add(callers.submit(() -> {
                    MessageRequest request = MessageRequest.builder().model("MiniMax-M2.7").addUserMessage("Hi").build();
                    for (int i = 0; i < CALLS; i++) {
                        try {
                            if (i % 2 == 0) {
                                replies.messages().create(request);
                            }
                            else {
                                try (MessageStream events = streams.messages().stream(request)) {
                                    events.finalMessage();
                                }
                            }
                        }
                        catch (RuntimeException ex) {
                            failures.incrementAndGet();
                            failed.add(ex.toString());
                        }
                    }
                }));
            }
            for (Future<?> future : work) {
                future.get();
            }
            callers.shutdown();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            long heapAfter = usedHeapAfterGc();
            long each = (long) CALLERS * CALLS / 2;
            System.out.printf("LoadTests: %d calls in %d ms (%.0f calls/s), heap %d MB -> %d MB%n", CALLERS * CALLS,
                    took.toMillis(), CALLERS * CALLS * 1000.0 / took.toMillis(), heapBefore >> 20, heapAfter >> 20);

            assertThat(failures).as("failed calls: %s", failed).hasValue(0);
            assertThat(tokens(meters, "input")).isEqualTo(39.0 * each + 80.0 * each);
            assertThat(tokens(meters, "output")).isEqualTo(40.0 * each + 19.0 * each);
            assertThat(heapAfter - heapBefore).as("heap growth").isLessThan(32L * 1024 * 1024);
        }
    }

    private static MiniMaxClient client(LoopbackServer server, String root, ObservationRegistry observations) {
        return MiniMaxClient.builder().apiKey(MockServerScenarios.API_KEY).baseUrl(server.baseUrl())
            .anthropicBaseUrl(java.net.URI.create(server.baseUrl() + root))
            .retryPolicy(RetryPolicy.none())
            .observationRegistry(observations)
            .build();
    }

    private static double tokens(MeterRegistry meters, String type) {
        return meters.get(TokenUsageMeterObservationHandler.TOKEN_USAGE).tag("gen_ai.token.type", type).summaries()
            .stream().mapToDouble(io.micrometer.core.instrument.DistributionSummary::totalAmount).sum();
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
