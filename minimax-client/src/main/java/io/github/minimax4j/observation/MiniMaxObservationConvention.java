package io.github.minimax4j.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/** Names and tags of the MiniMax observation; declare a bean of this type to replace the default. */
public interface MiniMaxObservationConvention extends ObservationConvention<MiniMaxObservationContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof MiniMaxObservationContext;
    }
}
