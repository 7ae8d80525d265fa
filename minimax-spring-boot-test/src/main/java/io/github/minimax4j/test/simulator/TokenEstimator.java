package io.github.minimax4j.test.simulator;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Estimates token counts the way a tokenizer roughly behaves for English (about four characters per
 * token), plus fixed overheads. The same estimate feeds {@code usage} and {@code count_tokens}, so the two
 * always agree, as they do on the real API for a text prompt.
 */
final class TokenEstimator {

    /** Fixed cost of a request (role markers, special tokens). */
    static final int REQUEST_OVERHEAD = 8;

    /** Fixed cost of each message's framing. */
    static final int MESSAGE_OVERHEAD = 4;

    /** The reference's "default detail" heuristic puts one image at roughly 1k-3k tokens. */
    static final int IMAGE_TOKENS = 1200;

    static final int VIDEO_TOKENS = 3000;

    private TokenEstimator() {
    }

    /** Tokens of generated or plain text: ceil(chars / 4). */
    static int tokens(@Nullable String text) {
        return (text == null || text.isEmpty()) ? 0 : (text.length() + 3) / 4;
    }

    /**
     * Tokens of a prompt made of the given JSON parts (system prompt, tool definitions) and messages.
     * Every string value counts, so tool schemas, tool results and thinking blocks sent back all add up.
     */
    static int promptTokens(List<JsonNode> parts, List<JsonNode> messages) {
        int total = REQUEST_OVERHEAD;
        for (JsonNode part : parts) {
            total += nodeTokens(part);
        }
        for (JsonNode message : messages) {
            total += MESSAGE_OVERHEAD + nodeTokens(message);
        }
        return total;
    }

    private static int nodeTokens(@Nullable JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return 0;
        }
        if (node.isString()) {
            return tokens(node.stringValue());
        }
        if (node.isObject()) {
            String type = Json.text(node.get("type"));
            if (type.equals("image") || type.equals("image_url")) {
                return IMAGE_TOKENS;
            }
            if (type.equals("video") || type.equals("video_url")) {
                return VIDEO_TOKENS;
            }
        }
        int sum = 0;
        for (JsonNode child : node.values()) {
            sum += nodeTokens(child);
        }
        return sum;
    }
}
