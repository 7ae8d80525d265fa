package io.github.minimax4j.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.anthropic.MessageStream;
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

    public static void main(String[] args) throws Exception {
        timeToFirstDelta();
        heapOverALongStream();
        startup();
    }

    private static void timeToFirstDelta() throws Exception {
        String start = "{\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"type\":\"message\",\"role\":\"assistant\","
                + "\"model\":\"MiniMax-M3\",\"content\":[],\"usage\":{\"input_tokens\":1}}}";
        String delta = "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"hi\"}}";
        try (RawSseServer server = new RawSseServer((writer) -> {
            writer.event("message_start", start);
            writer.event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":"
                    + "{\"type\":\"text\",\"text\":\"\"}}");
            writer.event("content_block_delta", delta);
            Thread.sleep(200); // a buffering client would only see the delta after this
            writer.event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
            writer.event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},"
                    + "\"usage\":{\"output_tokens\":1}}");
            writer.event("message_stop", "{\"type\":\"message_stop\"}");
            writer.end();
        })) {
            MiniMaxClient minimax = MiniMaxClient.builder().apiKey("k").baseUrl(server.baseUrl()).build();
            List<Long> ours = new ArrayList<>();
            List<Long> floor = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                ours.add(firstDeltaNanos(minimax));
                floor.add(firstDeltaNanosRaw(server.baseUrl()));
            }
            System.out.printf(Locale.ROOT, "HARNESS time-to-first-delta median: minimax4j %.2f ms, raw floor %.2f ms "
                    + "(server pauses 200 ms after the delta)%n", median(ours) / 1e6, median(floor) / 1e6);
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

    private static long firstDeltaNanosRaw(String baseUrl) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        long start = System.nanoTime();
        long[] first = { -1 };
        var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl + "/anthropic/v1/messages"))
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofLines());
        response.body().forEach((line) -> {
            if (first[0] < 0 && line.startsWith("data: ")
                    && tools.jackson.databind.json.JsonMapper.shared().readTree(line.substring(6)).path("type")
                        .asString().equals("content_block_delta")) {
                first[0] = System.nanoTime() - start;
            }
        });
        return first[0];
    }

    private static void heapOverALongStream() throws Exception {
        int deltas = 200_000;
        try (BenchServer server = new BenchServer(deltas)) {
            MiniMaxClient minimax = MiniMaxClient.builder().apiKey("k").baseUrl(server.baseUrl())
                .anthropicBaseUrl(java.net.URI.create(server.baseUrl() + "/stream")).build();
            long baseline = usedAfterGc();
            long peak = 0;
            long at20k = 0;
            int seen = 0;
            try (MessageStream stream = minimax.messages().stream(REQUEST)) {
                for (MessageStreamEvent event : stream) {
                    if (++seen % 10_000 == 0) {
                        peak = Math.max(peak, used() - baseline);
                        if (seen == 20_000) {
                            at20k = usedAfterGc();
                        }
                    }
                }
            }
            long atEnd = usedAfterGc();
            System.out.printf(Locale.ROOT, "HARNESS heap over %,d deltas: peak %.1f MB above baseline (young-gen garbage "
                    + "included); live heap after GC at 20k events %.1f MB, at the end %.1f MB (the accumulated text is "
                    + "%.1f MB of chars)%n", deltas, peak / 1e6, (at20k - baseline) / 1e6, (atEnd - baseline) / 1e6,
                    deltas * 5 * 2 / 1e6);
        }
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
