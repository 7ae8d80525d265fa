package io.github.minimax4j.test.simulator;

import java.util.List;

/**
 * Writes the simulated model's reply. Deterministic (the same prompt gives the same text, so tests can
 * assert on it) yet different for different prompts (so a demo does not look canned): it restates the
 * prompt and picks follow-up sentences by the prompt's hash. In a multi-turn conversation it also quotes the
 * user turn before the last, so a test can tell whether the history was sent.
 */
final class ReplyComposer {

    private static final List<String> SENTENCES = List.of(
            "The key idea is to start small and check each step before moving on.",
            "A good first step is to write down what you already know and what you still need.",
            "Most people find it easiest to try a concrete example first.",
            "There are a few trade-offs to weigh, and none of them is free.",
            "If you share more detail, I can give a more specific answer.",
            "In short, it depends on your goals, but the simple option is often the right one.",
            "Think of it as a series of small decisions rather than one big one.",
            "The answer changes with context, so it helps to test it on your own case.");

    private static final List<String> INTENTS = List.of("a clear explanation", "practical advice",
            "a short summary", "a concrete example", "a quick answer");

    private ReplyComposer() {
    }

    /** The reply a script asks for: the generated one, or the scripted content cut to the output limit. */
    static Reply compose(Conversation conversation, SimulatedReply scripted) {
        if (scripted.kind() == SimulatedReply.Kind.GENERATED) {
            return compose(conversation);
        }
        return scripted.content().limitTo(conversation.maxTokens());
    }

    static Reply compose(Conversation conversation) {
        ToolCallPlanner.Plan plan = ToolCallPlanner.plan(conversation);
        Reply reply;
        if (conversation.toolResult() != null) {
            reply = answerFromToolResult(conversation.toolResult());
        }
        else if (plan.call() != null) {
            Reply.ToolCall call = plan.call();
            reply = new Reply("The user wants information I can get with the " + call.name()
                    + " tool. I will call it with " + call.arguments() + " and answer once I have the result.",
                    "Let me look that up with " + call.name() + ".", call, false);
        }
        else if (plan.missing() != null) {
            reply = new Reply("I could use the " + plan.tool() + " tool, but it needs " + plan.missing()
                    + " and the user has not said which.", "I can look that up with " + plan.tool()
                    + ", but I need to know the " + plan.missing().replace('_', ' ') + " first. Which one do you mean?",
                    null, false);
        }
        else {
            reply = answer(conversation.lastUserText(), conversation.earlierUserText());
        }
        Reply thought = conversation.thinking() ? reply : new Reply(null, reply.text(), reply.toolCall(), false);
        return thought.limitTo(conversation.maxTokens());
    }

    private static Reply answer(String prompt, String earlier) {
        String topic = prompt.isBlank() ? "the attached content" : "\"" + summary(prompt, 12) + "\"";
        int hash = Math.abs(prompt.hashCode() % 1_000_000);
        String thinking = "The user wrote " + topic + ". They probably want " + INTENTS.get(hash % INTENTS.size())
                + ". I will answer in a few clear sentences.";
        String text = "You asked about " + topic + ". Here is a short answer from the offline MiniMax simulator. "
                + SENTENCES.get(hash % SENTENCES.size()) + " "
                // offset 1..size-1, so the second sentence always differs from the first
                + SENTENCES.get((hash + 1 + (hash / SENTENCES.size()) % (SENTENCES.size() - 1)) % SENTENCES.size());
        if (!earlier.isBlank()) {
            // Echo the context: a reply that could only be written by someone who saw the earlier turn.
            thinking += " Earlier they said \"" + summary(earlier, 12) + "\".";
            text += " Earlier you said \"" + summary(earlier, 12) + "\", and I have kept that in mind.";
        }
        return new Reply(thinking, text, null, false);
    }

    private static Reply answerFromToolResult(Conversation.ToolResult result) {
        String tool = result.toolName().isEmpty() ? "the tool" : result.toolName();
        String content = result.content().isBlank() ? "no data" : summary(result.content(), 40);
        String thinking = "The tool " + tool + " returned: " + content + ". I can now answer using this result.";
        String text = "According to " + tool + ": " + content + ". Let me know if you need anything else.";
        return new Reply(thinking, text, null, false);
    }

    /** The first {@code maxWords} words of a text on one line, with an ellipsis when cut. */
    static String summary(String text, int maxWords) {
        String[] words = text.trim().split("\\s+");
        if (words.length <= maxWords) {
            return String.join(" ", words);
        }
        return String.join(" ", List.of(words).subList(0, maxWords)) + "…";
    }
}
