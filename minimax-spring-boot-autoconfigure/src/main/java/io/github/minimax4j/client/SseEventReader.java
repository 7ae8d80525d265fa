package io.github.minimax4j.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * Reads Server-Sent Events off a response body one at a time, as they arrive: each read returns what
 * the network has delivered, so an event is handed on without waiting for the rest of the body, and
 * memory holds only the event being read. Lines are split on bytes, not through an InputStreamReader:
 * the reader's readiness checks ({@code available()}) make HttpURLConnection's chunked stream copy its
 * buffer on every call, which cost gigabytes of garbage on long streams.
 */
final class SseEventReader {

    /**
     * One event.
     * @param event the {@code event:} name, or null when the server sent none
     * @param data the {@code data:} lines joined by newlines
     */
    record SseEvent(@Nullable String event, String data) {
    }

    private final InputStream body;

    private final byte[] buffer = new byte[8192];

    private int position;

    private int limit;

    private byte[] line = new byte[256];

    SseEventReader(InputStream body) {
        this.body = body;
    }

    /** The next event, or null at the end of the body. */
    @Nullable SseEvent next() throws IOException {
        String event = null;
        StringBuilder data = null;
        String line;
        while ((line = readLine()) != null) {
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

    /** One line without its terminator (LF, CRLF or CR), or null at the end of the body. */
    private @Nullable String readLine() throws IOException {
        int length = 0;
        while (true) {
            if (this.position == this.limit && !fill()) {
                return (length > 0) ? decode(length) : null;
            }
            byte b = this.buffer[this.position++];
            if (b == '\n') {
                return decode(length);
            }
            if (b == '\r') {
                if (this.position == this.limit) {
                    fill();
                }
                if (this.position < this.limit && this.buffer[this.position] == '\n') {
                    this.position++;
                }
                return decode(length);
            }
            if (length == this.line.length) {
                this.line = Arrays.copyOf(this.line, length * 2);
            }
            this.line[length++] = b;
        }
    }

    private boolean fill() throws IOException {
        int read = this.body.read(this.buffer, 0, this.buffer.length);
        if (read <= 0) {
            return false;
        }
        this.position = 0;
        this.limit = read;
        return true;
    }

    private String decode(int length) {
        return new String(this.line, 0, length, StandardCharsets.UTF_8);
    }
}
