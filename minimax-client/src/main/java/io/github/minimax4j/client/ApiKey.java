package io.github.minimax4j.client;

import java.util.Objects;

/**
 * The MiniMax API key. Its {@code toString()} is masked, so it cannot leak through logging, exception
 * messages or debuggers that print objects.
 */
public final class ApiKey {

    private final String value;

    private ApiKey(String value) {
        this.value = value;
    }

    /**
     * @throws IllegalArgumentException when the key is null or blank
     * @param value the key, as MiniMax issued it
     * @return the key, hidden from {@code toString()}
     */
    public static ApiKey of(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("MiniMax API key must not be blank: set minimax.api-key "
                    + "or the MINIMAX_API_KEY environment variable");
        }
        return new ApiKey(value.strip());
    }

    /** The key itself, for the Authorization header only. */
    String value() {
        return this.value;
    }

    /** Replaces every occurrence of the key in {@code text}, for messages that quote a server's words. */
    String redact(String text) {
        return text.replace(this.value, "****");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKey key && key.value.equals(this.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(this.value);
    }

    @Override
    public String toString() {
        return "****";
    }
}
