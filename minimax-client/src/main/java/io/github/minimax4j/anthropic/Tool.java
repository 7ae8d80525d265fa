package io.github.minimax4j.anthropic;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * A tool the model may call.
 *
 * @param name tool name, quoted back in {@link ToolUseBlock#name()}
 * @param description what the tool does, for the model
 * @param inputSchema JSON schema of the tool's input (an object schema)
 * @param cacheControl a prompt-cache breakpoint: the tools up to and including this one are cached
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "name", "description", "input_schema", "cache_control" })
public record Tool(String name, @Nullable String description, Map<String, Object> inputSchema,
        @Nullable CacheControl cacheControl) {

    /**
     * Checks and copies the fields.
     * @param name tool name
     * @param description what the tool does
     * @param inputSchema JSON schema of the input
     * @param cacheControl cache breakpoint, or null
     */
    public Tool {
        Objects.requireNonNull(name, "name must not be null");
        inputSchema = JsonMaps.copyOf(Objects.requireNonNull(inputSchema, "inputSchema must not be null"));
    }

    /**
     * A tool.
     * @param name tool name
     * @param description what the tool does, for the model
     * @param inputSchema JSON schema of the tool's input
     * @return the tool
     */
    public static Tool of(String name, String description, Map<String, Object> inputSchema) {
        return new Tool(name, description, inputSchema, null);
    }

    /**
     * This tool with a cache breakpoint: the tool definitions up to and including it are cached.
     * @param cacheControl the breakpoint, or null for none
     * @return a copy carrying it
     */
    public Tool withCacheControl(@Nullable CacheControl cacheControl) {
        return new Tool(this.name, this.description, this.inputSchema, cacheControl);
    }

    /**
     * This tool with an {@code ephemeral} cache breakpoint.
     * @return a copy carrying {@link CacheControl#EPHEMERAL}
     */
    public Tool cached() {
        return withCacheControl(CacheControl.EPHEMERAL);
    }
}
