package io.github.minimax4j.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/** The observation of a MiniMax call and its keys (OpenTelemetry GenAI semantic conventions). */
public enum MiniMaxObservationDocumentation implements ObservationDocumentation {

    /** One call: a reply, a stream (until its last event), or a token count. */
    CLIENT_OPERATION {
        @Override
        public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
            return DefaultMiniMaxObservationConvention.class;
        }

        @Override
        public KeyName[] getLowCardinalityKeyNames() {
            return LowCardinalityKeys.values();
        }

        @Override
        public KeyName[] getHighCardinalityKeyNames() {
            return HighCardinalityKeys.values();
        }

        @Override
        public Observation.Event[] getEvents() {
            return Events.values();
        }
    };

    /** What happens during a call. */
    public enum Events implements Observation.Event {

        /** A stream delivered its first event. */
        FIRST_CHUNK("gen_ai.first_chunk");

        private final String name;

        Events(String name) {
            this.name = name;
        }

        @Override
        public String getName() {
            return this.name;
        }
    }

    /** Tags of every meter: a bounded set of values each. */
    public enum LowCardinalityKeys implements KeyName {

        /** Always {@code minimax}. */
        PROVIDER_NAME("gen_ai.provider.name"),

        /** {@code chat} or {@code count_tokens}. */
        OPERATION_NAME("gen_ai.operation.name"),

        /** Model the request named. */
        REQUEST_MODEL("gen_ai.request.model"),

        /** Model that answered ({@code unknown} when the call failed first). */
        RESPONSE_MODEL("gen_ai.response.model"),

        /** {@code messages} or {@code chat_completions}. */
        API("minimax.api"),

        /**
         * Exception class of a failed call (simple name, such as {@code AuthenticationException}), {@code none}
         * otherwise; a stream closed by its caller before the end is {@code none}.
         */
        ERROR_TYPE("error.type");

        private final String key;

        LowCardinalityKeys(String key) {
            this.key = key;
        }

        @Override
        public String asString() {
            return this.key;
        }
    }

    /** On spans only, never on meters. */
    public enum HighCardinalityKeys implements KeyName {

        /** The request's {@code metadata.user_id}. */
        USER_ID("user.id");

        private final String key;

        HighCardinalityKeys(String key) {
            this.key = key;
        }

        @Override
        public String asString() {
            return this.key;
        }
    }
}
