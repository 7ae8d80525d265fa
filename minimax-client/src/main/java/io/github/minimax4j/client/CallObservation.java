package io.github.minimax4j.client;

import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.github.minimax4j.observation.DefaultMiniMaxObservationConvention;
import io.github.minimax4j.observation.MiniMaxCall;
import io.github.minimax4j.observation.MiniMaxObservationContext;
import io.github.minimax4j.observation.MiniMaxObservationConvention;
import io.github.minimax4j.observation.MiniMaxObservationDocumentation;
import io.github.minimax4j.observation.TokenUsage;
import io.micrometer.observation.Observation;
import io.github.minimax4j.ratelimit.ClientRateLimiter;
import io.github.minimax4j.ratelimit.Permit;
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

    /** Capacity the client's rate limiter granted this call, settled with the reported usage when it stops. */
    private @Nullable Permit permit;

    private CallObservation(Observation observation, MiniMaxObservationContext context) {
        this.observation = observation;
        this.context = context;
    }

    /**
     * How a client observes its calls: the registry (NOOP by default), an optional custom convention, and the
     * optional client-side rate limiter that every generating call passes before it is sent.
     */
    record Observer(ObservationRegistry registry, @Nullable MiniMaxObservationConvention convention,
            @Nullable ClientRateLimiter limiter) {

        static final Observer NOOP = new Observer(ObservationRegistry.NOOP, null, null);

        /**
         * Waits for the rate limiter's capacity (up to its maximum wait; nothing is sent when it refuses), then
         * starts the call's observation; the permit is settled with the usage the call reports when it stops.
         */
        CallObservation start(MiniMaxCall call, LongSupplier estimatedTokens) {
            Permit permit = (this.limiter != null)
                    ? this.limiter.acquireBlocking(call.requestModel(), estimatedTokens.getAsLong()) : null;
            CallObservation started = start(call);
            started.permit = permit;
            return started;
        }

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
            if (this.permit != null) {
                TokenUsage usage = this.context.getUsage();
                this.permit.settle((usage != null) ? usage.totalInputTokens() + usage.outputTokens() : 0);
            }
            this.observation.stop();
        }
    }
}
