package io.github.minimax4j.client;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;

/**
 * What both publisher types share: a stream sent when subscribed, for one subscriber, whose demand paces the read
 * from the connection; cancelling aborts the response. Internal: only {@link MessagePublisher} and
 * {@link ChatCompletionPublisher} extend it, and only the client creates those.
 *
 * @param <T> event type
 */
abstract sealed class MiniMaxPublisher<T> implements Flow.Publisher<T>
        permits MessagePublisher, ChatCompletionPublisher {

    private final Opening<T> opening;

    private final AtomicBoolean subscribed = new AtomicBoolean();

    /** Completes with the stream's progress once it completed, or with why it did not. */
    private final CompletableFuture<StreamProgress<T>> finished = new CompletableFuture<>();

    private final CompletableFuture<StreamProgress<T>> finishedForCaller;

    private volatile boolean discardText;

    /** Opens the stream for a subscriber: see {@link AsyncStreams#open}. */
    @FunctionalInterface
    interface Opening<T> {

        void open(Flow.Subscriber<? super T> subscriber, boolean discardText,
                java.util.function.BiConsumer<StreamProgress<T>, @Nullable Throwable> onTerminate);
    }

    MiniMaxPublisher(Opening<T> opening, java.util.concurrent.Executor completions) {
        this.opening = opening;
        this.finishedForCaller = this.finished.whenCompleteAsync((progress, failure) -> {
        }, completions);
    }

    /**
     * Sends the request and streams its reply to {@code subscriber}, which gets {@code onSubscribe} at once, then
     * the events as it requests them, then one of {@code onComplete} or {@code onError} (a typed
     * {@link io.github.minimax4j.error.MiniMaxException}, or {@link io.github.minimax4j.error.InvalidRequestException}
     * with nothing sent). Signals come on the client's I/O thread: a subscriber must not block in them (Reactive
     * Streams rule 2.2), or it stalls other calls' reads too. A publisher takes one subscriber; a second one gets
     * {@code onError} with an {@link IllegalStateException}.
     * @param subscriber receives the events
     */
    @Override
    public final void subscribe(Flow.Subscriber<? super T> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber must not be null (Reactive Streams rule 1.9)");
        if (!this.subscribed.compareAndSet(false, true)) {
            subscriber.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                }

                @Override
                public void cancel() {
                }
            });
            subscriber.onError(new IllegalStateException("A MiniMax stream publisher takes one subscriber: call "
                    + "stream(...) again for another reply"));
            return;
        }
        this.opening.open(subscriber, this.discardText, (progress, failure) -> {
            if (failure == null) {
                this.finished.complete(progress);
            }
            else {
                this.finished.completeExceptionally(failure);
            }
        });
    }

    /** Keeps no content from here on. */
    final void keepNoText() {
        if (this.subscribed.get()) {
            throw new IllegalStateException("discardText() must be called before the publisher is subscribed");
        }
        this.discardText = true;
    }

    /**
     * The stream's progress once it has completed; subscribes a reader that takes every event when nobody has
     * subscribed yet.
     */
    final CompletableFuture<StreamProgress<T>> completed() {
        if (!this.subscribed.get()) {
            subscribe(new DrainingSubscriber<>());
        }
        return this.finishedForCaller;
    }

    /** Takes every event, for a caller who wants only the final message. */
    private static final class DrainingSubscriber<T> implements Flow.Subscriber<T> {

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(T item) {
        }

        @Override
        public void onError(Throwable throwable) {
        }

        @Override
        public void onComplete() {
        }
    }
}
