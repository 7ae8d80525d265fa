package io.github.minimax4j.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The byte-level SSE reader against the format's corners, delivered whole or a byte at a time. */
class SseEventReaderTests {

    private static List<String> read(String body, boolean byteAtATime) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        InputStream in = byteAtATime ? new InputStream() {
            private int index;

            @Override
            public int read() {
                return (this.index < bytes.length) ? bytes[this.index++] & 0xff : -1;
            }

            @Override
            public int read(byte[] target, int offset, int length) {
                if (this.index >= bytes.length) {
                    return -1;
                }
                target[offset] = bytes[this.index++];
                return 1;
            }
        } : new ByteArrayInputStream(bytes);
        SseEventReader reader = new SseEventReader(in);
        List<String> events = new ArrayList<>();
        SseEventParser.SseEvent event;
        while ((event = reader.next()) != null) {
            events.add(event.text());
        }
        return events;
    }

    @ParameterizedTest(name = "byte at a time: {0}")
    @ValueSource(booleans = { false, true })
    void readsEventsWhateverTheLineEndingsAndReadSizes(boolean byteAtATime) throws IOException {
        String body = "event: ping\ndata: {\"a\":1}\n\n"
                + ": keep-alive comment\r\n"
                + "event: x\r\ndata:{\"b\":\"é ✓\"}\r\n\r\n"
                + "data: first\rdata: second\r\r"
                + "id: 7\nretry: 100\ndata\n\n"
                + "datax: not data\n\n"
                + "data: [DONE]\n\n"
                + "data: incomplete at the end";

        assertThat(read(body, byteAtATime)).containsExactly("{\"a\":1}", "{\"b\":\"é ✓\"}", "first\nsecond", "",
                "[DONE]");
    }

    @Test
    void recognisesTheDoneMarker() {
        assertThat(new SseEventParser.SseEvent("[DONE]".getBytes(StandardCharsets.UTF_8)).isDone()).isTrue();
        assertThat(new SseEventParser.SseEvent(" [DONE] ".getBytes(StandardCharsets.UTF_8)).isDone()).isTrue();
        assertThat(new SseEventParser.SseEvent("{}".getBytes(StandardCharsets.UTF_8)).isDone()).isFalse();
    }

    @Test
    void aLongEventGrowsTheBuffersIntact() throws IOException {
        String big = "x".repeat(100_000);
        assertThat(read("data: " + big + "\n\n", false)).containsExactly(big);
    }
}
