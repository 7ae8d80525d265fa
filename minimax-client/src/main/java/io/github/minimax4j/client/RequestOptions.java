package io.github.minimax4j.client;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Options for one call, beside its request: a read timeout, extra HTTP headers and extra top-level JSON body
 * fields (so a parameter MiniMax adds later can be sent before this library knows it). Immutable; build with
 * {@link #builder()}.
 *
 * <p>Headers cannot carry authentication: {@code Authorization}, {@code Proxy-Authorization} and
 * {@code x-api-key} are refused here, and a header whose value contains the client's API key is refused before
 * the call is sent. {@link #toString()} names the headers, never their values.
 */
public final class RequestOptions {

    /** No options: the client's own settings. */
    public static final RequestOptions NONE = builder().build();

    private static final Set<String> AUTH_HEADERS = Set.of("authorization", "proxy-authorization", "x-api-key");

    private final @Nullable Duration timeout;

    private final Map<String, String> headers;

    private final Map<String, @Nullable Object> extraBody;

    private RequestOptions(Builder builder) {
        this.timeout = builder.timeout;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(builder.headers));
        this.extraBody = Collections.unmodifiableMap(new LinkedHashMap<>(builder.extraBody));
    }

    /**
     * Starts building options.
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The longest wait for the next byte of this call's response, instead of the client's read timeout.
     * @return the timeout, or null for the client's
     */
    public @Nullable Duration timeout() {
        return this.timeout;
    }

    /**
     * Headers sent with this call, after the client's own.
     * @return header names and values, in the order given
     */
    public Map<String, String> headers() {
        return this.headers;
    }

    /**
     * Fields added to the top level of this call's JSON body; each replaces a field of the same name.
     * @return field names and values, in the order given
     */
    public Map<String, @Nullable Object> extraBody() {
        return this.extraBody;
    }

    @Override
    public String toString() {
        return "RequestOptions[timeout=" + this.timeout + ", headers=" + this.headers.keySet() + ", extraBody="
                + this.extraBody.keySet() + "]";
    }

    /** Builds {@link RequestOptions}. Not thread-safe. */
    public static final class Builder {

        private @Nullable Duration timeout;

        private final Map<String, String> headers = new LinkedHashMap<>();

        private final Map<String, @Nullable Object> extraBody = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Sets the longest wait for the next byte of the response, for this call only.
         * @param timeout a positive duration
         * @return this builder
         * @throws IllegalArgumentException when it is not positive
         */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout must not be null");
            if (timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("RequestOptions timeout must be positive, was " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * Adds a header to send with the call (a later value for the same name replaces an earlier one).
         * @param name the header name
         * @param value its value
         * @return this builder
         * @throws IllegalArgumentException for an authentication header, which only the client sets
         */
        public Builder header(String name, String value) {
            Objects.requireNonNull(name, "header name must not be null");
            Objects.requireNonNull(value, "header value must not be null");
            if (name.isBlank()) {
                throw new IllegalArgumentException("RequestOptions header name must not be blank");
            }
            if (AUTH_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("RequestOptions cannot set the '" + name + "' header: the client "
                        + "authenticates with its own API key (set it on the client: minimax.api-key or apiKey(...))");
            }
            this.headers.put(name, value);
            return this;
        }

        /**
         * Adds a top-level field to the JSON body (it replaces a field of the same name).
         * @param name the field name, as MiniMax spells it
         * @param value its value, written as JSON (null writes {@code null})
         * @return this builder
         * @throws IllegalArgumentException for {@code stream}, which the client sets by the method called
         */
        public Builder extraBody(String name, @Nullable Object value) {
            Objects.requireNonNull(name, "body field name must not be null");
            if (name.equals("stream")) {
                throw new IllegalArgumentException("RequestOptions cannot set 'stream': call stream(...) or create(...)");
            }
            this.extraBody.put(name, value);
            return this;
        }

        /**
         * Builds the options.
         * @return the options
         */
        public RequestOptions build() {
            return new RequestOptions(this);
        }
    }
}
