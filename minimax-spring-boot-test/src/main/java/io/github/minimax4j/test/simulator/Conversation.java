package io.github.minimax4j.test.simulator;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * API-neutral view of a request: what the reply composer needs, read from either the Anthropic Messages
 * or the OpenAI Chat Completions shape by {@link ConversationReader}.
 *
 * @param model model ID, echoed in the response
 * @param thinking whether the model thinks for this request (already resolved per API and model)
 * @param lastUserText text of the last user turn ("" when it held only media or tool results)
 * @param earlierUserText text of the user turn before the last ("" in a first turn)
 * @param toolResult result the caller sent back for a tool call, when that is the last turn; otherwise null
 * @param tools tools the caller offers
 * @param toolChoiceNone whether the caller forbade tool calls
 * @param maxTokens output limit, or null when unset
 * @param promptTokens estimated prompt tokens, cached ones included
 * @param cachedPromptTokens part of {@code promptTokens} that earlier turns put in the prompt cache
 */
record Conversation(String model, boolean thinking, String lastUserText, String earlierUserText,
        @Nullable ToolResult toolResult,
        List<Tool> tools, boolean toolChoiceNone, @Nullable Integer maxTokens, int promptTokens,
        int cachedPromptTokens) {

    Conversation {
        tools = List.copyOf(tools);
    }

    /** Usage of a reply to this conversation. */
    Usage usage(Reply reply) {
        return new Usage(this.promptTokens - this.cachedPromptTokens, this.cachedPromptTokens, reply.outputTokens());
    }

    /** A tool offered by the caller. */
    record Tool(String name, String description, JsonNode inputSchema) {
    }

    /** A tool result sent back by the caller, with the name of the tool that produced it when known. */
    record ToolResult(String toolName, String content) {
    }
}
