package io.github.minimax4j.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.minimax4j.openai.ChatChoice;
import io.github.minimax4j.openai.ChatCompletion;
import io.github.minimax4j.openai.ChatCompletionChunk;
import io.github.minimax4j.openai.ChatContent;
import io.github.minimax4j.openai.ChatMessage;
import io.github.minimax4j.openai.ChatUsage;
import io.github.minimax4j.openai.Role;
import io.github.minimax4j.openai.ToolCall;
import org.jspecify.annotations.Nullable;

/**
 * Builds the final {@link ChatCompletion} from stream chunks: content and reasoning joined, tool-call argument
 * fragments assembled by index, {@code reasoning_details} fragments merged into one detail per index (MiniMax
 * streams their text in increments, and the whole detail must go back in the next turn), the finish reason and
 * the final usage kept. One per stream; not thread-safe.
 *
 * <p>The contract, the same as {@link MessageAccumulator}'s: {@link #completion()}
 * throws {@link IllegalStateException} until the reply is complete (a choice has its {@code finish_reason}, or the
 * stream's {@code [DONE]} was {@linkplain #markDone() marked});
 * {@link #model()} and {@link #usage()} give what has arrived so far. A partial reply is never handed out as if it
 * were whole (a cut answer would pass for a finished one); a caller who wants the text so far has it from the
 * chunks. The usage chunk comes after the finish reason: read the stream to its end before taking the completion.
 *
 * <p>{@link #withoutContent()} keeps nothing per delta: the completion then has its id, model, finish reasons and
 * usage, and empty messages.
 */
public final class ChatCompletionAccumulator {

    private final boolean keepContent;

    private @Nullable String id;

    private @Nullable String model;

    private long created;

    private @Nullable ChatUsage usage;

    private @Nullable Boolean inputSensitive;

    private @Nullable Integer inputSensitiveType;

    private @Nullable Boolean outputSensitive;

    private @Nullable Integer outputSensitiveType;

    private final Map<Integer, ChoiceBuilder> choices = new TreeMap<>();

    private boolean done;

    /** An accumulator that keeps the whole reply. */
    public ChatCompletionAccumulator() {
        this(true);
    }

    private ChatCompletionAccumulator(boolean keepContent) {
        this.keepContent = keepContent;
    }

    /**
     * An accumulator that keeps no content (no text, reasoning or tool calls): memory does not grow with the
     * reply; {@link #completion()} carries id, model, finish reasons and usage, with empty messages.
     * @return a new accumulator
     */
    public static ChatCompletionAccumulator withoutContent() {
        return new ChatCompletionAccumulator(false);
    }

    /**
     * Takes one chunk in.
     * @param chunk the next chunk of the stream
     * @return the chunk, so {@code .peek(accumulator::accumulate)} works
     */
    public ChatCompletionChunk accumulate(ChatCompletionChunk chunk) {
        this.id = (chunk.id() != null) ? chunk.id() : this.id;
        this.model = (chunk.model() != null) ? chunk.model() : this.model;
        this.created = (chunk.created() != 0) ? chunk.created() : this.created;
        this.usage = (chunk.usage() != null) ? chunk.usage() : this.usage;
        this.inputSensitive = (chunk.inputSensitive() != null) ? chunk.inputSensitive() : this.inputSensitive;
        this.outputSensitive = (chunk.outputSensitive() != null) ? chunk.outputSensitive() : this.outputSensitive;
        this.inputSensitiveType = (chunk.inputSensitiveType() != null) ? chunk.inputSensitiveType()
                : this.inputSensitiveType;
        this.outputSensitiveType = (chunk.outputSensitiveType() != null) ? chunk.outputSensitiveType()
                : this.outputSensitiveType;
        for (ChatCompletionChunk.Choice choice : chunk.choices()) {
            this.choices.computeIfAbsent(choice.index(), (index) -> new ChoiceBuilder(this.keepContent)).add(choice);
        }
        return chunk;
    }

    /**
     * The stream has ended with {@code [DONE]}, the server's word that the reply is over (which is not a chunk):
     * the reply is complete even if no finish reason came.
     */
    public void markDone() {
        this.done = true;
    }

    /**
     * Whether the reply is complete.
     * @return whether any choice has its finish reason, or {@link #markDone()} was called
     */
    public boolean isFinished() {
        return this.done || this.choices.values().stream().anyMatch((choice) -> choice.finishReason != null);
    }

    /**
     * The model so far.
     * @return the model the chunks named, or null before the first
     */
    public @Nullable String model() {
        return this.model;
    }

    /**
     * The usage, once reported.
     * @return usage from the final usage chunk, or null before it
     */
    public @Nullable ChatUsage usage() {
        return this.usage;
    }

    /**
     * The reply as accumulated.
     * @return the complete reply (with empty messages after {@link #withoutContent()})
     * @throws IllegalStateException before any finish reason has arrived
     */
    public ChatCompletion completion() {
        if (!isFinished()) {
            throw new IllegalStateException("The stream has not delivered a finish_reason yet: read it to the end first");
        }
        List<ChatChoice> built = new ArrayList<>();
        this.choices.forEach((index, choice) -> built.add(choice.build(index)));
        return ChatCompletion.builder()
            .id((this.id != null) ? this.id : "")
            .object("chat.completion")
            .created(this.created)
            .model((this.model != null) ? this.model : "")
            .choices(built)
            .usage(this.usage)
            .inputSensitive(this.inputSensitive)
            .inputSensitiveType(this.inputSensitiveType)
            .outputSensitive(this.outputSensitive)
            .outputSensitiveType(this.outputSensitiveType)
            .build();
    }

    /** One choice's deltas, in StringBuilders so long streams cost no repeated copying. */
    private static final class ChoiceBuilder {

        private final boolean keepContent;

        private final StringBuilder content = new StringBuilder();

        private final StringBuilder reasoning = new StringBuilder();

        private final ReasoningDetails reasoningDetails = new ReasoningDetails();

        private final Map<Integer, ToolCallBuilder> toolCalls = new TreeMap<>();

        private @Nullable String finishReason;

        ChoiceBuilder(boolean keepContent) {
            this.keepContent = keepContent;
        }

        void add(ChatCompletionChunk.Choice choice) {
            if (choice.finishReason() != null) {
                this.finishReason = choice.finishReason();
            }
            ChatCompletionChunk.Delta delta = choice.delta();
            if (delta == null || !this.keepContent) {
                return;
            }
            if (delta.content() != null) {
                this.content.append(delta.content());
            }
            if (delta.reasoningContent() != null) {
                this.reasoning.append(delta.reasoningContent());
            }
            if (delta.reasoningDetails() != null) {
                delta.reasoningDetails().forEach(this.reasoningDetails::add);
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
            ChatMessage message = ChatMessage.builder()
                .role(Role.ASSISTANT)
                .content(ChatContent.of(this.content.toString()))
                .toolCalls(calls)
                .reasoningContent(this.reasoning.isEmpty() ? null : this.reasoning.toString())
                .reasoningDetails(this.reasoningDetails.build())
                .build();
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

    /** {@code reasoning_details} fragments, merged by {@code index} (or {@code id}): texts joined in order. */
    private static final class ReasoningDetails {

        private final Map<Object, Detail> details = new LinkedHashMap<>();

        void add(Map<String, Object> fragment) {
            Object key = (fragment.get("index") != null) ? fragment.get("index")
                    : (fragment.get("id") != null) ? fragment.get("id") : "#" + this.details.size();
            this.details.computeIfAbsent(key, (k) -> new Detail()).add(fragment);
        }

        @Nullable List<Map<String, Object>> build() {
            return this.details.isEmpty() ? null : this.details.values().stream().map(Detail::build).toList();
        }

        /** One detail: the first value of each field, and all the text (a StringBuilder: no quadratic copying). */
        private static final class Detail {

            private final Map<String, @Nullable Object> fields = new LinkedHashMap<>();

            private @Nullable StringBuilder text;

            void add(Map<String, Object> fragment) {
                fragment.forEach((name, value) -> {
                    if (name.equals("text") && value instanceof String more) {
                        this.fields.putIfAbsent("text", null); // keeps the field's place in the order
                        this.text = (this.text != null) ? this.text.append(more) : new StringBuilder(more);
                    }
                    else if (this.fields.get(name) == null) {
                        this.fields.put(name, value);
                    }
                });
            }

            Map<String, Object> build() {
                Map<String, @Nullable Object> built = new LinkedHashMap<>(this.fields);
                if (this.text != null) {
                    built.put("text", this.text.toString());
                }
                return java.util.Collections.unmodifiableMap(built);
            }
        }
    }
}
