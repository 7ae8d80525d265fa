package io.github.minimax4j.test.simulator;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the simulated model generated, before it is rendered in either API's format.
 *
 * @param thinking reasoning text, or null when the model did not think
 * @param text answer text ("" when none)
 * @param toolCall requested tool call, or null
 * @param truncated whether generation stopped at the caller's output limit
 * @param thinkingCut whether it stopped inside the thinking (a {@code <think>} block is then left open)
 */
record Reply(@Nullable String thinking, String text, @Nullable ToolCall toolCall, boolean truncated,
        boolean thinkingCut) {

    Reply(@Nullable String thinking, String text, @Nullable ToolCall toolCall, boolean truncated) {
        this(thinking, text, toolCall, truncated, false);
    }

    /** Output tokens: what was generated, at about four characters per token. */
    int outputTokens() {
        int tokens = TokenEstimator.tokens(this.thinking) + TokenEstimator.tokens(this.text);
        if (this.toolCall != null) {
            tokens += TokenEstimator.tokens(this.toolCall.name() + this.toolCall.arguments());
        }
        return Math.max(tokens, 1);
    }

    /** Anthropic stop reason; Chat Completions maps it in {@link #finishReason()}. */
    String stopReason() {
        return this.truncated ? "max_tokens" : (this.toolCall != null) ? "tool_use" : "end_turn";
    }

    String finishReason() {
        return this.truncated ? "length" : (this.toolCall != null) ? "tool_calls" : "stop";
    }

    /**
     * Cuts the reply to the caller's output limit as the real model does: thinking is generated first, then
     * text; a cut-off tool call is never emitted.
     */
    Reply limitTo(@Nullable Integer maxTokens) {
        if (maxTokens == null || outputTokens() <= maxTokens) {
            return this;
        }
        int budget = maxTokens;
        String cutThinking = null;
        if (this.thinking != null) {
            cutThinking = cut(this.thinking, budget);
            if (cutThinking.length() < this.thinking.length()) {
                return new Reply(cutThinking, "", null, true, true);
            }
            budget -= TokenEstimator.tokens(cutThinking);
        }
        return new Reply(cutThinking, cut(this.text, budget), null, true, false);
    }

    private static String cut(String value, int tokens) {
        return value.substring(0, Math.min(value.length(), Math.max(tokens, 0) * 4));
    }

    /**
     * A tool call.
     *
     * @param id {@code call_…} id
     * @param name tool name
     * @param input arguments as a JSON object
     */
    record ToolCall(String id, String name, ObjectNode input) {

        /** Arguments as the JSON string both APIs stream (and Chat Completions returns). */
        String arguments() {
            return Json.write(this.input);
        }
    }
}
