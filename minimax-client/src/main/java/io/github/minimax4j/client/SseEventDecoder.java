package io.github.minimax4j.client;

import java.net.URI;

import io.github.minimax4j.error.MalformedResponseException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;

/**
 * Decodes one protocol's Server-Sent Events into typed events; what an event means (which one ends the stream,
 * which one is an error) is the subclass's business. One per stream, read by the blocking
 * {@link SseEventIterator} or the non-blocking {@link SseSubscription} alike. Not thread-safe.
 *
 * @param <T> event type
 */
abstract class SseEventDecoder<T> {

    protected final HttpTransport transport;

    protected final URI uri;

    private boolean stopped;

    SseEventDecoder(HttpTransport transport, URI uri) {
        this.transport = transport;
        this.uri = uri;
    }

    /**
     * Decodes one event.
     * @param sse the event, or null at the end of the body
     * @return the typed event, or null when the stream has ended
     */
    abstract @Nullable T decode(SseEventParser.@Nullable SseEvent sse);

    /** No event is read after the one being decoded (which is still delivered). */
    protected final void stop() {
        this.stopped = true;
    }

    /** Whether the last event decoded was the stream's last. */
    final boolean stopped() {
        return this.stopped;
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
}
