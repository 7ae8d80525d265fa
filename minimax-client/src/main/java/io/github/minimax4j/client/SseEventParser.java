package io.github.minimax4j.client;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * Parses Server-Sent Events from bytes pushed in pieces of any size: a line or an event may span pieces, and a
 * CRLF may be split between two. Works on bytes throughout and keeps only the event being read, so the blocking
 * reader ({@link SseEventReader}) and the non-blocking one ({@link SseSubscription}) share one parser. The
 * {@code event:} name is not kept: both APIs name the type in the data. Not thread-safe.
 */
final class SseEventParser {

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

    private byte[] line = new byte[256];

    private int lineLength;

    /**
     * The event's data so far: its one {@code data} line's value, exactly sized, which becomes the event as it is;
     * a growing buffer only once a second line comes (rare). Null between events, so an open stream waiting for
     * its next event holds no data buffer.
     */
    private byte @Nullable [] data;

    /** Length of the event's data so far; -1 while it has no {@code data} line. */
    private int dataLength = -1;

    /** The last line ended with CR: a LF that follows belongs to it. */
    private boolean skipLineFeed;

    private @Nullable SseEvent event;

    /**
     * Parses {@code bytes[from, to)} up to the end of the first event that completes there.
     * @return where parsing stopped: after that event's blank line, or {@code to}
     */
    int parse(byte[] bytes, int from, int to) {
        int position = from;
        while (position < to) {
            if (this.skipLineFeed) {
                this.skipLineFeed = false;
                if (bytes[position] == '\n') {
                    position++;
                    continue;
                }
            }
            // Scan for the line's end, then copy the run at once (not byte by byte).
            int end = position;
            while (end < to && bytes[end] != '\n' && bytes[end] != '\r') {
                end++;
            }
            append(bytes, position, end);
            if (end == to) {
                return to; // the line goes on in the next piece
            }
            this.skipLineFeed = bytes[end] == '\r';
            position = end + 1;
            if (lineEnded()) {
                return position;
            }
        }
        return position;
    }

    /**
     * The event the last {@link #parse} completed, handed over once.
     * @return the event, or null when none completed
     */
    @Nullable SseEvent take() {
        SseEvent taken = this.event;
        this.event = null;
        return taken;
    }

    /** Handles the line just read; true when it was the blank line ending an event with data. */
    private boolean lineEnded() {
        int length = this.lineLength;
        this.lineLength = 0;
        if (length == 0) {
            byte[] data = this.data;
            if (data != null) {
                boolean exact = data.length == this.dataLength;
                this.event = new SseEvent(exact ? data : Arrays.copyOf(data, this.dataLength));
                this.data = null;
                this.dataLength = -1;
                return true;
            }
            return false;
        }
        if (this.line[0] == ':' || !startsWith(length, "data")) {
            return false; // a comment (keep-alive), or a field this client does not need
        }
        int valueStart = (length > 4 && this.line[4] == ':') ? 5 : (length == 4) ? 4 : -1;
        if (valueStart < 0) {
            return false; // a field that only starts with "data"
        }
        if (valueStart < length && this.line[valueStart] == ' ') {
            valueStart++;
        }
        appendData(valueStart, length);
        return false;
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
    private void appendData(int from, int to) {
        byte[] data = this.data;
        if (data == null) {
            this.data = Arrays.copyOfRange(this.line, from, to);
            this.dataLength = to - from;
            return;
        }
        int start = this.dataLength;
        int needed = start + 1 + (to - from);
        if (needed > data.length) {
            data = Arrays.copyOf(data, Math.max(needed, data.length * 2));
            this.data = data;
        }
        data[start++] = '\n';
        System.arraycopy(this.line, from, data, start, to - from);
        this.dataLength = start + (to - from);
    }

    private void append(byte[] bytes, int from, int to) {
        int run = to - from;
        if (this.lineLength + run > this.line.length) {
            this.line = Arrays.copyOf(this.line, Math.max(this.lineLength + run, this.line.length * 2));
        }
        System.arraycopy(bytes, from, this.line, this.lineLength, run);
        this.lineLength += run;
    }
}
