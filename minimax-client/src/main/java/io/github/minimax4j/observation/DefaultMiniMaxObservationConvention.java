package io.github.minimax4j.observation;

import io.github.minimax4j.observation.MiniMaxObservationDocumentation.HighCardinalityKeys;
import io.github.minimax4j.observation.MiniMaxObservationDocumentation.LowCardinalityKeys;
import io.micrometer.common.KeyValues;

/**
 * The observation is named {@code gen_ai.client.operation.duration}, so Micrometer's default meter handler
 * publishes the OpenTelemetry duration metric under its own name; spans are named
 * {@code "<operation> <model>"} as the conventions ask. Every tag is always present (Prometheus needs the
 * same tag keys on every series of a metric).
 */
public class DefaultMiniMaxObservationConvention implements MiniMaxObservationConvention {

    public static final String NAME = "gen_ai.client.operation.duration";

    static final String UNKNOWN = "unknown";

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
                LowCardinalityKeys.ERROR_TYPE.withValue((context.getError() != null)
                        ? context.getError().getClass().getSimpleName() : "none"));
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(MiniMaxObservationContext context) {
        String userId = context.getCall().userId();
        return (userId != null) ? KeyValues.of(HighCardinalityKeys.USER_ID.withValue(userId)) : KeyValues.empty();
    }
}
