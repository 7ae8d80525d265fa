package io.github.minimax4j.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.github.minimax4j.error.MiniMaxException;
import org.jspecify.annotations.Nullable;

/**
 * One subscriber's stream of events, read off the response body without a thread of its own. It is the
 * subscriber's {@link Flow.Subscription} and the JDK client's body subscriber at once: the subscriber's demand is
 * the only demand that reaches the connection. A piece of the body is asked for only when the subscriber wants an
 * event and the pieces already received hold none, so a slow subscriber slows the socket read and memory holds one
 * piece at most. Events are parsed ({@link SseEventParser}), decoded ({@link SseEventDecoder}) and counted
 * ({@link StreamProgress}) as the blocking stream does them, one at a time, when asked for.
 * <p>
 * Every signal to the subscriber comes from one drain loop, so they are serialised whoever triggers them (the
 * subscriber's {@code request}, a piece arriving, a failure); exactly one terminal signal is sent, and none after
 * {@code cancel()}, which aborts the response.
 *
 * @param <T> event type
 */
final class SseSubscription<T> implements Flow.Subscription, HttpResponse.BodySubscriber<Object> {

    /**
     * How long the rest of a response may take to end by itself once no more of it is wanted (the stream's last
     * event was read, or the subscriber cancelled) before it is aborted: as in {@link WindowedBodySubscriber}, so
     * the JDK 17 pool is not handed a connection aborted just as it was returned.
     */
    private static final long ABORT_GRACE_MILLIS = 100;

    private static final Object BODY = new Object();

    /**
     * Dropped once the stream has ended or been cancelled (rule 3.13): the JDK client may hold this subscription
     * for a while after that, until the aborted exchange is cleaned up.
     */
    private volatile Flow.@Nullable Subscriber<? super T> subscriber;

    private final SseEventDecoder<T> decoder;

    private final StreamProgress<T> progress;

    private final HttpTransport transport;

    private final URI uri;

    private final Consumer<@Nullable Throwable> onTerminate;

    private final SseEventParser parser = new SseEventParser();

    private final AtomicLong requested = new AtomicLong();

    private final AtomicInteger wip = new AtomicInteger();

    private final Queue<List<ByteBuffer>> received = new ConcurrentLinkedQueue<>();

    private volatile Flow.@Nullable Subscription upstream;

    private volatile @Nullable ReadWatchdog watchdog;

    /** A piece of the body has been asked for and has not arrived yet. */
    private volatile boolean asked;

    private volatile boolean upstreamDone;

    private volatile @Nullable Throwable upstreamFailure;

    /** The call failed before any event (validation, an HTTP error, a connection failure). */
    private volatile @Nullable Throwable callFailure;

    private volatile boolean cancelled;

    private volatile boolean bodyReleased;

    // Read and written by the drain loop only.

    /**
     * The received buffer being parsed. The JDK client hands its buffers over for good, so they are parsed where
     * they are: an open stream holds no buffer of its own between events (10,000 open streams, 8 KiB each, were
     * 80 MB of heap holding nothing).
     */
    private @Nullable ByteBuffer current;

    private @Nullable Iterator<ByteBuffer> pieces;

    private boolean ended;

    /** An event read ahead while the subscriber had no demand. */
    private @Nullable T pending;

    private boolean terminated;

    /**
     * @param onTerminate told once the stream ends: null after completion, the failure, or a
     * {@link java.util.concurrent.CancellationException} after {@code cancel()}
     */
    SseSubscription(Flow.Subscriber<? super T> subscriber, SseEventDecoder<T> decoder, StreamProgress<T> progress,
            Consumer<@Nullable Throwable> onTerminate) {
        this.subscriber = subscriber;
        this.decoder = decoder;
        this.progress = progress;
        this.transport = decoder.transport;
        this.uri = decoder.uri;
        this.onTerminate = onTerminate;
    }

    // The subscriber's side.

    @Override
    public void request(long n) {
        if (n <= 0) {
            fail(new IllegalArgumentException("Reactive Streams rule 3.9: request(n) needs n > 0, was " + n));
            return;
        }
        long current;
        long next;
        do {
            current = this.requested.get();
            next = current + n;
            if (next < 0) {
                next = Long.MAX_VALUE;
            }
        }
        while (!this.requested.compareAndSet(current, next));
        drain();
    }

    @Override
    public void cancel() {
        this.cancelled = true;
        drain();
    }

    /**
     * The call failed. Before its body began, the subscriber gets the failure, demand or not; once the body began
     * (the JDK fails the exchange too when a stream breaks right after its first events), the events that did
     * arrive come first, then the failure.
     */
    void fail(Throwable failure) {
        if (this.upstream != null) {
            if (!this.upstreamDone) {
                this.upstreamFailure = failure;
                this.upstreamDone = true;
            }
        }
        else if (this.callFailure == null) {
            this.callFailure = failure;
        }
        drain();
    }

    /** Whether the stream waits for the server now: asked for a piece, or no headers yet. */
    boolean waiting() {
        return this.upstream == null || this.asked;
    }

    /** The read timeout expired while waiting for the body: the stream fails with a timeout. */
    void expired(ReadWatchdog expired) {
        Flow.Subscription body = this.upstream;
        if (body == null) {
            return; // still waiting for headers: the transport fails (and may retry) the exchange
        }
        this.upstreamFailure = expired.expiredFailure(null);
        this.upstreamDone = true;
        body.cancel();
        drain();
    }

    /** This subscription as the response body's subscriber, timed by {@code readWatchdog}. */
    HttpResponse.BodySubscriber<Object> body(ReadWatchdog readWatchdog) {
        this.watchdog = readWatchdog;
        return this;
    }

    // The JDK client's side.

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.upstream = subscription;
        drain();
    }

    @Override
    public void onNext(List<ByteBuffer> piece) {
        ReadWatchdog timer = this.watchdog;
        if (timer != null) {
            timer.activity();
        }
        if (!this.bodyReleased) {
            this.received.add(piece);
        }
        this.asked = false;
        drain();
    }

    @Override
    public void onError(Throwable failure) {
        this.upstreamFailure = failure;
        this.upstreamDone = true;
        stopWatchdog();
        drain();
    }

    @Override
    public void onComplete() {
        this.upstreamDone = true;
        stopWatchdog();
        drain();
    }

    @Override
    public CompletionStage<Object> getBody() {
        return CompletableFuture.completedFuture(BODY);
    }

    // The drain loop.

    private void drain() {
        if (this.wip.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            if (!this.terminated) {
                step();
            }
            missed = this.wip.addAndGet(-missed);
        }
        while (missed != 0);
    }

    private void step() {
        if (this.cancelled) {
            terminate(null, true);
            return;
        }
        Throwable failed = this.callFailure;
        if (failed != null) {
            terminate(failed, false);
            return;
        }
        Flow.Subscriber<? super T> downstream = Objects.requireNonNull(this.subscriber); // dropped only by terminate
        long wanted = this.requested.get();
        long emitted = 0;
        try {
            while (emitted != wanted && !this.cancelled) {
                T event = nextEvent();
                if (event == null) {
                    break;
                }
                this.progress.event(event);
                downstream.onNext(event);
                emitted++;
                if (this.decoder.stopped()) {
                    this.ended = true;
                    break;
                }
            }
            if (emitted == wanted && !this.ended && !this.cancelled && this.pending == null) {
                // Demand is met: look one event ahead in what has arrived, so an end already there (Chat's
                // [DONE], an error event) is signalled without waiting for more demand.
                this.pending = nextEvent();
            }
        }
        catch (RuntimeException ex) {
            terminate(ex, false);
            return;
        }
        if (emitted != 0 && wanted != Long.MAX_VALUE) {
            this.requested.addAndGet(-emitted);
        }
        if (this.cancelled) {
            terminate(null, true);
        }
        else if (this.ended) {
            terminate(null, false);
        }
        else {
            askForMore();
        }
    }

    /** The next event from what has arrived, or null when more bytes are needed or the stream has ended. */
    private @Nullable T nextEvent() {
        T looked = this.pending;
        if (looked != null) {
            this.pending = null;
            return looked;
        }
        while (true) {
            ByteBuffer buffer = this.current;
            if (buffer != null && buffer.hasRemaining()) {
                parse(buffer);
                SseEventParser.SseEvent sse = this.parser.take();
                if (sse != null) {
                    T event = this.decoder.decode(sse);
                    if (event == null) {
                        this.ended = true;
                    }
                    return event;
                }
            }
            else if (!nextPiece()) {
                return (this.upstreamDone && this.received.isEmpty()) ? atBodyEnd() : null;
            }
        }
    }

    /**
     * The body has ended (or failed) with every byte before that parsed. A decoder yields no event for the end
     * of the body: it ends the stream or throws why it is incomplete.
     */
    private @Nullable T atBodyEnd() {
        Throwable failure = this.upstreamFailure;
        if (failure != null) {
            throw bodyFailure(failure);
        }
        T event = this.decoder.decode(null);
        if (event == null) {
            this.ended = true;
        }
        return event;
    }

    /** Parses {@code buffer} up to the end of the next event in it, moving its position past what was parsed. */
    private void parse(ByteBuffer buffer) {
        int offset = buffer.arrayOffset();
        int end = this.parser.parse(buffer.array(), offset + buffer.position(), offset + buffer.limit());
        buffer.position(end - offset);
    }

    /** Makes the next received buffer {@link #current}; false when none is left (nothing is then held). */
    private boolean nextPiece() {
        this.current = null;
        while (this.pieces == null || !this.pieces.hasNext()) {
            List<ByteBuffer> piece = this.received.poll();
            if (piece == null) {
                this.pieces = null;
                return false;
            }
            this.pieces = piece.iterator();
        }
        ByteBuffer next = this.pieces.next();
        if (!next.hasArray()) { // direct or read-only: copied once, to be parsed like the others
            ByteBuffer copy = ByteBuffer.allocate(next.remaining());
            copy.put(next).flip();
            next = copy;
        }
        this.current = next;
        return true;
    }

    /** Asks the connection for one more piece when the subscriber wants an event and none has arrived. */
    private void askForMore() {
        Flow.Subscription body = this.upstream;
        if (body != null && this.requested.get() > 0 && this.pending == null && !this.upstreamDone && !this.asked
                && (this.current == null || !this.current.hasRemaining()) && this.received.isEmpty()
                && (this.pieces == null || !this.pieces.hasNext())) {
            this.asked = true;
            body.request(1);
        }
    }

    private RuntimeException bodyFailure(Throwable failure) {
        if (failure instanceof MiniMaxException typed) {
            return typed; // the exchange's failure, already typed by the transport
        }
        ReadWatchdog timer = this.watchdog;
        IOException io = (failure instanceof IOException ex) ? ex : new IOException(failure.getMessage(), failure);
        if (timer != null && timer.expired() && !(failure instanceof java.net.SocketTimeoutException)) {
            io = timer.expiredFailure(failure);
        }
        return this.transport.ioFailure(this.uri, io, true);
    }

    /** Sends the one terminal signal (none after a cancel), ends the observation and releases the body. */
    private void terminate(@Nullable Throwable failure, boolean byCancel) {
        this.terminated = true;
        Flow.Subscriber<? super T> downstream = Objects.requireNonNull(this.subscriber);
        this.subscriber = null;
        releaseBody();
        if (byCancel) {
            this.progress.cancelled();
            this.onTerminate.accept(new java.util.concurrent.CancellationException(
                    "The subscriber cancelled the stream before it completed"));
            return;
        }
        if (failure == null) {
            this.progress.end();
            this.onTerminate.accept(null);
            signal(downstream::onComplete);
        }
        else {
            this.progress.failed(failure);
            this.onTerminate.accept(failure);
            signal(() -> downstream.onError(failure));
        }
    }

    private static void signal(Runnable signal) {
        try {
            signal.run();
        }
        catch (RuntimeException ex) {
            // Rule 2.13: a subscriber must not throw; nothing more is sent to it either way.
        }
    }

    /**
     * No more of the body is wanted: what is left is dropped as it comes, and an unfinished response is aborted
     * after {@link #ABORT_GRACE_MILLIS} unless it ends by itself meanwhile.
     */
    private void releaseBody() {
        this.bodyReleased = true;
        this.received.clear();
        this.pieces = null;
        this.current = null;
        Flow.Subscription body = this.upstream;
        if (body == null || this.upstreamDone) {
            stopWatchdog();
            return;
        }
        stopWatchdog();
        body.request(Long.MAX_VALUE);
        CompletableFuture.delayedExecutor(ABORT_GRACE_MILLIS, TimeUnit.MILLISECONDS).execute(() -> {
            if (!this.upstreamDone) {
                body.cancel();
            }
        });
    }

    private void stopWatchdog() {
        ReadWatchdog timer = this.watchdog;
        if (timer != null) {
            timer.stop();
        }
    }

}
