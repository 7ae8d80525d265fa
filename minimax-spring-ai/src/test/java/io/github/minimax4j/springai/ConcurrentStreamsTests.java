package io.github.minimax4j.springai;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.minimax4j.client.MiniMaxClient;
import io.github.minimax4j.client.PacedSseServer;
import io.github.minimax4j.client.RetryPolicy;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many {@code ChatClient} streams at once on Reactor's default settings: each reply lasts 3 s, paced by a server
 * that holds no thread per reply, and no reply ends before the last request has come. A stream read on a thread of
 * its own would queue behind Reactor's bounded-elastic cap (10 x cores), its request never sent while the replies
 * ahead wait for it; on the publisher every stream is open at once and sees its first text promptly.
 */
class ConcurrentStreamsTests {

    private static final int STREAMS = 500;

    /**
     * Under a reply's length (3 s), so a stream that waited for another to end fails; above 1 s, because the suite
     * may share a 2-core machine with other builds.
     */
    private static final Duration FIRST_TEXT_WITHIN = Duration.ofMillis(2000);

    /**
     * Above this load (other builds sharing the machine), the CPU this test gets says more about them than about
     * the client, and the first-text bound is not checked; the structural check (all replies open at once) is.
     */
    private static final double MAX_LOAD_PER_CORE_FOR_TIMING = 3.0;

    private static List<String> events() {
        List<String> events = new ArrayList<>();
        events.add("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"type\":\"message\","
                + "\"role\":\"assistant\",\"model\":\"MiniMax-M3\",\"content\":[],\"usage\":{\"input_tokens\":5}}}\n\n"
                + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
                + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n" + delta("first "));
        for (int i = 0; i < 5; i++) {
            events.add(delta("word "));
        }
        events.add(delta("last") + "\n\nevent: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
                + "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},"
                + "\"usage\":{\"output_tokens\":7}}\n\nevent: message_stop\ndata: {\"type\":\"message_stop\"}");
        return events; // 7 pieces 500 ms apart: 3 s per reply
    }

    private static String delta(String text) {
        return "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
                + "\"delta\":{\"type\":\"text_delta\",\"text\":\"" + text + "\"}}";
    }

    @Test
    void fiveHundredStreamsAtOnceEachSeeTheirFirstTextPromptlyAndAllComplete() throws Exception {
        try (PacedSseServer server = new PacedSseServer(events(), Duration.ofMillis(500)).holdLastEventUntil(STREAMS)) {
            MiniMaxClient client = MiniMaxClient.builder().apiKey(FakeMiniMax.API_KEY).baseUrl(server.baseUrl())
                .retryPolicy(RetryPolicy.none()).build();
            ChatClient chatClient = ChatClient.builder(new MiniMaxChatModel(client)).build();
            ConcurrentLinkedQueue<Long> firstTextAfterMillis = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            AtomicInteger completeReplies = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(STREAMS);

            for (int i = 0; i < STREAMS; i++) {
                long subscribedAt = System.nanoTime();
                StringBuilder text = new StringBuilder();
                chatClient.prompt().user("Hi").stream().content().subscribe((piece) -> {
                    if (text.isEmpty()) {
                        firstTextAfterMillis.add((System.nanoTime() - subscribedAt) / 1_000_000);
                    }
                    text.append(piece);
                }, (failure) -> {
                    failures.add(failure);
                    done.countDown();
                }, () -> {
                    if (text.toString().equals("first word word word word word last")) {
                        completeReplies.incrementAndGet();
                    }
                    done.countDown();
                });
            }

            assertThat(done.await(120, TimeUnit.SECONDS)).as("all streams ended").isTrue();
            assertThat(failures).isEmpty();
            assertThat(completeReplies).hasValue(STREAMS);
            // Every reply's end waited for the last request: all were open at once, none waited for a thread.
            assertThat(server.peakOpen).hasValue(STREAMS);
            List<Long> sorted = firstTextAfterMillis.stream().sorted().toList();
            double loadPerCore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()
                    / Runtime.getRuntime().availableProcessors();
            System.out.printf("ConcurrentStreamsTests: %d streams, first text after p50 %d ms, max %d ms "
                    + "(load average per core %.1f)%n", STREAMS, sorted.get(sorted.size() / 2),
                    sorted.get(sorted.size() - 1), loadPerCore);
            if (loadPerCore < MAX_LOAD_PER_CORE_FOR_TIMING) {
                assertThat(sorted.get(sorted.size() - 1)).as("the slowest stream's wait for its first text, ms")
                    .isLessThan(FIRST_TEXT_WITHIN.toMillis());
            }
        }
    }
}
