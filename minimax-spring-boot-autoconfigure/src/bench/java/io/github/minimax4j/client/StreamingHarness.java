package io.github.minimax4j.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.anthropic.MessageStreamEvent;
import io.github.minimax4j.autoconfigure.MiniMaxAutoConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What JMH does not measure well, in one run, this client beside the floor: time to first delta when the
 * server pauses right after it (a buffering client would wait out the pause), heap over a 200,000-delta
 * stream, and the startup time the starter adds to a minimal Boot app.
 */
public final class StreamingHarness {

    private static final MessageRequest REQUEST = MessageRequest.builder().addUserMessage("Hello").build();

    /** Streams each client reads before the timed ones, so both are measured with their code compiled. */
    private static final int WARM_UP_STREAMS = 2_000;

    public static void main(String[] args) throws Exception {
        heapOverALongStream();
        startup(); // before the time to first delta: its warm-up leaves the JIT busy, which slows the startups timed
        timeToFirstDelta();
    }

    private static void timeToFirstDelta() throws Exception {
        String start = "{\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"type\":\"message\",\"role\":\"assistant\","
                + "\"model\":\"MiniMax-M3\",\"content\":[],\"usage\":{\"input_tokens\":1}}}";
        String delta = "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"hi\"}}";
        java.util.concurrent.atomic.AtomicBoolean pause = new java.util.concurrent.atomic.AtomicBoolean();
        try (RawSseServer server = new RawSseServer((writer) -> {
            writer.event("message_start", start);
            writer.event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":"
                    + "{\"type\":\"text\",\"text\":\"\"}}");
            writer.event("content_block_delta", delta);
            if (pause.get()) {
                Thread.sleep(200); // a buffering client would only see the delta after this
            }
            writer.event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
            writer.event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},"
                    + "\"usage\":{\"output_tokens\":1}}");
            writer.event("message_stop", "{\"type\":\"message_stop\"}");
            writer.end();
        })) {
            MiniMaxClient minimax = MiniMaxClient.builder().apiKey("k").baseUrl(server.baseUrl()).build();
            java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
            List<Long> ours = new ArrayList<>();
            List<Long> floor = new ArrayList<>();
            for (int i = 0; i < WARM_UP_STREAMS; i++) { // both clients' code compiled, as in a running application
                firstDeltaNanos(minimax);
                firstDeltaNanosRaw(http, server.baseUrl());
            }
            pause.set(true);
            for (int i = 0; i < 25; i++) {
                ours.add(firstDeltaNanos(minimax));
                floor.add(firstDeltaNanosRaw(http, server.baseUrl()));
            }
            System.out.printf(Locale.ROOT, "HARNESS time-to-first-delta median of 25 after %,d warm-up streams: minimax4j "
                    + "%.2f ms, raw floor %.2f ms (server pauses 200 ms after the delta)%n", WARM_UP_STREAMS,
                    median(ours) / 1e6, median(floor) / 1e6);
        }
    }

    private static long firstDeltaNanos(MiniMaxClient client) {
        long start = System.nanoTime();
        long first = -1;
        try (MessageStream stream = client.messages().stream(REQUEST)) {
            for (MessageStreamEvent event : stream) {
                if (first < 0 && event instanceof MessageStreamEvent.ContentBlockDelta) {
                    first = System.nanoTime() - start;
                }
            }
        }
        return first;
    }

    private static long firstDeltaNanosRaw(java.net.http.HttpClient http, String baseUrl) throws Exception {
        long start = System.nanoTime();
        long[] first = { -1 };
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl + "/anthropic/v1/messages"))
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
            .build();
        java.net.http.HttpResponse<java.util.stream.Stream<String>> response;
        try {
            response = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofLines());
        }
        catch (java.io.IOException ex) {
            // The JDK 17 pool can hand out a connection the server is closing ("header parser received no bytes",
            // seen once in 2,025 streams): the floor sends once more, as RawClient does.
            response = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofLines());
        }
        response.body().forEach((line) -> {
            if (first[0] < 0 && line.startsWith("data: ")
                    && tools.jackson.databind.json.JsonMapper.shared().readTree(line.substring(6)).path("type")
                        .asString().equals("content_block_delta")) {
                first[0] = System.nanoTime() - start;
            }
        });
        return first[0];
    }

    /**
     * Live heap (after GC) at every 50,000 deltas, this client beside the floor. Ours keeps the reply text for
     * {@code finalMessage()}, so its heap may grow by that text and by nothing else.
     */
    private static void heapOverALongStream() throws Exception {
        int deltas = 200_000;
        try (BenchServer server = new BenchServer(deltas)) {
            MiniMaxClient minimax = MiniMaxClient.builder().apiKey("k").baseUrl(server.baseUrl())
                .anthropicBaseUrl(java.net.URI.create(server.baseUrl() + "/stream")).build();
            List<Long> ours = new ArrayList<>();
            long baseline = usedAfterGc();
            try (MessageStream stream = minimax.messages().stream(REQUEST)) {
                int seen = 0;
                for (MessageStreamEvent event : stream) {
                    if (event instanceof MessageStreamEvent.ContentBlockDelta && ++seen % 50_000 == 0) {
                        ours.add(usedAfterGc() - baseline);
                    }
                }
            }
            List<Long> floor = new ArrayList<>();
            long floorBaseline = usedAfterGc();
            new RawClient(server.baseUrl()).stream((seen) -> {
                if (seen % 50_000 == 0) {
                    floor.add(usedAfterGc() - floorBaseline);
                }
            });
            System.out.printf(Locale.ROOT, "HARNESS live heap after GC over %,d deltas, at 50k/100k/150k/200k: "
                    + "minimax4j %s MB, raw floor %s MB (the reply text minimax4j keeps for finalMessage() is %.1f MB)%n",
                    deltas, megabytes(ours), megabytes(floor), deltas * "word ".length() / 1e6);
        }
    }

    private static String megabytes(List<Long> bytes) {
        return String.join(" / ", bytes.stream().map((b) -> String.format(Locale.ROOT, "%.1f", b / 1e6)).toList());
    }

    @SpringBootApplication
    static class MinimalApp {
    }

    private static void startup() {
        List<Long> with = new ArrayList<>();
        List<Long> without = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long a = boot(false);
            long b = boot(true);
            if (i >= 2) {
                without.add(a);
                with.add(b);
            }
        }
        System.out.printf(Locale.ROOT, "HARNESS startup of a minimal Boot app (in-process, warm JVM, median of 10): "
                + "without the starter %.1f ms, with it %.1f ms, added %.1f ms%n", median(without) / 1e6,
                median(with) / 1e6, (median(with) - median(without)) / 1e6);
    }

    private static long boot(boolean withStarter) {
        SpringApplication app = new SpringApplication(MinimalApp.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setLogStartupInfo(false);
        app.setDefaultProperties(java.util.Map.of("minimax.api-key", "k", "logging.level.root", "warn",
                "spring.autoconfigure.exclude", withStarter ? "" : MiniMaxAutoConfiguration.class.getName()
                        + ",io.github.minimax4j.autoconfigure.health.MiniMaxHealthContributorAutoConfiguration,"
                        + "io.github.minimax4j.autoconfigure.observation.MiniMaxObservationAutoConfiguration"));
        long start = System.nanoTime();
        try (ConfigurableApplicationContext context = app.run()) {
            if (withStarter) {
                context.getBean(MiniMaxClient.class);
            }
            return System.nanoTime() - start;
        }
    }

    private static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static long used() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return used();
    }
}
