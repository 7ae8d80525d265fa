package io.github.minimax4j.ratelimit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Whether the shared store (Redis) is answering: after a failure the limiter stops asking it for a short while,
 * then lets one call probe it. The outage is logged once when it starts and once when it ends. Thread-safe.
 */
final class StoreGuard {

    private static final Log logger = LogFactory.getLog(StoreGuard.class);

    private final Duration probeInterval;

    private final StoreDownPolicy policy;

    private final AtomicBoolean down = new AtomicBoolean();

    private final AtomicBoolean probing = new AtomicBoolean();

    private volatile long nextProbeNanos;

    StoreGuard(Duration probeInterval, StoreDownPolicy policy) {
        this.probeInterval = probeInterval;
        this.policy = policy;
    }

    StoreDownPolicy policy() {
        return this.policy;
    }

    boolean isDown() {
        return this.down.get();
    }

    /** Whether this operation should go to the store: always while it is up, one probe at a time while down. */
    boolean useStore() {
        if (!this.down.get()) {
            return true;
        }
        return System.nanoTime() - this.nextProbeNanos >= 0 && this.probing.compareAndSet(false, true);
    }

    void succeeded() {
        this.probing.set(false);
        if (this.down.compareAndSet(true, false)) {
            logger.info("MiniMax client rate limits: Redis answers again; the limits are shared across instances again");
        }
    }

    void failed(Throwable error) {
        this.nextProbeNanos = System.nanoTime() + this.probeInterval.toNanos();
        this.probing.set(false);
        if (this.down.compareAndSet(false, true)) {
            String then = (this.policy == StoreDownPolicy.FAIL_OPEN)
                    ? "calls are held to the same limits counted in this instance alone"
                    : "calls are refused (fail-closed)";
            logger.warn("MiniMax client rate limits: Redis cannot be reached (" + error.getClass().getSimpleName() + ": "
                    + error.getMessage() + "); until it answers again, " + then);
        }
    }
}
