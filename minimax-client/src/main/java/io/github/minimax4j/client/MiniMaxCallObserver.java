package io.github.minimax4j.client;

import org.jspecify.annotations.Nullable;

/**
 * Sees every call the client makes: the hook metrics and tracing plug into (the auto-configuration
 * installs a Micrometer one). Implementations must be thread-safe and fast.
 */
@FunctionalInterface
public interface MiniMaxCallObserver {

    /** Observes nothing. */
    MiniMaxCallObserver NOOP = (call) -> Observation.NOOP;

    /** Called as a call starts; the returned observation follows it to its end. */
    Observation start(MiniMaxCall call);

    /** One observer that tells all of {@code observers}, in order. */
    static MiniMaxCallObserver composite(java.util.List<MiniMaxCallObserver> observers) {
        if (observers.isEmpty()) {
            return NOOP;
        }
        if (observers.size() == 1) {
            return observers.get(0);
        }
        java.util.List<MiniMaxCallObserver> all = java.util.List.copyOf(observers);
        return (call) -> {
            java.util.List<Observation> started = all.stream().map((observer) -> observer.start(call)).toList();
            return new Observation() {
                @Override
                public void firstChunk() {
                    started.forEach(Observation::firstChunk);
                }

                @Override
                public void chunk() {
                    started.forEach(Observation::chunk);
                }

                @Override
                public void success(@Nullable String responseModel, TokenUsage usage) {
                    started.forEach((observation) -> observation.success(responseModel, usage));
                }

                @Override
                public void failure(Throwable error) {
                    started.forEach((observation) -> observation.failure(error));
                }

                @Override
                public void failure(Throwable error, @Nullable String responseModel, TokenUsage usageSoFar) {
                    started.forEach((observation) -> observation.failure(error, responseModel, usageSoFar));
                }
            };
        };
    }

    /** One call in flight. Exactly one of {@code success} or {@code failure} is called, once. */
    interface Observation {

        Observation NOOP = new Observation() {
            @Override
            public void success(@Nullable String responseModel, TokenUsage usage) {
            }

            @Override
            public void failure(Throwable error) {
            }
        };

        /** The first event of a stream has arrived (called before its {@link #chunk()}). */
        default void firstChunk() {
        }

        /** An event of a stream has arrived, the first included: for time per output chunk. */
        default void chunk() {
        }

        /** The call completed; {@code usage} is what the API reported (merged, for streams). */
        void success(@Nullable String responseModel, TokenUsage usage);

        /** The call failed, or a stream was closed before it completed. */
        void failure(Throwable error);

        /**
         * A stream failed, or was closed before it completed, after MiniMax had reported usage in it (a Messages
         * stream reports its input tokens in its first event): those tokens are billed all the same. Called
         * instead of {@link #failure(Throwable)}, which it calls unless overridden.
         */
        default void failure(Throwable error, @Nullable String responseModel, TokenUsage usageSoFar) {
            failure(error);
        }
    }
}
