package io.github.minimax4j.client;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * What {@link ConcurrentStreamsRun} learns from C streams read at once: when each was opened and saw its first text
 * delta, how many deltas each saw, how each ended. A stream's own events come one after another (on whatever
 * thread), so its slots need no lock; the counters are shared.
 */
final class StreamTally {

    private final int deltasPerStream;

    private final long[] opened;

    private final long[] firstDelta;

    private final int[] deltas;

    private final AtomicInteger firstSeen = new AtomicInteger();

    private final AtomicInteger completed = new AtomicInteger();

    private final AtomicInteger failed = new AtomicInteger();

    private final AtomicInteger ended = new AtomicInteger();

    private final LongAdder events = new LongAdder();

    private final AtomicReference<String> firstFailure = new AtomicReference<>();

    private final CountDownLatch allEnded;

    StreamTally(int streams, int deltasPerStream) {
        this.deltasPerStream = deltasPerStream;
        this.opened = new long[streams];
        this.firstDelta = new long[streams];
        this.deltas = new int[streams];
        this.allEnded = new CountDownLatch(streams);
    }

    void opened(int stream) {
        this.opened[stream] = System.nanoTime();
    }

    void delta(int stream) {
        if (this.deltas[stream]++ == 0) {
            this.firstDelta[stream] = System.nanoTime();
            this.firstSeen.incrementAndGet();
        }
        this.events.increment();
    }

    /** The stream ended: normally when {@code failure} is null and every delta arrived. */
    void ended(int stream, Throwable failure) {
        if (failure == null && this.deltas[stream] == this.deltasPerStream) {
            this.completed.incrementAndGet();
        }
        else {
            this.failed.incrementAndGet();
            this.firstFailure.compareAndSet(null, (failure != null) ? failure.toString()
                    : "ended after " + this.deltas[stream] + " of " + this.deltasPerStream + " deltas");
        }
        this.ended.incrementAndGet();
        this.allEnded.countDown();
    }

    boolean awaitAll(long timeout, TimeUnit unit) throws InterruptedException {
        return this.allEnded.await(timeout, unit);
    }

    int firstSeen() {
        return this.firstSeen.get();
    }

    int completed() {
        return this.completed.get();
    }

    int failed() {
        return this.failed.get();
    }

    int ended() {
        return this.ended.get();
    }

    long events() {
        return this.events.sum();
    }

    String firstFailure() {
        return this.firstFailure.get();
    }

    /** Time to first delta of the streams that saw one, at {@code quantile} (0.5, 0.99), in milliseconds. */
    double timeToFirstDeltaMillis(double quantile) {
        long[] times = new long[this.opened.length];
        int n = 0;
        for (int i = 0; i < this.opened.length; i++) {
            if (this.deltas[i] > 0) {
                times[n++] = this.firstDelta[i] - this.opened[i];
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        Arrays.sort(times, 0, n);
        return times[Math.min(n - 1, (int) Math.ceil(quantile * n) - 1)] / 1e6;
    }
}
