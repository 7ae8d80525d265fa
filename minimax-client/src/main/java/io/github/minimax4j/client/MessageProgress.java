package io.github.minimax4j.client;

import io.github.minimax4j.anthropic.MessageResponse;
import io.github.minimax4j.anthropic.MessageStreamEvent;
import io.github.minimax4j.observation.TokenUsage;
import org.jspecify.annotations.Nullable;

/** A Messages stream's progress: the events accumulated into the final message, complete at {@code message_stop}. */
final class MessageProgress extends StreamProgress<MessageStreamEvent> {

    private MessageAccumulator accumulator = new MessageAccumulator();

    MessageProgress(CallObservation observation) {
        super(observation);
    }

    @Override
    void accumulate(MessageStreamEvent event) {
        this.accumulator.accumulate(event);
        if (event instanceof MessageStreamEvent.MessageStop) {
            MessageResponse message = this.accumulator.message();
            completed(message.model(), UsageMeters.of(message.usage()));
        }
    }

    @Override
    void discardText() {
        this.accumulator = MessageAccumulator.withoutContent();
    }

    /** The accumulated message; throws IllegalStateException before {@code message_stop}. */
    MessageResponse message() {
        return this.accumulator.message();
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
