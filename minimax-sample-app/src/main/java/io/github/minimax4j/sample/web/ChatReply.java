package io.github.minimax4j.sample.web;

import io.github.minimax4j.anthropic.MessageResponse;

/**
 * A whole reply.
 *
 * @param text the answer
 * @param thinking the model's reasoning, empty when it did not think
 * @param model model that answered
 * @param stopReason why it stopped
 * @param usage tokens used
 */
public record ChatReply(String text, String thinking, String model, String stopReason, UsageView usage) {

    static ChatReply of(MessageResponse response) {
        return new ChatReply(response.text(), response.thinking(), response.model(),
                String.valueOf(response.stopReason()), UsageView.of(response.usage()));
    }
}
