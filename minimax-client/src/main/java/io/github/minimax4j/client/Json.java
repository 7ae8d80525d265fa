package io.github.minimax4j.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.util.JsonParserSequence;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.util.TokenBuffer;

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
        module.setDeserializerModifier(new WireDeserializers());
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
                "message_stop", MessageStreamEvent.MessageStop.class, "ping", MessageStreamEvent.Ping.class),
                MessageStreamEvent.Unknown::new));
        return module;
    }

    /**
     * Reads a sealed type by its {@code type} field; a type not in the table becomes the unknown variant,
     * built from the whole JSON object so nothing is lost. Streams straight into the chosen type, buffering
     * only the fields that come before {@code type} (as Jackson's own polymorphic handling does): no tree
     * is built, which matters at thousands of stream events a second.
     */
    private static final class ByType<T> extends ValueDeserializer<T> {

        private final Map<String, Class<? extends T>> types;

        private final Function<Map<String, Object>, T> unknown;

        /** Resolved once per type: Jackson contextualizes a root deserializer anew on every lookup. */
        private final Map<Class<?>, ValueDeserializer<Object>> deserializers = new ConcurrentHashMap<>();

        ByType(Map<String, Class<? extends T>> types, Function<Map<String, Object>, T> unknown) {
            this.types = types;
            this.unknown = unknown;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.START_OBJECT) {
                token = parser.nextToken();
            }
            TokenBuffer before = null;
            for (; token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
                String name = parser.currentName();
                parser.nextToken();
                if (name.equals("type") && parser.currentToken() == JsonToken.VALUE_STRING) {
                    return readAs(parser.getString(), parser, before, context);
                }
                if (before == null) {
                    before = context.bufferForInputBuffering(parser);
                }
                before.writeName(name);
                before.copyCurrentStructure(parser);
            }
            return this.unknown.apply(fields(before, context)); // no type field: keep what there is
        }

        private static Map<String, Object> fields(@Nullable TokenBuffer buffered, DeserializationContext context) {
            Map<String, Object> fields = new LinkedHashMap<>();
            if (buffered != null) {
                JsonParser parser = buffered.asParser(context);
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    fields.put(name, context.readValue(parser, Object.class));
                }
            }
            return fields;
        }

        @SuppressWarnings("unchecked")
        private T readAs(String typeId, JsonParser parser, @Nullable TokenBuffer before,
                DeserializationContext context) {
            JsonParser rest = parser;
            if (before != null) {
                parser.clearCurrentToken();
                rest = JsonParserSequence.createFlattened(false, before.asParser(context, parser), parser);
            }
            if (rest.currentToken() != JsonToken.END_OBJECT) {
                rest.nextToken();
            }
            Class<? extends T> type = this.types.get(typeId);
            if (type == null) {
                Map<String, Object> raw = new LinkedHashMap<>();
                raw.put("type", typeId);
                if (rest.currentToken() != JsonToken.END_OBJECT) {
                    raw.putAll((Map<String, Object>) context.readValue(rest, Map.class));
                }
                return this.unknown.apply(raw);
            }
            ValueDeserializer<Object> deserializer = this.deserializers.computeIfAbsent(type,
                    (key) -> context.findRootValueDeserializer(context.constructType(key)));
            return (T) deserializer.deserialize(rest, context);
        }
    }
}
