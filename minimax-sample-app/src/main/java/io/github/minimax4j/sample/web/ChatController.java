package io.github.minimax4j.sample.web;

import java.util.Map;

import io.github.minimax4j.client.MiniMaxClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A whole reply as JSON, and token counting. */
@RestController
@RequestMapping("/api")
class ChatController {

    private final MiniMaxClient minimax;

    ChatController(MiniMaxClient minimax) {
        this.minimax = minimax;
    }

    @PostMapping("/chat")
    ChatReply chat(@RequestBody PromptRequest prompt) {
        return ChatReply.of(this.minimax.messages().create(Conversations.of(prompt)));
    }

    @PostMapping("/tokens")
    Map<String, Integer> countTokens(@RequestBody PromptRequest prompt) {
        return Map.of("inputTokens", this.minimax.messages().countTokens(Conversations.of(prompt)).inputTokens());
    }
}
