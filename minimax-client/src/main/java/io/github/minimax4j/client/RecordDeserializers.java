package io.github.minimax4j.client;

import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.util.ClassUtil;

/**
 * Reads the client's wire records straight into their canonical constructors. Jackson 3's creator path costs
 * more than the parsing itself on small objects (a property buffer, a record check through JNI and an
 * {@code invokeWithArguments} that adapts the handle on every call, per object), and a streamed reply is
 * thousands of small objects: this made reading a stream 1.3x slower than a bare JSON tree.
 * <p>
 * Only records of this library read from a JSON object, whose components carry no Jackson annotation but
 * {@code @JsonAnySetter} (the map of fields this client does not know), are taken; anything else (a
 * {@code @JsonCreator} or {@code @JsonValue} of its own, a renamed component) keeps Jackson's deserializer. The
 * semantics are Jackson's with this mapper's settings: snake_case names, unknown fields ignored (or kept in the
 * any-setter map), absent or null primitives as zero, other values read by Jackson's deserializer for the
 * component's type, and a constructor's exception reported as Jackson reports it.
 */
final class RecordDeserializers extends ValueDeserializerModifier {

    /** Annotations that only shape the JSON written, not how it is read. */
    private static final Set<Class<? extends Annotation>> WRITE_ONLY = Set.of(JsonInclude.class,
            JsonPropertyOrder.class, JsonAnyGetter.class);

    @Override
    public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier description,
            ValueDeserializer<?> deserializer) {
        Class<?> type = description.getBeanClass();
        if (!type.isRecord() || !type.getPackageName().startsWith("io.github.minimax4j")
                || !(config.getPropertyNamingStrategy() instanceof PropertyNamingStrategies.NamingBase naming)
                || hasReadAnnotation(type.getAnnotations()) || hasOwnJsonShape(type)) {
            return deserializer;
        }
        RecordComponent[] components = type.getRecordComponents();
        int anySetter = -1;
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            // The annotation lands on the accessor, parameter and field: its target does not include components.
            if (component.getAccessor().isAnnotationPresent(JsonAnySetter.class) && component.getType() == Map.class) {
                anySetter = i;
            }
            else if (hasReadAnnotation(component.getAnnotations())
                    || hasReadAnnotation(component.getAccessor().getAnnotations())) {
                return deserializer;
            }
        }
        MethodHandle constructor = canonicalConstructor(type, components);
        // NamingBase translates the Java name alone, so no annotated parameter needs to be passed.
        UnaryOperator<String> jsonName = (name) -> naming.nameForConstructorParameter(config, null, name);
        return (constructor != null) ? new RecordDeserializer(type, components, jsonName, anySetter, constructor)
                : deserializer;
    }

    /** A record built by a creator of its own, or written as a value, is not a plain JSON object. */
    private static boolean hasOwnJsonShape(Class<?> type) {
        return Stream.concat(Arrays.stream(type.getDeclaredMethods()), Arrays.stream(type.getDeclaredConstructors()))
            .anyMatch((member) -> member.isAnnotationPresent(JsonCreator.class)
                    || member.isAnnotationPresent(JsonValue.class));
    }

    private static boolean hasReadAnnotation(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            String packageName = annotation.annotationType().getPackageName();
            if ((packageName.startsWith("com.fasterxml.jackson") || packageName.startsWith("tools.jackson"))
                    && !WRITE_ONLY.contains(annotation.annotationType())) {
                return true;
            }
        }
        return false;
    }

    /** {@code (Object[]) -> Object} over the canonical constructor, or null if the public lookup cannot reach it. */
    private static @Nullable MethodHandle canonicalConstructor(Class<?> type, RecordComponent[] components) {
        try {
            Class<?>[] parameters = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            Constructor<?> constructor = type.getDeclaredConstructor(parameters);
            return MethodHandles.publicLookup().unreflectConstructor(constructor)
                .asSpreader(Object[].class, parameters.length)
                .asType(MethodType.methodType(Object.class, Object[].class));
        }
        catch (ReflectiveOperationException ex) {
            return null;
        }
    }

    private static final class RecordDeserializer extends ValueDeserializer<Object> {

        private final Class<?> type;

        private final RecordComponent[] components;

        /** JSON property name to component position. */
        private final Map<String, Integer> positions = new HashMap<>();

        private final int anySetter;

        private final MethodHandle constructor;

        /** What each component gets when its field is absent: zero for primitives, an empty extra map. */
        private final @Nullable Object[] absent;

        /** Resolved on first use, not at construction: records may refer to each other. */
        private final @Nullable ValueDeserializer<?>[] deserializers;

        RecordDeserializer(Class<?> type, RecordComponent[] components, UnaryOperator<String> jsonName,
                int anySetter, MethodHandle constructor) {
            this.type = type;
            this.components = components;
            this.anySetter = anySetter;
            this.constructor = constructor;
            this.deserializers = new ValueDeserializer<?>[components.length];
            this.absent = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                if (i != anySetter) {
                    this.positions.put(jsonName.apply(components[i].getName()), i);
                    this.absent[i] = ClassUtil.defaultValue(components[i].getType());
                }
                else {
                    this.absent[i] = Map.of();
                }
            }
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.START_OBJECT) {
                token = parser.nextToken();
            }
            else if (token != JsonToken.PROPERTY_NAME && token != JsonToken.END_OBJECT) {
                return context.handleUnexpectedToken(this.type, parser);
            }
            Object[] values = this.absent.clone();
            Map<String, Object> unknown = null;
            for (; token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
                String name = parser.currentName();
                token = parser.nextToken();
                Integer position = this.positions.get(name);
                if (position != null) {
                    values[position] = read(position, token, parser, context);
                }
                else if (this.anySetter >= 0) {
                    if (unknown == null) {
                        unknown = new LinkedHashMap<>();
                    }
                    unknown.put(name, context.readValue(parser, Object.class));
                }
                else {
                    parser.skipChildren();
                }
            }
            if (unknown != null) {
                values[this.anySetter] = unknown;
            }
            try {
                return (Object) this.constructor.invokeExact(values);
            }
            catch (Throwable ex) {
                return context.handleInstantiationProblem(this.type, null, ex);
            }
        }

        /** The common cases read directly; everything else as Jackson reads the component's type. */
        private @Nullable Object read(int position, JsonToken token, JsonParser parser,
                DeserializationContext context) {
            Class<?> componentType = this.components[position].getType();
            if (token == JsonToken.VALUE_STRING && componentType == String.class) {
                return parser.getString();
            }
            if (token == JsonToken.VALUE_NUMBER_INT && (componentType == int.class || componentType == Integer.class)
                    && parser.getNumberType() == JsonParser.NumberType.INT) {
                return parser.getIntValue();
            }
            ValueDeserializer<?> deserializer = deserializer(position, context);
            if (token == JsonToken.VALUE_NULL) {
                return deserializer.getNullValue(context);
            }
            return deserializer.deserialize(parser, context);
        }

        private ValueDeserializer<?> deserializer(int position, DeserializationContext context) {
            ValueDeserializer<?> deserializer = this.deserializers[position];
            if (deserializer == null) {
                JavaType type = context.getTypeFactory().constructType(this.components[position].getGenericType());
                deserializer = context.findContextualValueDeserializer(type, null);
                this.deserializers[position] = deserializer;
            }
            return deserializer;
        }
    }
}
