package io.github.minimax4j.client;

import java.io.IOException;
import java.net.URI;
import java.util.Iterator;
import java.util.NoSuchElementException;

import io.github.minimax4j.error.MalformedResponseException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;

/**
 * Reads one Server-Sent Event at a time and decodes it into a typed event; what an event means (which one
 * ends the stream, which one is an error) is the subclass's business. Any failure ends the iteration.
 *
 * @param <T> event type
 */
abstract class SseEventIterator<T> implements Iterator<T> {

    private final SseEventReader reader;

    protected final HttpTransport transport;

    protected final URI uri;

    private @Nullable T next;

    private boolean done;

    SseEventIterator(SseEventReader reader, HttpTransport transport, URI uri) {
        this.reader = reader;
        this.transport = transport;
        this.uri = uri;
    }

    /**
     * Decodes one event.
     * @param sse the event, or null at the end of the body
     * @return the typed event, or null when the stream has ended
     */
    protected abstract @Nullable T decode(SseEventReader.@Nullable SseEvent sse);

    /** No event is read after the one being decoded (which is still delivered). */
    protected final void stop() {
        this.done = true;
    }

    /** Parses an event's data; data that is not the expected JSON is a malformed response. */
    protected final <E> E parse(byte[] data, ObjectReader reader) {
        try {
            return reader.readValue(data);
        }
        catch (JacksonException ex) {
            throw new MalformedResponseException("MiniMax's stream from " + this.uri + " sent an event that is not "
                    + "valid JSON (" + this.transport.errors().parseProblem(ex) + ")");
        }
    }

    @Override
    public final boolean hasNext() {
        if (this.next == null && !this.done) {
            this.next = read();
        }
        return this.next != null;
    }

    @Override
    public final T next() {
        if (!hasNext()) {
            throw new NoSuchElementException("The stream has ended");
        }
        T event = this.next;
        this.next = null;
        return event;
    }

    private @Nullable T read() {
        try {
            T event = decode(this.reader.next());
            if (event == null) {
                this.done = true;
            }
            return event;
        }
        catch (IOException ex) {
            this.done = true;
            throw this.transport.ioFailure(this.uri, ex, true);
        }
        catch (RuntimeException ex) {
            this.done = true;
            throw ex;
        }
    }
}
