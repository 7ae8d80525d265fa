package io.github.minimax4j.springai;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.minimax4j.error.InvalidRequestException;
import io.github.minimax4j.model.ThinkingMode;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.model.tool.DefaultToolCallingChatOptions;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.ToolCallback;

/**
 * Options of a MiniMax chat call through Spring AI: model, max tokens, temperature, top-p, thinking
 * (adaptive or disabled: MiniMax accepts no other), tool choice (auto or none), the end user's id, the
 * prompt-cache strategy, and Spring AI's tool callbacks. A value left unset takes the client's default ({@code minimax.*}).
 * <p>
 * Spring AI's generic {@code topK}, {@code stopSequences}, {@code frequencyPenalty} and
 * {@code presencePenalty} are not MiniMax parameters (its Messages API ignores {@code top_k} and
 * {@code stop_sequences}): setting one fails the call before it is sent, rather than being dropped silently.
 */
public final class MiniMaxChatOptions implements ToolCallingChatOptions {

    private final @Nullable String model;

    private final @Nullable Integer maxTokens;

    private final @Nullable Double temperature;

    private final @Nullable Double topP;

    private final @Nullable ThinkingMode thinking;

    private final @Nullable ToolChoiceMode toolChoice;

    private final @Nullable String userId;

    private final @Nullable MiniMaxCacheStrategy cacheStrategy;

    private final List<ToolCallback> toolCallbacks;

    private final Map<String, Object> toolContext;

    private final Unsupported unsupported;

    private MiniMaxChatOptions(Builder builder) {
        this.model = builder.model();
        this.maxTokens = builder.maxTokens();
        this.temperature = builder.temperature();
        this.topP = builder.topP();
        this.thinking = builder.thinking;
        this.toolChoice = builder.toolChoice;
        this.userId = builder.userId;
        this.cacheStrategy = builder.cacheStrategy;
        this.toolCallbacks = List.copyOf(builder.toolCallbacks());
        this.toolContext = java.util.Collections.unmodifiableMap(new HashMap<>(builder.toolContext()));
        this.unsupported = new Unsupported(builder.topK(), builder.stopSequences(), builder.frequencyPenalty(),
                builder.presencePenalty());
    }

    /** A builder with nothing set (every value takes the client's default). */
    public static Builder builder() {
        return new Builder();
    }

    /** Tool choices MiniMax supports. */
    public enum ToolChoiceMode {

        /** The model decides whether to call a tool. */
        AUTO,

        /** The model answers without calling a tool. */
        NONE
    }

    @Override
    public @Nullable String getModel() {
        return this.model;
    }

    @Override
    public @Nullable Integer getMaxTokens() {
        return this.maxTokens;
    }

    @Override
    public @Nullable Double getTemperature() {
        return this.temperature;
    }

    @Override
    public @Nullable Double getTopP() {
        return this.topP;
    }

    /** Thinking mode, or null for the client's default. */
    public @Nullable ThinkingMode getThinking() {
        return this.thinking;
    }

    /** Tool choice, or null for the server's default (auto). */
    public @Nullable ToolChoiceMode getToolChoice() {
        return this.toolChoice;
    }

    /** The end user's id, sent as {@code metadata.user_id}. */
    public @Nullable String getUserId() {
        return this.userId;
    }

    /** Where prompt-cache breakpoints go, or null for none. */
    public @Nullable MiniMaxCacheStrategy getCacheStrategy() {
        return this.cacheStrategy;
    }

    @Override
    public @Nullable Double getFrequencyPenalty() {
        return this.unsupported.frequencyPenalty();
    }

    @Override
    public @Nullable Double getPresencePenalty() {
        return this.unsupported.presencePenalty();
    }

    @Override
    public @Nullable List<String> getStopSequences() {
        return this.unsupported.stopSequences();
    }

    @Override
    public @Nullable Integer getTopK() {
        return this.unsupported.topK();
    }

    @Override
    public List<ToolCallback> getToolCallbacks() {
        return this.toolCallbacks;
    }

    @Override
    public Map<String, Object> getToolContext() {
        return this.toolContext;
    }

    /**
     * Fails with {@link InvalidRequestException} when a Spring AI option is set that MiniMax does not take,
     * naming the option; the rest (ranges, model limits) the client checks before sending.
     */
    void rejectUnsupported() {
        this.unsupported.reject();
    }

    @Override
    public Builder mutate() {
        Builder builder = builder().model(this.model)
            .maxTokens(this.maxTokens)
            .temperature(this.temperature)
            .topP(this.topP)
            .thinking(this.thinking)
            .toolChoice(this.toolChoice)
            .userId(this.userId)
            .cacheStrategy(this.cacheStrategy)
            .toolCallbacks(new ArrayList<>(this.toolCallbacks))
            .toolContext(new HashMap<>(this.toolContext));
        return builder.topK(this.unsupported.topK())
            .stopSequences(this.unsupported.stopSequences())
            .frequencyPenalty(this.unsupported.frequencyPenalty())
            .presencePenalty(this.unsupported.presencePenalty());
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return this == other || (other instanceof MiniMaxChatOptions that && Objects.equals(this.model, that.model)
                && Objects.equals(this.maxTokens, that.maxTokens) && Objects.equals(this.temperature, that.temperature)
                && Objects.equals(this.topP, that.topP) && this.thinking == that.thinking
                && this.toolChoice == that.toolChoice && Objects.equals(this.userId, that.userId)
                && this.cacheStrategy == that.cacheStrategy
                && this.toolCallbacks.equals(that.toolCallbacks) && this.toolContext.equals(that.toolContext)
                && this.unsupported.equals(that.unsupported));
    }

    @Override
    public int hashCode() {
        return Objects.hash(this.model, this.maxTokens, this.temperature, this.topP, this.thinking, this.toolChoice,
                this.userId, this.cacheStrategy, this.toolCallbacks, this.toolContext, this.unsupported);
    }

    @Override
    public String toString() {
        return "MiniMaxChatOptions[model=" + this.model + ", maxTokens=" + this.maxTokens + ", temperature="
                + this.temperature + ", topP=" + this.topP + ", thinking=" + this.thinking + ", toolChoice="
                + this.toolChoice + ", cacheStrategy=" + this.cacheStrategy + ", tools=" + this.toolCallbacks.size()
                + "]";
    }

    /** Spring AI's generic options that MiniMax does not take; kept only to reject them with a clear message. */
    private record Unsupported(@Nullable Integer topK, @Nullable List<String> stopSequences,
            @Nullable Double frequencyPenalty, @Nullable Double presencePenalty) {

        void reject() {
            reject("topK", this.topK, "MiniMax's Messages API ignores top_k");
            reject("stopSequences", (this.stopSequences != null && !this.stopSequences.isEmpty())
                    ? this.stopSequences : null, "MiniMax's Messages API ignores stop_sequences");
            reject("frequencyPenalty", this.frequencyPenalty, "the Messages API has no frequency penalty");
            reject("presencePenalty", this.presencePenalty, "the Messages API has no presence penalty");
        }

        private static void reject(String option, @Nullable Object value, String why) {
            if (value != null) {
                throw new InvalidRequestException(option + " is not supported by MiniMax (" + why + ") but was "
                        + value + ": remove it from the chat options");
            }
        }
    }

    /** Builds {@link MiniMaxChatOptions}; also what {@code ChatClient} merges per-call options with. */
    public static final class Builder extends DefaultToolCallingChatOptions.Builder<Builder> {

        private @Nullable ThinkingMode thinking;

        private @Nullable ToolChoiceMode toolChoice;

        private @Nullable String userId;

        private @Nullable MiniMaxCacheStrategy cacheStrategy;

        private Builder() {
        }

        /** Thinking: adaptive or disabled (MiniMax-M3; the M2.x models always think). */
        public Builder thinking(@Nullable ThinkingMode thinking) {
            this.thinking = thinking;
            return this;
        }

        /** Tool choice: auto or none (MiniMax supports no other). */
        public Builder toolChoice(@Nullable ToolChoiceMode toolChoice) {
            this.toolChoice = toolChoice;
            return this;
        }

        /** The end user's id, sent as {@code metadata.user_id}. */
        public Builder userId(@Nullable String userId) {
            this.userId = userId;
            return this;
        }

        /** Where prompt-cache breakpoints go (at most 3 are placed; MiniMax takes 4). */
        public Builder cacheStrategy(@Nullable MiniMaxCacheStrategy cacheStrategy) {
            this.cacheStrategy = cacheStrategy;
            return this;
        }

        @Override
        public Builder clone() {
            return super.clone();
        }

        @Override
        public Builder combineWith(ChatOptions.Builder<?> other) {
            super.combineWith(other);
            if (other instanceof Builder that) {
                if (that.thinking != null) {
                    this.thinking = that.thinking;
                }
                if (that.toolChoice != null) {
                    this.toolChoice = that.toolChoice;
                }
                if (that.userId != null) {
                    this.userId = that.userId;
                }
                if (that.cacheStrategy != null) {
                    this.cacheStrategy = that.cacheStrategy;
                }
            }
            return this;
        }

        @Override
        public MiniMaxChatOptions build() {
            return new MiniMaxChatOptions(this);
        }

        @Nullable String model() {
            return this.model;
        }

        @Nullable Integer maxTokens() {
            return this.maxTokens;
        }

        @Nullable Double temperature() {
            return this.temperature;
        }

        @Nullable Double topP() {
            return this.topP;
        }

        @Nullable Integer topK() {
            return this.topK;
        }

        @Nullable List<String> stopSequences() {
            return this.stopSequences;
        }

        @Nullable Double frequencyPenalty() {
            return this.frequencyPenalty;
        }

        @Nullable Double presencePenalty() {
            return this.presencePenalty;
        }

        List<ToolCallback> toolCallbacks() {
            return (this.toolCallbacks != null) ? this.toolCallbacks : List.of();
        }

        Map<String, Object> toolContext() {
            return (this.toolContext != null) ? this.toolContext : Map.of();
        }
    }
}
