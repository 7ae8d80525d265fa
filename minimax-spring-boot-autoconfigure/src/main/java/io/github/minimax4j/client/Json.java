package io.github.minimax4j.client;

import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.minimax4j.anthropic.ContentBlock;
import io.github.minimax4j.anthropic.ContentDelta;
import io.github.minimax4j.anthropic.ImageBlock;
import io.github.minimax4j.anthropic.MessageStreamEvent;
import io.github.minimax4j.anthropic.TextBlock;
import io.github.minimax4j.anthropic.ThinkingBlock;
import io.github.minimax4j.anthropic.ToolResultBlock;
import io.github.minimax4j.anthropic.ToolUseBlock;
import io.github.minimax4j.anthropic.UnknownBlock;
import io.github.minimax4j.anthropic.VideoBlock;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The client's own JSON mapper: snake_case on the wire, nulls left out, unknown fields tolerated, and the
 * sealed wire types read by their {@code type} field (unknown types kept whole). Private to the client so
 * an application's mapper settings can never change what goes over the wire.
 */
final class Json {

    static final JsonMapper MAPPER = JsonMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .addModule(wireModule())
        .build();

    private Json() {
    }

    private static SimpleModule wireModule() {
        SimpleModule module = new SimpleModule("minimax-wire");
        module.addDeserializer(ContentBlock.class, new ByType<>(Map.of("text", TextBlock.class, "thinking",
                ThinkingBlock.class, "tool_use", ToolUseBlock.class, "tool_result", ToolResultBlock.class, "image",
                ImageBlock.class, "video", VideoBlock.class), UnknownBlock::new));
        module.addDeserializer(ContentDelta.class, new ByType<>(Map.of("text_delta", ContentDelta.TextDelta.class,
                "thinking_delta", ContentDelta.ThinkingDelta.class, "signature_delta",
                ContentDelta.SignatureDelta.class, "input_json_delta", ContentDelta.InputJsonDelta.class),
                ContentDelta.Unknown::new));
        module.addDeserializer(MessageStreamEvent.class, new ByType<>(Map.of("message_start",
                MessageStreamEvent.MessageStart.class, "content_block_start",
                MessageStreamEvent.ContentBlockStart.class, "content_block_delta",
                MessageStreamEvent.ContentBlockDelta.class, "content_block_stop",
                MessageStreamEvent.ContentBlockStop.class, "message_delta", MessageStreamEvent.MessageDelta.class,
                "message_stop", MessageStreamEvent.MessageStop.class, "ping", MessageStreamEvent.Ping.class,
                "error", MessageStreamEvent.Error.class), MessageStreamEvent.Unknown::new));
        return module;
    }

    /**
     * Reads a sealed type by its {@code type} field; a type not in the table becomes the unknown variant,
     * built from the whole JSON object so nothing is lost.
     */
    private static final class ByType<T> extends ValueDeserializer<T> {

        private final Map<String, Class<? extends T>> types;

        private final Function<Map<String, Object>, T> unknown;

        ByType(Map<String, Class<? extends T>> types, Function<Map<String, Object>, T> unknown) {
            this.types = types;
            this.unknown = unknown;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) {
            JsonNode node = context.readTree(parser);
            Class<? extends T> type = this.types.get(node.path("type").asString(""));
            if (type == null) {
                return this.unknown.apply((Map<String, Object>) context.readTreeAsValue(node, Map.class));
            }
            return (T) context.readTreeAsValue(node, (Class<?>) type);
        }
    }
}
