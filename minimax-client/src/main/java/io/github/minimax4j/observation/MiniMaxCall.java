package io.github.minimax4j.observation;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What a call is: carried by its observation's {@code MiniMaxObservationContext}. Built with {@link #builder()}: a
 * class, not a record, so what is added later is a new builder method, never a new constructor argument.
 */
public final class MiniMaxCall {

    /** The {@code api} of a Messages call. */
    public static final String MESSAGES = "messages";

    /** The {@code api} of a Chat Completions call. */
    public static final String CHAT_COMPLETIONS = "chat_completions";

    /** The {@code api} of a Files API call (upload, list, retrieve, delete): no model, no token usage. */
    public static final String FILES = "files";

    private final String api;

    private final String operation;

    private final String requestModel;

    private final boolean streaming;

    private final @Nullable String userId;

    private MiniMaxCall(@Nullable String api, @Nullable String operation, @Nullable String requestModel,
            boolean streaming, @Nullable String userId) {
        this.api = Objects.requireNonNull(api, "api must not be null");
        this.operation = Objects.requireNonNull(operation, "operation must not be null");
        this.requestModel = Objects.requireNonNull(requestModel, "requestModel must not be null");
        this.streaming = streaming;
        this.userId = userId;
    }

    /**
     * Starts an empty mini max call.
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
     * API called, {@link #MESSAGES}, {@link #CHAT_COMPLETIONS} or {@link #FILES}.
     * @return the API
     */
    public String api() {
        return this.api;
    }

    /**
     * Operation, {@code chat} for generation or {@code count_tokens} for counting.
     * @return the operation
     */
    public String operation() {
        return this.operation;
    }

    /**
     * Model the request names.
     * @return the model
     */
    public String requestModel() {
        return this.requestModel;
    }

    /**
     * Whether the reply is streamed.
     * @return whether the reply is streamed
     */
    public boolean streaming() {
        return this.streaming;
    }

    /**
     * {@code metadata.user_id}, if the request carries one (high cardinality: spans only).
     * @return the user id, or null
     */
    public @Nullable String userId() {
        return this.userId;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || (other instanceof MiniMaxCall that && Objects.equals(this.api, that.api)
                && Objects.equals(this.operation, that.operation) && Objects.equals(this.requestModel,
                that.requestModel) && this.streaming == that.streaming && Objects.equals(this.userId, that.userId));
    }

    @Override
    public int hashCode() {
        return Objects.hash(this.api, this.operation, this.requestModel, this.streaming, this.userId);
    }

    @Override
    public String toString() {
        return "MiniMaxCall[api=" + this.api + ", operation=" + this.operation + ", requestModel=" + this.requestModel
                + ", streaming=" + this.streaming + ", userId=" + this.userId + "]";
    }

    /** Builds a {@link MiniMaxCall}; not thread-safe. */
    public static final class Builder {

        private @Nullable String api;

        private @Nullable String operation;

        private @Nullable String requestModel;

        private boolean streaming;

        private @Nullable String userId;

        private Builder() {
        }

        private Builder(MiniMaxCall source) {
            this.api = source.api;
            this.operation = source.operation;
            this.requestModel = source.requestModel;
            this.streaming = source.streaming;
            this.userId = source.userId;
        }

        /**
         * Sets the API called, {@link #MESSAGES}, {@link #CHAT_COMPLETIONS} or {@link #FILES}.
         * @param api the API
         * @return this builder
         */
        public Builder api(String api) {
            this.api = api;
            return this;
        }

        /**
         * Sets the operation, {@code chat} for generation or {@code count_tokens} for counting.
         * @param operation the operation
         * @return this builder
         */
        public Builder operation(String operation) {
            this.operation = operation;
            return this;
        }

        /**
         * Sets the model the request names.
         * @param requestModel the model
         * @return this builder
         */
        public Builder requestModel(String requestModel) {
            this.requestModel = requestModel;
            return this;
        }

        /**
         * Sets whether the reply is streamed.
         * @param streaming whether the reply is streamed
         * @return this builder
         */
        public Builder streaming(boolean streaming) {
            this.streaming = streaming;
            return this;
        }

        /**
         * Sets {@code metadata.user_id}, if the request carries one (high cardinality: spans only).
         * @param userId the user id, or null for none
         * @return this builder
         */
        public Builder userId(@Nullable String userId) {
            this.userId = userId;
            return this;
        }

        /**
         * Builds the mini max call.
         * @return a new MiniMaxCall
         */
        public MiniMaxCall build() {
            return new MiniMaxCall(this.api, this.operation, this.requestModel, this.streaming, this.userId);
        }
    }
}
