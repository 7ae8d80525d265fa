package io.github.minimax4j.autoconfigure.observation;

import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.github.minimax4j.autoconfigure.InvalidMiniMaxPropertyException;
import io.github.minimax4j.observation.ModelPrice;
import io.github.minimax4j.observation.PriceList;
import org.jspecify.annotations.Nullable;

/** Checks {@code minimax.pricing.*} and builds the price list, naming the first property that is wrong. */
final class PriceListFactory {

    private static final String PREFIX = "minimax.pricing";

    private PriceListFactory() {
    }

    static PriceList create(MiniMaxPricingProperties properties) {
        if (properties.getModels().isEmpty() && properties.getCurrency() == null) {
            return PriceList.NONE;
        }
        String currency = currency(properties.getCurrency());
        Map<String, ModelPrice> prices = new LinkedHashMap<>();
        properties.getModels().forEach((model, price) -> {
            String property = PREFIX + ".models." + model;
            prices.put(model, new ModelPrice(price(property + ".input", price.getInput()),
                    price(property + ".output", price.getOutput()), price(property + ".cache-read", price.getCacheRead()),
                    price(property + ".cache-write", price.getCacheWrite())));
        });
        return new PriceList(currency, prices);
    }

    private static String currency(@Nullable String currency) {
        if (currency == null || currency.isBlank()) {
            throw new InvalidMiniMaxPropertyException(PREFIX + ".currency", "is not set, and prices need a currency",
                    "Set minimax.pricing.currency to the ISO 4217 code of your prices, such as USD or CNY.");
        }
        try {
            return Currency.getInstance(currency.strip().toUpperCase(Locale.ROOT)).getCurrencyCode();
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidMiniMaxPropertyException(PREFIX + ".currency", "is '" + currency
                    + "', not an ISO 4217 currency code", "Set minimax.pricing.currency to a code such as USD or CNY.");
        }
    }

    private static double price(String property, @Nullable Double price) {
        if (price == null) {
            throw new InvalidMiniMaxPropertyException(property, "is not set; no price is built in",
                    "Set " + property + " to the price per million tokens from MiniMax's pricing page (0 if free).");
        }
        if (!Double.isFinite(price) || price < 0) {
            throw new InvalidMiniMaxPropertyException(property, "is " + price + ", not a price of zero or more",
                    "Set " + property + " to the price per million tokens, such as 0.3.");
        }
        return price;
    }
}
