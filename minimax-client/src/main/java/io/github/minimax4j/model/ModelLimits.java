package io.github.minimax4j.model;

/**
 * What MiniMax's reference says a model can take.
 *
 * @param model the model
 * @param contextWindow context window in tokens
 * @param maxOutputTokens largest {@code max_tokens} accepted
 * @param multimodal whether image and video input are accepted
 */
public record ModelLimits(Model model, int contextWindow, int maxOutputTokens, boolean multimodal) {
}
