package io.github.minimax4j.openai;

import java.util.Iterator;
import java.util.function.Consumer;

import io.github.minimax4j.client.CallObservation;
import io.github.minimax4j.client.MiniMaxStream;
import io.github.minimax4j.client.TokenUsage;
import org.jspecify.annotations.Nullable;

/**
 * A streamed Chat Completions reply: iterate the chunks as they arrive, or call {@link #finalCompletion()}.
 * Close it (try-with-resources) to release the connection, also when stopping early.
 */
public final class ChatCompletionStream extends MiniMaxStream<ChatCompletionChunk> {

    private final ChatCompletionAccumulator accumulator;

    public ChatCompletionStream(Iterator<ChatCompletionChunk> chunks, AutoCloseable connection,
            CallObservation observation) {
        this(chunks, connection, observation, new ChatCompletionAccumulator());
    }

    private ChatCompletionStream(Iterator<ChatCompletionChunk> chunks, AutoCloseable connection,
            CallObservation observation, ChatCompletionAccumulator accumulator) {
        super(peek(chunks, accumulator::accumulate), connection, observation);
        this.accumulator = accumulator;
    }

    /** The complete reply: reads what is left, then returns the accumulated completion. */
    public ChatCompletion finalCompletion() {
        drain();
        return this.accumulator.completion();
    }

    /**
     * Reads the stream to the end, handing over visible text and reasoning as they arrive, separated even
     * when MiniMax sends reasoning as a {@code <think>} block inside content (tags split across chunks are
     * handled); returns the final completion.
     */
    public ChatCompletion onText(Consumer<String> onVisibleText, Consumer<String> onReasoning) {
        ThinkSplitter splitter = new ThinkSplitter();
        forEach((chunk) -> {
            for (ChatCompletionChunk.Choice choice : chunk.choices()) {
                if (choice.index() != 0 || choice.delta() == null) {
                    continue;
                }
                String reasoning = (choice.delta().reasoningContent() != null) ? choice.delta().reasoningContent()
                        : ChatMessage.detailsText(choice.delta().reasoningDetails());
                if (!reasoning.isEmpty()) {
                    onReasoning.accept(reasoning); // reasoning_split: apart from content
                }
                if (choice.delta().content() != null) {
                    hand(splitter.accept(choice.delta().content()), onVisibleText, onReasoning);
                }
            }
        });
        hand(splitter.finish(), onVisibleText, onReasoning);
        return finalCompletion();
    }

    @Override
    protected TokenUsage usageSoFar() {
        ChatUsage usage = this.accumulator.usage();
        return (usage != null) ? usage.toTokenUsage() : TokenUsage.NONE;
    }

    @Override
    protected @Nullable String modelSoFar() {
        return this.accumulator.model();
    }

    /** The server has said the stream is over: the final usage chunk, if any, has arrived. */
    @Override
    protected void onEnd() {
        ChatUsage usage = this.accumulator.usage();
        completed(this.accumulator.completion().model(), (usage != null) ? usage.toTokenUsage() : TokenUsage.NONE);
    }

    private static void hand(ThinkSplitter.Piece piece, Consumer<String> visible, Consumer<String> reasoning) {
        if (!piece.reasoning().isEmpty()) {
            reasoning.accept(piece.reasoning());
        }
        if (!piece.visible().isEmpty()) {
            visible.accept(piece.visible());
        }
    }
}
