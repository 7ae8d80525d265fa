package io.github.minimax4j.client;

import io.github.minimax4j.observation.TokenUsage;
import io.github.minimax4j.openai.ChatCompletion;
import io.github.minimax4j.openai.ChatCompletionChunk;
import org.jspecify.annotations.Nullable;

/** A Chat Completions stream's progress: the chunks accumulated into the final completion, complete at its end. */
final class ChatProgress extends StreamProgress<ChatCompletionChunk> {

    private ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();

    ChatProgress(CallObservation observation) {
        super(observation);
    }

    @Override
    void accumulate(ChatCompletionChunk chunk) {
        this.accumulator.accumulate(chunk);
    }

    /** The server has said the stream is over: the final usage chunk, if any, has arrived. */
    @Override
    void end() {
        this.accumulator.markDone();
        completed(this.accumulator.model(), UsageMeters.of(this.accumulator.usage()));
    }

    @Override
    void discardText() {
        this.accumulator = ChatCompletionAccumulator.withoutContent();
    }

    /** The accumulated completion; throws IllegalStateException before any finish reason. */
    ChatCompletion completion() {
        return this.accumulator.completion();
    }

    @Override
    TokenUsage usageSoFar() {
        return UsageMeters.of(this.accumulator.usage());
    }

    @Override
    @Nullable String modelSoFar() {
        return this.accumulator.model();
    }
}
