package io.github.minimax4j.client;

import io.github.minimax4j.observation.MiniMaxCall;
import java.util.List;

import io.github.minimax4j.observation.MiniMaxObservationContext;
import io.github.minimax4j.observation.MiniMaxObservationDocumentation;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;

/** Writes down what each call's observation went through: start, first chunk, success or failure. */
public final class RecordingObservationHandler implements ObservationHandler<MiniMaxObservationContext> {

    private final List<String> seen;

    private final boolean withUserId;

    RecordingObservationHandler(List<String> seen, boolean withUserId) {
        this.seen = seen;
        this.withUserId = withUserId;
    }

    /** A registry with only {@code handler} in it. */
    public static ObservationRegistry registry(ObservationHandler<?> handler) {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(handler);
        return registry;
    }

    @Override
    public void onStart(MiniMaxObservationContext context) {
        MiniMaxCall call = context.getCall();
        this.seen.add("start " + call.api() + " " + call.operation() + " " + call.requestModel() + " "
                + call.streaming() + (this.withUserId ? " " + call.userId() : ""));
    }

    @Override
    public void onEvent(Observation.Event event, MiniMaxObservationContext context) {
        if (event.getName().equals(MiniMaxObservationDocumentation.Events.FIRST_CHUNK.getName())) {
            this.seen.add("first-chunk");
        }
    }

    @Override
    public void onStop(MiniMaxObservationContext context) {
        if (context.getError() != null) {
            this.seen.add("failure " + context.getError().getClass().getSimpleName()
                    + ((context.getUsage() != null) ? " " + context.getResponseModel() + " " + context.getUsage() : ""));
        }
        else {
            this.seen.add("success " + context.getResponseModel() + " " + context.getUsage());
        }
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof MiniMaxObservationContext;
    }
}
