package io.github.minimax4j.observation;

import io.github.minimax4j.observation.MiniMaxObservationDocumentation.LowCardinalityKeys;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

/**
 * Turns the usage each generating call reports into money, from a {@link PriceList}: {@code minimax.client.cost}
 * (what the call cost) and {@code minimax.client.cache.savings} (what cache reads saved against the input
 * price), both counters tagged by model and currency. A model without a price records nothing; count_tokens
 * is free and records nothing. Tokens a failed or abandoned stream had been billed are costed too.
 */
public class CostMeterObservationHandler implements ObservationHandler<MiniMaxObservationContext> {

    /** Counter of the cost of calls, in the price list's currency. */
    public static final String COST = "minimax.client.cost";

    /** Counter of what reading from the prompt cache saved, in the price list's currency. */
    public static final String CACHE_SAVINGS = "minimax.client.cache.savings";

    private final MeterRegistry registry;

    private final PriceList prices;

    /**
     * A handler recording into {@code registry} at {@code prices}.
     * @param registry where the counters go
     * @param prices the price of each model
     */
    public CostMeterObservationHandler(MeterRegistry registry, PriceList prices) {
        this.registry = registry;
        this.prices = prices;
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof MiniMaxObservationContext;
    }

    @Override
    public void onStop(MiniMaxObservationContext context) {
        TokenUsage usage = context.getUsage();
        if (usage == null || !"chat".equals(context.getCall().operation())) {
            return;
        }
        String model = pricedModel(context);
        ModelPrice price = this.prices.priceOf(model);
        if (price == null) {
            return;
        }
        Tags tags = Tags.of(LowCardinalityKeys.REQUEST_MODEL.asString(), context.getCall().requestModel(),
                LowCardinalityKeys.RESPONSE_MODEL.asString(), model, "currency", this.prices.currency());
        Counter.builder(COST).description("Money MiniMax calls cost, from the configured prices (minimax.pricing.*)")
            .tags(tags).register(this.registry).increment(price.cost(usage));
        Counter.builder(CACHE_SAVINGS)
            .description("Money saved by prompt-cache reads against the input price (minimax.pricing.*)")
            .tags(tags).register(this.registry).increment(price.cacheSavings(usage));
    }

    /** The model that answered, or the one asked for when the call failed before MiniMax named one. */
    private static String pricedModel(MiniMaxObservationContext context) {
        String answered = context.getResponseModel();
        return (answered != null) ? answered : context.getCall().requestModel();
    }
}
