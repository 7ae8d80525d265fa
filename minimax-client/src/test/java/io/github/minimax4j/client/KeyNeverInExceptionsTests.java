package io.github.minimax4j.client;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The API key never reaches an exception: with the key put in every spot a server (or a proxy echoing the request)
 * can put it, on every call kind, blocking and non-blocking, neither any message or {@code toString()} in the cause chain (suppressed ones
 * included) nor {@code printStackTrace()} holds the key or a piece of it left by a truncation.
 */
class KeyNeverInExceptionsTests {

    /** A key as long as MiniMax's, not the suite's canary key: the JDK's own error log may quote a status line. */
    static final String KEY = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.key-in-exceptions-test." + "Zk9xR2V3".repeat(24);

    /** What a server sends back, given the key; each ends the call with an exception. */
    enum Spot {

        JSON_ERROR_BODY(json(401, "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\","
                + "\"message\":\"invalid key Bearer %s\"}}")),
        ERROR_TYPE(json(400, "{\"type\":\"error\",\"error\":{\"type\":\"%s\",\"message\":\"x-api-key: %<s\"}}")),
        HTML_ERROR_BODY(raw(502, "text/html", "<html><body>Bad gateway for Authorization: Bearer %s</body></html>")),
        BARE_TOKEN_BODY(json(200, "%s")),
        TRUNCATED_JSON_BODY(json(200, "{\"id\":\"%s")),
        KEY_PREFIX_IN_BODY(raw(200, "application/json", "{\"id\": %.40s garbage")),
        BASE_RESP_MESSAGE(json(200, "{\"base_resp\":{\"status_code\":1004,\"status_msg\":\"bad key %s\"}}")),
        SSE_DATA_LINE(sse("%s")),
        SSE_TRUNCATED_EVENT(sse("{\"type\":\"%s")),
        SSE_ERROR_EVENT(sse("{\"type\":\"error\",\"error\":{\"type\":\"%s\",\"message\":\"key %<s\"}}")),
        REDIRECT_LOCATION("HTTP/1.1 307 Temporary Redirect\r\nLocation: https://evil.example/?key=%s\r\n"
                + "Content-Length: 0\r\nConnection: close\r\n\r\n"),
        STATUS_LINE("HTTP/1.1 200 %s"),
        HEADER_NAME("HTTP/1.1 200 OK\r\n%s"),
        HEADER_VALUE("HTTP/1.1 429 Too Many Requests\r\nRetry-After: %s\r\nx-echo: Bearer %<s\r\n"
                + "Content-Type: text/plain\r\nContent-Length: 3\r\nConnection: close\r\n\r\nabc");

        private final String response;

        Spot(String response) {
            this.response = response;
        }

        byte[] response() {
            return String.format(this.response, KEY).getBytes(StandardCharsets.UTF_8);
        }

        private static String json(int status, String body) {
            return raw(status, "application/json", body);
        }

        private static String raw(int status, String contentType, String body) {
            String filled = String.format(body, KEY);
            return "HTTP/1.1 " + status + " X\r\nContent-Type: " + contentType + "\r\nConnection: close\r\n"
                    + "Content-Length: " + filled.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n"
                    + body;
        }

        /** The same data line on both protocols: Messages reads it as an event, Chat Completions as a chunk. */
        private static String sse(String data) {
            return "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n"
                    + "event: message_start\ndata: " + StreamEvents.START + "\n\ndata: " + data + "\n\n";
        }
    }

    static List<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Spot spot : Spot.values()) {
            for (FaultPoint.Call call : FaultPoint.Call.values()) {
                for (CallMode mode : CallMode.values()) {
                    cases.add(Arguments.of(spot, call, mode));
                }
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}, {1}, {2}")
    @MethodSource("cases")
    void noExceptionCarriesTheKeyWhereverTheServerPutsIt(Spot spot, FaultPoint.Call call, CallMode mode)
            throws Exception {
        byte[] response = spot.response();
        try (RawSseServer server = new RawSseServer(false, (writer) -> {
            writer.bytes(response, 0, response.length);
            writer.cut();
        })) {
            MiniMaxClient client = MiniMaxClient.builder().apiKey(KEY).baseUrl(server.baseUrl())
                .readTimeout(Duration.ofSeconds(20)).retryPolicy(new RetryPolicy(1, Duration.ZERO, Duration.ZERO))
                .build();
            Throwable failure = catchThrowable(() -> call.run(client, mode));
            assertThat(failure).as("%s on %s (%s) fails", spot, call, mode).isNotNull();
            assertHoldsNoKey(failure);
        }
    }

    /** Walks the cause chain and the suppressed exceptions, then the printed stack trace. */
    static void assertHoldsNoKey(Throwable failure) {
        StringWriter printed = new StringWriter();
        failure.printStackTrace(new PrintWriter(printed));
        List<String> texts = new ArrayList<>();
        texts.add(printed.toString());
        collect(failure, texts, Collections.newSetFromMap(new IdentityHashMap<>()));
        String prefix = KEY.substring(0, 12);
        String suffix = KEY.substring(KEY.length() - 12);
        for (String text : texts) {
            assertThat(text).doesNotContain(prefix).doesNotContain(suffix).doesNotContain(KEY.substring(40, 60));
        }
    }

    private static void collect(Throwable failure, List<String> texts, Set<Throwable> seen) {
        if (failure == null || !seen.add(failure)) {
            return;
        }
        texts.add(String.valueOf(failure.getMessage()));
        texts.add(failure.toString());
        collect(failure.getCause(), texts, seen);
        for (Throwable suppressed : failure.getSuppressed()) {
            collect(suppressed, texts, seen);
        }
    }
}
