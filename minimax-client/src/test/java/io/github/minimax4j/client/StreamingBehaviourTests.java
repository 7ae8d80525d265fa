package io.github.minimax4j.client;

import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.anthropic.MessageStreamEvent;
import io.github.minimax4j.error.MiniMaxException;
import io.github.minimax4j.error.MiniMaxIoException;
import io.github.minimax4j.error.MiniMaxTimeoutException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** How a stream behaves in time: delivered as it arrives, closed early, cut, stalled, long. */
class StreamingBehaviourTests {

    private static final MessageRequest HELLO = MessageRequest.builder().addUserMessage("Hello").build();

    private static final String START = "{\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"type\":\"message\","
            + "\"role\":\"assistant\",\"model\":\"MiniMax-M3\",\"content\":[],\"usage\":{\"input_tokens\":5}}}";

    private static final String TEXT_START = "{\"type\":\"content_block_start\",\"index\":0,"
            + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}";

    private static String textDelta(String text) {
        return "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"" + text + "\"}}";
    }

    private static MiniMaxClient client(String baseUrl, Duration readTimeout) {
        return MiniMaxClient.builder().apiKey(MockServerScenarios.API_KEY).baseUrl(baseUrl).readTimeout(readTimeout)
            .retryPolicy(RetryPolicy.none()).build();
    }

    private static void finish(RawSseServer.Writer writer) throws Exception {
        writer.event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
        writer.event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},"
                + "\"usage\":{\"output_tokens\":9}}");
        writer.event("message_stop", "{\"type\":\"message_stop\"}");
        writer.end();
    }

    @Test
    void eachEventIsDeliveredBeforeTheServerSendsTheNext() throws Exception {
        CountDownLatch clientSawFirstDelta = new CountDownLatch(1);
        CompletableFuture<Boolean> serverWaited = new CompletableFuture<>();
        try (RawSseServer server = new RawSseServer((writer) -> {
            writer.event("message_start", START);
            writer.event("content_block_start", TEXT_START);
            writer.event("content_block_delta", textDelta("first "));
            // Nothing more is sent until the client has the first delta: a client that buffered would wait forever.
            serverWaited.complete(clientSawFirstDelta.await(5, TimeUnit.SECONDS));
            writer.event("content_block_delta", textDelta("second"));
            finish(writer);
        }); MessageStream stream = client(server.baseUrl(), Duration.ofSeconds(10)).messages().stream(HELLO)) {
            for (MessageStreamEvent event : stream) {
                if (event instanceof MessageStreamEvent.ContentBlockDelta) {
                    clientSawFirstDelta.countDown();
                }
            }
            assertThat(serverWaited.get(6, TimeUnit.SECONDS)).as("client received the first delta while the server paused")
                .isTrue();
            assertThat(stream.finalMessage().text()).isEqualTo("first second");
        }
    }

    @Test
    void closingEarlyAbortsTheResponseInsteadOfReadingItToTheEnd() throws Exception {
        CompletableFuture<Long> serverNoticedAt = new CompletableFuture<>();
        try (RawSseServer server = new RawSseServer((writer) -> {
            writer.event("message_start", START);
            writer.event("content_block_start", TEXT_START);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            try {
                while (System.nanoTime() < deadline) { // an endless generation, bounded for safety
                    writer.event("content_block_delta", textDelta("more "));
                    Thread.sleep(5);
                }
            }
            catch (java.io.IOException ex) {
                serverNoticedAt.complete(System.nanoTime());
                throw ex;
            }
        })) {
            MessageStream stream = client(server.baseUrl(), Duration.ofSeconds(10)).messages().stream(HELLO);
            Iterator<MessageStreamEvent> events = stream.iterator();
            for (int i = 0; i < 5; i++) {
                events.next();
            }
            long closing = System.nanoTime();
            stream.close();
            long closed = System.nanoTime();

            assertThat(Duration.ofNanos(closed - closing)).isLessThan(Duration.ofSeconds(1));
            long noticed = serverNoticedAt.get(5, TimeUnit.SECONDS);
            assertThat(Duration.ofNanos(noticed - closing)).isLessThan(Duration.ofSeconds(3));
            assertThat(events.hasNext()).isFalse();
        }
    }

    @Test
    void aStreamCutMidWayIsAnIoError() throws Exception {
        try (RawSseServer server = new RawSseServer((writer) -> {
            writer.event("message_start", START);
            writer.event("content_block_start", TEXT_START);
            writer.event("content_block_delta", textDelta("partial"));
            writer.cut();
        })) {
            // Where the events and the cut arrive in one read, the JDK client may report the cut before the
            // events, so the failure can surface when the stream opens or while it is read: a typed I/O error either way.
            assertThatExceptionOfType(MiniMaxException.class).isThrownBy(() -> {
                try (MessageStream stream = client(server.baseUrl(), Duration.ofSeconds(10)).messages().stream(HELLO)) {
                    stream.finalMessage();
                }
            }).isInstanceOf(MiniMaxIoException.class).withMessageContaining("127.0.0.1");
        }
    }

    @Test
    void aStallLongerThanTheReadTimeoutFailsWithinIt() throws Exception {
        try (RawSseServer server = new RawSseServer((writer) -> {
            writer.event("message_start", START);
            Thread.sleep(5000);
        }); MessageStream stream = client(server.baseUrl(), Duration.ofMillis(300)).messages().stream(HELLO)) {
            long start = System.nanoTime();
            assertThatExceptionOfType(MiniMaxTimeoutException.class).isThrownBy(stream::finalMessage);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2000));
        }
    }

    @Test
    void memoryStaysFlatOverALongStream() throws Exception {
        // The heap is the whole JVM's: once in CI a pooled allocation elsewhere (another test's server winding down)
        // landed between the two readings and added 47 MB. A leak grows on every stream, so a second stream must
        // show it too; a stream that stays under the bound once is flat.
        long growth = heapGrowthOverALongStream();
        if (growth >= FLAT_BOUND) {
            growth = heapGrowthOverALongStream();
        }
        // 90,000 more events (about 9 MB of SSE) may only add the accumulated text (360 KB of chars).
        assertThat(growth).isLessThan(FLAT_BOUND);
    }

    private static final long FLAT_BOUND = 4L * 1024 * 1024;

    /** Heap after GC at the 100,000th event of a stream, less at its 10,000th. */
    private long heapGrowthOverALongStream() throws Exception {
        int deltas = 100_000;
        try (RawSseServer server = new RawSseServer((writer) -> {
            writer.event("message_start", START);
            writer.event("content_block_start", TEXT_START);
            for (int i = 0; i < deltas; i++) {
                writer.event("content_block_delta", textDelta("tok "));
            }
            finish(writer);
        }); MessageStream stream = client(server.baseUrl(), Duration.ofSeconds(30)).messages().stream(HELLO)) {
            long[] heapAt = new long[2];
            int seen = 0;
            for (MessageStreamEvent event : stream) {
                seen++;
                if (seen == 10_000) {
                    heapAt[0] = usedHeapAfterGc();
                }
                else if (seen == deltas) {
                    heapAt[1] = usedHeapAfterGc();
                }
            }
            assertThat(stream.finalMessage().text()).hasSize(deltas * 4);
            return heapAt[1] - heapAt[0];
        }
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
