package io.github.minimax4j.anthropic;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who speaks a message. */
public enum Role {

    /**
     * The user.
     */
    @JsonProperty("user")
    USER,

    /**
     * The model.
     */
    @JsonProperty("assistant")
    ASSISTANT
}
