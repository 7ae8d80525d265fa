package io.github.minimax4j.test.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Request and response plumbing shared by the endpoints: auth, body parsing, JSON and error replies. */
final class HttpExchanges {

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

    static ObjectNode readJson(HttpExchange exchange) throws IOException {
        return Json.readObject(exchange.getRequestBody().readAllBytes());
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
     * Sends an error in the style of the API the path belongs to: Anthropic's
     * {@code {"type":"error","error":{...}}} under {@code /anthropic}, otherwise an OpenAI-style
     * {@code {"error":{...}}} with MiniMax's {@code base_resp} (1004 for auth, 2013 for bad parameters).
     */
    static void sendError(HttpExchange exchange, int status, String type, String message) throws IOException {
        ObjectNode body = Json.object();
        if (exchange.getRequestURI().getPath().startsWith("/anthropic/")) {
            body.put("type", "error");
            body.putObject("error").put("type", type).put("message", message);
        }
        else {
            body.putObject("error").put("type", type).put("message", message).put("code", type);
            body.set("base_resp", baseResp(baseRespCode(status), message));
        }
        sendJson(exchange, status, body);
    }

    static ObjectNode baseResp(int statusCode, String statusMessage) {
        return Json.object().put("status_code", statusCode).put("status_msg", statusMessage);
    }

    private static int baseRespCode(int status) {
        return switch (status) {
            case 401 -> 1004;
            case 400 -> 2013;
            case 500 -> 1013;
            default -> 1000;
        };
    }
}
