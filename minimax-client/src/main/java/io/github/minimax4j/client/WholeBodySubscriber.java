package io.github.minimax4j.client;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

import org.jspecify.annotations.Nullable;

/**
 * A JSON body read whole before the caller sees the response, as the JDK's {@code ofByteArray()} does: the
 * caller wakes once per call instead of once per piece, which is what a non-streaming call costs a raw client.
 * Each piece that arrives counts as activity for the {@link ReadWatchdog}, so its read timeout stays a bound on
 * silence between bytes, not on the whole body; on expiry the watchdog {@linkplain #abort() aborts} the body,
 * which cancels the exchange (interrupting the waiting caller instead left some exchanges pending in the JDK
 * client, its selector thread alive for good).
 */
final class WholeBodySubscriber implements HttpResponse.BodySubscriber<InputStream> {

    private final HttpResponse.BodySubscriber<InputStream> whole = HttpResponse.BodySubscribers
        .mapping(HttpResponse.BodySubscribers.ofByteArray(), ByteArrayInputStream::new);

    private final ReadWatchdog watchdog;

    private Flow.@Nullable Subscription subscription;

    /** Set once the body ended, failed or was aborted: what still comes is dropped. */
    private boolean finished;

    WholeBodySubscriber(ReadWatchdog watchdog) {
        this.watchdog = watchdog;
    }

    /** Whether a response with this {@code Content-Type} is a JSON document, read whole anyway to be parsed. */
    static boolean isJson(String contentType) {
        int parameters = contentType.indexOf(';');
        String type = ((parameters >= 0) ? contentType.substring(0, parameters) : contentType).trim();
        return type.equalsIgnoreCase("application/json") || (type.regionMatches(true, 0, "application/", 0, 12)
                && type.regionMatches(true, type.length() - 5, "+json", 0, 5));
    }

    @Override
    public synchronized void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        this.whole.onSubscribe(subscription);
    }

    @Override
    public synchronized void onNext(List<ByteBuffer> buffers) {
        if (!this.finished) {
            this.watchdog.activity();
            this.whole.onNext(buffers);
        }
    }

    @Override
    public synchronized void onError(Throwable failure) {
        if (!this.finished) {
            this.finished = true;
            this.whole.onError(failure);
        }
    }

    @Override
    public synchronized void onComplete() {
        if (!this.finished) {
            this.finished = true;
            this.whole.onComplete();
        }
    }

    /** The body went silent too long: cancels the exchange and fails the body, which wakes the caller. */
    void abort() {
        Flow.Subscription toCancel;
        synchronized (this) {
            if (this.finished) {
                return;
            }
            this.finished = true;
            toCancel = this.subscription;
            this.whole.onError(new SocketTimeoutException("the response body went silent past the read timeout"));
        }
        if (toCancel != null) {
            toCancel.cancel();
        }
    }

    @Override
    public CompletionStage<InputStream> getBody() {
        return this.whole.getBody();
    }
}
