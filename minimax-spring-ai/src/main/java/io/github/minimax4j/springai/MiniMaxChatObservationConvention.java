package io.github.minimax4j.springai;

import java.util.function.Function;

import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.observation.ChatModelObservationDocumentation.HighCardinalityKeyNames;
import org.springframework.ai.chat.observation.DefaultChatModelObservationConvention;

/**
 * Spring AI's default chat-model convention, with the token attributes read from the usage MiniMax reported
 * (the observed response carries none, see {@link ObservedResponse}).
 */
final class MiniMaxChatObservationConvention extends DefaultChatModelObservationConvention {

    @Override
    protected KeyValues usageInputTokens(KeyValues keyValues, ChatModelObservationContext context) {
        return tokens(keyValues, context, HighCardinalityKeyNames.USAGE_INPUT_TOKENS, Usage::getPromptTokens);
    }

    @Override
    protected KeyValues usageOutputTokens(KeyValues keyValues, ChatModelObservationContext context) {
        return tokens(keyValues, context, HighCardinalityKeyNames.USAGE_OUTPUT_TOKENS, Usage::getCompletionTokens);
    }

    @Override
    protected KeyValues usageTotalTokens(KeyValues keyValues, ChatModelObservationContext context) {
        return tokens(keyValues, context, HighCardinalityKeyNames.USAGE_TOTAL_TOKENS, Usage::getTotalTokens);
    }

    @Override
    protected KeyValues usageCacheReadInputTokens(KeyValues keyValues, ChatModelObservationContext context) {
        return tokens(keyValues, context, HighCardinalityKeyNames.USAGE_CACHE_READ_INPUT_TOKENS,
                Usage::getCacheReadInputTokens);
    }

    @Override
    protected KeyValues usageCacheWriteInputTokens(KeyValues keyValues, ChatModelObservationContext context) {
        return tokens(keyValues, context, HighCardinalityKeyNames.USAGE_CACHE_WRITE_INPUT_TOKENS,
                Usage::getCacheWriteInputTokens);
    }

    private static KeyValues tokens(KeyValues keyValues, ChatModelObservationContext context,
            HighCardinalityKeyNames key, Function<Usage, @Nullable Number> count) {
        Usage usage = ObservedResponse.reportedUsage(context);
        Number tokens = (usage != null) ? count.apply(usage) : null;
        return (tokens != null) ? keyValues.and(key.asString(), String.valueOf(tokens)) : keyValues;
    }
}
