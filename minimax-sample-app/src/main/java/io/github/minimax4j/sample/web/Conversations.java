package io.github.minimax4j.sample.web;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.model.ThinkingMode;

/**
 * The requests the sample sends: the conversation so far (assistant turns exactly as MiniMax sent them,
 * thinking and signatures included), then the new user turn, with thinking on or off.
 */
final class Conversations {

    private Conversations() {
    }

    static MessageRequest of(PromptRequest prompt) {
        String question = prompt.validPrompt();
        MessageRequest.Builder request = MessageRequest.builder()
            .system("You are a concise, friendly assistant in the minimax4j sample app.");
        for (Turn turn : prompt.validHistory()) {
            request.addMessage(turn.toMessage());
        }
        return request.addUserMessage(question)
            .thinking(prompt.wantsThinking() ? ThinkingMode.ADAPTIVE : ThinkingMode.DISABLED)
            .maxTokens(2048)
            .build();
    }
}
