package io.github.minimax4j.test.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.sun.net.httpserver.HttpExchange;
import tools.jackson.databind.JsonNode;

/**
 * Writes a Server-Sent Events response over chunked transfer, flushing every event so the client sees
 * each one as it is "generated", with a pause before each content delta to mimic token-by-token output.
 * A scripted cut drops the connection once a number of events has been sent.
 */
final class SseStream {

    private final OutputStream body;

    private final Duration deltaDelay;

    private final int cutAfterEvents;

    private static final Duration CUT_AFTER_DATA = Duration.ofMillis(50);

    private int events;

    /**
     * Sends the 200 headers with length 0, which makes the JDK server use chunked transfer encoding.
     * @param cutAfterEvents events to send before the connection drops, or -1 for the whole stream
     */
    SseStream(HttpExchange exchange, Duration deltaDelay, int cutAfterEvents) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        this.body = exchange.getResponseBody();
        this.deltaDelay = deltaDelay;
        this.cutAfterEvents = cutAfterEvents;
        cutIfDue();
    }

    /** Anthropic style: {@code event: name} then {@code data: json}. */
    void event(String name, JsonNode data) throws IOException {
        write("event: " + name + "\ndata: " + Json.write(data) + "\n\n");
    }

    /** OpenAI style: a bare {@code data:} line ({@code [DONE]} or a JSON chunk). */
    void data(String payload) throws IOException {
        write("data: " + payload + "\n\n");
    }

    /** Waits the configured time per delta, as a model generating tokens would. */
    void pace() throws IOException {
        if (!this.deltaDelay.isZero()) {
            sleep(this.deltaDelay);
        }
    }

    private void write(String text) throws IOException {
        this.body.write(text.getBytes(StandardCharsets.UTF_8));
        this.body.flush();
        this.events++;
        cutIfDue();
    }

    /**
     * The drop comes a moment after the last event, as on a real network: when data and the connection's end
     * reach the JDK HttpClient in one read, it may report the end first and discard the data (seen on JDK 25).
     */
    private void cutIfDue() throws IOException {
        if (this.events == this.cutAfterEvents) {
            sleep(CUT_AFTER_DATA);
            throw new ConnectionCut(this.events);
        }
    }

    /** Sleeps for a scripted delay; an interrupt (the simulator stopping) ends the exchange. */
    static void sleep(Duration delay) throws IOException {
        try {
            Thread.sleep(delay.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException("Simulator stopped while waiting", ex);
        }
    }

    /**
     * Thrown to drop the connection mid-response: the handler lets it escape without closing the exchange,
     * and the JDK server then closes the socket without the final chunk, as a cut network does.
     */
    static final class ConnectionCut extends RuntimeException {

        ConnectionCut(int events) {
            super("Connection cut by the script after " + events + " events", null, false, false);
        }
    }

    /** Splits text into deltas of a few words each (whitespace kept), like a model's token stream. */
    static List<String> pieces(String text, int wordsPerPiece) {
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int words = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean wordEnds = Character.isWhitespace(c) && i > 0 && !Character.isWhitespace(text.charAt(i - 1));
            if (wordEnds && ++words == wordsPerPiece) {
                pieces.add(current.toString());
                current.setLength(0);
                words = 0;
            }
            current.append(c);
        }
        if (!current.isEmpty()) {
            pieces.add(current.toString());
        }
        return pieces;
    }

    /** Splits a JSON string into short fragments, as {@code input_json_delta} / tool argument chunks arrive. */
    static List<String> fragments(String json, int size) {
        List<String> fragments = new ArrayList<>();
        for (int i = 0; i < json.length(); i += size) {
            fragments.add(json.substring(i, Math.min(json.length(), i + size)));
        }
        return fragments;
    }
}
