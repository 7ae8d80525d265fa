package io.github.minimax4j.sample.web;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the streamed replies ({@code sample.stream.*}). An open reply holds no thread, only memory, so the
 * limit on replies streamed at once is a fairness limit sized by memory: beyond it a new reply is refused with 503
 * and a reason, rather than every open reply slowing down until the heap runs out.
 *
 * @param maxConcurrent replies streamed at once; when unset, the JVM's maximum heap divided by
 * {@code heapPerStream}
 * @param heapPerStream heap set aside for one open reply when sizing the limit from memory (the client's stream,
 * the servlet's async request, the emitter and their buffers, with room to spare)
 */
@ConfigurationProperties("sample.stream")
public record StreamProperties(@Nullable Integer maxConcurrent, @DefaultValue("256KB") DataSize heapPerStream) {

    public StreamProperties {
        if (maxConcurrent != null && maxConcurrent < 1) {
            throw new IllegalArgumentException(
                    "sample.stream.max-concurrent must be at least 1, was " + maxConcurrent);
        }
        if (heapPerStream.toBytes() < 1) {
            throw new IllegalArgumentException(
                    "sample.stream.heap-per-stream must be at least 1B, was " + heapPerStream);
        }
    }

    /** The limit in force: {@code maxConcurrent}, or as many replies as the maximum heap holds. */
    int limit() {
        if (this.maxConcurrent != null) {
            return this.maxConcurrent;
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Runtime.getRuntime().maxMemory() / this.heapPerStream.toBytes()));
    }
}
