package io.github.minimax4j.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * A response body as an {@link InputStream} that keeps a window of buffers requested ahead. The JDK's own
 * {@code BodySubscribers.ofInputStream()} requests one buffer at a time, and when the connection drops it reports
 * the error at once, discarding what had already arrived but was not yet requested: a stream cut mid-way lost the
 * text before the cut. Here everything received before the failure is read first, then the failure.
 */
final class WindowedBodySubscriber implements HttpResponse.BodySubscriber<InputStream> {

    /** Buffers requested ahead of the reader: bounds memory when the reader is slower than the network. */
    private static final int WINDOW = 64;

    /**
     * How long a body closed before its end may still end on its own before it is aborted. A stream closed
     * after its last event has usually only the body's end still to come; aborting it right then races the JDK
     * client returning the connection to its pool, and JDK 17 may hand the aborted connection to the next call,
     * which then fails ("header parser received no bytes": LoadTests, 1 in 6,400 calls). A stream closed
     * mid-generation is aborted this much later, the caller not waiting for it.
     */
    private static final long ABORT_GRACE_MILLIS = 100;

    private static final Object END = new Object();

    private static final Object CLOSED = new Object();

    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();

    private volatile Flow.@Nullable Subscription subscription;

    /** Set once the body ended or failed: no more demand may reach the connection after that. */
    private volatile boolean finished;

    /** Set when the reader closed the body: what still arrives is dropped. */
    private volatile boolean closed;

    private final CompletableFuture<InputStream> body = CompletableFuture.completedFuture(new Body());

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(WINDOW);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (!this.closed) {
            this.queue.add(buffers);
        }
    }

    @Override
    public void onError(Throwable failure) {
        this.finished = true;
        this.queue.add(failure);
    }

    @Override
    public void onComplete() {
        this.finished = true;
        this.queue.add(END);
    }

    @Override
    public CompletionStage<InputStream> getBody() {
        return this.body;
    }

    private final class Body extends InputStream {

        private @Nullable ByteBuffer current;

        private @Nullable Iterator<ByteBuffer> pending;

        private boolean ended;

        private @Nullable IOException failure;

        private boolean closedSeen;

        @Override
        public int read() throws IOException {
            ByteBuffer buffer = current();
            return (buffer != null) ? (buffer.get() & 0xFF) : -1;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            ByteBuffer buffer = current();
            if (buffer == null) {
                return -1;
            }
            int read = Math.min(length, buffer.remaining());
            buffer.get(bytes, offset, read);
            return read;
        }

        /** The buffer to read from, waiting for one if needed; null at the end of the body. */
        @SuppressWarnings("unchecked")
        private @Nullable ByteBuffer current() throws IOException {
            while (this.current == null || !this.current.hasRemaining()) {
                if (this.pending != null && this.pending.hasNext()) {
                    this.current = this.pending.next();
                    continue;
                }
                if (this.ended) {
                    return null;
                }
                if (this.failure != null) {
                    throw this.failure;
                }
                if (this.closedSeen) {
                    throw new IOException("closed");
                }
                Object next;
                try {
                    next = WindowedBodySubscriber.this.queue.take();
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    InterruptedIOException interrupted = new InterruptedIOException("Interrupted reading a response");
                    interrupted.initCause(ex);
                    throw interrupted;
                }
                if (next == END) {
                    this.ended = true;
                }
                else if (next == CLOSED) {
                    this.closedSeen = true;
                }
                else if (next instanceof Throwable error) {
                    this.failure = (error instanceof IOException io) ? io : new IOException(error.getMessage(), error);
                }
                else {
                    this.pending = ((List<ByteBuffer>) next).iterator();
                    Flow.Subscription subscription = WindowedBodySubscriber.this.subscription;
                    if (subscription != null && !WindowedBodySubscriber.this.finished) {
                        subscription.request(1);
                    }
                }
            }
            return this.current;
        }

        /**
         * Closes the body and wakes a blocked reader. An unfinished response is aborted, not read to its end: after
         * {@link #ABORT_GRACE_MILLIS}, unless it ends by itself meanwhile (its rest is dropped as it comes).
         */
        @Override
        public void close() {
            WindowedBodySubscriber subscriber = WindowedBodySubscriber.this;
            if (subscriber.closed) {
                return;
            }
            subscriber.closed = true;
            Flow.Subscription subscription = subscriber.subscription;
            if (subscription != null && !subscriber.finished) {
                subscription.request(Long.MAX_VALUE);
                CompletableFuture.delayedExecutor(ABORT_GRACE_MILLIS, TimeUnit.MILLISECONDS).execute(() -> {
                    if (!subscriber.finished) {
                        subscription.cancel();
                    }
                });
            }
            subscriber.queue.add(CLOSED);
        }
    }
}
