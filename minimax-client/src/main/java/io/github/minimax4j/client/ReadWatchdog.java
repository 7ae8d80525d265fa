package io.github.minimax4j.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Enforces {@code readTimeout} as the longest silence allowed while waiting for a response: first for its
 * headers, then between any two reads of its body. Never a bound on the whole response, so a generation may
 * stream for as long as it keeps sending.
 * <p>
 * Request factories disagree on what a read timeout is (the JDK client's, in Spring's factory, is a deadline
 * for the whole call; Apache's and {@code HttpURLConnection}'s are socket timeouts), so the client enforces
 * its own, the same whatever factory carries the call. On expiry it interrupts the caller still waiting for
 * headers (the JDK client gives up at once) or closes the body being read; the caller then gets a
 * {@link SocketTimeoutException}, which the transport reports as a timeout.
 */
final class ReadWatchdog {

    /** One daemon thread for all clients: it only checks clocks, rarely. */
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private enum Phase {
        HEADERS, BODY, EXPIRED, DONE
    }

    private final long timeoutNanos;

    private final Thread caller;

    private volatile long lastActivity;

    private Phase phase = Phase.HEADERS;

    private @Nullable ClientHttpResponse response;

    private @Nullable ScheduledFuture<?> check;

    private ReadWatchdog(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
        this.caller = Thread.currentThread();
        this.lastActivity = System.nanoTime();
    }

    /** Starts watching a call the current thread is about to make. */
    static ReadWatchdog start(Duration timeout) {
        ReadWatchdog watchdog = new ReadWatchdog(timeout);
        synchronized (watchdog) {
            watchdog.check = TIMER.schedule(watchdog::check, watchdog.timeoutNanos, TimeUnit.NANOSECONDS);
        }
        return watchdog;
    }

    /**
     * The response's headers have arrived: from now on the watchdog times the body's reads.
     * @return the response with a watched body; closing it stops the watchdog
     * @throws SocketTimeoutException when the headers came too late (the caller's interrupt is cleared)
     */
    ClientHttpResponse watch(ClientHttpResponse response) throws SocketTimeoutException {
        synchronized (this) {
            if (this.phase == Phase.HEADERS) {
                this.phase = Phase.BODY;
                this.response = response;
                this.lastActivity = System.nanoTime();
                return new WatchedResponse(response);
            }
        }
        response.close();
        throw expiredFailure(null);
    }

    /** Stops watching; safe to call more than once. */
    synchronized void stop() {
        if (this.phase != Phase.EXPIRED) {
            this.phase = Phase.DONE;
        }
        if (this.check != null) {
            this.check.cancel(false);
        }
    }

    /** Whether the silence outlasted the timeout (the failure that followed is a timeout). */
    synchronized boolean expired() {
        return this.phase == Phase.EXPIRED;
    }

    /** The timeout failure; clears an interrupt the watchdog sent the caller. */
    SocketTimeoutException expiredFailure(@Nullable Throwable cause) {
        if (Thread.currentThread() == this.caller) {
            Thread.interrupted();
        }
        SocketTimeoutException timeout = new SocketTimeoutException("no data from the server for "
                + Duration.ofNanos(this.timeoutNanos) + " (read timeout)");
        if (cause != null) {
            timeout.initCause(cause);
        }
        return timeout;
    }

    private void check() {
        ClientHttpResponse toClose;
        synchronized (this) {
            if (this.phase == Phase.DONE || this.phase == Phase.EXPIRED) {
                return;
            }
            long idle = System.nanoTime() - this.lastActivity;
            if (idle < this.timeoutNanos) {
                this.check = TIMER.schedule(this::check, this.timeoutNanos - idle, TimeUnit.NANOSECONDS);
                return;
            }
            Phase was = this.phase;
            this.phase = Phase.EXPIRED;
            if (was == Phase.HEADERS) {
                this.caller.interrupt(); // under the lock: watch() cannot have passed the headers phase
                return;
            }
            toClose = this.response;
        }
        if (toClose != null) {
            // The body, not the response: some responses (Spring's JDK one) drain the body when closed.
            try {
                toClose.getBody().close();
            }
            catch (IOException | RuntimeException ex) {
                toClose.close();
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
                this.body = new WatchedBody(this.response.getBody());
            }
            return this.body;
        }

        @Override
        public void close() {
            stop();
            this.response.close();
        }
    }

    /** Notes each read; a read the watchdog cut short fails as a timeout. */
    private final class WatchedBody extends FilterInputStream {

        WatchedBody(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return noted(super.read());
            }
            catch (IOException ex) {
                throw failure(ex);
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return noted(this.in.read(buffer, offset, length));
            }
            catch (IOException ex) {
                throw failure(ex);
            }
        }

        @Override
        public void close() throws IOException {
            stop();
            super.close();
        }

        private int noted(int read) throws SocketTimeoutException {
            if (read < 0 && expired()) {
                throw expiredFailure(null);
            }
            ReadWatchdog.this.lastActivity = System.nanoTime();
            return read;
        }

        private IOException failure(IOException ex) {
            return expired() ? expiredFailure(ex) : ex;
        }
    }
}
