package io.github.minimax4j.observation;

import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * Prices of the models you use, in one currency, as you configure them: no price is built in, because
 * MiniMax changes them and bills per region.
 */
public final class PriceList {

    /** No prices (ISO 4217 {@code XXX}: no currency): nothing is costed. */
    public static final PriceList NONE = new PriceList("XXX", Map.of());

    private final Currency currency;

    private final Map<String, ModelPrice> prices;

    /**
     * A price list in one currency.
     * @param currency ISO 4217 code, such as {@code USD} or {@code CNY}
     * @param prices price per model name (matched ignoring case)
     */
    public PriceList(String currency, Map<String, ModelPrice> prices) {
        this.currency = Currency.getInstance(Objects.requireNonNull(currency, "currency must not be null")
            .toUpperCase(Locale.ROOT));
        Map<String, ModelPrice> byModel = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byModel.putAll(prices);
        this.prices = byModel;
    }

    /**
     * The ISO 4217 code.
     * @return the currency the prices are in
     */
    public String currency() {
        return this.currency.getCurrencyCode();
    }

    /**
     * The price of {@code model}, or null when none is configured.
     * @param model the model, or null
     * @return its price, or null when the list has none
     */
    public @Nullable ModelPrice priceOf(@Nullable String model) {
        return (model != null) ? this.prices.get(model) : null;
    }

    /**
     * Whether the list prices no model.
     * @return whether it is empty
     */
    public boolean isEmpty() {
        return this.prices.isEmpty();
    }
}
