package io.github.minimax4j.springai;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;

import io.github.minimax4j.anthropic.ContentBlock;
import io.github.minimax4j.anthropic.MessageResponse;
import io.github.minimax4j.anthropic.ThinkingBlock;
import io.github.minimax4j.anthropic.ToolUseBlock;
import io.github.minimax4j.anthropic.Usage;
import io.github.minimax4j.client.MiniMaxJson;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.metadata.EmptyUsage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;

/**
 * Turns Messages API replies into Spring AI responses: the text blocks become the assistant message's
 * text (never the thinking), the reply's whole content list is kept in its metadata (to go back in the
 * same order), tool_use blocks become tool calls, and usage, model, id and stop reason go into the response
 * metadata.
 */
final class ResponseMapper {

    private ResponseMapper() {
    }

    static ChatResponse toChatResponse(MessageResponse reply) {
        return chatResponse(reply, reply.text());
    }

    /**
     * The last chunk of a stream: no text (the deltas carried it), the rest of the reply (thinking blocks,
     * tool calls, usage, stop reason), so Spring AI's aggregation rebuilds the whole assistant turn.
     */
    static ChatResponse finalChunk(MessageResponse reply) {
        return chatResponse(reply, "");
    }

    private static ChatResponse chatResponse(MessageResponse reply, String text) {
        List<ThinkingBlock> thinking = reply.content()
            .stream()
            .filter(ThinkingBlock.class::isInstance)
            .map(ThinkingBlock.class::cast)
            .toList();
        Map<String, Object> properties = new HashMap<>();
        properties.put(MiniMaxChatModel.CONTENT_BLOCKS, List.copyOf(reply.content()));
        if (!thinking.isEmpty()) {
            properties.put(MiniMaxChatModel.THINKING_BLOCKS, thinking);
            properties.put(MiniMaxChatModel.REASONING_CONTENT,
                    thinking.stream().map(ThinkingBlock::thinking).collect(Collectors.joining()));
        }
        List<AssistantMessage.ToolCall> toolCalls = reply.content()
            .stream()
            .filter(ToolUseBlock.class::isInstance)
            .map(ContentBlock.class::cast)
            .map((block) -> (ToolUseBlock) block)
            .map((use) -> new AssistantMessage.ToolCall(use.id(), "function", use.name(),
                    MiniMaxJson.write(use.input())))
            .toList();
        AssistantMessage message = AssistantMessage.builder()
            .content(text)
            .properties(properties)
            .toolCalls(toolCalls)
            .build();
        String finishReason = (reply.stopReason() != null) ? reply.stopReason().value() : "";
        Generation generation = new Generation(message,
                ChatGenerationMetadata.builder().finishReason(finishReason).build());
        ChatResponseMetadata.Builder metadata = ChatResponseMetadata.builder()
            .usage(usage(reply.usage()));
        if (reply.id() != null) {
            metadata.id(reply.id());
        }
        if (reply.model() != null) {
            metadata.model(reply.model());
        }
        return new ChatResponse(List.of(generation), metadata.build());
    }

    /**
     * Spring AI's usage: prompt tokens are every input token (uncached, cache-read and cache-creation, the
     * OpenTelemetry definition our meters use); cache read and creation also separately, as MiniMax reported
     * them (a reported 0 is 0, a count it did not send is null).
     */
    static org.springframework.ai.chat.metadata.Usage usage(@Nullable Usage usage) {
        if (usage == null) {
            return new EmptyUsage();
        }
        int input = usage.totalInputTokens();
        int output = usage.outputTokens();
        return new DefaultUsage(input, output, input + output, usage,
                reported(usage.reportedCacheReadInputTokens()), reported(usage.reportedCacheCreationInputTokens()));
    }

    private static @Nullable Long reported(OptionalInt tokens) {
        return tokens.isPresent() ? (long) tokens.getAsInt() : null;
    }
}
