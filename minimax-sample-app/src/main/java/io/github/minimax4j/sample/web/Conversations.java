package io.github.minimax4j.sample.web;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.model.ThinkingMode;

/** The requests the sample sends: one user turn, with thinking on or off. */
final class Conversations {

    private Conversations() {
    }

    static MessageRequest of(PromptRequest prompt) {
        return MessageRequest.builder()
            .system("You are a concise, friendly assistant in the minimax4j sample app.")
            .addUserMessage(prompt.validPrompt())
            .thinking(prompt.wantsThinking() ? ThinkingMode.ADAPTIVE : ThinkingMode.DISABLED)
            .maxTokens(2048)
            .build();
    }
}
