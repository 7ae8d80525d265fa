package io.github.minimax4j.test.simulator;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import com.sun.net.httpserver.HttpExchange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /v1/chat/completions} (plain and streamed), rendered like the reference
 * ({@code openai-chat-completions.txt}): reasoning inline as {@code <think>…</think>} unless
 * {@code reasoning_split} moves it to {@code reasoning_content} / {@code reasoning_details}.
 */
final class ChatCompletionsEndpoint {

    private static final int WORDS_PER_DELTA = 3;

    private static final int JSON_FRAGMENT_SIZE = 12;

    private final TokenLedger ledger;

    private final Duration deltaDelay;

    ChatCompletionsEndpoint(TokenLedger ledger, Duration deltaDelay) {
        this.ledger = ledger;
        this.deltaDelay = deltaDelay;
    }

    void create(HttpExchange exchange, JsonNode request, SimulatedReply scripted) throws IOException {
        Conversation conversation = ConversationReader.fromChatRequest(request);
        Reply reply = ReplyComposer.compose(conversation, scripted);
        Usage usage = (scripted.usage() != null) ? scripted.usage() : conversation.usage(reply);
        Duration delay = (scripted.deltaDelay() != null) ? scripted.deltaDelay() : this.deltaDelay;
        boolean split = request.path("reasoning_split").asBoolean(false);
        Header header = new Header(Ids.responseId(), Instant.now().getEpochSecond(), conversation.model());
        if (request.path("stream").asBoolean(false)) {
            boolean includeUsage = request.path("stream_options").path("include_usage").asBoolean(false);
            stream(new SseStream(exchange, delay, scripted.cutAfterEvents()), header, reply, usage, split,
                    includeUsage);
            return;
        }
        if (scripted.deltaDelay() != null) {
            SseStream.sleep(scripted.deltaDelay());
        }
        ObjectNode message = Json.object().put("content", content(reply, split)).put("role", "assistant")
                .put("name", "MiniMax AI").put("audio_content", "");
        if (split && reply.thinking() != null) {
            message.put("reasoning_content", reply.thinking());
            message.set("reasoning_details", reasoningDetails(reply.thinking()));
        }
        if (reply.toolCall() != null) {
            ObjectNode call = message.putArray("tool_calls").addObject().put("id", reply.toolCall().id())
                    .put("type", "function");
            call.putObject("function").put("name", reply.toolCall().name())
                    .put("arguments", reply.toolCall().arguments());
        }
        ObjectNode completion = Json.object().put("id", header.id());
        ObjectNode choice = completion.putArray("choices").addObject().put("finish_reason", reply.finishReason())
                .put("index", 0);
        choice.set("message", message);
        completion.put("created", header.created()).put("model", header.model()).put("object", "chat.completion");
        completion.set("usage", usage(usage));
        completion.put("input_sensitive", false).put("output_sensitive", false).put("input_sensitive_type", 0)
                .put("output_sensitive_type", 0).put("output_sensitive_int", 0);
        completion.set("base_resp", HttpExchanges.baseResp(0, ""));
        if (scripted.cutAfterEvents() >= 0) {
            HttpExchanges.sendCut(exchange, completion);
        }
        this.ledger.recordChatCompletions(usage);
        HttpExchanges.sendJson(exchange, 200, completion);
    }

    /** A completion-shaped HTTP 200 with no choices and an error in {@code base_resp}. */
    void sendBaseRespError(HttpExchange exchange, String model, int code, String statusMessage) throws IOException {
        ObjectNode completion = Json.object().put("id", Ids.responseId()).putNull("choices")
                .put("created", Instant.now().getEpochSecond()).put("model", model).put("object", "chat.completion");
        completion.set("usage", usage(new Usage(0, 0, 0)));
        completion.put("input_sensitive", false).put("output_sensitive", false).put("input_sensitive_type", 0)
                .put("output_sensitive_type", 0).put("output_sensitive_int", 0);
        completion.set("base_resp", HttpExchanges.baseResp(code, statusMessage));
        HttpExchanges.sendJson(exchange, 200, completion);
    }

    /**
     * Chunks: reasoning (split mode) or content deltas of a few words (the {@code <think>} tags travel
     * inside content and can share a chunk with answer text), tool-call argument fragments, a final chunk
     * with {@code finish_reason}, an optional usage chunk with empty choices, then {@code [DONE]}.
     */
    private void stream(SseStream sse, Header header, Reply reply, Usage usage, boolean split,
            boolean includeUsage) throws IOException {
        boolean first = true;
        if (split && reply.thinking() != null) {
            // Each reasoning delta comes both ways, as in the plain reply: reasoning_content and reasoning_details.
            for (String piece : SseStream.pieces(reply.thinking(), WORDS_PER_DELTA)) {
                ObjectNode delta = delta(first).put("reasoning_content", piece);
                delta.set("reasoning_details", reasoningDetails(piece));
                sendDelta(sse, header, delta);
                first = false;
            }
        }
        for (String piece : SseStream.pieces(content(reply, split), WORDS_PER_DELTA)) {
            sendDelta(sse, header, delta(first).put("content", piece));
            first = false;
        }
        if (reply.toolCall() != null) {
            ObjectNode start = delta(first);
            ObjectNode call = start.putArray("tool_calls").addObject().put("index", 0).put("id", reply.toolCall().id())
                    .put("type", "function");
            call.putObject("function").put("name", reply.toolCall().name()).put("arguments", "");
            sendDelta(sse, header, start);
            for (String fragment : SseStream.fragments(reply.toolCall().arguments(), JSON_FRAGMENT_SIZE)) {
                ObjectNode delta = Json.object();
                delta.putArray("tool_calls").addObject().put("index", 0).putObject("function")
                        .put("arguments", fragment);
                sendDelta(sse, header, delta);
            }
        }
        ObjectNode last = chunk(header);
        last.putArray("choices").addObject().put("index", 0).put("finish_reason", reply.finishReason())
                .putObject("delta");
        sse.data(Json.write(last));
        if (includeUsage) {
            ObjectNode usageChunk = chunk(header);
            usageChunk.putArray("choices");
            usageChunk.set("usage", usage(usage));
            sse.data(Json.write(usageChunk));
        }
        sse.data("[DONE]");
        // Recorded before the exchange closes, so a client that has read the whole body sees the new total.
        this.ledger.recordChatCompletions(usage);
    }

    /**
     * Reply content: the answer, preceded by {@code <think>…</think>} unless reasoning is split out. A reply
     * cut by the output limit inside its thinking ends there, the tag left open, as the model's output does.
     */
    private static String content(Reply reply, boolean split) {
        if (split || reply.thinking() == null) {
            return reply.text();
        }
        if (reply.thinkingCut()) {
            return "<think>\n" + reply.thinking();
        }
        return "<think>\n" + reply.thinking() + "\n</think>\n" + reply.text();
    }

    private static ArrayNode reasoningDetails(String text) {
        ArrayNode details = Json.array();
        details.addObject().put("type", "reasoning.text").put("id", "reasoning-text-1")
                .put("format", "MiniMax-response-v1").put("index", 0).put("text", text);
        return details;
    }

    private static ObjectNode delta(boolean first) {
        return first ? Json.object().put("role", "assistant") : Json.object();
    }

    private static void sendDelta(SseStream sse, Header header, ObjectNode delta) throws IOException {
        sse.pace();
        ObjectNode chunk = chunk(header);
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        choice.putNull("finish_reason");
        sse.data(Json.write(chunk));
    }

    private static ObjectNode chunk(Header header) {
        return Json.object().put("id", header.id()).put("object", "chat.completion.chunk")
                .put("created", header.created()).put("model", header.model());
    }

    private static ObjectNode usage(Usage usage) {
        ObjectNode node = Json.object().put("total_tokens", usage.totalInputTokens() + usage.outputTokens())
                .put("total_characters", 0).put("prompt_tokens", usage.totalInputTokens())
                .put("completion_tokens", usage.outputTokens());
        node.putObject("prompt_tokens_details").put("cached_tokens", usage.cacheReadInputTokens());
        return node;
    }

    /** Fields every chunk of one completion repeats. */
    private record Header(String id, long created, String model) {
    }
}
