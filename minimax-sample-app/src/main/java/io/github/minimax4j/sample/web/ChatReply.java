package io.github.minimax4j.sample.web;

import java.util.List;

import io.github.minimax4j.anthropic.MessageResponse;

/**
 * A whole reply.
 *
 * @param text the answer
 * @param thinking the model's reasoning, empty when it did not think
 * @param model model that answered
 * @param stopReason why it stopped
 * @param usage tokens used
 * @param content the reply's blocks as MiniMax sent them, to send back as the assistant turn of the history
 */
public record ChatReply(String text, String thinking, String model, String stopReason, UsageView usage,
        List<Turn.Block> content) {

    static ChatReply of(MessageResponse response) {
        return new ChatReply(response.text(), response.thinking(), response.model(),
                String.valueOf(response.stopReason()), UsageView.of(response.usage()), Turn.of(response.content()));
    }
}
