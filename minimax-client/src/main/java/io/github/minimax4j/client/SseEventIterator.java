package io.github.minimax4j.client;

import java.io.IOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

import org.jspecify.annotations.Nullable;

/**
 * Reads one Server-Sent Event at a time off a blocking body and decodes it with the protocol's decoder. Any
 * failure ends the iteration.
 *
 * @param <T> event type
 */
final class SseEventIterator<T> implements Iterator<T> {

    private final SseEventReader reader;

    private final SseEventDecoder<T> decoder;

    private @Nullable T next;

    private boolean done;

    SseEventIterator(SseEventReader reader, SseEventDecoder<T> decoder) {
        this.reader = reader;
        this.decoder = decoder;
    }

    @Override
    public boolean hasNext() {
        if (this.next == null && !this.done) {
            this.next = read();
        }
        return this.next != null;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException("The stream has ended");
        }
        T event = this.next;
        this.next = null;
        return event;
    }

    private @Nullable T read() {
        try {
            T event = this.decoder.decode(this.reader.next());
            this.done = event == null || this.decoder.stopped();
            return event;
        }
        catch (IOException ex) {
            this.done = true;
            throw this.decoder.transport.ioFailure(this.decoder.uri, ex, true);
        }
        catch (RuntimeException ex) {
            this.done = true;
            throw ex;
        }
    }
}
