package io.github.minimax4j.test.simulator;

import java.io.IOException;
import java.time.Duration;

import com.sun.net.httpserver.HttpExchange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /anthropic/v1/messages} (plain and streamed) and {@code /count_tokens}, rendered like the
 * responses in the API reference ({@code anthropic-messages-m3.txt}, {@code anthropic-messages-m2.txt}).
 */
final class MessagesEndpoint {

    private static final int WORDS_PER_DELTA = 3;

    private static final int JSON_FRAGMENT_SIZE = 12;

    private final TokenLedger ledger;

    private final Duration deltaDelay;

    MessagesEndpoint(TokenLedger ledger, Duration deltaDelay) {
        this.ledger = ledger;
        this.deltaDelay = deltaDelay;
    }

    void create(HttpExchange exchange, JsonNode request, SimulatedReply scripted) throws IOException {
        Conversation conversation = ConversationReader.fromMessagesRequest(request);
        Reply reply = ReplyComposer.compose(conversation, scripted);
        Usage usage = (scripted.usage() != null) ? scripted.usage() : conversation.usage(reply);
        Duration delay = (scripted.deltaDelay() != null) ? scripted.deltaDelay() : this.deltaDelay;
        String id = Ids.responseId();
        if (request.path("stream").asBoolean(false)) {
            stream(new SseStream(exchange, delay, scripted.cutAfterEvents()), id, conversation.model(), reply,
                    usage);
            return;
        }
        if (scripted.deltaDelay() != null) {
            SseStream.sleep(scripted.deltaDelay());
        }
        ObjectNode message = message(id, conversation.model());
        ArrayNode content = message.putArray("content");
        if (reply.thinking() != null) {
            content.addObject().put("thinking", reply.thinking()).put("signature", Ids.signature(reply.thinking()))
                    .put("type", "thinking");
        }
        if (!reply.text().isEmpty()) {
            content.addObject().put("text", reply.text()).put("type", "text");
        }
        if (reply.toolCall() != null) {
            content.add(toolUse(reply.toolCall(), reply.toolCall().input()));
        }
        message.set("usage", usage(usage, usage.outputTokens()));
        message.put("stop_reason", reply.stopReason());
        message.set("base_resp", HttpExchanges.baseResp(0, "success"));
        if (scripted.cutAfterEvents() >= 0) {
            HttpExchanges.sendCut(exchange, message);
        }
        this.ledger.recordMessages(usage);
        HttpExchanges.sendJson(exchange, 200, message);
    }

    /** A Messages-shaped HTTP 200 with no content and an error in {@code base_resp}. */
    void sendBaseRespError(HttpExchange exchange, String model, int code, String statusMessage) throws IOException {
        ObjectNode message = message(Ids.responseId(), model);
        message.putArray("content");
        message.set("usage", usage(new Usage(0, 0, 0), 0));
        message.putNull("stop_reason");
        message.set("base_resp", HttpExchanges.baseResp(code, statusMessage));
        HttpExchanges.sendJson(exchange, 200, message);
    }

    void countTokens(HttpExchange exchange, JsonNode request) throws IOException {
        Conversation conversation = ConversationReader.fromMessagesRequest(request);
        this.ledger.recordCountTokens();
        HttpExchanges.sendJson(exchange, 200, Json.object().put("input_tokens", conversation.promptTokens()));
    }

    /**
     * The event sequence of the Anthropic streaming protocol: message_start, ping, one start/delta.../stop
     * group per content block, message_delta (stop reason, final output tokens), message_stop.
     */
    private void stream(SseStream sse, String id, String model, Reply reply, Usage usage) throws IOException {
        ObjectNode started = message(id, model);
        started.putArray("content");
        started.putNull("stop_reason");
        started.putNull("stop_sequence");
        started.set("usage", usage(usage, 1));
        sse.event("message_start", Json.object().put("type", "message_start").set("message", started));
        sse.event("ping", Json.object().put("type", "ping"));
        int index = 0;
        if (reply.thinking() != null) {
            blockStart(sse, index, Json.object().put("type", "thinking").put("thinking", "").put("signature", ""));
            for (String piece : SseStream.pieces(reply.thinking(), WORDS_PER_DELTA)) {
                delta(sse, index, Json.object().put("type", "thinking_delta").put("thinking", piece));
            }
            delta(sse, index, Json.object().put("type", "signature_delta")
                    .put("signature", Ids.signature(reply.thinking())));
            blockStop(sse, index++);
        }
        if (!reply.text().isEmpty()) {
            blockStart(sse, index, Json.object().put("type", "text").put("text", ""));
            for (String piece : SseStream.pieces(reply.text(), WORDS_PER_DELTA)) {
                delta(sse, index, Json.object().put("type", "text_delta").put("text", piece));
            }
            blockStop(sse, index++);
        }
        if (reply.toolCall() != null) {
            blockStart(sse, index, toolUse(reply.toolCall(), Json.object()));
            for (String fragment : SseStream.fragments(reply.toolCall().arguments(), JSON_FRAGMENT_SIZE)) {
                delta(sse, index, Json.object().put("type", "input_json_delta").put("partial_json", fragment));
            }
            blockStop(sse, index);
        }
        ObjectNode messageDelta = Json.object().put("type", "message_delta");
        messageDelta.putObject("delta").put("stop_reason", reply.stopReason()).putNull("stop_sequence");
        messageDelta.putObject("usage").put("output_tokens", usage.outputTokens());
        sse.event("message_delta", messageDelta);
        sse.event("message_stop", Json.object().put("type", "message_stop"));
        // Recorded before the exchange closes, so a client that has read the whole body sees the new total.
        this.ledger.recordMessages(usage);
    }

    private static ObjectNode message(String id, String model) {
        return Json.object().put("id", id).put("type", "message").put("role", "assistant").put("model", model);
    }

    private static ObjectNode toolUse(Reply.ToolCall call, ObjectNode input) {
        ObjectNode block = Json.object().put("type", "tool_use").put("id", call.id()).put("name", call.name());
        block.set("input", input);
        return block;
    }

    private static ObjectNode usage(Usage usage, int outputTokens) {
        return Json.object().put("input_tokens", usage.inputTokens()).put("output_tokens", outputTokens)
                .put("cache_creation_input_tokens", 0).put("cache_read_input_tokens", usage.cacheReadInputTokens());
    }

    private static void blockStart(SseStream sse, int index, ObjectNode block) throws IOException {
        ObjectNode event = Json.object().put("type", "content_block_start").put("index", index);
        event.set("content_block", block);
        sse.event("content_block_start", event);
    }

    private static void delta(SseStream sse, int index, ObjectNode delta) throws IOException {
        sse.pace();
        ObjectNode event = Json.object().put("type", "content_block_delta").put("index", index);
        event.set("delta", delta);
        sse.event("content_block_delta", event);
    }

    private static void blockStop(SseStream sse, int index) throws IOException {
        sse.event("content_block_stop", Json.object().put("type", "content_block_stop").put("index", index));
    }
}
