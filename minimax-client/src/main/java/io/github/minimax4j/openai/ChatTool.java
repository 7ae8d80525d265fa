package io.github.minimax4j.openai;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A function the model may call.
 *
 * @param type always {@code function}
 * @param function the function's name, description and JSON-schema parameters
 */
public record ChatTool(String type, Function function) {

    /**
     * A function tool.
     * @param name function name
     * @param description what it does, for the model
     * @param parameters JSON schema of its arguments
     * @return the tool
     */
    public static ChatTool function(String name, String description, Map<String, Object> parameters) {
        return new ChatTool("function", new Function(name, description, parameters));
    }

    /**
     * A function's name, description and JSON-schema parameters.
     * @param name function name
     * @param description what it does, for the model
     * @param parameters JSON schema of its arguments
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Function(String name, @Nullable String description, Map<String, Object> parameters) {

        /**
         * Checks and copies the components.
         * @param name see the type description
         * @param description see the type description
         * @param parameters see the type description
         */
        public Function {
            Objects.requireNonNull(name, "name must not be null");
            parameters = JsonMaps.copyOf(Objects.requireNonNull(parameters, "parameters must not be null"));
        }
    }
}
