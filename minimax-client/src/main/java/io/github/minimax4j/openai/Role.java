package io.github.minimax4j.openai;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who speaks a chat message; the JSON values are lowercase. */
public enum Role {

    /** Instructions for the model. */
    @JsonProperty("system")
    SYSTEM,

    /** The user. */
    @JsonProperty("user")
    USER,

    /** The model. */
    @JsonProperty("assistant")
    ASSISTANT,

    /** The result of a tool call. */
    @JsonProperty("tool")
    TOOL
}
