package io.github.minimax4j.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.anthropic.MessageResponse;
import io.github.minimax4j.anthropic.MessageStreamEvent;
import io.github.minimax4j.openai.ChatCompletion;
import io.github.minimax4j.openai.ChatCompletionChunk;
import io.github.minimax4j.openai.ChatCompletionRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What only the publishers do: demand paces the connection, cancel aborts the response, one subscriber, the
 * final message and {@code discardText()}. Paced by {@link RawSseServer}, which sees what reaches the socket.
 */
class AsyncStreamTests {

    private static final MessageRequest HELLO = MessageRequest.builder().addUserMessage("Hello").build();

    private static MiniMaxClient client(String baseUrl) {
        return MiniMaxClient.builder().apiKey(MockServerScenarios.API_KEY).baseUrl(baseUrl)
            .readTimeout(Duration.ofSeconds(30)).retryPolicy(RetryPolicy.none()).build();
    }

    /** A subscriber that requests only when told to, and records every signal. */
    static final class Manual<T> implements Flow.Subscriber<T> {

        final List<T> items = new ArrayList<>();

        final AtomicInteger terminals = new AtomicInteger();

        final CompletableFuture<Throwable> failure = new CompletableFuture<>();

        final CompletableFuture<Void> completed = new CompletableFuture<>();

        final CountDownLatch subscribed = new CountDownLatch(1);

        volatile Flow.Subscription subscription;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            this.subscribed.countDown();
        }

        @Override
        public synchronized void onNext(T item) {
            this.items.add(item);
        }

        @Override
        public void onError(Throwable throwable) {
            this.terminals.incrementAndGet();
            this.failure.complete(throwable);
        }

        @Override
        public void onComplete() {
            this.terminals.incrementAndGet();
            this.completed.complete(null);
        }

        synchronized int count() {
            return this.items.size();
        }
    }

    @Test
    void theSubscribersDemandIsTheOnlyDemandThatReachesTheConnection() throws Exception {
        int total = 40_000; // ~42 MB of events: far more than loopback's socket buffers (a few MB) hold
        AtomicInteger written = new AtomicInteger();
        String padding = "x".repeat(1000);
        try (RawSseServer server = new RawSseServer((writer) -> {
            writer.event("message_start", StreamEvents.START);
            writer.event("content_block_start", StreamEvents.TEXT_START);
            for (int i = 0; i < total; i++) {
                writer.event("content_block_delta", StreamEvents.textDelta(padding));
                written.incrementAndGet();
            }
            StreamEvents.finish(writer);
        })) {
            MessagePublisher publisher = client(server.baseUrl()).async().messages().stream(HELLO).discardText();
            Manual<MessageStreamEvent> subscriber = new Manual<>();
            publisher.subscribe(subscriber);
            subscriber.subscription.request(3);
            await(() -> subscriber.count() == 3);
            awaitStill(written); // the server writes until the buffers are full, then blocks

            assertThat(subscriber.count()).as("events beyond the demand").isEqualTo(3);
            assertThat(written.get()).as("events the server could write while the subscriber asked for 3")
                .isLessThan(total / 2);

            subscriber.subscription.request(Long.MAX_VALUE);
            subscriber.completed.get(60, TimeUnit.SECONDS);
            assertThat(subscriber.count()).isEqualTo(total + 5);
            assertThat(subscriber.terminals).hasValue(1);
            MessageResponse message = publisher.finalMessage().get(10, TimeUnit.SECONDS);
            assertThat(message.content()).as("discardText keeps no content").isEmpty();
            assertThat(message.usage().outputTokens()).isEqualTo(9);
        }
    }

    @Test
    void cancelAbortsTheResponseAndNoSignalFollows() throws Exception {
        CountDownLatch serverSawTheAbort = new CountDownLatch(1);
        try (RawSseServer server = new RawSseServer((writer) -> {
            writer.event("message_start", StreamEvents.START);
            writer.event("content_block_start", StreamEvents.TEXT_START);
            try {
                for (int i = 0; i < 6000; i++) { // a minute of generation unless the client goes away
                    writer.event("content_block_delta", StreamEvents.textDelta("t"));
                    Thread.sleep(10);
                }
            }
            catch (java.io.IOException ex) {
                serverSawTheAbort.countDown();
                throw ex;
            }
        })) {
            MessagePublisher publisher = client(server.baseUrl()).async().messages().stream(HELLO);
            Manual<MessageStreamEvent> subscriber = new Manual<>();
            publisher.subscribe(subscriber);
            subscriber.subscription.request(Long.MAX_VALUE);
            await(() -> subscriber.count() >= 5);

            subscriber.subscription.cancel();

            assertThat(serverSawTheAbort.await(20, TimeUnit.SECONDS)).as("the server's writes fail: connection closed")
                .isTrue();
            int seen = subscriber.count();
            Thread.sleep(200); // nothing may arrive after cancel has been acted on: give a straggler time to show
            assertThat(subscriber.count()).isLessThanOrEqualTo(seen + 1);
            assertThat(subscriber.terminals).as("no terminal signal after cancel").hasValue(0);
            assertThatExceptionOfType(java.util.concurrent.ExecutionException.class)
                .isThrownBy(() -> publisher.finalMessage().get(10, TimeUnit.SECONDS))
                .withCauseInstanceOf(java.util.concurrent.CancellationException.class);
        }
    }

    @Test
    void aCancelledOrEndedSubscriptionNoLongerHoldsItsSubscriber() throws Exception {
        // Rule 3.13. The JDK client keeps a stream's subscription until its aborted exchange is cleaned up (in CI
        // the TCK's check of this rule once found the subscriber still held a second after cancel), so the
        // subscription itself must let go. Here the test holds the subscription, as the JDK client may.
        try (RawSseServer server = new RawSseServer((writer) -> {
            writer.event("message_start", StreamEvents.START);
            Thread.sleep(60_000); // open until the client goes away
        }); RawSseServer finished = new RawSseServer((writer) -> {
            writer.event("message_start", StreamEvents.START);
            StreamEvents.finish(writer);
        })) {
            MiniMaxClient client = client(server.baseUrl());
            List<Flow.Subscription> held = new ArrayList<>();
            java.lang.ref.WeakReference<Manual<MessageStreamEvent>> cancelled = subscribeAndHold(
                    client.async().messages().stream(HELLO), held, (subscriber) -> {
                        await(() -> subscriber.count() >= 1);
                        subscriber.subscription.cancel();
                    });
            java.lang.ref.WeakReference<Manual<MessageStreamEvent>> completed = subscribeAndHold(
                    client(finished.baseUrl()).async().messages().stream(HELLO), held,
                    (subscriber) -> subscriber.completed.get(10, TimeUnit.SECONDS));

            await(() -> {
                System.gc();
                return cancelled.get() == null && completed.get() == null;
            });
            assertThat(held).hasSize(2);
        }
    }

    /** Subscribes a {@link Manual} subscriber, runs {@code then} on it, keeps its subscription in {@code held}. */
    private static java.lang.ref.WeakReference<Manual<MessageStreamEvent>> subscribeAndHold(MessagePublisher publisher,
            List<Flow.Subscription> held, ThrowingConsumer<Manual<MessageStreamEvent>> then) throws Exception {
        Manual<MessageStreamEvent> subscriber = new Manual<>();
        publisher.subscribe(subscriber);
        subscriber.subscription.request(Long.MAX_VALUE);
        then.accept(subscriber);
        held.add(subscriber.subscription);
        return new java.lang.ref.WeakReference<>(subscriber);
    }

    @FunctionalInterface
    private interface ThrowingConsumer<T> {

        void accept(T value) throws Exception;

    }

    @Test
    void aSubscriberThatAsksForNothingIsNotTimedOut() throws Exception {
        try (RawSseServer server = new RawSseServer((writer) -> {
            writer.event("message_start", StreamEvents.START);
            writer.event("content_block_start", StreamEvents.TEXT_START);
            writer.event("content_block_delta", StreamEvents.textDelta("Hi"));
            StreamEvents.finish(writer);
        })) {
            MiniMaxClient client = MiniMaxClient.builder().apiKey(MockServerScenarios.API_KEY).baseUrl(server.baseUrl())
                .readTimeout(Duration.ofMillis(300)).retryPolicy(RetryPolicy.none()).build();
            MessagePublisher publisher = client.async().messages().stream(HELLO);
            Manual<MessageStreamEvent> subscriber = new Manual<>();
            publisher.subscribe(subscriber);
            subscriber.subscription.request(1);
            await(() -> subscriber.count() == 1);

            Thread.sleep(1500); // five read timeouts without demand: the pause is the subscriber's, not the server's
            subscriber.subscription.request(Long.MAX_VALUE);

            subscriber.completed.get(10, TimeUnit.SECONDS);
            assertThat(publisher.finalMessage().get(10, TimeUnit.SECONDS).text()).isEqualTo("Hi");
        }
    }

    @Test
    void cancellingACreateFutureAbortsItsExchange() throws Exception {
        CountDownLatch serverSawTheAbort = new CountDownLatch(1);
        byte[] body = Fixtures.read("m27-response.json").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (RawSseServer server = new RawSseServer(false, (writer) -> {
            writer.raw("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\n\r\n");
            try {
                for (int i = 0; i < body.length; i++) { // a minute of trickling unless the client goes away
                    writer.bytes(body, i, 1);
                    Thread.sleep(50);
                }
            }
            catch (java.io.IOException ex) {
                serverSawTheAbort.countDown();
                throw ex;
            }
        })) {
            CompletableFuture<MessageResponse> reply = client(server.baseUrl()).async().messages().create(HELLO);
            Thread.sleep(300); // the exchange is under way

            assertThat(reply.cancel(true)).isTrue();

            assertThat(serverSawTheAbort.await(20, TimeUnit.SECONDS)).as("the server's writes fail: connection closed")
                .isTrue();
        }
    }

    @Test
    void aPublisherTakesOneSubscriberAndSendsOneRequest() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        try (RawSseServer server = new RawSseServer((writer) -> {
            requests.incrementAndGet();
            writer.event("message_start", StreamEvents.START);
            writer.event("content_block_start", StreamEvents.TEXT_START);
            writer.event("content_block_delta", StreamEvents.textDelta("Hi"));
            StreamEvents.finish(writer);
        })) {
            MessagePublisher publisher = client(server.baseUrl()).async().messages().stream(HELLO);
            assertThat(requests).as("nothing is sent before subscribe").hasValue(0);
            List<MessageStreamEvent> events = new ArrayList<>();
            publisher.subscribe(new CallMode.Collecting<>(events));
            Manual<MessageStreamEvent> second = new Manual<>();
            publisher.subscribe(second);

            assertThat(publisher.finalMessage().get(10, TimeUnit.SECONDS).text()).isEqualTo("Hi");
            assertThat(second.failure.get(10, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("one subscriber");
            assertThat(requests).hasValue(1);
            assertThat(events).hasSize(6);
        }
    }

    @Test
    void finalMessageAloneReadsTheWholeStream() throws Exception {
        try (RawSseServer server = new RawSseServer((writer) -> {
            writer.event("message_start", StreamEvents.START);
            writer.event("content_block_start", StreamEvents.TEXT_START);
            writer.event("content_block_delta", StreamEvents.textDelta("Hello "));
            writer.event("content_block_delta", StreamEvents.textDelta("there"));
            StreamEvents.finish(writer);
        })) {
            MessageResponse message = client(server.baseUrl()).async().messages().stream(HELLO).finalMessage()
                .get(10, TimeUnit.SECONDS);

            assertThat(message.text()).isEqualTo("Hello there");
            assertThat(message.usage().inputTokens()).isEqualTo(5);
        }
    }

    @Test
    void chatCompletionsStreamEndsAtDoneWithoutFurtherDemand() throws Exception {
        String chunk = "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"MiniMax-M3\",\"choices\":[{\"index\":0,"
                + "\"delta\":{\"role\":\"assistant\",\"content\":\"%s\"}%s}]}";
        try (RawSseServer server = new RawSseServer((writer) -> {
            writer.data(String.format(chunk, "Hel", ""));
            writer.data(String.format(chunk, "lo", ",\"finish_reason\":\"stop\""));
            writer.data("{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"MiniMax-M3\",\"choices\":[],"
                    + "\"usage\":{\"prompt_tokens\":4,\"completion_tokens\":2,\"total_tokens\":6}}");
            writer.data("[DONE]");
            Thread.sleep(10_000); // the server keeps the body open: [DONE] alone ends the stream
        })) {
            ChatCompletionPublisher publisher = client(server.baseUrl()).async().chatCompletions()
                .stream(ChatCompletionRequest.builder().addUserMessage("Hi").build());
            Manual<ChatCompletionChunk> subscriber = new Manual<>();
            publisher.subscribe(subscriber);
            subscriber.subscription.request(3); // exactly the chunks: completion needs no more demand

            subscriber.completed.get(10, TimeUnit.SECONDS);
            ChatCompletion completion = publisher.finalCompletion().get(10, TimeUnit.SECONDS);
            assertThat(subscriber.count()).isEqualTo(3);
            assertThat(completion.content()).isEqualTo("Hello");
            assertThat(completion.usage().totalTokens()).isEqualTo(6);
        }
    }

    @Test
    void theCallersFutureNeverCompletesOnTheClientsIoThread() throws Exception {
        AtomicReference<String> thread = new AtomicReference<>();
        try (LoopbackServer server = new LoopbackServer().route("/anthropic/v1/messages", (exchange) -> LoopbackServer
            .send(exchange, 200, "application/json", Fixtures.read("m27-response.json")))) {
            client(server.baseUrl()).async().messages().create(HELLO)
                .thenAccept((reply) -> thread.set(Thread.currentThread().getName()))
                .get(10, TimeUnit.SECONDS);
        }
        assertThat(thread.get()).doesNotContain("HttpClient").doesNotContain("SelectorManager");
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 30 s");
            }
            Thread.sleep(10);
        }
    }

    /** Waits until the counter has stopped moving for half a second. */
    private static void awaitStill(AtomicInteger counter) throws InterruptedException {
        int last = -1;
        while (counter.get() != last) {
            last = counter.get();
            Thread.sleep(500);
        }
    }
}
