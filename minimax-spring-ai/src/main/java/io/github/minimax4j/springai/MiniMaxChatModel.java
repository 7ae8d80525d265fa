package io.github.minimax4j.springai;

import java.util.List;
import java.util.Objects;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.client.MessageStream;
import io.github.minimax4j.anthropic.MessageStreamEvent;
import io.github.minimax4j.client.MessagePublisher;
import io.github.minimax4j.client.MiniMaxAsyncClient;
import io.github.minimax4j.client.MiniMaxClient;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.MessageAggregator;
import org.springframework.ai.chat.model.StreamingChatModel;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.observation.ChatModelObservationConvention;
import org.springframework.ai.chat.observation.ChatModelObservationDocumentation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.tool.definition.ToolDefinition;
import reactor.adapter.JdkFlowAdapter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A Spring AI {@link ChatModel} and {@link StreamingChatModel} on {@link MiniMaxClient}'s Messages API, so
 * {@code ChatClient}, advisors, chat memory, {@code @Tool} methods and {@code .entity(...)} work with
 * MiniMax. Thread-safe.
 * <ul>
 * <li>Each call is one client call: the client validates the request before sending (typed
 * {@link io.github.minimax4j.error.InvalidRequestException}), retries once per its own policy, records
 * its meters and throws its typed errors. Nothing here retries again.</li>
 * <li>The assistant message's text is the reply's text blocks only. The reply's whole content list is kept
 * in the message's metadata under {@link #CONTENT_BLOCKS}, its thinking also under {@link #THINKING_BLOCKS}
 * (the {@code ThinkingBlock}s, signatures included) and {@link #REASONING_CONTENT} (the thinking text). When
 * the message returns in a later request (every turn of Spring AI's tool loop, turns replayed from chat
 * memory) its content goes back exactly as it came: same blocks, same order, signatures unchanged.</li>
 * <li>Tool calls come back to Spring AI as {@code AssistantMessage.ToolCall}s; Spring AI's tool calling
 * (the {@code ToolCallingAdvisor} that {@code ChatClient} registers) runs them and calls again.</li>
 * <li>Each call is a Spring AI chat-model observation ({@code gen_ai.client.operation}, as Spring AI's own
 * models make), the client's own observation its child. Tokens are metered once, by the client: the Spring AI
 * observation's response carries no token counts for Spring AI's token meter, its span attributes do.</li>
 * </ul>
 */
public final class MiniMaxChatModel implements ChatModel, StreamingChatModel {

    /** Assistant message metadata key: the reply's thinking blocks ({@code List<ThinkingBlock>}), unchanged. */
    public static final String THINKING_BLOCKS = "minimaxThinkingBlocks";

    /** Assistant message metadata key: the reply's thinking text, all thinking blocks joined. */
    public static final String REASONING_CONTENT = "reasoningContent";

    /**
     * Assistant message metadata key: the reply's content blocks ({@code List<ContentBlock>}) as received, in
     * order; what goes back when the message is sent again.
     */
    public static final String CONTENT_BLOCKS = "minimaxContentBlocks";

    /**
     * Streamed chunk metadata key: the piece of thinking ({@code String}) this chunk brings, on a chunk with no
     * text; empty on the last chunk. The whole thinking is under {@link #REASONING_CONTENT} on the last chunk.
     */
    public static final String REASONING_DELTA = "reasoningContentDelta";

    /** The provider name of Spring AI's chat-model observation, as the client's own observation names it. */
    static final String PROVIDER = "minimax";

    private static final ChatModelObservationConvention DEFAULT_OBSERVATION_CONVENTION = new MiniMaxChatObservationConvention();

    private final MiniMaxClient client;

    private final MiniMaxChatOptions defaultOptions;

    private final ToolCallingManager toolCallingManager;

    private final ObservationRegistry observationRegistry;

    private volatile @Nullable ChatModelObservationConvention observationConvention;

    /**
     * @param client the MiniMax client that sends every call
     * @param defaultOptions options for every call; a prompt's own options override them
     * @param toolCallingManager resolves the tool definitions sent to MiniMax
     * @param observationRegistry where Spring AI's chat-model observations go (the client's should use the same
     * one, so that its observation is the child of the chat model's)
     */
    public MiniMaxChatModel(MiniMaxClient client, MiniMaxChatOptions defaultOptions,
            ToolCallingManager toolCallingManager, ObservationRegistry observationRegistry) {
        this.client = Objects.requireNonNull(client, "client must not be null");
        this.defaultOptions = Objects.requireNonNull(defaultOptions, "defaultOptions must not be null");
        this.toolCallingManager = Objects.requireNonNull(toolCallingManager, "toolCallingManager must not be null");
        this.observationRegistry = Objects.requireNonNull(observationRegistry, "observationRegistry must not be null");
    }

    /**
     * A chat model with no Spring AI observation.
     * @param client the MiniMax client that sends every call
     * @param defaultOptions options for every call; a prompt's own options override them
     * @param toolCallingManager resolves the tool definitions sent to MiniMax
     */
    public MiniMaxChatModel(MiniMaxClient client, MiniMaxChatOptions defaultOptions,
            ToolCallingManager toolCallingManager) {
        this(client, defaultOptions, toolCallingManager, ObservationRegistry.NOOP);
    }

    /** A chat model with no default options (the client's defaults apply) and Spring AI's tool manager. */
    public MiniMaxChatModel(MiniMaxClient client) {
        this(client, MiniMaxChatOptions.builder().build(), ToolCallingManager.builder().build());
    }

    /**
     * Names and tags Spring AI's chat-model observation with this convention instead of the default one.
     * @param observationConvention the convention
     */
    public void setObservationConvention(ChatModelObservationConvention observationConvention) {
        this.observationConvention = Objects.requireNonNull(observationConvention,
                "observationConvention must not be null");
    }

    @Override
    public ChatResponse call(Prompt prompt) {
        MessageRequest request = request(prompt);
        ChatModelObservationContext context = observationContext(prompt, false);
        return observation(context).observe(() -> {
            ChatResponse response = ResponseMapper.toChatResponse(this.client.messages().create(request));
            ObservedResponse.set(context, response);
            return response;
        });
    }

    /**
     * Streams the reply: one response per text delta as it arrives, one with no text per thinking delta (the
     * piece under {@link #REASONING_DELTA}), then a last one with no text that carries the tool calls, the
     * content blocks, thinking, usage and stop reason. Built on the client's non-blocking publisher: no thread is
     * held while the reply streams, the Flux's demand paces the read from the connection, and cancelling the Flux
     * aborts the response. (A client whose transport is not the JDK {@code HttpClient} has no publisher: its
     * blocking stream is read on a bounded-elastic thread.) The whole stream is one Spring AI chat-model
     * observation, a child of the subscriber's (ChatClient's) observation.
     */
    @Override
    public Flux<ChatResponse> stream(Prompt prompt) {
        return Flux.deferContextual((reactorContext) -> {
            ChatModelObservationContext context = observationContext(prompt, true);
            Observation observation = observation(context);
            observation.parentObservation(reactorContext.getOrDefault(ObservedResponse.REACTOR_KEY, null));
            observation.start();
            Flux<ChatResponse> chunks = chunks(prompt, observation).doOnError(observation::error)
                .doFinally((signal) -> observation.stop())
                .contextWrite((reactor) -> reactor.put(ObservedResponse.REACTOR_KEY, observation));
            return new MessageAggregator().aggregate(chunks, (whole) -> ObservedResponse.set(context, whole));
        });
    }

    private Flux<ChatResponse> chunks(Prompt prompt, Observation observation) {
        MiniMaxAsyncClient async = asyncClient();
        if (async != null) {
            return Flux.defer(() -> {
                MessagePublisher publisher = publish(async, request(prompt), observation);
                return JdkFlowAdapter.flowPublisherToFlux(publisher)
                    .<ChatResponse>handle((event, sink) -> {
                        ChatResponse chunk = StreamEventMapper.chunk(event);
                        if (chunk != null) {
                            sink.next(chunk);
                        }
                    })
                    .concatWith(Mono.fromFuture(publisher::finalMessage).map(StreamEventMapper::lastChunk));
            });
        }
        return Flux.defer(() -> {
            MessageRequest request = request(prompt);
            return Flux.using(() -> open(request, observation), MiniMaxChatModel::chunks, MessageStream::close);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /** The client's non-blocking API, or null when its transport has none. */
    private @Nullable MiniMaxAsyncClient asyncClient() {
        try {
            return this.client.async();
        }
        catch (IllegalStateException ex) {
            return null;
        }
    }

    /** Makes the publisher inside the chat-model observation, so that the client's observation is its child. */
    private static MessagePublisher publish(MiniMaxAsyncClient async, MessageRequest request,
            Observation observation) {
        try (Observation.Scope scope = observation.openScope()) {
            return async.messages().stream(request);
        }
    }

    /** Opens the stream inside the chat-model observation, so that the client's observation is its child. */
    private MessageStream open(MessageRequest request, Observation observation) {
        try (Observation.Scope scope = observation.openScope()) {
            return this.client.messages().stream(request);
        }
    }

    private static Flux<ChatResponse> chunks(MessageStream stream) {
        return Flux.<ChatResponse>create((sink) -> {
            try {
                for (MessageStreamEvent event : stream) {
                    if (sink.isCancelled()) {
                        return;
                    }
                    ChatResponse chunk = StreamEventMapper.chunk(event);
                    if (chunk != null) {
                        sink.next(chunk);
                    }
                }
                sink.next(StreamEventMapper.lastChunk(stream.finalMessage()));
                sink.complete();
            }
            catch (RuntimeException ex) {
                sink.error(ex);
            }
        });
    }

    @Override
    public MiniMaxChatOptions getOptions() {
        return this.defaultOptions;
    }

    private ChatModelObservationContext observationContext(Prompt prompt, boolean streaming) {
        return ChatModelObservationContext.builder()
            .prompt(new Prompt(prompt.getInstructions(), options(prompt.getOptions())))
            .provider(PROVIDER)
            .streaming(streaming)
            .build();
    }

    private Observation observation(ChatModelObservationContext context) {
        return ChatModelObservationDocumentation.CHAT_MODEL_OPERATION.observation(this.observationConvention,
                DEFAULT_OBSERVATION_CONVENTION, () -> context, this.observationRegistry);
    }

    private MessageRequest request(Prompt prompt) {
        MiniMaxChatOptions options = options(prompt.getOptions());
        List<ToolDefinition> tools = this.toolCallingManager.resolveToolDefinitions(options);
        return PromptMapper.toRequest(prompt, options, tools);
    }

    /** The default options, overridden by the prompt's (ChatClient has usually merged them already). */
    private MiniMaxChatOptions options(ChatOptions promptOptions) {
        if (promptOptions == null) {
            return this.defaultOptions;
        }
        if (promptOptions instanceof MiniMaxChatOptions miniMax) {
            return miniMax;
        }
        return this.defaultOptions.mutate().combineWith(promptOptions.mutate()).build();
    }
}
