package io.github.minimax4j.test.simulator;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads both request shapes into a {@link Conversation}, validating what the real API validates
 * (required fields, parameter ranges) so client bugs surface as the same 400s they would get live.
 */
final class ConversationReader {

    private ConversationReader() {
    }

    /** {@code POST /anthropic/v1/messages}: MiniMax-M3 thinks only with {@code thinking.type=adaptive}. */
    static Conversation fromMessagesRequest(JsonNode request) {
        String model = requireModel(request);
        List<JsonNode> messages = requireMessages(request);
        validateSampling(request);
        rejectMediaForTextOnlyModels(model, messages);
        boolean thinking = thinks(model, thinkingType(model, request), false);
        List<Conversation.Tool> tools = new ArrayList<>();
        for (JsonNode tool : request.path("tools")) {
            tools.add(new Conversation.Tool(Json.text(tool.get("name")), Json.text(tool.get("description")),
                    tool.path("input_schema")));
        }
        // The reference supports only auto and none: any other choice is taken as auto, neither forced nor refused.
        boolean toolChoiceNone = Json.text(request.path("tool_choice").path("type")).equals("none");
        @Nullable Integer maxTokens = maxTokens(request, "max_tokens", model);
        List<JsonNode> parts = List.of(request.path("system"), request.path("tools"));
        requireUnchangedThinking(messages);
        JsonNode last = messages.get(messages.size() - 1);
        String lastUserText = "";
        Conversation.@Nullable ToolResult toolResult = null;
        if (Json.text(last.get("role")).equals("user")) {
            lastUserText = textOf(last.get("content"), "text");
            for (JsonNode block : last.path("content")) {
                if (Json.text(block.get("type")).equals("tool_result")) {
                    String id = Json.text(block.get("tool_use_id"));
                    toolResult = new Conversation.ToolResult(anthropicToolName(messages, id),
                            textOf(block.get("content"), "text"));
                }
            }
        }
        return build(model, thinking, lastUserText, toolResult, tools, toolChoiceNone, maxTokens, parts, messages);
    }

    /** {@code POST /v1/chat/completions}: here MiniMax-M3 thinks unless told {@code thinking.type=disabled}. */
    static Conversation fromChatRequest(JsonNode request) {
        String model = requireModel(request);
        List<JsonNode> messages = requireMessages(request);
        validateSampling(request);
        rejectMediaForTextOnlyModels(model, messages);
        boolean thinking = thinks(model, thinkingType(model, request), true);
        List<Conversation.Tool> tools = new ArrayList<>();
        for (JsonNode tool : request.path("tools")) {
            JsonNode function = tool.path("function");
            tools.add(new Conversation.Tool(Json.text(function.get("name")), Json.text(function.get("description")),
                    function.path("parameters")));
        }
        boolean toolChoiceNone = Json.text(request.get("tool_choice")).equals("none");
        @Nullable Integer maxTokens = maxTokens(request, "max_completion_tokens", model);
        if (maxTokens == null) {
            maxTokens = maxTokens(request, "max_tokens", model);
        }
        JsonNode last = messages.get(messages.size() - 1);
        String role = Json.text(last.get("role"));
        String lastUserText = role.equals("user") ? textOf(last.get("content"), "text") : "";
        Conversation.@Nullable ToolResult toolResult = null;
        if (role.equals("tool")) {
            toolResult = new Conversation.ToolResult(chatToolName(messages, Json.text(last.get("tool_call_id"))),
                    textOf(last.get("content"), "text"));
        }
        return build(model, thinking, lastUserText, toolResult, tools, toolChoiceNone, maxTokens,
                List.of(request.path("tools")), messages);
    }

    /**
     * The thinking type asked for. MiniMax-M3 takes only {@code adaptive} and {@code disabled}: the Anthropic
     * form {@code enabled} is rejected with 2013 (wording as MiniMax answers it); M2.x models accept any type
     * and think anyway.
     */
    private static String thinkingType(String model, JsonNode request) {
        String type = Json.text(request.path("thinking").path("type"));
        if (ModelCatalog.isM3(model) && !type.isEmpty() && !type.equals("adaptive") && !type.equals("disabled")) {
            throw new BadRequestException("invalid thinking.type: \"" + type + "\" (allowed: adaptive, disabled)");
        }
        return type;
    }

    /** M2.x models always think; M3 follows the thinking type, with a per-API default when it is omitted. */
    static boolean thinks(String model, String thinkingType, boolean m3Default) {
        if (!ModelCatalog.isM3(model)) {
            return true;
        }
        return thinkingType.isEmpty() ? m3Default : thinkingType.equals("adaptive");
    }

    private static Conversation build(String model, boolean thinking, String lastUserText,
            Conversation.@Nullable ToolResult toolResult, List<Conversation.Tool> tools, boolean toolChoiceNone,
            @Nullable Integer maxTokens, List<JsonNode> parts, List<JsonNode> messages) {
        SimulatedFailure failure = SimulatedFailure.requestedBy(lastUserText);
        if (failure != null) {
            throw failure;
        }
        int promptTokens = TokenEstimator.promptTokens(parts, messages);
        // Earlier turns of a multi-turn conversation are what MiniMax's prompt cache serves.
        int cached = (messages.size() > 1)
                ? TokenEstimator.promptTokens(parts, messages.subList(0, messages.size() - 1)) : 0;
        return new Conversation(model, thinking, lastUserText, earlierUserText(messages), toolResult, tools,
                toolChoiceNone, maxTokens, promptTokens, cached);
    }

    /** Text of the user turn before the last one, so a reply can show it kept the context ("" when none). */
    private static String earlierUserText(List<JsonNode> messages) {
        boolean skippedLast = false;
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonNode message = messages.get(i);
            if (Json.text(message.get("role")).equals("user")) {
                String text = textOf(message.get("content"), "text");
                if (skippedLast && !text.isBlank()) {
                    return text;
                }
                skippedLast = true;
            }
        }
        return "";
    }

    /**
     * Thinking blocks of earlier assistant turns must come back exactly as they were sent: the API checks
     * each against its signature and rejects a changed, or unsigned, one.
     */
    private static void requireUnchangedThinking(List<JsonNode> messages) {
        for (JsonNode message : messages) {
            if (!Json.text(message.get("role")).equals("assistant")) {
                continue;
            }
            for (JsonNode block : message.path("content")) {
                if (Json.text(block.get("type")).equals("thinking")
                        && !Json.text(block.get("signature")).equals(Ids.signature(Json.text(block.get("thinking"))))) {
                    throw new BadRequestException("messages: a thinking block does not match its signature; send "
                            + "assistant turns back unchanged, thinking and signature included");
                }
            }
        }
    }

    private static String requireModel(JsonNode request) {
        String model = Json.text(request.get("model")).trim();
        if (model.isEmpty()) {
            throw new BadRequestException("model: field required");
        }
        if (!ModelCatalog.isKnown(model)) {
            throw new BadRequestException("unknown model '" + model + "'");
        }
        return model;
    }

    private static List<JsonNode> requireMessages(JsonNode request) {
        JsonNode messages = request.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw new BadRequestException("messages: field required and must be a non-empty array");
        }
        List<JsonNode> list = new ArrayList<>();
        for (JsonNode message : messages) {
            if (!message.isObject() || Json.text(message.get("role")).isEmpty()) {
                throw new BadRequestException("messages: each message needs a role");
            }
            list.add(message);
        }
        return list;
    }

    /** Only MiniMax-M3 is multimodal; the reference says M2.x models accept text and tool blocks only. */
    private static void rejectMediaForTextOnlyModels(String model, List<JsonNode> messages) {
        if (ModelCatalog.isM3(model)) {
            return;
        }
        for (JsonNode message : messages) {
            for (JsonNode block : message.path("content")) {
                String type = Json.text(block.get("type"));
                if (type.startsWith("image") || type.startsWith("video")) {
                    throw new BadRequestException(model + " does not support " + type + " input; use MiniMax-M3");
                }
            }
        }
    }

    private static void validateSampling(JsonNode request) {
        checkRange(request, "temperature", 0, 2);
        checkRange(request, "top_p", 0, 1);
    }

    private static void checkRange(JsonNode request, String field, double min, double max) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            return;
        }
        if (!value.isNumber() || value.asDouble() < min || value.asDouble() > max) {
            throw new BadRequestException(field + ": must be a number in [" + min + ", " + max + "]");
        }
    }

    /** An output limit in [1, the model's maximum] (wording ours: the reference gives the range, not the text). */
    private static @Nullable Integer maxTokens(JsonNode request, String field, String model) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || value.asLong() < 1) {
            throw new BadRequestException(field + ": must be an integer >= 1");
        }
        if (value.asLong() > ModelCatalog.maxOutputTokens(model)) {
            throw new BadRequestException(field + ": " + value.asLong() + " is above the maximum of "
                    + ModelCatalog.maxOutputTokens(model) + " for " + model);
        }
        return value.intValue();
    }

    /** Text of a content value: a plain string, or the text of its blocks/parts of the given type. */
    private static String textOf(@Nullable JsonNode content, String textType) {
        if (content == null) {
            return "";
        }
        if (content.isString()) {
            return content.stringValue();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode block : content) {
            if (Json.text(block.get("type")).equals(textType)) {
                text.append(text.isEmpty() ? "" : "\n").append(Json.text(block.get("text")));
            }
        }
        return text.toString();
    }

    private static String anthropicToolName(List<JsonNode> messages, String toolUseId) {
        for (JsonNode message : messages) {
            for (JsonNode block : message.path("content")) {
                if (Json.text(block.get("type")).equals("tool_use") && Json.text(block.get("id")).equals(toolUseId)) {
                    return Json.text(block.get("name"));
                }
            }
        }
        return "";
    }

    private static String chatToolName(List<JsonNode> messages, String toolCallId) {
        for (JsonNode message : messages) {
            for (JsonNode call : message.path("tool_calls")) {
                if (Json.text(call.get("id")).equals(toolCallId)) {
                    return Json.text(call.path("function").get("name"));
                }
            }
        }
        return "";
    }
}
