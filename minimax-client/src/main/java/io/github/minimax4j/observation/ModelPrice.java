package io.github.minimax4j.observation;

/**
 * What one model costs, per million tokens, in the currency of its {@link PriceList}.
 *
 * @param input uncached input tokens
 * @param output output tokens (reasoning included)
 * @param cacheRead input tokens read from the prompt cache
 * @param cacheWrite input tokens written to the prompt cache
 */
public record ModelPrice(double input, double output, double cacheRead, double cacheWrite) {

    private static final double MILLION = 1_000_000d;

    /**
     * Checks the prices.
     * @param input per million uncached input tokens
     * @param output per million output tokens
     * @param cacheRead per million input tokens read from the prompt cache
     * @param cacheWrite per million input tokens written to the prompt cache
     * @throws IllegalArgumentException for a negative or non-finite price
     */
    public ModelPrice {
        requireValid(input, "input");
        requireValid(output, "output");
        requireValid(cacheRead, "cacheRead");
        requireValid(cacheWrite, "cacheWrite");
    }

    /**
     * What {@code usage} cost.
     * @param usage the call's usage
     * @return the cost, in the price list's currency
     */
    public double cost(TokenUsage usage) {
        return (usage.inputTokens() * this.input + usage.outputTokens() * this.output
                + usage.cacheReadInputTokens() * this.cacheRead + usage.cacheCreationInputTokens() * this.cacheWrite)
                / MILLION;
    }

    /**
     * What reading {@code usage}'s cached tokens saved against paying the input price for them.
     * @param usage the call's usage
     * @return the saving, in the price list's currency
     */
    public double cacheSavings(TokenUsage usage) {
        return usage.cacheReadInputTokens() * (this.input - this.cacheRead) / MILLION;
    }

    private static void requireValid(double price, String name) {
        if (!Double.isFinite(price) || price < 0) {
            throw new IllegalArgumentException(name + " price must be a finite number of zero or more, was " + price);
        }
    }
}
