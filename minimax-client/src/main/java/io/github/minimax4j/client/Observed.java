package io.github.minimax4j.client;

import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/** Runs a call under an observation, reporting its success (model and usage) or its failure exactly once. */
final class Observed {

    private Observed() {
    }

    /**
     * @param model the model that answered, or null when success is reported later (an opened stream)
     * @param usage the usage the reply reports, or null when success is reported later
     */
    static <T> T call(MiniMaxCallObserver.Observation observation, Supplier<T> call,
            @Nullable Function<T, @Nullable String> model, @Nullable Function<T, TokenUsage> usage) {
        T result;
        try {
            result = call.get();
        }
        catch (RuntimeException ex) {
            observation.failure(ex);
            throw ex;
        }
        if (model != null && usage != null) {
            observation.success(model.apply(result), usage.apply(result));
        }
        return result;
    }
}
