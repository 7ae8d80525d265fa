package io.github.minimax4j.client;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.deser.std.StdValueInstantiator;
import tools.jackson.databind.introspect.AnnotatedConstructor;

/**
 * Builds the wire records through their canonical constructors with a method handle prepared once. Jackson 3
 * calls a creator through {@code MethodHandle.invokeWithArguments}, which adapts the handle anew on every
 * call: that was a third of the cost of reading a streamed delta event, where two records are built per event.
 */
final class RecordInstantiators extends ValueInstantiators.Base {

    @Override
    public ValueInstantiator modifyValueInstantiator(DeserializationConfig config,
            BeanDescription.Supplier description, ValueInstantiator instantiator) {
        if (instantiator.getClass() == StdValueInstantiator.class
                && instantiator.getWithArgsCreator() instanceof AnnotatedConstructor creator
                && creator.getDeclaringClass().isRecord()) {
            MethodHandle constructor = spreading(creator.getAnnotated());
            if (constructor != null) {
                return new Prepared((StdValueInstantiator) instantiator, constructor);
            }
        }
        return instantiator;
    }

    /** {@code (Object[]) -> Object} over the constructor, or null if it cannot be reached (Jackson's way then). */
    private static MethodHandle spreading(Constructor<?> constructor) {
        try {
            return MethodHandles.publicLookup().unreflectConstructor(constructor)
                .asSpreader(Object[].class, constructor.getParameterCount())
                .asType(MethodType.methodType(Object.class, Object[].class));
        }
        catch (IllegalAccessException ex) {
            return null;
        }
    }

    private static final class Prepared extends StdValueInstantiator {

        private final MethodHandle constructor;

        Prepared(StdValueInstantiator source, MethodHandle constructor) {
            super(source);
            this.constructor = constructor;
        }

        @Override
        public Object createFromObjectWith(DeserializationContext context, Object[] args) throws JacksonException {
            try {
                return (Object) this.constructor.invokeExact(args);
            }
            catch (Throwable ex) {
                return context.handleInstantiationProblem(getValueClass(), args, rewrapCtorProblem(context, ex));
            }
        }
    }
}
