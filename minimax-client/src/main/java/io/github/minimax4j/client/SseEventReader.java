package io.github.minimax4j.client;

import java.io.IOException;
import java.io.InputStream;

import org.jspecify.annotations.Nullable;

/**
 * Reads Server-Sent Events off a response body one at a time, as they arrive: each read returns what the
 * network has delivered, so an event is handed on without waiting for the rest of the body, and memory holds
 * only the event being read. Reads bytes and hands them to {@link SseEventParser}: an {@code InputStreamReader}'s
 * readiness checks made HttpURLConnection's chunked stream copy its buffer on every call (gigabytes of garbage on
 * long streams), and decoding each line to a String first cost copies the parser does not need.
 */
final class SseEventReader {

    private final InputStream body;

    private final SseEventParser parser = new SseEventParser();

    private final byte[] buffer = new byte[8192];

    private int position;

    private int limit;

    SseEventReader(InputStream body) {
        this.body = body;
    }

    /**
     * The next event; an event not closed by a blank line before the end is incomplete, and dropped as the SSE
     * spec says.
     * @return the event, or null at the end of the body
     */
    SseEventParser.@Nullable SseEvent next() throws IOException {
        while (true) {
            if (this.position < this.limit) {
                this.position = this.parser.parse(this.buffer, this.position, this.limit);
                SseEventParser.SseEvent event = this.parser.take();
                if (event != null) {
                    return event;
                }
            }
            else {
                int read = this.body.read(this.buffer, 0, this.buffer.length);
                if (read <= 0) {
                    return null;
                }
                this.position = 0;
                this.limit = read;
            }
        }
    }
}
