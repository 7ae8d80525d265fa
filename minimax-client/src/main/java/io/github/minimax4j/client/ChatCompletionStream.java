package io.github.minimax4j.client;

import java.util.Iterator;
import java.util.function.Consumer;

import io.github.minimax4j.openai.ChatCompletion;
import io.github.minimax4j.openai.ChatCompletionChunk;
import io.github.minimax4j.openai.ThinkSplitter;

/**
 * A streamed Chat Completions reply, made by {@link ChatCompletionsApi#stream}: iterate the chunks as they arrive,
 * or call {@link #finalCompletion()}. Close it (try-with-resources) to release the connection, also when stopping
 * early. Iterate it once; not thread-safe.
 *
 * <p>By default the stream keeps the reply's content for {@link #finalCompletion()}, so its memory grows with the
 * reply. Call {@link #discardText()} before reading when you only consume the chunks: it then keeps nothing per
 * delta, while usage, meters and the final completion's metadata still come out right.
 */
public final class ChatCompletionStream extends MiniMaxStream<ChatCompletionChunk> {

    private final ChatProgress progress;

    ChatCompletionStream(Iterator<ChatCompletionChunk> chunks, AutoCloseable connection, ChatProgress progress) {
        super(chunks, connection, progress);
        this.progress = progress;
    }

    /**
     * Keeps no content (text, reasoning, tool calls) from here on: memory stays the same however long the reply.
     * {@link #finalCompletion()} then returns the id, model, finish reasons and usage, with empty messages.
     * @return this stream
     * @throws IllegalStateException once reading has started
     */
    public ChatCompletionStream discardText() {
        if (iterationStarted()) {
            throw new IllegalStateException("discardText() must be called before the stream is read");
        }
        this.progress.discardText();
        return this;
    }

    /**
     * The complete reply. Blocks: reads what is left, then returns the accumulated completion.
     * @return the final completion; with empty messages after {@link #discardText()}
     * @throws IllegalStateException when the stream ended (was closed) before any finish reason
     */
    public ChatCompletion finalCompletion() {
        drain();
        return this.progress.completion();
    }

    /**
     * Blocks until the reply is complete, handing visible text and reasoning to the consumers on the calling
     * thread as they arrive, separated even when MiniMax sends reasoning as a {@code <think>} block inside content
     * (tags split across chunks are handled). Closes the stream at its end.
     * @param onVisibleText receives each piece of the answer, in order
     * @param onReasoning receives each piece of reasoning, in order
     * @return the final completion, as {@link #finalCompletion()}
     */
    public ChatCompletion readToEnd(Consumer<String> onVisibleText, Consumer<String> onReasoning) {
        ThinkSplitter splitter = new ThinkSplitter();
        forEach((chunk) -> {
            for (ChatCompletionChunk.Choice choice : chunk.choices()) {
                if (choice.index() != 0 || choice.delta() == null) {
                    continue;
                }
                String reasoning = choice.delta().reasoning();
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

    private static void hand(ThinkSplitter.Piece piece, Consumer<String> visible, Consumer<String> reasoning) {
        if (!piece.reasoning().isEmpty()) {
            reasoning.accept(piece.reasoning());
        }
        if (!piece.visible().isEmpty()) {
            visible.accept(piece.visible());
        }
    }
}
