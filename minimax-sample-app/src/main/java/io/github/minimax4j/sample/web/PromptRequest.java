package io.github.minimax4j.sample.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the page sends.
 *
 * @param prompt the user's message
 * @param thinking whether the model should think first (adaptive thinking)
 * @param history the conversation so far, oldest turn first (none for a first question)
 */
public record PromptRequest(@Nullable String prompt, @Nullable Boolean thinking, @Nullable List<Turn> history) {

    static final int MAX_PROMPT_CHARS = 8_000;

    static final int MAX_HISTORY_TURNS = 100;

    /** A first question: no history. */
    public PromptRequest(@Nullable String prompt, @Nullable Boolean thinking) {
        this(prompt, thinking, null);
    }

    /** The earlier turns, checked: at most {@link #MAX_HISTORY_TURNS}. */
    List<Turn> validHistory() {
        if (this.history == null) {
            return List.of();
        }
        if (this.history.size() > MAX_HISTORY_TURNS) {
            throw new InvalidPromptException("history has " + this.history.size() + " turns; the limit is "
                    + MAX_HISTORY_TURNS + ": start a new conversation");
        }
        return this.history;
    }

    /** The prompt, checked: not blank and not over {@link #MAX_PROMPT_CHARS}. */
    String validPrompt() {
        if (this.prompt == null || this.prompt.isBlank()) {
            throw new InvalidPromptException("prompt must not be empty");
        }
        if (this.prompt.length() > MAX_PROMPT_CHARS) {
            throw new InvalidPromptException("prompt is " + this.prompt.length() + " characters; the limit is "
                    + MAX_PROMPT_CHARS);
        }
        return this.prompt.strip();
    }

    boolean wantsThinking() {
        return !Boolean.FALSE.equals(this.thinking);
    }
}
