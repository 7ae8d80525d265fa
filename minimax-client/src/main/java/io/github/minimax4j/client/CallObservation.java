package io.github.minimax4j.client;

import java.util.function.Function;
import java.util.function.Supplier;

import io.github.minimax4j.observation.DefaultMiniMaxObservationConvention;
import io.github.minimax4j.observation.MiniMaxCall;
import io.github.minimax4j.observation.MiniMaxObservationContext;
import io.github.minimax4j.observation.MiniMaxObservationConvention;
import io.github.minimax4j.observation.MiniMaxObservationDocumentation;
import io.github.minimax4j.observation.TokenUsage;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * One call's Micrometer {@link Observation}, started by the client as the call starts (the way Micrometer's
 * own HTTP client instrumentations do), given the response model and usage or the error, stopped once.
 * Only the client makes and uses one.
 */
final class CallObservation {

    private static final DefaultMiniMaxObservationConvention DEFAULT_CONVENTION = new DefaultMiniMaxObservationConvention();

    private final Observation observation;

    private final MiniMaxObservationContext context;

    private boolean stopped;

    private CallObservation(Observation observation, MiniMaxObservationContext context) {
        this.observation = observation;
        this.context = context;
    }

    /** How a client observes its calls: the registry (NOOP by default) and an optional custom convention. */
    record Observer(ObservationRegistry registry, @Nullable MiniMaxObservationConvention convention) {

        static final Observer NOOP = new Observer(ObservationRegistry.NOOP, null);

        CallObservation start(MiniMaxCall call) {
            MiniMaxObservationContext context = new MiniMaxObservationContext(call);
            Observation observation = MiniMaxObservationDocumentation.CLIENT_OPERATION
                .observation(this.convention, DEFAULT_CONVENTION, () -> context, this.registry)
                .start();
            return new CallObservation(observation, context);
        }
    }

    /**
     * Runs {@code call}, stopping the observation with the model and usage of its result, or with its error.
     * @param model the model that answered, or null when success is reported later (an opened stream)
     * @param usage the usage the reply reports, or null when success is reported later
     */
    <T> T observe(Supplier<T> call, @Nullable Function<T, @Nullable String> model,
            @Nullable Function<T, TokenUsage> usage) {
        T result;
        try (Observation.Scope scope = this.observation.openScope()) {
            result = call.get();
        }
        catch (RuntimeException ex) {
            failure(ex);
            throw ex;
        }
        if (model != null && usage != null) {
            success(model.apply(result), usage.apply(result));
        }
        return result;
    }

    /** The first event of a stream has arrived. */
    void firstChunk() {
        this.observation.event(MiniMaxObservationDocumentation.Events.FIRST_CHUNK);
    }

    /** An event of a stream has arrived, the first included: for time to first chunk and per output chunk. */
    void chunk() {
        this.context.chunkReceived(System.nanoTime());
    }

    /** The call completed; {@code usage} is what the API reported (merged, for streams). */
    void success(@Nullable String responseModel, TokenUsage usage) {
        this.context.setResponseModel(responseModel);
        this.context.setUsage(usage);
        stop();
    }

    /** The call failed, or a stream was closed before it completed. */
    void failure(Throwable error) {
        this.observation.error(error);
        stop();
    }

    /**
     * A stream failed, or was closed before it completed, after MiniMax had reported usage in it (a Messages
     * stream reports its input tokens in its first event): those tokens are billed all the same.
     */
    void failure(Throwable error, @Nullable String responseModel, TokenUsage usageSoFar) {
        this.context.setResponseModel(responseModel);
        this.context.setUsage(usageSoFar);
        failure(error);
    }

    private void stop() {
        if (!this.stopped) {
            this.stopped = true;
            this.observation.stop();
        }
    }
}
