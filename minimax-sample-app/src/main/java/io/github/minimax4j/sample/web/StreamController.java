package io.github.minimax4j.sample.web;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.client.MiniMaxClient;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code POST /api/chat/stream}: checks the prompt (400 before any stream opens), takes a stream slot (503 with a
 * reason when none is free), then relays the client's async MiniMax stream to the browser ({@link SseReplyRelay})
 * without a thread per browser.
 */
@RestController
class StreamController {

    private final MiniMaxClient minimax;

    private final StreamSlots slots;

    private final ThreadPoolTaskExecutor writers;

    StreamController(MiniMaxClient minimax, StreamSlots slots,
            @Qualifier(ReplyStreamExecutorConfiguration.EXECUTOR) ThreadPoolTaskExecutor writers) {
        this.minimax = minimax;
        this.slots = slots;
        this.writers = writers;
    }

    @PostMapping(path = "/api/chat/stream", produces = "text/event-stream")
    SseEmitter stream(@RequestBody PromptRequest prompt) {
        MessageRequest request = Conversations.of(prompt);
        Runnable slot = this.slots.take();
        // No timeout here: the client's read timeout already bounds a stalled MiniMax stream.
        SseEmitter emitter = new SseEmitter(0L);
        SseReplyRelay.relay(this.minimax.async().messages().stream(request), emitter, this.writers, slot);
        return emitter;
    }
}
