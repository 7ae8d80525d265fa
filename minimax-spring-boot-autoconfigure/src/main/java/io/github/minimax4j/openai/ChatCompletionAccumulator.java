package io.github.minimax4j.openai;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * Builds the final {@link ChatCompletion} from stream chunks: content and reasoning joined, tool-call argument
 * fragments assembled by index, the finish reason and the final usage kept. One per stream; not thread-safe.
 */
public final class ChatCompletionAccumulator {

    private @Nullable String id;

    private @Nullable String model;

    private long created;

    private @Nullable ChatUsage usage;

    private @Nullable Boolean inputSensitive;

    private @Nullable Boolean outputSensitive;

    private final Map<Integer, ChoiceBuilder> choices = new TreeMap<>();

    /** Takes one chunk in; returns it, so {@code .peek(accumulator::accumulate)} works. */
    public ChatCompletionChunk accumulate(ChatCompletionChunk chunk) {
        this.id = (chunk.id() != null) ? chunk.id() : this.id;
        this.model = (chunk.model() != null) ? chunk.model() : this.model;
        this.created = (chunk.created() != 0) ? chunk.created() : this.created;
        this.usage = (chunk.usage() != null) ? chunk.usage() : this.usage;
        this.inputSensitive = (chunk.inputSensitive() != null) ? chunk.inputSensitive() : this.inputSensitive;
        this.outputSensitive = (chunk.outputSensitive() != null) ? chunk.outputSensitive() : this.outputSensitive;
        for (ChatCompletionChunk.Choice choice : chunk.choices()) {
            this.choices.computeIfAbsent(choice.index(), (index) -> new ChoiceBuilder()).add(choice);
        }
        return chunk;
    }

    /** Whether any choice has its finish reason: the reply is complete, whatever follows. */
    public boolean isFinished() {
        return this.choices.values().stream().anyMatch((choice) -> choice.finishReason != null);
    }

    /** Usage from the final usage chunk, if it has arrived. */
    public @Nullable ChatUsage usage() {
        return this.usage;
    }

    /** The reply as accumulated so far. */
    public ChatCompletion completion() {
        List<ChatChoice> built = new ArrayList<>();
        this.choices.forEach((index, choice) -> built.add(choice.build(index)));
        return new ChatCompletion((this.id != null) ? this.id : "", "chat.completion", this.created,
                (this.model != null) ? this.model : "", built, this.usage, this.inputSensitive, null,
                this.outputSensitive, null, null, Map.of());
    }

    /** One choice's deltas, in StringBuilders so long streams cost no repeated copying. */
    private static final class ChoiceBuilder {

        private final StringBuilder content = new StringBuilder();

        private final StringBuilder reasoning = new StringBuilder();

        private final List<Map<String, Object>> reasoningDetails = new ArrayList<>();

        private final Map<Integer, ToolCallBuilder> toolCalls = new TreeMap<>();

        private @Nullable String finishReason;

        void add(ChatCompletionChunk.Choice choice) {
            if (choice.finishReason() != null) {
                this.finishReason = choice.finishReason();
            }
            ChatCompletionChunk.Delta delta = choice.delta();
            if (delta == null) {
                return;
            }
            if (delta.content() != null) {
                this.content.append(delta.content());
            }
            if (delta.reasoningContent() != null) {
                this.reasoning.append(delta.reasoningContent());
            }
            if (delta.reasoningDetails() != null) {
                this.reasoningDetails.addAll(delta.reasoningDetails());
            }
            if (delta.toolCalls() != null) {
                for (int i = 0; i < delta.toolCalls().size(); i++) {
                    ToolCall call = delta.toolCalls().get(i);
                    int index = (call.index() != null) ? call.index() : i;
                    this.toolCalls.computeIfAbsent(index, (key) -> new ToolCallBuilder()).add(call);
                }
            }
        }

        ChatChoice build(int index) {
            List<ToolCall> calls = this.toolCalls.values().stream().map(ToolCallBuilder::build).toList();
            ChatMessage message = new ChatMessage("assistant", ChatContent.of(this.content.toString()), null, calls,
                    null, this.reasoning.isEmpty() ? null : this.reasoning.toString(),
                    this.reasoningDetails.isEmpty() ? null : List.copyOf(this.reasoningDetails), Map.of());
            return new ChatChoice(index, this.finishReason, message);
        }
    }

    /** Fragments of one tool call: id and name arrive once, arguments in pieces. */
    private static final class ToolCallBuilder {

        private @Nullable String id;

        private @Nullable String name;

        private final StringBuilder arguments = new StringBuilder();

        void add(ToolCall fragment) {
            this.id = (fragment.id() != null) ? fragment.id() : this.id;
            if (fragment.function() != null) {
                this.name = (fragment.function().name() != null) ? fragment.function().name() : this.name;
                if (fragment.function().arguments() != null) {
                    this.arguments.append(fragment.function().arguments());
                }
            }
        }

        ToolCall build() {
            return new ToolCall(null, this.id, "function", new ToolCall.FunctionCall(this.name, this.arguments.toString()));
        }
    }
}
