package io.github.minimax4j.client;

import java.net.URI;
import java.util.Map;

import io.github.minimax4j.anthropic.MessageStreamEvent;
import io.github.minimax4j.error.MalformedResponseException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectReader;

/**
 * Decodes the Messages API's Server-Sent Events into typed events. Ends after {@code message_stop}; throws a
 * typed exception for an {@code error} event, a cut connection, or a body that ends before {@code message_stop}.
 */
final class AnthropicEventDecoder extends SseEventDecoder<MessageStreamEvent> {

    /** Resolved once: a reader per call would look the type up again for every event. */
    private static final ObjectReader EVENTS = Json.MAPPER.readerFor(MessageStreamEvent.class);

    AnthropicEventDecoder(HttpTransport transport, URI uri) {
        super(transport, uri);
    }

    @Override
    MessageStreamEvent decode(SseEventParser.@Nullable SseEvent sse) {
        if (sse == null || sse.isDone()) {
            throw new MalformedResponseException("MiniMax's stream from " + this.uri + " ended before message_stop: "
                    + "the reply is incomplete (connection cut or server failure). Retry the request.");
        }
        MessageStreamEvent event = parse(sse.data(), EVENTS);
        if (event instanceof MessageStreamEvent.Unknown unknown && unknown.type().equals("error")) {
            Map<?, ?> error = (unknown.raw().get("error") instanceof Map<?, ?> map) ? map : Map.of();
            throw this.transport.errors().fromStreamError(text(error.get("type")), text(error.get("message")),
                    sse.text());
        }
        if (event instanceof MessageStreamEvent.MessageStop) {
            stop();
        }
        return event;
    }

    private static @Nullable String text(@Nullable Object value) {
        return (value != null) ? value.toString() : null;
    }
}
