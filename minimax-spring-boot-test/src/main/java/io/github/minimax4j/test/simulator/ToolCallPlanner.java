package io.github.minimax4j.test.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decides whether the simulated model calls a tool, and with which arguments. A tool is called when the
 * prompt mentions its subject: the words of its name minus the verb ({@code get_weather} → "weather").
 * Arguments fill the schema's required properties, taking values from the prompt where possible
 * ("weather in Paris" → {@code {"city":"Paris"}}), so a tool round trip looks like a real one.
 */
final class ToolCallPlanner {

    /** Words in tool names that say nothing about the tool's subject (mostly verbs). */
    private static final Set<String> NOT_SUBJECT = Set.of("get", "set", "fetch", "list", "lookup", "look", "find",
            "search", "query", "create", "update", "delete", "check", "run", "do", "make", "compute", "calculate",
            "read", "write", "send", "call", "current");

    /** A capitalised name after a preposition: "in New York", "for Paris", "about Ada Lovelace". */
    private static final Pattern NAME_AFTER_PREPOSITION = Pattern.compile(
            "\\b(?:in|for|at|of|near|to|from|about|called|named)\\s+(\\p{Lu}[\\p{L}\\p{N}'-]*"
                    + "(?:\\s+\\p{Lu}[\\p{L}\\p{N}'-]*)*)");

    private static final Pattern QUOTED = Pattern.compile("[\"“]([^\"”]{2,})[\"”]");

    private static final Pattern CAPITALISED = Pattern.compile("(?<=\\s)(\\p{Lu}[\\p{L}\\p{N}'-]+)");

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

    private ToolCallPlanner() {
    }

    /** The tool call for this turn, if the model would make one. */
    static Optional<Reply.ToolCall> plan(Conversation conversation) {
        if (conversation.toolChoiceNone() || conversation.toolResult() != null || conversation.tools().isEmpty()) {
            return Optional.empty();
        }
        String prompt = conversation.lastUserText();
        String lowerPrompt = prompt.toLowerCase(Locale.ROOT);
        for (Conversation.Tool tool : conversation.tools()) {
            if (subjectWords(tool.name()).stream().anyMatch(lowerPrompt::contains)) {
                return Optional.of(new Reply.ToolCall(Ids.toolCallId(), tool.name(), arguments(tool, prompt)));
            }
        }
        return Optional.empty();
    }

    /** The words of a tool name that name its subject: split on _ - . and camelCase, verbs dropped. */
    static List<String> subjectWords(String toolName) {
        List<String> all = new ArrayList<>();
        for (String word : toolName.split("[_\\-.\\s]+|(?<=\\p{Ll})(?=\\p{Lu})")) {
            if (word.length() >= 3) {
                all.add(word.toLowerCase(Locale.ROOT));
            }
        }
        List<String> subject = all.stream().filter((word) -> !NOT_SUBJECT.contains(word)).toList();
        return subject.isEmpty() ? all : subject;
    }

    private static ObjectNode arguments(Conversation.Tool tool, String prompt) {
        ObjectNode input = Json.object();
        JsonNode properties = tool.inputSchema().path("properties");
        List<String> candidates = stringCandidates(prompt);
        int next = 0;
        for (JsonNode required : tool.inputSchema().path("required")) {
            String name = Json.text(required);
            JsonNode property = properties.path(name);
            switch (Json.text(property.get("type"))) {
                case "integer" -> input.put(name, (long) number(prompt));
                case "number" -> input.put(name, number(prompt));
                case "boolean" -> input.put(name, true);
                case "array" -> input.putArray(name);
                case "object" -> input.putObject(name);
                default -> {
                    if (property.has("enum")) {
                        input.put(name, enumValue(property.get("enum"), prompt));
                    }
                    else {
                        input.put(name, candidates.get(Math.min(next++, candidates.size() - 1)));
                    }
                }
            }
        }
        return input;
    }

    /** Values a model would pick from the prompt for string arguments, most likely first; never empty. */
    private static List<String> stringCandidates(String prompt) {
        List<String> candidates = new ArrayList<>();
        for (Pattern pattern : List.of(NAME_AFTER_PREPOSITION, QUOTED, CAPITALISED)) {
            Matcher matcher = pattern.matcher(prompt);
            while (matcher.find()) {
                String value = matcher.group(1).replaceAll("[.,!?;:]+$", "");
                if (!value.equals("I") && !candidates.contains(value)) {
                    candidates.add(value);
                }
            }
        }
        if (candidates.isEmpty()) {
            candidates.add(ReplyComposer.summary(prompt, 6));
        }
        return candidates;
    }

    private static String enumValue(JsonNode values, String prompt) {
        String lowerPrompt = prompt.toLowerCase(Locale.ROOT);
        for (JsonNode value : values) {
            if (!Json.text(value).isEmpty() && lowerPrompt.contains(Json.text(value).toLowerCase(Locale.ROOT))) {
                return Json.text(value);
            }
        }
        return Json.text(values.path(0));
    }

    private static double number(String prompt) {
        Matcher matcher = NUMBER.matcher(prompt);
        return matcher.find() ? Double.parseDouble(matcher.group()) : 1;
    }
}
