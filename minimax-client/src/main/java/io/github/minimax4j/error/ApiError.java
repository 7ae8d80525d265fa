package io.github.minimax4j.error;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What the server said about an error, gathered from the status line, the body and {@code base_resp}. Built with
 * {@link #builder()}: a class, not a record, so what is added later is a new builder method, never a new constructor
 * argument.
 */
public final class ApiError {

    private final int statusCode;

    private final String errorType;

    private final String message;

    private final @Nullable Integer baseRespCode;

    private final String rawBody;

    private ApiError(int statusCode, @Nullable String errorType, @Nullable String message,
            @Nullable Integer baseRespCode, @Nullable String rawBody) {
        this.statusCode = statusCode;
        this.errorType = Objects.requireNonNullElse(errorType, "");
        this.message = Objects.requireNonNullElse(message, "");
        this.baseRespCode = baseRespCode;
        this.rawBody = Objects.requireNonNullElse(rawBody, "");
    }

    /**
     * Starts an empty api error.
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder holding every field of this one, to change some of them.
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * HTTP status (200 for errors reported inside a successful response).
     * @return the status
     */
    public int statusCode() {
        return this.statusCode;
    }

    /**
     * Error type from the body, or an empty string.
     * @return the error type, empty when none
     */
    public String errorType() {
        return this.errorType;
    }

    /**
     * Server's message, or an empty string.
     * @return the message, empty when none
     */
    public String message() {
        return this.message;
    }

    /**
     * MiniMax's {@code base_resp.status_code}, if that is where the error came from.
     * @return the code, or null
     */
    public @Nullable Integer baseRespCode() {
        return this.baseRespCode;
    }

    /**
     * Body as received, truncated for safety.
     * @return the body, empty when none
     */
    public String rawBody() {
        return this.rawBody;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || (other instanceof ApiError that && this.statusCode == that.statusCode
                && Objects.equals(this.errorType, that.errorType) && Objects.equals(this.message, that.message)
                && Objects.equals(this.baseRespCode, that.baseRespCode) && Objects.equals(this.rawBody, that.rawBody));
    }

    @Override
    public int hashCode() {
        return Objects.hash(this.statusCode, this.errorType, this.message, this.baseRespCode, this.rawBody);
    }

    @Override
    public String toString() {
        return "ApiError[statusCode=" + this.statusCode + ", errorType=" + this.errorType + ", message=" + this.message
                + ", baseRespCode=" + this.baseRespCode + ", rawBody=" + this.rawBody + "]";
    }

    /** Builds a {@link ApiError}; not thread-safe. */
    public static final class Builder {

        private int statusCode;

        private @Nullable String errorType = "";

        private @Nullable String message = "";

        private @Nullable Integer baseRespCode;

        private @Nullable String rawBody = "";

        private Builder() {
        }

        private Builder(ApiError source) {
            this.statusCode = source.statusCode;
            this.errorType = source.errorType;
            this.message = source.message;
            this.baseRespCode = source.baseRespCode;
            this.rawBody = source.rawBody;
        }

        /**
         * Sets the HTTP status (200 for errors reported inside a successful response).
         * @param statusCode the status
         * @return this builder
         */
        public Builder statusCode(int statusCode) {
            this.statusCode = statusCode;
            return this;
        }

        /**
         * Sets the error type from the body, or an empty string.
         * @param errorType the error type, empty when none
         * @return this builder
         */
        public Builder errorType(String errorType) {
            this.errorType = errorType;
            return this;
        }

        /**
         * Sets the server's message, or an empty string.
         * @param message the message, empty when none
         * @return this builder
         */
        public Builder message(String message) {
            this.message = message;
            return this;
        }

        /**
         * Sets MiniMax's {@code base_resp.status_code}, if that is where the error came from.
         * @param baseRespCode the code, or null for none
         * @return this builder
         */
        public Builder baseRespCode(@Nullable Integer baseRespCode) {
            this.baseRespCode = baseRespCode;
            return this;
        }

        /**
         * Sets the body as received, truncated for safety.
         * @param rawBody the body, empty when none
         * @return this builder
         */
        public Builder rawBody(String rawBody) {
            this.rawBody = rawBody;
            return this;
        }

        /**
         * Builds the api error.
         * @return a new ApiError
         */
        public ApiError build() {
            return new ApiError(this.statusCode, this.errorType, this.message, this.baseRespCode, this.rawBody);
        }
    }
}
