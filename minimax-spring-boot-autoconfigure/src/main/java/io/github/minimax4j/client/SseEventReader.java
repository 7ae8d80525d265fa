package io.github.minimax4j.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * Reads Server-Sent Events off a response body one at a time, as they arrive: a buffered reader returns
 * each line as soon as it is complete, so an event is handed on without waiting for the rest of the body
 * and memory holds only the event being read.
 */
final class SseEventReader {

    /**
     * One event.
     * @param event the {@code event:} name, or null when the server sent none
     * @param data the {@code data:} lines joined by newlines
     */
    record SseEvent(@Nullable String event, String data) {
    }

    private final BufferedReader reader;

    SseEventReader(InputStream body) {
        this.reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 8192);
    }

    /** The next event, or null at the end of the body. */
    @Nullable SseEvent next() throws IOException {
        String event = null;
        StringBuilder data = null;
        String line;
        while ((line = this.reader.readLine()) != null) {
            if (line.isEmpty()) {
                if (data != null) {
                    return new SseEvent(event, data.toString());
                }
                event = null;
                continue;
            }
            if (line.charAt(0) == ':') {
                continue; // comment, used as keep-alive
            }
            int colon = line.indexOf(':');
            String field = (colon < 0) ? line : line.substring(0, colon);
            String value = (colon < 0) ? "" : line.substring(colon + ((line.startsWith(" ", colon + 1)) ? 2 : 1));
            if (field.equals("data")) {
                data = (data == null) ? new StringBuilder(value) : data.append('\n').append(value);
            }
            else if (field.equals("event")) {
                event = value;
            }
        }
        // An event not closed by a blank line before the end is incomplete: the SSE spec drops it too.
        return null;
    }
}
