package io.github.minimax4j.client;

import java.util.Objects;

/**
 * The MiniMax API key. Its {@code toString()} is masked, so it cannot leak through logging, exception
 * messages or debuggers that print objects.
 */
public final class ApiKey {

    /** The shortest piece of the key that {@link #redact(String)} masks when it stands alone. */
    private static final int FRAGMENT = 8;

    private final String value;

    private ApiKey(String value) {
        this.value = value;
    }

    /**
     * Wraps a key, stripped of surrounding whitespace.
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

    /**
     * Masks the key in {@code text}, for messages that quote a server's words: every occurrence, and every piece
     * of at least {@value #FRAGMENT} characters that a truncation left (a key's start cut off at the end of a
     * quote, or its end at the start of one).
     */
    String redact(String text) {
        String masked = text.replace(this.value, "****");
        if (this.value.length() <= FRAGMENT) {
            return masked;
        }
        StringBuilder out = null;
        String head = this.value.substring(0, FRAGMENT);
        int from = 0;
        for (int at = masked.indexOf(head); at >= 0; at = masked.indexOf(head, from)) {
            int end = at + FRAGMENT;
            while (end < masked.length() && end - at < this.value.length()
                    && masked.charAt(end) == this.value.charAt(end - at)) {
                end++;
            }
            out = (out != null) ? out : new StringBuilder(masked.length());
            out.append(masked, from, at).append("****");
            from = end;
        }
        if (out != null) {
            masked = out.append(masked, from, masked.length()).toString();
        }
        for (int length = Math.min(masked.length(), this.value.length() - 1); length >= FRAGMENT; length--) {
            if (masked.startsWith(this.value.substring(this.value.length() - length))) {
                return "****" + masked.substring(length);
            }
        }
        return masked;
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
