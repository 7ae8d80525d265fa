package io.github.minimax4j.sample.web;

import org.jspecify.annotations.Nullable;

/**
 * What the page sends.
 *
 * @param prompt the user's message
 * @param thinking whether the model should think first (adaptive thinking)
 */
public record PromptRequest(@Nullable String prompt, @Nullable Boolean thinking) {

    static final int MAX_PROMPT_CHARS = 8_000;

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
