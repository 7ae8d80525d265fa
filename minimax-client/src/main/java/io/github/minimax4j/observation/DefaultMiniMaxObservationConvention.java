package io.github.minimax4j.observation;

import java.util.concurrent.CancellationException;

import io.github.minimax4j.observation.MiniMaxObservationDocumentation.HighCardinalityKeys;
import io.github.minimax4j.observation.MiniMaxObservationDocumentation.LowCardinalityKeys;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

/**
 * The observation is named {@code gen_ai.client.operation.duration}, the OpenTelemetry duration metric that
 * {@link MiniMaxMeterObservationHandler} records; spans are named
 * {@code "<operation> <model>"} as the conventions ask. Every tag is always present (Prometheus needs the
 * same tag keys on every series of a metric).
 */
public class DefaultMiniMaxObservationConvention implements MiniMaxObservationConvention {

    /** The observation's name, OpenTelemetry's operation duration. */
    public static final String NAME = "gen_ai.client.operation.duration";

    static final String UNKNOWN = "unknown";

    /** The convention; stateless, so one instance serves every client. */
    public DefaultMiniMaxObservationConvention() {
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(MiniMaxObservationContext context) {
        return context.getCall().operation() + " " + context.getCall().requestModel();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(MiniMaxObservationContext context) {
        String responseModel = context.getResponseModel();
        return KeyValues.of(LowCardinalityKeys.PROVIDER_NAME.withValue("minimax"),
                LowCardinalityKeys.OPERATION_NAME.withValue(context.getCall().operation()),
                LowCardinalityKeys.REQUEST_MODEL.withValue(context.getCall().requestModel()),
                LowCardinalityKeys.RESPONSE_MODEL.withValue((responseModel != null) ? responseModel : UNKNOWN),
                LowCardinalityKeys.API.withValue(context.getCall().api()),
                LowCardinalityKeys.ERROR_TYPE.withValue(errorType(context.getError())));
    }

    /**
     * The exception's simple class name, or {@code none}; a stream its caller closed before the end is
     * {@code none} too: the caller chose to stop (a browser tab closed), nothing failed.
     */
    static String errorType(@Nullable Throwable error) {
        return (error == null || error instanceof CancellationException) ? "none" : error.getClass().getSimpleName();
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(MiniMaxObservationContext context) {
        String userId = context.getCall().userId();
        return (userId != null) ? KeyValues.of(HighCardinalityKeys.USER_ID.withValue(userId)) : KeyValues.empty();
    }
}
