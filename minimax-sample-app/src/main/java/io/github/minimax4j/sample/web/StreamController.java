package io.github.minimax4j.sample.web;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.client.MiniMaxClient;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code POST /api/chat/stream}: checks the prompt (400 before any stream opens), then relays the MiniMax
 * stream to the browser on a relay thread ({@link SseReplyRelay}); 503 when all relay threads are busy.
 */
@RestController
class StreamController {

    private final MiniMaxClient minimax;

    private final ThreadPoolTaskExecutor executor;

    StreamController(MiniMaxClient minimax,
            @Qualifier(ReplyStreamExecutorConfiguration.EXECUTOR) ThreadPoolTaskExecutor executor) {
        this.minimax = minimax;
        this.executor = executor;
    }

    @PostMapping(path = "/api/chat/stream", produces = "text/event-stream")
    SseEmitter stream(@RequestBody PromptRequest prompt) {
        MessageRequest request = Conversations.of(prompt);
        // No timeout here: the client's read timeout already bounds a stalled MiniMax stream.
        SseEmitter emitter = new SseEmitter(0L);
        SseReplyRelay relay = new SseReplyRelay(emitter);
        try {
            this.executor.execute(() -> relay.relay(() -> this.minimax.messages().stream(request)));
        }
        catch (TaskRejectedException ex) {
            throw new TooManyStreamsException(this.executor.getMaxPoolSize());
        }
        return emitter;
    }
}
