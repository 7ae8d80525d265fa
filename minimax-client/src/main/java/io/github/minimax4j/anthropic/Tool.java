package io.github.minimax4j.anthropic;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A tool the model may call.
 *
 * @param name tool name, quoted back in {@link ToolUseBlock#name()}
 * @param description what the tool does, for the model
 * @param inputSchema JSON schema of the tool's input (an object schema)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Tool(String name, @Nullable String description, Map<String, Object> inputSchema) {

    public Tool {
        Objects.requireNonNull(name, "name must not be null");
        inputSchema = JsonMaps.copyOf(Objects.requireNonNull(inputSchema, "inputSchema must not be null"));
    }

    public static Tool of(String name, String description, Map<String, Object> inputSchema) {
        return new Tool(name, description, inputSchema);
    }
}
