package io.github.minimax4j.client;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A JSON body read whole before the caller sees the response, as the JDK's {@code ofByteArray()} does: the
 * caller wakes once per call instead of once per piece, which is what a non-streaming call costs a raw client.
 * Each piece that arrives counts as activity for the {@link ReadWatchdog}, so its read timeout stays a bound on
 * silence between bytes, not on the whole body.
 */
final class WholeBodySubscriber implements HttpResponse.BodySubscriber<InputStream> {

    private final HttpResponse.BodySubscriber<InputStream> whole = HttpResponse.BodySubscribers
        .mapping(HttpResponse.BodySubscribers.ofByteArray(), ByteArrayInputStream::new);

    private final ReadWatchdog watchdog;

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
    public void onSubscribe(Flow.Subscription subscription) {
        this.whole.onSubscribe(subscription);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        this.watchdog.activity();
        this.whole.onNext(buffers);
    }

    @Override
    public void onError(Throwable failure) {
        this.whole.onError(failure);
    }

    @Override
    public void onComplete() {
        this.whole.onComplete();
    }

    @Override
    public CompletionStage<InputStream> getBody() {
        return this.whole.getBody();
    }
}
