package io.github.minimax4j.client;

import java.util.concurrent.TimeUnit;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.anthropic.MessageStreamEvent;
import io.github.minimax4j.openai.ChatCompletionChunk;
import io.github.minimax4j.openai.ChatCompletionRequest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * This client against the floor (java.net.http + Jackson) and the official SDKs, on the same local server in
 * the same run: create() throughput at 1 and 16 threads, Chat Completions create(), and SSE throughput
 * per event on a 20,000-delta stream for both protocols (run with {@code -prof gc} for allocation per event).
 * Also the floor on a JDK client with this client's inline executor, to show what the executor buys and what the
 * rest of this client (typed records, validation, observation, RestClient) costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ClientOverheadBenchmark {

    static final int DELTAS = 20_000;

    private BenchServer server;

    private MiniMaxClient minimax;

    private RawClient raw;

    private RawClient rawInline;

    private AnthropicClient anthropic;

    private OpenAIClient openai;

    private final MessageRequest request = MessageRequest.builder().maxTokens(1024).addUserMessage("Hello").build();

    private final ChatCompletionRequest chatRequest = ChatCompletionRequest.builder().addUserMessage("Hello").build();

    private final MessageCreateParams sdkRequest = MessageCreateParams.builder().model("MiniMax-M3").maxTokens(1024)
        .addUserMessage("Hello").build();

    private final ChatCompletionCreateParams sdkChatRequest = ChatCompletionCreateParams.builder().model("MiniMax-M3")
        .addUserMessage("Hello").build();

    private MiniMaxClient minimaxStreams;

    private AnthropicClient anthropicStreams;

    private MiniMaxClient minimaxChatStreams;

    private OpenAIClient openaiStreams;

    @Setup(Level.Trial)
    public void start() throws Exception {
        this.server = new BenchServer(DELTAS);
        String base = this.server.baseUrl();
        this.minimax = MiniMaxClient.builder().apiKey("k").baseUrl(base).build();
        this.minimaxStreams = MiniMaxClient.builder().apiKey("k").baseUrl(base)
            .anthropicBaseUrl(java.net.URI.create(base + "/stream")).build();
        this.raw = new RawClient(base);
        this.rawInline = new RawClient(base, java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).executor(MiniMaxClientBuilder.inlineExecutor()).build());
        this.anthropic = AnthropicOkHttpClient.builder().apiKey("k").baseUrl(base + "/anthropic").build();
        this.anthropicStreams = AnthropicOkHttpClient.builder().apiKey("k").baseUrl(base + "/stream").build();
        this.openai = OpenAIOkHttpClient.builder().apiKey("k").baseUrl(base + "/v1").build();
        this.minimaxChatStreams = MiniMaxClient.builder().apiKey("k").baseUrl(base + "/chatstream").build();
        this.openaiStreams = OpenAIOkHttpClient.builder().apiKey("k").baseUrl(base + "/chatstream/v1").build();
    }

    @TearDown(Level.Trial)
    public void stop() {
        this.anthropic.close();
        this.anthropicStreams.close();
        this.openai.close();
        this.openaiStreams.close();
        this.server.close();
    }

    @Benchmark
    @Threads(1)
    public Object createMiniMax4j() {
        return this.minimax.messages().create(this.request);
    }

    @Benchmark
    @Threads(1)
    public Object createRawFloor() throws Exception {
        return this.raw.create();
    }

    /** The floor given the executor this client gives its own JDK client: what the rest of this client costs. */
    @Benchmark
    @Threads(1)
    public Object createRawInlineFloor() throws Exception {
        return this.rawInline.create();
    }

    @Benchmark
    @Threads(1)
    public Object createAnthropicSdk() {
        return this.anthropic.messages().create(this.sdkRequest);
    }

    @Benchmark
    @Threads(16)
    public Object create16MiniMax4j() {
        return this.minimax.messages().create(this.request);
    }

    @Benchmark
    @Threads(16)
    public Object create16RawFloor() throws Exception {
        return this.raw.create();
    }

    @Benchmark
    @Threads(16)
    public Object create16AnthropicSdk() {
        return this.anthropic.messages().create(this.sdkRequest);
    }

    @Benchmark
    @Threads(1)
    public Object chatMiniMax4j() {
        return this.minimax.chatCompletions().create(this.chatRequest);
    }

    @Benchmark
    @Threads(1)
    public Object chatRawFloor() throws Exception {
        return this.raw.chat();
    }

    @Benchmark
    @Threads(1)
    public Object chatOpenAiSdk() {
        return this.openai.chat().completions().create(this.sdkChatRequest);
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(DELTAS)
    public int streamEventsMiniMax4j() {
        int deltas = 0;
        try (MessageStream stream = this.minimaxStreams.messages().stream(this.request)) {
            for (MessageStreamEvent event : stream) {
                if (event instanceof MessageStreamEvent.ContentBlockDelta) {
                    deltas++;
                }
            }
        }
        return deltas;
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(DELTAS)
    public int streamEventsRawFloor() throws Exception {
        return this.raw.stream((deltas) -> {
        });
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(DELTAS)
    public int streamEventsAnthropicSdk() {
        int[] deltas = { 0 };
        try (StreamResponse<RawMessageStreamEvent> stream = this.anthropicStreams.messages()
            .createStreaming(this.sdkRequest)) {
            stream.stream().forEach((event) -> {
                if (event.isContentBlockDelta()) {
                    deltas[0]++;
                }
            });
        }
        return deltas[0];
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(DELTAS)
    public int chatStreamMiniMax4j() {
        int deltas = 0;
        try (ChatCompletionStream stream = this.minimaxChatStreams.chatCompletions().stream(this.chatRequest)) {
            for (ChatCompletionChunk chunk : stream) {
                ChatCompletionChunk.Delta delta = chunk.choices().isEmpty() ? null : chunk.choices().get(0).delta();
                if (delta != null && delta.content() != null && !delta.content().isEmpty()) {
                    deltas++;
                }
            }
        }
        return deltas;
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(DELTAS)
    public int chatStreamRawFloor() throws Exception {
        return this.raw.chatStream();
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(DELTAS)
    public int chatStreamOpenAiSdk() {
        int[] deltas = { 0 };
        try (com.openai.core.http.StreamResponse<com.openai.models.chat.completions.ChatCompletionChunk> stream = this.openaiStreams.chat().completions()
            .createStreaming(this.sdkChatRequest)) {
            stream.stream().forEach((chunk) -> {
                if (!chunk.choices().isEmpty() && chunk.choices().get(0).delta().content().filter((text) -> !text.isEmpty())
                    .isPresent()) {
                    deltas[0]++;
                }
            });
        }
        return deltas[0];
    }
}
