package io.github.minimax4j.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;

import org.jspecify.annotations.Nullable;

/**
 * A JSON body gathered whole by the JDK client, as its {@code ofByteArray()} does, and handed over as a stream
 * whose first read waits for the whole of it: the caller wakes once for the head and once for the body, not once
 * per piece. Each piece that arrives counts as activity for the {@link ReadWatchdog}, so its read timeout stays a
 * bound on silence between bytes; closing the stream before the body is whole (the watchdog does on expiry, or a
 * caller giving up) cancels the exchange instead of leaving it pending in the JDK client.
 */
final class WholeBodySubscriber implements HttpResponse.BodySubscriber<InputStream> {

    private final HttpResponse.BodySubscriber<byte[]> whole = HttpResponse.BodySubscribers.ofByteArray();

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

    /** The body was closed before it was whole: cancels the exchange and fails a reader still waiting. */
    private void abort() {
        Flow.Subscription toCancel;
        synchronized (this) {
            if (this.finished) {
                return;
            }
            this.finished = true;
            toCancel = this.subscription;
            this.whole.onError(new SocketTimeoutException("the response body was closed before it ended"));
        }
        if (toCancel != null) {
            toCancel.cancel();
        }
    }

    @Override
    public CompletionStage<InputStream> getBody() {
        return CompletableFuture.completedFuture(new Body());
    }

    /** The body's bytes once all have come. */
    private final class Body extends InputStream {

        private @Nullable InputStream bytes;

        @Override
        public int read() throws IOException {
            return bytes().read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return bytes().read(buffer, offset, length);
        }

        @Override
        public byte[] readAllBytes() throws IOException {
            return bytes().readAllBytes();
        }

        private InputStream bytes() throws IOException {
            if (this.bytes == null) {
                try {
                    this.bytes = new ByteArrayInputStream(WholeBodySubscriber.this.whole.getBody().toCompletableFuture().get());
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    abort();
                    InterruptedIOException interrupted = new InterruptedIOException("Interrupted reading a response");
                    interrupted.initCause(ex);
                    throw interrupted;
                }
                catch (ExecutionException ex) {
                    throw (ex.getCause() instanceof IOException io) ? io : new IOException(ex.getCause());
                }
            }
            return this.bytes;
        }

        @Override
        public void close() {
            abort();
        }
    }
}
