package io.github.minimax4j.client;

import java.util.concurrent.CompletableFuture;
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

    /** An observation that records nothing: for a call that was never sent (its request was invalid). */
    static CallObservation none() {
        MiniMaxObservationContext context = new MiniMaxObservationContext(MiniMaxCall.builder()
            .api("")
            .operation("")
            .requestModel("")
            .build());
        return new CallObservation(Observation.NOOP, context);
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

        /**
         * The async twin of {@link #start(MiniMaxCall, LongSupplier)}: no thread waits for the rate limiter's
         * capacity (its timer completes the future); the observation starts once the call may be sent.
         * @param parent the observation current where the call was made, for a start on another thread
         */
        CompletableFuture<CallObservation> admit(MiniMaxCall call, LongSupplier estimatedTokens,
                @Nullable Observation parent) {
            if (this.limiter == null) {
                return CompletableFuture.completedFuture(start(call, parent));
            }
            return this.limiter.acquire(call.requestModel(), estimatedTokens.getAsLong()).thenApply((permit) -> {
                CallObservation started = start(call, parent);
                started.permit = permit;
                return started;
            });
        }

        CallObservation start(MiniMaxCall call) {
            return start(call, (Observation) null);
        }

        /**
         * Starts a call's observation; its parent is the observation current on this thread or, when there is
         * none, {@code parent} (the one current where a stream was made, for a stream subscribed elsewhere).
         */
        CallObservation start(MiniMaxCall call, @Nullable Observation parent) {
            MiniMaxObservationContext context = new MiniMaxObservationContext(call);
            Observation observation = MiniMaxObservationDocumentation.CLIENT_OPERATION
                .observation(this.convention, DEFAULT_CONVENTION, () -> context, this.registry);
            if (parent != null && this.registry.getCurrentObservation() == null) {
                observation.parentObservation(parent);
            }
            return new CallObservation(observation.start(), context);
        }

        /** The observation current on this thread, to be a later call's parent. */
        @Nullable Observation current() {
            return this.registry.getCurrentObservation();
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

    /**
     * Stops the observation once {@code call} completes, with the model and usage of its result, or its error (a
     * cancellation counts as one, as a stream closed early does).
     */
    <T> CompletableFuture<T> observe(CompletableFuture<T> call, Function<T, @Nullable String> model,
            Function<T, TokenUsage> usage) {
        return call.whenComplete((result, error) -> {
            if (error != null) {
                failure(AsyncTransport.unwrap(error));
            }
            else {
                success(model.apply(result), usage.apply(result));
            }
        });
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
