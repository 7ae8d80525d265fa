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
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.StreamingChatModel;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.tool.definition.ToolDefinition;
import reactor.adapter.JdkFlowAdapter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.ContextView;

/**
 * A Spring AI {@link ChatModel} and {@link StreamingChatModel} on {@link MiniMaxClient}'s Messages API, so
 * {@code ChatClient}, advisors, chat memory, {@code @Tool} methods and {@code .entity(...)} work with
 * MiniMax. Thread-safe.
 * <ul>
 * <li>Each call is one client call: the client validates the request before sending (typed
 * {@link io.github.minimax4j.error.InvalidRequestException}), retries once per its own policy, records
 * its meters and throws its typed errors. Nothing here retries again.</li>
 * <li>The assistant message's text is the reply's text blocks only. Its thinking blocks are kept in the
 * message's metadata under {@link #THINKING_BLOCKS} (the {@code ThinkingBlock}s, signatures included) and
 * {@link #REASONING_CONTENT} (the thinking text), and are sent back unchanged when the message returns in a
 * later request: every turn of Spring AI's tool loop, and turns replayed from chat memory.</li>
 * <li>Tool calls come back to Spring AI as {@code AssistantMessage.ToolCall}s; Spring AI's tool calling
 * (the {@code ToolCallingAdvisor} that {@code ChatClient} registers) runs them and calls again.</li>
 * </ul>
 */
public final class MiniMaxChatModel implements ChatModel, StreamingChatModel {

    /** Assistant message metadata key: the reply's thinking blocks ({@code List<ThinkingBlock>}), unchanged. */
    public static final String THINKING_BLOCKS = "minimaxThinkingBlocks";

    /** Assistant message metadata key: the reply's thinking text, all thinking blocks joined. */
    public static final String REASONING_CONTENT = "reasoningContent";

    private final MiniMaxClient client;

    private final MiniMaxChatOptions defaultOptions;

    private final ToolCallingManager toolCallingManager;

    /**
     * @param client the MiniMax client that sends every call
     * @param defaultOptions options for every call; a prompt's own options override them
     * @param toolCallingManager resolves the tool definitions sent to MiniMax
     */
    public MiniMaxChatModel(MiniMaxClient client, MiniMaxChatOptions defaultOptions,
            ToolCallingManager toolCallingManager) {
        this.client = Objects.requireNonNull(client, "client must not be null");
        this.defaultOptions = Objects.requireNonNull(defaultOptions, "defaultOptions must not be null");
        this.toolCallingManager = Objects.requireNonNull(toolCallingManager, "toolCallingManager must not be null");
    }

    /** A chat model with no default options (the client's defaults apply) and Spring AI's tool manager. */
    public MiniMaxChatModel(MiniMaxClient client) {
        this(client, MiniMaxChatOptions.builder().build(), ToolCallingManager.builder().build());
    }

    @Override
    public ChatResponse call(Prompt prompt) {
        return ResponseMapper.toChatResponse(this.client.messages().create(request(prompt)));
    }

    /**
     * Streams the reply: one response per text delta as it arrives, then a last one with no text that
     * carries the tool calls, thinking blocks, usage and stop reason. Built on the client's non-blocking
     * publisher: no thread is held while the reply streams, the Flux's demand paces the read from the connection,
     * and cancelling the Flux aborts the response. An observation in the subscriber's Reactor context (ChatClient's)
     * is the parent of the client's. With a client that has no non-blocking API (another request factory than the
     * JDK client), the blocking stream is read on a bounded-elastic thread instead.
     */
    @Override
    public Flux<ChatResponse> stream(Prompt prompt) {
        MiniMaxAsyncClient async = asyncClient();
        if (async == null) {
            return blockingStream(prompt);
        }
        return Flux.deferContextual((context) -> {
            MessagePublisher publisher = publisher(async, request(prompt), context);
            return JdkFlowAdapter.flowPublisherToFlux(publisher)
                .<ChatResponse>handle((event, sink) -> {
                    ChatResponse chunk = ResponseMapper.textChunk(event);
                    if (chunk != null) {
                        sink.next(chunk);
                    }
                })
                .concatWith(Mono.fromFuture(publisher::finalMessage).map(ResponseMapper::finalChunk));
        });
    }

    /** The stream's publisher, made with the context's observation current, so it is the client call's parent. */
    private static MessagePublisher publisher(MiniMaxAsyncClient async, MessageRequest request, ContextView context) {
        Observation parent = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
        if (parent == null) {
            return async.messages().stream(request);
        }
        try (Observation.Scope scope = parent.openScope()) {
            return async.messages().stream(request);
        }
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

    private Flux<ChatResponse> blockingStream(Prompt prompt) {
        return Flux.defer(() -> {
            MessageRequest request = request(prompt);
            return Flux.using(() -> this.client.messages().stream(request), MiniMaxChatModel::chunks,
                    MessageStream::close);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private static Flux<ChatResponse> chunks(MessageStream stream) {
        return Flux.<ChatResponse>create((sink) -> {
            try {
                for (MessageStreamEvent event : stream) {
                    if (sink.isCancelled()) {
                        return;
                    }
                    ChatResponse chunk = ResponseMapper.textChunk(event);
                    if (chunk != null) {
                        sink.next(chunk);
                    }
                }
                sink.next(ResponseMapper.finalChunk(stream.finalMessage()));
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
