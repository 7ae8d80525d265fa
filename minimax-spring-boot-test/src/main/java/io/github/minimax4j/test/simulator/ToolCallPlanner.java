package io.github.minimax4j.test.simulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decides whether the simulated model calls a tool, and with which arguments, as a careful model would:
 * <ul>
 * <li>a tool is called when the prompt mentions its subject: a word of its name minus the verb
 * ({@code get_weather} → "weather"), or a distinctive word of its description ({@code tool_choice}
 * {@code none} forbids calls; the reference supports only {@code auto} besides, so other choices count as
 * auto);</li>
 * <li>arguments come from the prompt: names after a preposition or in quotes for strings ("weather in
 * Paris" → {@code {"city":"Paris"}}), numbers, enum values it mentions (for optional properties too), and
 * the request itself for query-like properties ({@code query}, {@code question}…);</li>
 * <li>when a required value is nowhere in the prompt, the model asks for it instead of inventing one.</li>
 * </ul>
 */
final class ToolCallPlanner {

    /** Words in tool names that say nothing about the tool's subject (mostly verbs). */
    private static final Set<String> NOT_SUBJECT = Set.of("get", "set", "fetch", "list", "lookup", "look", "find",
            "search", "query", "create", "update", "delete", "check", "run", "do", "make", "compute", "calculate",
            "read", "write", "send", "call", "current");

    /** Description words too common to show what a tool is about. */
    private static final Set<String> COMMON_WORDS = Set.of("about", "above", "after", "again", "given", "current",
            "returns", "return", "which", "where", "there", "their", "these", "those", "value", "values", "using",
            "based", "string", "number", "object", "information", "details", "specified", "provided", "should",
            "would", "could", "other", "function", "param", "parameter", "parameters", "result", "results");

    /** Property names whose value is what the user asked, in their words. */
    private static final Set<String> QUERY_LIKE = Set.of("query", "q", "question", "text", "prompt", "input",
            "message", "content", "search", "keywords", "keyword", "term", "terms", "topic", "request");

    /** A capitalised name after a preposition: "in New York", "for Paris", "about Ada Lovelace". */
    private static final Pattern NAME_AFTER_PREPOSITION = Pattern.compile(
            "\\b(?:in|for|at|of|near|to|from|about|called|named)\\s+(\\p{Lu}[\\p{L}\\p{N}'-]*"
                    + "(?:\\s+\\p{Lu}[\\p{L}\\p{N}'-]*)*)");

    private static final Pattern QUOTED = Pattern.compile("[\"“]([^\"”]{2,})[\"”]");

    private static final Pattern CAPITALISED = Pattern.compile("(?<=\\s)(\\p{Lu}[\\p{L}\\p{N}'-]+)");

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private ToolCallPlanner() {
    }

    /**
     * What the model does about tools this turn.
     *
     * @param call the tool call, or null
     * @param tool the tool it would call but cannot yet, or null
     * @param missing the required argument the prompt does not give (then {@code tool} is set)
     */
    record Plan(Reply.@Nullable ToolCall call, @Nullable String tool, @Nullable String missing) {

        static final Plan NONE = new Plan(null, null, null);
    }

    static Plan plan(Conversation conversation) {
        if (conversation.toolChoiceNone() || conversation.toolResult() != null || conversation.tools().isEmpty()) {
            return Plan.NONE;
        }
        String prompt = conversation.lastUserText();
        Optional<Conversation.Tool> tool = mentionedTool(conversation, prompt);
        if (tool.isEmpty()) {
            return Plan.NONE;
        }
        ObjectNode arguments = Json.object();
        String missing = fillArguments(tool.get(), prompt, arguments);
        if (missing != null) {
            return new Plan(null, tool.get().name(), missing);
        }
        return new Plan(new Reply.ToolCall(Ids.toolCallId(), tool.get().name(), arguments), null, null);
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

    private static Optional<Conversation.Tool> mentionedTool(Conversation conversation, String prompt) {
        String lowerPrompt = prompt.toLowerCase(Locale.ROOT);
        Set<String> promptWords = words(lowerPrompt);
        for (Conversation.Tool tool : conversation.tools()) {
            if (subjectWords(tool.name()).stream().anyMatch(lowerPrompt::contains)) {
                return Optional.of(tool);
            }
        }
        for (Conversation.Tool tool : conversation.tools()) {
            if (descriptionKeywords(tool.description()).stream().anyMatch(promptWords::contains)) {
                return Optional.of(tool);
            }
        }
        return Optional.empty();
    }

    private static Set<String> descriptionKeywords(String description) {
        Set<String> keywords = new HashSet<>(words(description.toLowerCase(Locale.ROOT)));
        keywords.removeIf((word) -> word.length() < 5 || COMMON_WORDS.contains(word));
        return keywords;
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }

    /** Fills {@code input} from the prompt; returns the first required property it had no value for, or null. */
    private static @Nullable String fillArguments(Conversation.Tool tool, String prompt, ObjectNode input) {
        JsonNode properties = tool.inputSchema().path("properties");
        Set<String> required = new LinkedHashSet<>();
        tool.inputSchema().path("required").forEach((name) -> required.add(Json.text(name)));
        List<String> candidates = stringCandidates(prompt);
        String missing = null;
        int next = 0;
        for (String name : required) {
            JsonNode property = properties.path(name);
            switch (Json.text(property.get("type"))) {
                case "integer" -> input.put(name, (long) number(prompt));
                case "number" -> input.put(name, number(prompt));
                case "boolean" -> input.put(name, true);
                case "array" -> input.putArray(name);
                case "object" -> input.putObject(name);
                default -> {
                    if (property.has("enum")) {
                        input.put(name, mentionedEnumValue(property.get("enum"), prompt)
                            .orElse(Json.text(property.get("enum").path(0))));
                    }
                    else if (QUERY_LIKE.contains(name.toLowerCase(Locale.ROOT))) {
                        input.put(name, ReplyComposer.summary(prompt, 20).replaceAll("[?!.]+$", ""));
                    }
                    else if (next < candidates.size()) {
                        input.put(name, candidates.get(next++));
                    }
                    else {
                        missing = (missing != null) ? missing : name;
                    }
                }
            }
        }
        // Optional enum properties the prompt settles ("in fahrenheit"): a model passes those too.
        for (var entry : properties.properties()) {
            if (!required.contains(entry.getKey()) && entry.getValue().has("enum")) {
                mentionedEnumValue(entry.getValue().get("enum"), prompt)
                    .ifPresent((value) -> input.put(entry.getKey(), value));
            }
        }
        return missing;
    }

    /** Values a model would pick from the prompt for string arguments, most likely first. */
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
        return candidates;
    }

    private static Optional<String> mentionedEnumValue(JsonNode values, String prompt) {
        Set<String> promptWords = words(prompt.toLowerCase(Locale.ROOT));
        for (JsonNode value : values) {
            String text = Json.text(value);
            if (!text.isEmpty() && Arrays.stream(text.toLowerCase(Locale.ROOT).split("\\W+"))
                .allMatch(promptWords::contains)) {
                return Optional.of(text);
            }
        }
        return Optional.empty();
    }

    private static double number(String prompt) {
        Matcher matcher = NUMBER.matcher(prompt);
        return matcher.find() ? Double.parseDouble(matcher.group()) : 1;
    }
}
