package io.github.minimax4j.sample.web;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The fairness limit on replies streamed at once ({@link StreamProperties#limit()}): a reply takes a slot before
 * its MiniMax stream opens and gives it back once, however it ends. No slot free means 503 at once, not a queue.
 */
final class StreamSlots {

    private final int limit;

    private final Semaphore free;

    StreamSlots(int limit) {
        this.limit = limit;
        this.free = new Semaphore(limit);
    }

    /**
     * Takes a slot.
     * @return gives the slot back; running it again does nothing
     * @throws TooManyStreamsException when every slot is taken
     */
    Runnable take() {
        if (!this.free.tryAcquire()) {
            throw new TooManyStreamsException(this.limit);
        }
        AtomicBoolean given = new AtomicBoolean();
        return () -> {
            if (given.compareAndSet(false, true)) {
                this.free.release();
            }
        };
    }

    /** Replies streaming now. */
    int inUse() {
        return this.limit - this.free.availablePermits();
    }

    int limit() {
        return this.limit;
    }
}
