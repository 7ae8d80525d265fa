package io.github.minimax4j.anthropic;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who speaks a message. */
public enum Role {

    @JsonProperty("user")
    USER,

    @JsonProperty("assistant")
    ASSISTANT
}
