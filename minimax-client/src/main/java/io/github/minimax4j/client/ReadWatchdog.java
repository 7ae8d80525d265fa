package io.github.minimax4j.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Enforces {@code readTimeout} as the longest silence allowed while waiting for a response: first for its
 * headers, then within each read of its body (what the caller does between reads is not the server's silence).
 * Never a bound on the whole response, so a generation may stream for as long as it keeps sending.
 * <p>
 * Request factories disagree on what a read timeout is (the JDK client's, in Spring's factory, is a deadline
 * for the whole call; Apache's and {@code HttpURLConnection}'s are socket timeouts), so the client enforces
 * its own, the same whatever factory carries the call. On expiry it interrupts the caller still waiting for
 * headers (unless the transport bounds that wait itself, as the client's own JDK one does with the JDK's request
 * timeout) or closes the body being read; the caller then gets a {@link SocketTimeoutException}, which the
 * transport reports as a timeout.
 */
final class ReadWatchdog {

    /** The request attribute carrying the call's watchdog to a transport that can report activity itself. */
    static final String ATTRIBUTE = ReadWatchdog.class.getName();

    /** Times every call of every client on one daemon thread. */
    private static final Sweeper SWEEPER = new Sweeper();

    /** Closes expired bodies: daemon threads made as needed (expiries are rare), ended after a second idle. */
    private static final Executor CLOSER = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 1, TimeUnit.SECONDS,
            new SynchronousQueue<>(), (task) -> {
                Thread thread = new Thread(task, "minimax-read-watchdog-close");
                thread.setDaemon(true);
                return thread;
            });

    private enum Phase {
        /** Waiting for the head; on expiry the caller is interrupted. */
        HEADERS,
        /** The caller reads the body; on expiry it is closed. */
        BODY, EXPIRED, DONE
    }

    private final long timeoutNanos;

    /** The blocking caller to interrupt while it waits for headers; null on the non-blocking path. */
    private final @Nullable Thread caller;

    /** The non-blocking path's abort (cancels the exchange); null on the blocking path. */
    private final @Nullable Runnable onExpiry;

    /** Whether the non-blocking call is waiting for bytes now (a subscriber with no demand is not); null when blocking. */
    private final @Nullable BooleanSupplier waiting;

    /** The blocking caller is inside a read of the body: the time it spends between reads is not silence. */
    private volatile boolean reading;

    private volatile long lastActivity;

    private Phase phase = Phase.HEADERS;

    private @Nullable ClientHttpResponse response;

    /** Set when the transport bounds the wait for the head itself: the watchdog then starts with the body. */
    private volatile boolean transportTimesHead;

    /** Set once the response's head reached the client: from then on nothing is sent again (RetryRule). */
    private volatile boolean responseBegan;

    /** Set when a read of the body failed: the response is then released on a closer thread. */
    private volatile boolean readFailed;

    /** Set once the response was handed to a closer thread. */
    private final AtomicBoolean handedOff = new AtomicBoolean();

    private ReadWatchdog(Duration timeout, @Nullable Thread caller, @Nullable Runnable onExpiry,
            @Nullable BooleanSupplier waiting) {
        this.timeoutNanos = timeout.toNanos();
        this.caller = caller;
        this.onExpiry = onExpiry;
        this.waiting = waiting;
        this.lastActivity = System.nanoTime();
    }

    /** Starts watching a call the current thread is about to make. */
    static ReadWatchdog start(Duration timeout) {
        ReadWatchdog watchdog = new ReadWatchdog(timeout, Thread.currentThread(), null, null);
        SWEEPER.watch(watchdog);
        return watchdog;
    }

    /**
     * Starts watching a non-blocking call: on expiry it runs {@code onExpiry} (which aborts the exchange) instead
     * of interrupting a thread. Silence counts only while {@code waiting} says the call is waiting for bytes, so a
     * subscriber that has asked for nothing is not timed out.
     */
    static ReadWatchdog startAsync(Duration timeout, Runnable onExpiry, BooleanSupplier waiting) {
        ReadWatchdog watchdog = new ReadWatchdog(timeout, null, onExpiry, waiting);
        SWEEPER.watch(watchdog);
        return watchdog;
    }

    /**
     * The non-blocking call's headers have arrived: from now on the watchdog times the body.
     * @return false when the headers came too late (the watchdog has expired)
     */
    synchronized boolean bodyStarted() {
        if (this.phase == Phase.HEADERS) {
            this.phase = Phase.BODY;
            this.lastActivity = System.nanoTime();
            return true;
        }
        return this.phase != Phase.EXPIRED;
    }

    /**
     * The response's headers have arrived: from now on the watchdog times the body's reads.
     * @return the response with a watched body; closing it stops the watchdog
     * @throws SocketTimeoutException when the headers came too late (the caller's interrupt is cleared)
     */
    ClientHttpResponse watch(ClientHttpResponse response) throws SocketTimeoutException {
        this.responseBegan = true;
        synchronized (this) {
            if (this.phase == Phase.HEADERS) {
                this.phase = Phase.BODY;
                this.response = response;
                this.lastActivity = System.nanoTime();
                if (this.transportTimesHead) {
                    SWEEPER.watch(this);
                }
                return new WatchedResponse(response);
            }
        }
        response.close();
        throw expiredFailure(null);
    }

    /**
     * The transport bounds the wait for the response's head with this watchdog's {@link #timeout()} itself (the
     * client's JDK one, whose own request timeout ends the exchange cleanly where an interrupt left some pending);
     * the watchdog does not interrupt the caller meanwhile, and times the body once the head is there.
     */
    void headTimedByTransport() {
        this.transportTimesHead = true;
    }

    /** The longest silence allowed. */
    Duration timeout() {
        return Duration.ofNanos(this.timeoutNanos);
    }

    /**
     * The response's head arrived at a transport that reports it before handing the response over (the client's
     * own JDK one, on the JDK client's thread): from now on nothing is sent again.
     */
    void headArrived() {
        this.responseBegan = true;
    }

    /** Whether any of the response (its head) reached the client. */
    boolean responseBegan() {
        return this.responseBegan;
    }

    /** Bytes arrived that the caller has not read yet (a transport buffering a body): silence ends here too. */
    void activity() {
        this.lastActivity = System.nanoTime();
    }

    /**
     * Stops watching; safe to call more than once.
     * @return whether the watchdog had expired: an expired body is then released by its closer thread
     */
    boolean stop() {
        boolean expired;
        synchronized (this) {
            expired = this.phase == Phase.EXPIRED;
            if (!expired) {
                this.phase = Phase.DONE;
            }
        }
        SWEEPER.unwatch(this);
        return expired;
    }

    /** Whether the silence outlasted the timeout (the failure that followed is a timeout). */
    synchronized boolean expired() {
        return this.phase == Phase.EXPIRED;
    }

    /** The timeout failure; clears an interrupt the watchdog sent the caller. */
    SocketTimeoutException expiredFailure(@Nullable Throwable cause) {
        if (this.caller != null && Thread.currentThread() == this.caller) {
            Thread.interrupted();
        }
        SocketTimeoutException timeout = new SocketTimeoutException("no data from the server for "
                + Duration.ofNanos(this.timeoutNanos) + " (read timeout)");
        if (cause != null) {
            timeout.initCause(cause);
        }
        return timeout;
    }

    /**
     * Whether the call waits for the server now: a subscriber that has asked for more, or a blocking caller waiting
     * for its head or inside a read of the body. Silence is counted only then.
     */
    private boolean waitingForBytes() {
        return (this.waiting != null) ? this.waiting.getAsBoolean() : (this.reading || this.phase == Phase.HEADERS);
    }

    /** When the call's silence would outlast the timeout, if nothing arrives before then. */
    private long deadline() {
        return this.lastActivity + this.timeoutNanos;
    }

    /**
     * Expires the call if it has been silent for the timeout.
     * @return when to check it again, or {@link OptionalLong#empty()} when it is over
     */
    private OptionalLong check(long now) {
        ClientHttpResponse toClose;
        synchronized (this) {
            if (this.phase == Phase.DONE || this.phase == Phase.EXPIRED
                    || (this.phase == Phase.HEADERS && this.transportTimesHead)) {
                return OptionalLong.empty(); // the transport's own timeout bounds the head; watched again after it
            }
            if (now - this.lastActivity < this.timeoutNanos) {
                return OptionalLong.of(deadline());
            }
            if (!waitingForBytes()) {
                this.lastActivity = now; // the caller is not asking: its pause is not the server's silence
                return OptionalLong.of(deadline());
            }
            Phase was = this.phase;
            this.phase = Phase.EXPIRED;
            Thread caller = this.caller;
            if (caller != null && was == Phase.HEADERS) {
                caller.interrupt(); // under the lock: watch() cannot have passed the headers phase
                return OptionalLong.empty();
            }
            toClose = (this.onExpiry == null && this.handedOff.compareAndSet(false, true)) ? this.response : null;
        }
        if (this.onExpiry != null) {
            this.onExpiry.run(); // a non-blocking call: its exchange is aborted and its subscriber hears why
        }
        else if (toClose != null) {
            CLOSER.execute(() -> release(toClose));
        }
        return OptionalLong.empty();
    }

    /**
     * The caller is done with the watched response: it closes it itself, unless the watchdog expired (its closer
     * thread releases it) or a read of its body failed (handed to a closer thread now).
     * @return whether the caller closes the response itself
     */
    private boolean callerCloses(ClientHttpResponse response) {
        if (stop()) {
            return false;
        }
        if (this.readFailed) {
            if (this.handedOff.compareAndSet(false, true)) {
                CLOSER.execute(() -> release(response));
            }
            return false;
        }
        return true;
    }

    /**
     * Releases a broken call's response on a closer thread, neither the sweeper's nor the caller's, as a close
     * can block for seconds: HttpURLConnection's waits for the read it ends, under the same lock, and then hands the
     * rest of the body to the JDK's keep-alive cleaner, which reads it under that lock for up to 5 s per read: a
     * caller closing too can wait behind it. The sweeper goes on timing every other call, and the caller gets its
     * failure at once.
     */
    private static void release(ClientHttpResponse response) {
        // The body first: some responses (Spring's JDK one and HttpURLConnection's) drain the body when closed.
        try {
            response.getBody().close();
        }
        catch (IOException | RuntimeException ex) {
            // closed below either way
        }
        response.close();
    }

    /**
     * Checks the calls in flight when the earliest of them may have gone silent too long. Starting and ending a
     * call only adds it to and removes it from a set: the timer thread is woken when a new call's deadline comes
     * before the planned check (rarely, as calls share a timeout), not once per call as a timer task per call would.
     */
    private static final class Sweeper {

        private final Set<ReadWatchdog> watched = ConcurrentHashMap.newKeySet();

        private final ScheduledThreadPoolExecutor timer = timer();

        private volatile boolean planned;

        /** When the planned check runs ({@link System#nanoTime()}); meaningful while {@link #planned}. */
        private volatile long plannedAt;

        private @Nullable ScheduledFuture<?> plan;

        void watch(ReadWatchdog watchdog) {
            this.watched.add(watchdog);
            long deadline = watchdog.deadline();
            if (!this.planned || deadline - this.plannedAt < 0) {
                planAt(deadline);
            }
        }

        void unwatch(ReadWatchdog watchdog) {
            this.watched.remove(watchdog);
        }

        private synchronized void planAt(long deadline) {
            if (this.planned && deadline - this.plannedAt >= 0) {
                return;
            }
            if (this.plan != null) {
                this.plan.cancel(false);
            }
            this.plannedAt = deadline;
            this.planned = true;
            this.plan = this.timer.schedule(this::sweep, deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        private void sweep() {
            synchronized (this) {
                this.planned = false; // a call starting from now on plans its own check
            }
            long now = System.nanoTime();
            for (ReadWatchdog watchdog : this.watched) {
                OptionalLong next = watchdog.check(now);
                if (next.isPresent()) {
                    planAt(next.getAsLong());
                }
                else {
                    this.watched.remove(watchdog);
                }
            }
        }
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, (task) -> {
            Thread thread = new Thread(task, "minimax-read-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /** The response with its body's reads timed; closing it stops the watchdog. */
    private final class WatchedResponse implements ClientHttpResponse {

        private final ClientHttpResponse response;

        private @Nullable InputStream body;

        WatchedResponse(ClientHttpResponse response) {
            this.response = response;
        }

        @Override
        public HttpStatusCode getStatusCode() throws IOException {
            return this.response.getStatusCode();
        }

        @Override
        public String getStatusText() throws IOException {
            return this.response.getStatusText();
        }

        @Override
        public HttpHeaders getHeaders() {
            return this.response.getHeaders();
        }

        @Override
        public InputStream getBody() throws IOException {
            if (this.body == null) {
                this.body = new WatchedBody(this.response);
            }
            return this.body;
        }

        @Override
        public void close() {
            if (callerCloses(this.response)) {
                this.response.close();
            }
        }
    }

    /** Notes each read; a read the watchdog cut short fails as a timeout. */
    private final class WatchedBody extends FilterInputStream {

        private final ClientHttpResponse response;

        WatchedBody(ClientHttpResponse response) throws IOException {
            super(response.getBody());
            this.response = response;
        }

        @Override
        public int read() throws IOException {
            reading();
            try {
                return noted(super.read());
            }
            catch (IOException ex) {
                throw failure(ex);
            }
            finally {
                ReadWatchdog.this.reading = false;
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            reading();
            try {
                return noted(this.in.read(buffer, offset, length));
            }
            catch (IOException ex) {
                throw failure(ex);
            }
            finally {
                ReadWatchdog.this.reading = false;
            }
        }

        /** Silence is timed from here: the caller's time between reads (handling an event) is not the server's. */
        private void reading() {
            ReadWatchdog.this.lastActivity = System.nanoTime();
            ReadWatchdog.this.reading = true;
        }

        @Override
        public void close() throws IOException {
            if (callerCloses(this.response)) {
                super.close();
            }
        }

        private int noted(int read) throws SocketTimeoutException {
            if (read < 0 && expired()) {
                throw expiredFailure(null);
            }
            ReadWatchdog.this.lastActivity = System.nanoTime();
            return read;
        }

        private IOException failure(IOException ex) {
            ReadWatchdog.this.readFailed = true;
            return expired() ? expiredFailure(ex) : ex;
        }
    }
}
