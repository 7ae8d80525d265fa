package io.github.minimax4j.sample.web;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.minimax4j.anthropic.ContentDelta;
import io.github.minimax4j.anthropic.MessageResponse;
import io.github.minimax4j.anthropic.MessageStreamEvent;
import io.github.minimax4j.client.MessagePublisher;
import io.github.minimax4j.error.MiniMaxException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Copies one MiniMax stream to one browser as Server-Sent Events: {@code thinking} and {@code text} deltas as they
 * arrive, then {@code usage}, then {@code done} (with the reply's blocks for the page's history); or an {@code error}
 * event. It subscribes to the client's async publisher and holds no thread while MiniMax generates: each event is
 * written on a shared writer thread (a servlet write blocks, and must not stall the client's I/O thread), and only
 * then is the next one asked for, so a slow browser slows its own MiniMax read and nothing piles up. When the
 * browser goes away the subscription is cancelled, which aborts the MiniMax response, so an abandoned reply stops
 * costing tokens.
 */
final class SseReplyRelay implements Flow.Subscriber<MessageStreamEvent> {

    private static final Log logger = LogFactory.getLog(SseReplyRelay.class);

    private final SseEmitter emitter;

    private final MessagePublisher publisher;

    private final Executor writers;

    private final Runnable onEnd;

    private final AtomicBoolean browserGone = new AtomicBoolean();

    private final AtomicBoolean ended = new AtomicBoolean();

    /** This browser's writes, one after another: signals arrive one at a time, so only they extend it. */
    private CompletableFuture<Void> writes = CompletableFuture.completedFuture(null);

    private volatile Flow.@Nullable Subscription subscription;

    private SseReplyRelay(SseEmitter emitter, MessagePublisher publisher, Executor writers, Runnable onEnd) {
        this.emitter = emitter;
        this.publisher = publisher;
        this.writers = writers;
        this.onEnd = onEnd;
        emitter.onError((ex) -> browserLeft());
        emitter.onTimeout(this::browserLeft);
    }

    /**
     * Relays {@code publisher} to {@code emitter}; {@code onEnd} runs once when the reply ended, failed or the browser
     * left.
     */
    static void relay(MessagePublisher publisher, SseEmitter emitter, Executor writers, Runnable onEnd) {
        publisher.subscribe(new SseReplyRelay(emitter, publisher, writers, onEnd));
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (this.browserGone.get()) {
            subscription.cancel();
            end();
            return;
        }
        subscription.request(1);
    }

    @Override
    public void onNext(MessageStreamEvent event) {
        then(() -> {
            if (event instanceof MessageStreamEvent.ContentBlockDelta block) {
                sendDelta(block.delta());
            }
            requestNext();
        });
    }

    @Override
    public void onError(Throwable failure) {
        then(() -> fail(failure));
    }

    @Override
    public void onComplete() {
        // The final message completes once the stream has: after its last event, written before it here.
        this.writes = this.writes.thenCombine(this.publisher.finalMessage(), (written, message) -> message)
            .handleAsync((message, failure) -> {
                if (failure == null) {
                    finish(message);
                }
                else {
                    fail((failure instanceof CompletionException) ? failure.getCause() : failure);
                }
                return null;
            }, this.writers);
    }

    /** Runs {@code write} on a writer thread after this browser's earlier writes. */
    private void then(BrowserWrite write) {
        this.writes = this.writes.thenRunAsync(() -> {
            try {
                write.run();
            }
            catch (BrowserGoneException ex) {
                logger.debug("Browser went away; cancelled its MiniMax stream");
                browserLeft();
            }
            catch (RuntimeException ex) {
                // Stop reading MiniMax too: a relay that cannot write its events must not keep the reply open.
                cancel();
                fail(ex);
            }
        }, this.writers);
    }

    private void requestNext() {
        Flow.Subscription current = this.subscription;
        if (current != null) {
            current.request(1);
        }
    }

    private void finish(MessageResponse message) {
        try {
            send(SseEmitter.event().name("usage").data(UsageView.of(message.usage())));
            // The reply's blocks as MiniMax sent them: the page keeps them and sends them back in the next turn.
            send(SseEmitter.event().name("done").data(Map.of("stopReason", String.valueOf(message.stopReason()),
                    "model", message.model(), "content", Turn.of(message.content()))));
            this.emitter.complete();
        }
        catch (BrowserGoneException ex) {
            logger.debug("Browser went away before the reply's end could be shown");
        }
        catch (RuntimeException ex) {
            logger.error("Streaming a reply failed", ex);
            sendError("The app failed while streaming the reply (" + ex.getClass().getSimpleName() + "); see its log");
        }
        end();
    }

    private void fail(Throwable failure) {
        if (failure instanceof MiniMaxException) {
            sendError(failure.getMessage());
        }
        else if (!(failure instanceof java.util.concurrent.CancellationException)) {
            // Without an event and complete() the browser would wait forever: the emitter has no timeout.
            logger.error("Streaming a reply failed", failure);
            sendError("The app failed while streaming the reply (" + failure.getClass().getSimpleName()
                    + "); see its log");
        }
        end();
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
            throw new BrowserGoneException(ex);
        }
    }

    /** The browser disconnected (or the request ended): stop reading MiniMax and give the slot back. */
    private void browserLeft() {
        this.browserGone.set(true);
        if (cancel()) {
            end();
        }
    }

    /** Cancels the MiniMax stream, which aborts its response; false when it has not been subscribed yet. */
    private boolean cancel() {
        Flow.Subscription current = this.subscription;
        if (current == null) {
            return false;
        }
        current.cancel();
        return true;
    }

    private void end() {
        if (this.ended.compareAndSet(false, true)) {
            this.onEnd.run();
        }
    }

    /** A write to the browser. */
    @FunctionalInterface
    private interface BrowserWrite {

        void run() throws BrowserGoneException;
    }

    /** The browser disconnected (or the request ended): nothing more can be sent. */
    private static final class BrowserGoneException extends Exception {

        BrowserGoneException(@Nullable Exception cause) {
            super("browser went away", cause, false, false);
        }
    }
}
