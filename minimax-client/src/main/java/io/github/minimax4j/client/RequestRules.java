package io.github.minimax4j.client;

import io.github.minimax4j.error.InvalidRequestException;
import io.github.minimax4j.model.Model;
import io.github.minimax4j.model.ModelLimits;
import org.jspecify.annotations.Nullable;

/** The documented limits both APIs share, checked before a request is sent. */
final class RequestRules {

    private RequestRules() {
    }

    static void checkSampling(@Nullable Double temperature, @Nullable Double topP) {
        if (temperature != null && !(temperature >= 0 && temperature <= 2)) {
            throw new InvalidRequestException("temperature must be in [0, 2] but was " + temperature);
        }
        if (topP != null && !(topP >= 0 && topP <= 1)) {
            throw new InvalidRequestException("top_p must be in [0, 1] but was " + topP);
        }
    }

    static void checkMaxTokens(String field, @Nullable Integer maxTokens, Model model) {
        if (maxTokens == null) {
            return;
        }
        int max = model.limits().map(ModelLimits::maxOutputTokens).orElse(Integer.MAX_VALUE);
        if (maxTokens < 1 || maxTokens > max) {
            throw new InvalidRequestException(field + " must be in [1, " + max + "] for " + model + " but was "
                    + maxTokens);
        }
    }

    static void checkMultimodal(Model model, String mediaKind) {
        if (!model.multimodal()) {
            throw new InvalidRequestException(model + " does not accept " + mediaKind + " input: only MiniMax-M3 "
                    + "takes images and video (the M2.x models take text and tool calls only). Use Model.MINIMAX_M3 "
                    + "or remove the " + mediaKind + ".");
        }
    }
}
