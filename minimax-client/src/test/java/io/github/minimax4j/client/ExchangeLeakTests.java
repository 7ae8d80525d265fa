package io.github.minimax4j.client;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.anthropic.MessageStreamEvent;
import io.github.minimax4j.error.MiniMaxTimeoutException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * No exchange is left pending in the JDK client: 200 JSON bodies that stall past the read timeout and 200 streams
 * closed (or, on the async API, cancelled) after their first event, then the client's pending operations are zero and, once the client is closed
 * (JDK 21+) or dropped (JDK 17), its selector thread ends. The pending count is read by reflection, in this test
 * only (Surefire opens {@code jdk.internal.net.http} to it).
 */
class ExchangeLeakTests {

    private static final MessageRequest HELLO = MessageRequest.builder().addUserMessage("Hello").build();

    private static final int CALLS = 200;

    @ParameterizedTest
    @EnumSource(CallMode.class)
    void stalledBodiesAndEarlyClosesLeaveNoExchangePendingAndAClosedClientLeavesNoSelectorThread(CallMode mode)
            throws Exception {
        byte[] reply = Fixtures.read("m27-response.json").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        List<Thread> selectors;
        try (RawSseServer stalling = new RawSseServer(false, (writer) -> {
            writer.raw("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + reply.length
                    + "\r\n\r\n");
            writer.bytes(reply, 0, reply.length / 2);
            Thread.sleep(60_000);
        }); RawSseServer streaming = new RawSseServer((writer) -> {
            writer.event("message_start", StreamEvents.START);
            writer.event("content_block_start", StreamEvents.TEXT_START);
            Thread.sleep(60_000);
        })) {
            selectors = callAndClose(stalling.baseUrl(), streaming.baseUrl(), mode);
        }
        // On JDK 17 the JDK client has no close(): its selector thread ends once the client is collected.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (selectors.stream().anyMatch(Thread::isAlive) && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(50);
        }
        assertThat(selectors).as("JDK client selector threads").noneMatch(Thread::isAlive);
    }

    /**
     * Makes the calls with two clients of their own, checks that nothing is pending after them, closes the clients.
     * @return the clients' selector threads
     */
    private static List<Thread> callAndClose(String stallingUrl, String streamingUrl, CallMode mode) throws Exception {
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        MiniMaxClient client = MiniMaxClient.builder().apiKey(MockServerScenarios.API_KEY)
            .anthropicBaseUrl(java.net.URI.create(stallingUrl)).readTimeout(Duration.ofMillis(200))
            .retryPolicy(RetryPolicy.none()).build();
        MiniMaxClient streams = MiniMaxClient.builder().apiKey(MockServerScenarios.API_KEY)
            .anthropicBaseUrl(java.net.URI.create(streamingUrl)).readTimeout(Duration.ofSeconds(30))
            .retryPolicy(RetryPolicy.none()).build();
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                calls.add(callers.submit(() -> assertThatExceptionOfType(MiniMaxTimeoutException.class)
                    .isThrownBy(() -> mode.create(client, HELLO))));
                calls.add(callers.submit(() -> assertThat(firstEventThenStop(streams, mode)).isNotNull()));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        }
        finally {
            callers.shutdownNow();
        }
        List<Thread> selectors = Thread.getAllStackTraces().keySet().stream()
            .filter((thread) -> !before.contains(thread))
            .filter((thread) -> thread.getName().matches("HttpClient-\\d+-SelectorManager"))
            .collect(Collectors.toList());
        assertThat(selectors).hasSize(2);
        for (Thread selector : selectors) {
            AtomicLong pending = pendingOperations(selector);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (pending.get() != 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(pending.get()).as("operations pending in %s", selector.getName()).isZero();
        }
        client.close();
        streams.close();
        return selectors;
    }

    /** Reads a stream's first event, then closes it (blocking) or cancels it (async). */
    private static MessageStreamEvent firstEventThenStop(MiniMaxClient client, CallMode mode) {
        if (mode == CallMode.BLOCKING) {
            try (MessageStream stream = client.messages().stream(HELLO)) {
                return stream.iterator().next();
            }
        }
        CallMode.CancelAfterFirst<MessageStreamEvent> subscriber = new CallMode.CancelAfterFirst<>();
        client.async().messages().stream(HELLO).subscribe(subscriber);
        return CallMode.await(subscriber.first);
    }

    /** The JDK client's count of operations in flight (requests, bodies, connections), read from its selector. */
    static AtomicLong pendingOperations(Thread selector) throws ReflectiveOperationException {
        Field owner = selector.getClass().getDeclaredField("owner");
        owner.setAccessible(true);
        Object client = owner.get(selector);
        Field pending = client.getClass().getDeclaredField("pendingOperationCount");
        pending.setAccessible(true);
        return (AtomicLong) pending.get(client);
    }
}
