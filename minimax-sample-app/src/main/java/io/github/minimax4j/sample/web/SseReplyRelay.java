package io.github.minimax4j.sample.web;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.github.minimax4j.anthropic.ContentDelta;
import io.github.minimax4j.anthropic.MessageResponse;
import io.github.minimax4j.client.MessageStream;
import io.github.minimax4j.anthropic.MessageStreamEvent;
import io.github.minimax4j.error.MiniMaxException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Copies one MiniMax stream to one browser as Server-Sent Events: {@code thinking} and {@code text} deltas
 * as they arrive, then {@code usage}, then {@code done} (with the reply's blocks for the page's history); or an
 * {@code error} event. When the browser goes
 * away the MiniMax stream is closed, which aborts its response, so an abandoned reply stops costing tokens.
 * Runs on a relay thread; the emitter's callbacks come from the servlet container's threads.
 */
final class SseReplyRelay {

    private static final Log logger = LogFactory.getLog(SseReplyRelay.class);

    private final SseEmitter emitter;

    private final AtomicBoolean browserGone = new AtomicBoolean();

    SseReplyRelay(SseEmitter emitter) {
        this.emitter = emitter;
        emitter.onError((ex) -> this.browserGone.set(true));
        emitter.onTimeout(() -> this.browserGone.set(true));
    }

    /** Opens the MiniMax stream and relays it; returns when it ended, failed or the browser left. */
    void relay(Supplier<MessageStream> opener) {
        try (MessageStream stream = opener.get()) {
            for (MessageStreamEvent event : stream) {
                if (event instanceof MessageStreamEvent.ContentBlockDelta block) {
                    sendDelta(block.delta());
                }
            }
            MessageResponse message = stream.finalMessage();
            send(SseEmitter.event().name("usage").data(UsageView.of(message.usage())));
            // The reply's blocks as MiniMax sent them: the page keeps them and sends them back in the next turn.
            send(SseEmitter.event().name("done").data(Map.of("stopReason", String.valueOf(message.stopReason()),
                    "model", message.model(), "content", Turn.of(message.content()))));
            this.emitter.complete();
        }
        catch (BrowserGoneException ex) {
            // Leaving the try block closed the MiniMax stream; the container ends the request itself.
            logger.debug("Browser went away; closed its MiniMax stream");
        }
        catch (MiniMaxException ex) {
            sendError(ex.getMessage());
        }
        catch (RuntimeException ex) {
            // Without an event and complete() the browser would wait forever: the emitter has no timeout.
            logger.error("Streaming a reply failed", ex);
            sendError("The app failed while streaming the reply (" + ex.getClass().getSimpleName()
                    + "); see its log");
        }
    }

    private void sendDelta(ContentDelta delta) throws BrowserGoneException {
        if (delta instanceof ContentDelta.TextDelta text) {
            send(SseEmitter.event().name("text").data(Map.of("text", text.text())));
        }
        else if (delta instanceof ContentDelta.ThinkingDelta thinking) {
            send(SseEmitter.event().name("thinking").data(Map.of("text", thinking.thinking())));
        }
    }

    private void sendError(String message) {
        try {
            send(SseEmitter.event().name("error").data(Map.of("message", message)));
            this.emitter.complete();
        }
        catch (BrowserGoneException ex) {
            logger.debug("Browser went away before the error could be shown: " + message);
        }
    }

    private void send(SseEmitter.SseEventBuilder event) throws BrowserGoneException {
        if (this.browserGone.get()) {
            throw new BrowserGoneException(null);
        }
        try {
            this.emitter.send(event);
        }
        catch (IOException | IllegalStateException ex) {
            // IOException: the write failed. IllegalStateException: the container already ended the request.
            this.browserGone.set(true);
            throw new BrowserGoneException(ex);
        }
    }

    /** The browser disconnected (or the request ended): nothing more can be sent. */
    private static final class BrowserGoneException extends Exception {

        BrowserGoneException(Exception cause) {
            super("browser went away", cause, false, false);
        }
    }
}
