package io.github.minimax4j.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A function call the model asks for. In a stream, fragments of one call share an {@code index}.
 *
 * @param index position among the message's calls (streams)
 * @param id id to quote in the tool message that answers it
 * @param type always {@code function}
 * @param function name and JSON arguments
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolCall(@Nullable Integer index, @Nullable String id, @Nullable String type, FunctionCall function) {

    /**
     * A function call, as sent back in an assistant message.
     * @param id the call's id
     * @param name the function's name
     * @param arguments its JSON arguments
     * @return the call
     */
    public static ToolCall of(String id, String name, String arguments) {
        return new ToolCall(null, id, "function", new FunctionCall(name, arguments));
    }

    /**
     * The function called and its arguments.
     * @param name function name
     * @param arguments the arguments as a JSON string (fragments of it, in a stream delta)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FunctionCall(@Nullable String name, @Nullable String arguments) {
    }
}
