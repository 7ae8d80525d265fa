package io.github.minimax4j.observation;

import io.github.minimax4j.client.MiniMaxCall;
import io.github.minimax4j.client.MiniMaxCallObserver;
import io.github.minimax4j.client.TokenUsage;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Turns each MiniMax call into a Micrometer {@link io.micrometer.observation.Observation}: started with the call, given the
 * response model and usage (or the error), stopped once. Metrics, tracing and logging handlers then see it.
 */
public class ObservingCallObserver implements MiniMaxCallObserver {

    /** Event signalled when a stream delivers its first event. */
    public static final io.micrometer.observation.Observation.Event FIRST_CHUNK = io.micrometer.observation.Observation.Event
        .of("gen_ai.first_chunk");

    private final ObservationRegistry registry;

    private final @Nullable MiniMaxObservationConvention convention;

    public ObservingCallObserver(ObservationRegistry registry, @Nullable MiniMaxObservationConvention convention) {
        this.registry = registry;
        this.convention = convention;
    }

    @Override
    public MiniMaxCallObserver.Observation start(MiniMaxCall call) {
        MiniMaxObservationContext context = new MiniMaxObservationContext(call);
        io.micrometer.observation.Observation observation = MiniMaxObservationDocumentation.CLIENT_OPERATION
            .observation(this.convention, new DefaultMiniMaxObservationConvention(), () -> context, this.registry)
            .start();
        return new MiniMaxCallObserver.Observation() {
            @Override
            public void firstChunk() {
                observation.event(FIRST_CHUNK);
            }

            @Override
            public void chunk() {
                context.chunkReceived(System.nanoTime());
            }

            @Override
            public void success(@Nullable String responseModel, TokenUsage usage) {
                context.setResponseModel(responseModel);
                context.setUsage(usage);
                observation.stop();
            }

            @Override
            public void failure(Throwable error) {
                observation.error(error);
                observation.stop();
            }

            @Override
            public void failure(Throwable error, @Nullable String responseModel, TokenUsage usageSoFar) {
                context.setResponseModel(responseModel);
                context.setUsage(usageSoFar);
                failure(error);
            }
        };
    }
}
