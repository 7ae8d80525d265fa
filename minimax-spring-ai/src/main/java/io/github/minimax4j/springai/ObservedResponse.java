package io.github.minimax4j.springai;

import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.observation.ChatModelObservationContext;

/**
 * What Spring AI's chat-model observation is given as the response: the reply itself (for Spring AI's
 * completion logging and finish-reason tags), with usage that has no counts, so that Spring AI's token meter
 * records nothing for it (the client's meter already counted these tokens: counting them twice would double
 * every dashboard). The reported usage is kept beside it for {@link MiniMaxChatObservationConvention}'s span
 * attributes.
 */
final class ObservedResponse {

    /** Where Reactor's context holds the current observation (Micrometer's ObservationThreadLocalAccessor.KEY). */
    static final String REACTOR_KEY = "micrometer.observation";

    private static final String USAGE = ObservedResponse.class.getName() + ".usage";

    private ObservedResponse() {
    }

    static void set(ChatModelObservationContext context, ChatResponse response) {
        ChatResponseMetadata metadata = response.getMetadata();
        context.put(USAGE, metadata.getUsage());
        context.setResponse(new ChatResponse(response.getResults(), ChatResponseMetadata.builder()
            .id(metadata.getId())
            .model(metadata.getModel())
            .usage(Unmetered.USAGE)
            .build()));
    }

    /** The usage MiniMax reported, or null before the reply arrived. */
    static @Nullable Usage reportedUsage(ChatModelObservationContext context) {
        return context.get(USAGE);
    }

    /** Usage with no counts: Spring AI's token meter registers nothing for a null count. */
    private static final class Unmetered implements Usage {

        static final Unmetered USAGE = new Unmetered();

        @Override
        public @Nullable Integer getPromptTokens() {
            return null;
        }

        @Override
        public @Nullable Integer getCompletionTokens() {
            return null;
        }

        @Override
        public @Nullable Integer getTotalTokens() {
            return null;
        }

        @Override
        public @Nullable Object getNativeUsage() {
            return null;
        }
    }
}
