package io.github.minimax4j.client;

import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
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
import com.fasterxml.jackson.annotation.JsonProperty;
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
 * Reads the client's wire types straight into their constructors. Jackson 3's creator path costs more than the
 * parsing itself on small objects (a property buffer, a record check through JNI and an
 * {@code invokeWithArguments} that adapts the handle on every call, per object), and a streamed reply is
 * thousands of small objects: this made reading a stream 1.3x slower than a bare JSON tree.
 * <p>
 * Two shapes of this library's types are taken: a record whose components carry no Jackson annotation but
 * {@code @JsonAnySetter} (the map of fields this client does not know), named by the mapper's naming strategy; and
 * a class whose {@code @JsonCreator} constructor names every parameter with {@code @JsonProperty} but the
 * {@code @JsonAnySetter} map (the response types, classes so that fields MiniMax adds never change a public
 * constructor). Anything else (a {@code @JsonValue}, a creator of another shape) keeps Jackson's deserializer. The
 * semantics are Jackson's with this mapper's settings: unknown fields ignored (or kept in the any-setter map),
 * absent or null primitives as zero, other values read by Jackson's deserializer for the parameter's type, and a
 * constructor's exception reported as Jackson reports it.
 */
final class WireDeserializers extends ValueDeserializerModifier {

    /** Annotations that only shape the JSON written, not how it is read. */
    private static final Set<Class<? extends Annotation>> WRITE_ONLY = Set.of(JsonInclude.class,
            JsonPropertyOrder.class, JsonAnyGetter.class);

    @Override
    public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier description,
            ValueDeserializer<?> deserializer) {
        if (!(config.getPropertyNamingStrategy() instanceof PropertyNamingStrategies.NamingBase naming)) {
            return deserializer;
        }
        // NamingBase translates the Java name alone, so no annotated parameter needs to be passed.
        Creator creator = creator(description.getBeanClass(),
                (name) -> naming.nameForConstructorParameter(config, null, name));
        return (creator != null) ? new ConstructorDeserializer(creator) : deserializer;
    }

    /**
     * How this reader builds a type, or null where Jackson's own deserializer is kept.
     * @param type the type to read
     * @param jsonName the JSON name of a record component, from its Java name
     * @return the creator, or null
     */
    static @Nullable Creator creator(Class<?> type, UnaryOperator<String> jsonName) {
        if (!type.getPackageName().startsWith("io.github.minimax4j") || hasReadAnnotation(type.getAnnotations())) {
            return null;
        }
        if (type.isRecord()) {
            return hasOwnJsonShape(type) ? null : Creator.ofRecord(type, jsonName);
        }
        return type.isInterface() ? null : Creator.ofJsonCreator(type);
    }

    /** A record built by a creator of its own, or written as a value, is not a plain JSON object. */
    private static boolean hasOwnJsonShape(Class<?> type) {
        return Stream.concat(Arrays.stream(type.getDeclaredMethods()), Arrays.stream(type.getDeclaredConstructors()))
            .anyMatch((member) -> member.isAnnotationPresent(JsonCreator.class)
                    || member.isAnnotationPresent(JsonValue.class));
    }

    private static boolean hasReadAnnotation(Annotation[] annotations) {
        return Arrays.stream(annotations).anyMatch(WireDeserializers::isReadAnnotation);
    }

    /** A Jackson annotation that changes how a value is read. */
    private static boolean isReadAnnotation(Annotation annotation) {
        String packageName = annotation.annotationType().getPackageName();
        return (packageName.startsWith("com.fasterxml.jackson") || packageName.startsWith("tools.jackson"))
                && !WRITE_ONLY.contains(annotation.annotationType());
    }

    /**
     * What reading needs to know of a type: its JSON property per constructor parameter, the position of the
     * any-setter map (or -1), and the constructor as {@code (Object[]) -> Object}.
     */
    record Creator(Class<?> type, @Nullable String[] names, Type[] types, Class<?>[] rawTypes,
            int anySetter, MethodHandle constructor) {

        static @Nullable Creator ofRecord(Class<?> type, UnaryOperator<String> jsonName) {
            RecordComponent[] components = type.getRecordComponents();
            String[] names = new String[components.length];
            int anySetter = -1;
            for (int i = 0; i < components.length; i++) {
                RecordComponent component = components[i];
                // The annotation lands on the accessor, parameter and field: its target does not include components.
                if (component.getAccessor().isAnnotationPresent(JsonAnySetter.class)
                        && component.getType() == Map.class) {
                    anySetter = i;
                }
                else if (hasReadAnnotation(component.getAnnotations())
                        || hasReadAnnotation(component.getAccessor().getAnnotations())) {
                    return null;
                }
                else {
                    names[i] = jsonName.apply(component.getName());
                }
            }
            try {
                Class<?>[] parameters = Arrays.stream(components)
                    .map(RecordComponent::getType)
                    .toArray(Class<?>[]::new);
                MethodHandle constructor = MethodHandles.publicLookup()
                    .unreflectConstructor(type.getDeclaredConstructor(parameters));
                return new Creator(type, names,
                        Arrays.stream(components).map(RecordComponent::getGenericType).toArray(Type[]::new),
                        parameters, anySetter, spread(constructor, parameters.length));
            }
            catch (ReflectiveOperationException ex) {
                return null; // not public: Jackson's way
            }
        }

        /** The {@code @JsonCreator} constructor, if every parameter is a named property or the any-setter map. */
        static @Nullable Creator ofJsonCreator(Class<?> type) {
            Constructor<?> creator = Arrays.stream(type.getDeclaredConstructors())
                .filter((constructor) -> constructor.isAnnotationPresent(JsonCreator.class))
                .findFirst()
                .orElse(null);
            if (creator == null) {
                return null;
            }
            Parameter[] parameters = creator.getParameters();
            String[] names = new String[parameters.length];
            int anySetter = -1;
            for (int i = 0; i < parameters.length; i++) {
                JsonProperty property = parameters[i].getAnnotation(JsonProperty.class);
                if (parameters[i].isAnnotationPresent(JsonAnySetter.class) && parameters[i].getType() == Map.class) {
                    anySetter = i;
                }
                else if (property != null && !property.value().isEmpty() && onlyJsonProperty(parameters[i])) {
                    names[i] = property.value();
                }
                else {
                    return null;
                }
            }
            try {
                creator.setAccessible(true); // the library's own private creator, in its own module
                return new Creator(type, names, creator.getGenericParameterTypes(), creator.getParameterTypes(),
                        anySetter, spread(MethodHandles.lookup().unreflectConstructor(creator), parameters.length));
            }
            catch (ReflectiveOperationException | RuntimeException ex) {
                return null;
            }
        }

        /** A parameter whose only read annotation is its name (a {@code @JsonFormat} would need Jackson). */
        private static boolean onlyJsonProperty(Parameter parameter) {
            return Arrays.stream(parameter.getAnnotations())
                .allMatch((annotation) -> annotation instanceof JsonProperty || !isReadAnnotation(annotation));
        }

        private static MethodHandle spread(MethodHandle constructor, int arity) {
            return constructor.asSpreader(Object[].class, arity)
                .asType(MethodType.methodType(Object.class, Object[].class));
        }
    }

    private static final class ConstructorDeserializer extends ValueDeserializer<Object> {

        private final Class<?> type;

        /** Each parameter's declared type. */
        private final Type[] types;

        /** Each parameter's erased type. */
        private final Class<?>[] rawTypes;

        /** JSON property name to parameter position. */
        private final Map<String, Integer> positions = new HashMap<>();

        private final int anySetter;

        private final MethodHandle constructor;

        /** What each parameter gets when its field is absent: zero for primitives, an empty extra map. */
        private final @Nullable Object[] absent;

        /** Resolved on first use, not at construction: types may refer to each other. */
        private final @Nullable ValueDeserializer<?>[] deserializers;

        ConstructorDeserializer(Creator creator) {
            this.type = creator.type();
            this.types = creator.types();
            this.anySetter = creator.anySetter();
            this.constructor = creator.constructor();
            int count = this.types.length;
            this.rawTypes = creator.rawTypes();
            this.deserializers = new ValueDeserializer<?>[count];
            this.absent = new Object[count];
            for (int i = 0; i < count; i++) {
                if (i != this.anySetter) {
                    this.positions.put(creator.names()[i], i);
                    this.absent[i] = ClassUtil.defaultValue(this.rawTypes[i]);
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
            Class<?> componentType = this.rawTypes[position];
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
                JavaType type = context.getTypeFactory().constructType(this.types[position]);
                deserializer = context.findContextualValueDeserializer(type, null);
                this.deserializers[position] = deserializer;
            }
            return deserializer;
        }
    }
}
