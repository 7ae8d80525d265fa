package io.github.minimax4j.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;

import com.anthropic.client.AnthropicClientAsync;
import com.anthropic.client.okhttp.AnthropicOkHttpClientAsync;
import com.anthropic.models.messages.MessageCreateParams;
import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.anthropic.MessageStreamEvent;
import tools.jackson.databind.json.JsonMapper;

/**
 * The clients {@link ConcurrentStreamsRun} compares, each opening Messages streams the way its users would and
 * counting the text deltas it reads.
 */
final class StreamClients {

    /** Every client, the floor first (the others' ratios are to it). */
    static final List<String> MODES = List.of("floor", "async", "blocking-platform", "blocking-virtual",
            "anthropic-async");

    /** Modes that need JDK 21 or later. */
    static final List<String> NEED_JDK_21 = List.of("blocking-virtual");

    private StreamClients() {
    }

    /** Opens streams; must not wait for one to end. */
    interface Client extends AutoCloseable {

        void open(int stream, StreamTally tally);

        @Override
        default void close() {
        }
    }

    static Client create(String mode, String baseUrl) {
        return switch (mode) {
            case "blocking-platform" -> blocking(baseUrl, (task) -> new Thread(task).start());
            case "blocking-virtual" -> blocking(baseUrl, virtualThreads());
            case "async" -> async(baseUrl);
            case "floor" -> new Floor(baseUrl);
            case "anthropic-async" -> new AnthropicAsync(baseUrl);
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        };
    }

    /**
     * This client with its defaults but the connect timeout: 10,000 connects at once overflow the server's accept
     * backlog and some wait for SYN retries, which the floor (the JDK's default: no connect timeout) waits out. So
     * does this client here, and a connect storm is measured as latency, not as failures only one side has.
     */
    private static MiniMaxClient minimax(String baseUrl) {
        return MiniMaxClient.builder().apiKey("k").baseUrl(baseUrl).connectTimeout(Duration.ofMinutes(2)).build();
    }

    private static final MessageRequest REQUEST = MessageRequest.builder().addUserMessage("Hello").build();

    /** This client's blocking stream, one thread (platform or virtual) per stream, as a blocking caller has. */
    private static Client blocking(String baseUrl, Executor threads) {
        MiniMaxClient client = minimax(baseUrl);
        return (stream, tally) -> {
            tally.opened(stream); // the thread's start is part of what a blocking caller pays
            threads.execute(() -> read(client, stream, tally));
        };
    }

    private static void read(MiniMaxClient client, int stream, StreamTally tally) {
        Throwable failure = null;
        try (MessageStream events = client.messages().stream(REQUEST)) {
            for (MessageStreamEvent event : events) {
                if (event instanceof MessageStreamEvent.ContentBlockDelta) {
                    tally.delta(stream);
                }
            }
        }
        catch (RuntimeException ex) {
            failure = ex;
        }
        tally.ended(stream, failure);
    }

    /** This client's async stream: a publisher per stream, its subscriber taking every event. */
    private static Client async(String baseUrl) {
        MiniMaxAsyncClient client = minimax(baseUrl).async();
        return (stream, tally) -> {
            tally.opened(stream);
            client.messages().stream(REQUEST).subscribe(new Flow.Subscriber<MessageStreamEvent>() {

                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    subscription.request(Long.MAX_VALUE);
                }

                @Override
                public void onNext(MessageStreamEvent event) {
                    if (event instanceof MessageStreamEvent.ContentBlockDelta) {
                        tally.delta(stream);
                    }
                }

                @Override
                public void onError(Throwable failure) {
                    tally.ended(stream, failure);
                }

                @Override
                public void onComplete() {
                    tally.ended(stream, null);
                }
            });
        };
    }

    /** A new virtual thread per task; the harness compiles for Java 17, so found reflectively. */
    private static Executor virtualThreads() {
        try {
            return (Executor) java.util.concurrent.Executors.class.getMethod("newVirtualThreadPerTaskExecutor")
                .invoke(null);
        }
        catch (ReflectiveOperationException ex) {
            throw new IllegalStateException("virtual threads need JDK 21 or later", ex);
        }
    }

    /**
     * The floor: the JDK client's {@code sendAsync} with a line subscriber, each {@code data:} line parsed into a
     * JSON tree, on the JDK client's defaults (its own executor).
     */
    private static final class Floor implements Client {

        private static final JsonMapper JSON = JsonMapper.shared();

        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        private final URI uri;

        Floor(String baseUrl) {
            this.uri = URI.create(baseUrl + "/anthropic/v1/messages");
        }

        @Override
        public void open(int stream, StreamTally tally) {
            tally.opened(stream);
            HttpRequest request = HttpRequest.newBuilder(this.uri).header("x-api-key", "k")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(Map.of("model", "MiniMax-M3",
                        "max_tokens", 1024, "stream", true, "messages", List.of(Map.of("role", "user", "content",
                                List.of(Map.of("type", "text", "text", "Hello"))))))))
                .build();
            this.http.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(new Lines(stream, tally)))
                .whenComplete((response, failure) -> tally.ended(stream, (failure == null && response.statusCode() != 200)
                        ? new IllegalStateException("status " + response.statusCode()) : failure));
        }

        /** Counts the {@code content_block_delta} events among the lines. */
        private record Lines(int stream, StreamTally tally) implements Flow.Subscriber<String> {

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(String line) {
                if (line.startsWith("data: ")
                        && JSON.readTree(line.substring(6)).path("type").asString().equals("content_block_delta")) {
                    this.tally.delta(this.stream);
                }
            }

            @Override
            public void onError(Throwable failure) {
            }

            @Override
            public void onComplete() {
            }
        }
    }

    /** anthropic-java's async client (OkHttp), pointed at the loopback server, with its defaults. */
    private static final class AnthropicAsync implements Client {

        private final AnthropicClientAsync client;

        private final MessageCreateParams params = MessageCreateParams.builder().model("MiniMax-M3").maxTokens(1024)
            .addUserMessage("Hello").build();

        AnthropicAsync(String baseUrl) {
            this.client = AnthropicOkHttpClientAsync.builder().apiKey("k").baseUrl(baseUrl + "/anthropic").maxRetries(0)
                .build();
        }

        @Override
        public void open(int stream, StreamTally tally) {
            tally.opened(stream);
            this.client.messages().createStreaming(this.params).subscribe((event) -> {
                if (event.isContentBlockDelta()) {
                    tally.delta(stream);
                }
            }).onCompleteFuture().whenComplete((done, failure) -> tally.ended(stream, failure));
        }

        @Override
        public void close() {
            this.client.close();
        }
    }
}
