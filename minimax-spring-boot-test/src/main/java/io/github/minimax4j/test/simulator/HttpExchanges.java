package io.github.minimax4j.test.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.sun.net.httpserver.HttpExchange;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Request and response plumbing shared by the endpoints: auth, body parsing, JSON and error replies. */
final class HttpExchanges {

    /**
     * Response header carrying the request id. MiniMax's reference pages do not document their response
     * headers; client projects read MiniMax's request id from {@code minimax-request-id} (32 hex digits,
     * the same id as {@code request_id} in its error bodies), so the simulator sends that.
     */
    static final String REQUEST_ID_HEADER = "minimax-request-id";

    private HttpExchanges() {
    }

    /**
     * Whether the request carries a key: {@code Authorization: Bearer <key>} or {@code x-api-key: <key>}.
     * Any non-blank key is accepted; the simulator only checks that the client sends one.
     */
    static boolean hasApiKey(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && !authorization.substring(7).isBlank()) {
            return true;
        }
        String apiKey = exchange.getRequestHeaders().getFirst("x-api-key");
        return apiKey != null && !apiKey.isBlank();
    }

    static void sendJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * Sends an error as MiniMax does (bodies as captured from the live API by client projects), the message
     * ending in MiniMax's code where it has one: under {@code /anthropic}
     * {@code {"type":"error","error":{"type":"bad_request_error","message":"invalid params, … (2013)",
     * "http_code":"400"},"request_id":"…"}}; otherwise OpenAI's
     * {@code {"error":{"message":…,"type":…,"param":"","code":null}}}.
     */
    static void sendError(HttpExchange exchange, int status, String message, @Nullable Duration retryAfter)
            throws IOException {
        String type = errorType(status);
        int code = minimaxCode(status);
        String text = (status == 400 ? "invalid params, " : "") + message + ((code != 0) ? " (" + code + ")" : "");
        ObjectNode body = Json.object();
        if (exchange.getRequestURI().getPath().startsWith("/anthropic/")) {
            body.put("type", "error");
            body.putObject("error").put("type", type).put("message", text).put("http_code", String.valueOf(status));
            body.put("request_id", requestId(exchange));
        }
        else {
            body.putObject("error").put("message", text).put("type", type).put("param", "").putNull("code");
        }
        if (retryAfter != null) {
            long seconds = (retryAfter.toMillis() + 999) / 1000;
            exchange.getResponseHeaders().set("Retry-After", String.valueOf(seconds));
        }
        sendJson(exchange, status, body);
    }

    /** Sends the headers of a JSON reply and part of its body, then drops the connection. */
    static void sendCut(HttpExchange exchange, JsonNode body) throws IOException {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes, 0, bytes.length / 2);
        exchange.getResponseBody().flush();
        throw new SseStream.ConnectionCut(0);
    }

    static ObjectNode baseResp(int statusCode, String statusMessage) {
        return Json.object().put("status_code", statusCode).put("status_msg", statusMessage);
    }

    static String requestId(HttpExchange exchange) {
        String id = exchange.getResponseHeaders().getFirst(REQUEST_ID_HEADER);
        return (id != null) ? id : "";
    }

    private static String errorType(int status) {
        return switch (status) {
            case 400, 405, 413, 422 -> "bad_request_error";
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 429 -> "rate_limit_error";
            case 529 -> "overloaded_error";
            default -> "api_error";
        };
    }

    /** MiniMax's own error code for a status: 2013 bad parameters, 1004 key, 1002 rate limit, 1000 unknown, 2064 load. */
    private static int minimaxCode(int status) {
        return switch (status) {
            case 400 -> 2013;
            case 401 -> 1004;
            case 429 -> 1002;
            case 529 -> 2064;
            default -> (status >= 500) ? 1000 : 0;
        };
    }
}
