package io.github.minimax4j.sample.web;

import java.io.IOException;
import java.util.Map;

import io.github.minimax4j.anthropic.ContentDelta;
import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.anthropic.MessageStream;
import io.github.minimax4j.anthropic.MessageStreamEvent;
import io.github.minimax4j.client.MiniMaxClient;
import io.github.minimax4j.error.MiniMaxException;
import org.springframework.core.task.TaskExecutor;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Streams a reply to the browser as Server-Sent Events: {@code thinking} and {@code text} deltas as they
 * arrive from MiniMax, then {@code usage}, then {@code done} (or {@code error}). A browser that goes away
 * closes the MiniMax stream, so an abandoned reply stops costing tokens.
 */
@RestController
class StreamController {

    private final MiniMaxClient minimax;

    private final TaskExecutor executor;

    StreamController(MiniMaxClient minimax, TaskExecutor applicationTaskExecutor) {
        this.minimax = minimax;
        this.executor = applicationTaskExecutor;
    }

    @PostMapping(path = "/api/chat/stream", produces = "text/event-stream")
    SseEmitter stream(@RequestBody PromptRequest prompt) {
        MessageRequest request = Conversations.of(prompt);
        SseEmitter emitter = new SseEmitter(0L);
        this.executor.execute(() -> relay(request, emitter));
        return emitter;
    }

    private void relay(MessageRequest request, SseEmitter emitter) {
        try (MessageStream stream = this.minimax.messages().stream(request)) {
            for (MessageStreamEvent event : stream) {
                if (event instanceof MessageStreamEvent.ContentBlockDelta block) {
                    send(emitter, block.delta());
                }
            }
            var message = stream.finalMessage();
            emitter.send(SseEmitter.event().name("usage").data(UsageView.of(message.usage())));
            emitter.send(SseEmitter.event().name("done").data(Map.of("stopReason", String.valueOf(message.stopReason()),
                    "model", message.model())));
            emitter.complete();
        }
        catch (IOException ex) {
            emitter.completeWithError(ex); // the browser went away; closing the stream above aborted MiniMax's
        }
        catch (MiniMaxException ex) {
            try {
                emitter.send(SseEmitter.event().name("error").data(Map.of("message", ex.getMessage())));
                emitter.complete();
            }
            catch (IOException gone) {
                emitter.completeWithError(gone);
            }
        }
    }

    private static void send(SseEmitter emitter, ContentDelta delta) throws IOException {
        if (delta instanceof ContentDelta.TextDelta text) {
            emitter.send(SseEmitter.event().name("text").data(Map.of("text", text.text())));
        }
        else if (delta instanceof ContentDelta.ThinkingDelta thinking) {
            emitter.send(SseEmitter.event().name("thinking").data(Map.of("text", thinking.thinking())));
        }
    }
}
