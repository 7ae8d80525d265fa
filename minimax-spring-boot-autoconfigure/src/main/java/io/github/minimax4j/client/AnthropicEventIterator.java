package io.github.minimax4j.client;

import java.io.IOException;
import java.net.URI;
import java.util.Iterator;
import java.util.NoSuchElementException;

import io.github.minimax4j.anthropic.MessageStreamEvent;
import io.github.minimax4j.error.MalformedResponseException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

/**
 * Decodes the Messages API's Server-Sent Events into typed events, one read at a time. Ends after
 * {@code message_stop}; throws a typed exception for an {@code error} event, a cut connection, or a body
 * that ends before {@code message_stop}.
 */
final class AnthropicEventIterator implements Iterator<MessageStreamEvent> {

    private final SseEventReader reader;

    private final HttpTransport transport;

    private final URI uri;

    private @Nullable MessageStreamEvent next;

    private boolean done;

    AnthropicEventIterator(SseEventReader reader, HttpTransport transport, URI uri) {
        this.reader = reader;
        this.transport = transport;
        this.uri = uri;
    }

    @Override
    public boolean hasNext() {
        if (this.next == null && !this.done) {
            this.next = read();
        }
        return this.next != null;
    }

    @Override
    public MessageStreamEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException("The stream has ended");
        }
        MessageStreamEvent event = this.next;
        this.next = null;
        if (event instanceof MessageStreamEvent.MessageStop) {
            this.done = true;
        }
        return event;
    }

    private @Nullable MessageStreamEvent read() {
        SseEventReader.SseEvent sse;
        try {
            sse = this.reader.next();
        }
        catch (IOException ex) {
            this.done = true;
            throw this.transport.ioFailure(this.uri, ex);
        }
        if (sse == null || sse.data().equals("[DONE]")) {
            this.done = true;
            throw new MalformedResponseException("MiniMax's stream from " + this.uri + " ended before message_stop: "
                    + "the reply is incomplete (connection cut or server failure). Retry the request.");
        }
        MessageStreamEvent event;
        try {
            event = Json.MAPPER.readValue(sse.data(), MessageStreamEvent.class);
        }
        catch (JacksonException ex) {
            this.done = true;
            throw new MalformedResponseException("MiniMax's stream from " + this.uri + " sent an event that is not "
                    + "valid JSON (" + ex.getOriginalMessage() + ")", ex);
        }
        if (event instanceof MessageStreamEvent.Error error) {
            this.done = true;
            throw this.transport.errors().fromStreamError(error.error().type(), error.error().message(), sse.data());
        }
        return event;
    }
}
