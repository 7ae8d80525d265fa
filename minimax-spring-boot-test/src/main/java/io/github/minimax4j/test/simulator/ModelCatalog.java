package io.github.minimax4j.test.simulator;

import java.util.Map;

/**
 * The models MiniMax's reference lists for both compatible APIs, with their largest output limit
 * ({@code anthropic-messages-m3.txt}, {@code openai-chat-completions.txt}): 524,288 tokens for MiniMax-M3,
 * 204,800 for the M2.x family. Kept apart from the client's own model table on purpose: a test double that
 * shared it could not catch a mistake in it.
 */
final class ModelCatalog {

    static final String M3 = "MiniMax-M3";

    private static final int M2_MAX_OUTPUT = 204_800;

    private static final Map<String, Integer> MAX_OUTPUT_TOKENS = Map.of(M3, 524_288,
            "MiniMax-M2.7", M2_MAX_OUTPUT, "MiniMax-M2.7-highspeed", M2_MAX_OUTPUT,
            "MiniMax-M2.5", M2_MAX_OUTPUT, "MiniMax-M2.5-highspeed", M2_MAX_OUTPUT,
            "MiniMax-M2.1", M2_MAX_OUTPUT, "MiniMax-M2.1-highspeed", M2_MAX_OUTPUT,
            "MiniMax-M2", M2_MAX_OUTPUT);

    private ModelCatalog() {
    }

    static boolean isKnown(String model) {
        return MAX_OUTPUT_TOKENS.containsKey(model);
    }

    static int maxOutputTokens(String model) {
        return MAX_OUTPUT_TOKENS.get(model);
    }

    /** Only MiniMax-M3 takes image and video input and lets thinking be switched. */
    static boolean isM3(String model) {
        return M3.equals(model);
    }
}
