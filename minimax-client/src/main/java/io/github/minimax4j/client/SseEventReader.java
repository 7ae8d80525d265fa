package io.github.minimax4j.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * Reads Server-Sent Events off a response body one at a time, as they arrive: each read returns what the
 * network has delivered, so an event is handed on without waiting for the rest of the body, and memory holds
 * only the event being read. Works on bytes throughout, handing the JSON parser the {@code data} bytes as
 * they came: an {@code InputStreamReader}'s readiness checks made HttpURLConnection's chunked stream copy its
 * buffer on every call (gigabytes of garbage on long streams), and decoding each line to a String first cost
 * copies the parser does not need. The {@code event:} name is not kept: both APIs name the type in the data.
 */
final class SseEventReader {

    private static final byte[] DONE = "[DONE]".getBytes(StandardCharsets.US_ASCII);

    /**
     * One event.
     * @param data the {@code data:} lines joined by newlines, as UTF-8 bytes
     */
    record SseEvent(byte[] data) {

        String text() {
            return new String(this.data, StandardCharsets.UTF_8);
        }

        /**
         * Whether this is the {@code [DONE]} marker that ends a Chat Completions stream (padding tolerated).
         * Every event is asked, so only data short enough to be the marker is ever decoded.
         */
        boolean isDone() {
            return Arrays.equals(this.data, DONE)
                    || (this.data.length <= DONE.length + 8 && text().strip().equals("[DONE]"));
        }
    }

    private final InputStream body;

    private final byte[] buffer = new byte[8192];

    private int position;

    private int limit;

    private byte[] line = new byte[256];

    private byte[] data = new byte[256];

    SseEventReader(InputStream body) {
        this.body = body;
    }

    /** The next event, or null at the end of the body. */
    @Nullable SseEvent next() throws IOException {
        int dataLength = -1;
        int length;
        while ((length = readLine()) >= 0) {
            if (length == 0) {
                if (dataLength >= 0) {
                    return new SseEvent(Arrays.copyOf(this.data, dataLength));
                }
                continue;
            }
            if (this.line[0] == ':' || !startsWith(length, "data")) {
                continue; // a comment (keep-alive), or a field this client does not need
            }
            int valueStart = (length > 4 && this.line[4] == ':') ? 5 : (length == 4) ? 4 : -1;
            if (valueStart < 0) {
                continue; // a field that only starts with "data"
            }
            if (valueStart < length && this.line[valueStart] == ' ') {
                valueStart++;
            }
            dataLength = appendData(dataLength, valueStart, length);
        }
        // An event not closed by a blank line before the end is incomplete: the SSE spec drops it too.
        return null;
    }

    private boolean startsWith(int length, String field) {
        if (length < field.length()) {
            return false;
        }
        for (int i = 0; i < field.length(); i++) {
            if (this.line[i] != field.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Appends a data line's value, after a newline when the event already has data. */
    private int appendData(int dataLength, int from, int to) {
        int start = Math.max(dataLength, 0);
        int needed = start + (dataLength >= 0 ? 1 : 0) + (to - from);
        if (needed > this.data.length) {
            this.data = Arrays.copyOf(this.data, Math.max(needed, this.data.length * 2));
        }
        if (dataLength >= 0) {
            this.data[start++] = '\n';
        }
        System.arraycopy(this.line, from, this.data, start, to - from);
        return start + (to - from);
    }

    /** Reads one line (without its LF, CRLF or CR) into {@code line}; its length, or -1 at the end of the body. */
    private int readLine() throws IOException {
        int length = 0;
        while (true) {
            if (this.position == this.limit && !fill()) {
                return (length > 0) ? length : -1;
            }
            // Scan the buffered bytes for the line's end, then copy the run at once (not byte by byte).
            int start = this.position;
            int end = start;
            byte[] buffer = this.buffer;
            while (end < this.limit && buffer[end] != '\n' && buffer[end] != '\r') {
                end++;
            }
            length = append(length, start, end);
            if (end == this.limit) {
                this.position = end;
                continue; // the line goes on in the next read
            }
            this.position = end + 1;
            if (buffer[end] == '\r') {
                if (this.position == this.limit) {
                    fill();
                }
                if (this.position < this.limit && this.buffer[this.position] == '\n') {
                    this.position++;
                }
            }
            return length;
        }
    }

    private int append(int length, int from, int to) {
        int run = to - from;
        if (length + run > this.line.length) {
            this.line = Arrays.copyOf(this.line, Math.max(length + run, this.line.length * 2));
        }
        System.arraycopy(this.buffer, from, this.line, length, run);
        return length + run;
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
}
