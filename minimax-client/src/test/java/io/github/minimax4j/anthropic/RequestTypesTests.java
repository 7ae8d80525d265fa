package io.github.minimax4j.anthropic;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.github.minimax4j.client.MiniMaxJson;
import io.github.minimax4j.openai.ChatCompletionRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule that keeps request types source-compatible as MiniMax adds parameters: they are built only
 * through {@code builder()} and {@code toBuilder()}, never a constructor; their builder has a setter per
 * field; the client-owned {@code stream} cannot be set.
 */
class RequestTypesTests {

    @ParameterizedTest
    @ValueSource(classes = { MessageRequest.class, ChatCompletionRequest.class })
    void requestsAreFinalClassesWithoutPublicConstructors(Class<?> type) {
        assertThat(type.isRecord()).as("a record's canonical constructor is public").isFalse();
        assertThat(Modifier.isFinal(type.getModifiers())).isTrue();
        assertThat(type.getConstructors()).as("public constructors of " + type.getSimpleName()).isEmpty();
        assertThat(builderType(type).getConstructors()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(classes = { MessageRequest.class, ChatCompletionRequest.class })
    void requestsAreMadeOnlyThroughBuilderAndToBuilder(Class<?> type) throws Exception {
        Method builder = type.getMethod("builder");
        assertThat(Modifier.isStatic(builder.getModifiers())).isTrue();
        Method toBuilder = type.getMethod("toBuilder");
        assertThat(toBuilder.getReturnType()).isEqualTo(builder.getReturnType());
        List<String> factories = Arrays.stream(type.getMethods())
            .filter((method) -> Modifier.isStatic(method.getModifiers()) && method.getReturnType() == type)
            .map(Method::getName)
            .toList();
        assertThat(factories).as("static methods returning " + type.getSimpleName()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(classes = { MessageRequest.class, ChatCompletionRequest.class })
    void theBuilderHasASetterPerFieldAndNoneForStream(Class<?> type) {
        Class<?> builder = builderType(type);
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            assertThat(Arrays.stream(builder.getMethods()).anyMatch((method) -> method.getName()
                .equals(field.getName()) && method.getParameterCount() == 1
                    && method.getParameterTypes()[0].isAssignableFrom(field.getType())
                    && method.getReturnType() == builder))
                .as(builder.getName() + " sets " + field.getName())
                .isTrue();
        }
        assertThat(Arrays.stream(builder.getMethods()).map(Method::getName)).doesNotContain("stream");
        assertThat(Arrays.stream(type.getDeclaredFields()).map(Field::getName)).doesNotContain("stream");
    }

    @ParameterizedTest
    @ValueSource(classes = { MessageRequest.class, ChatCompletionRequest.class })
    void aRequestReadBackEqualsItselfAndToBuilderCopiesEveryField(Class<?> type) {
        Object request = (type == MessageRequest.class)
                ? MessageRequest.builder().model("MiniMax-M3").maxTokens(100).system("Be brief").addUserMessage("Hi")
                    .temperature(0.5).topP(0.9).addTool(Tool.of("t", "d", Map.of("type", "object")))
                    .toolChoice(ToolChoice.AUTO).userId("u").extra(Map.of("x", 1)).build()
                : ChatCompletionRequest.builder().model("MiniMax-M3").addUserMessage("Hi").maxCompletionTokens(100)
                    .temperature(0.5).topP(0.9).reasoningSplit(true).extra(Map.of("x", 1)).build();
        String json = MiniMaxJson.write(request);
        assertThat(MiniMaxJson.read(json, type)).isEqualTo(request);
        Object copy = (request instanceof MessageRequest message) ? message.toBuilder().build()
                : ((ChatCompletionRequest) request).toBuilder().build();
        assertThat(copy).isEqualTo(request).hasSameHashCodeAs(request);
        assertThat(MiniMaxJson.write(copy)).isEqualTo(json);
    }

    private static Class<?> builderType(Class<?> type) {
        try {
            return type.getMethod("builder").getReturnType();
        }
        catch (NoSuchMethodException ex) {
            throw new AssertionError(type + " has no builder()", ex);
        }
    }
}
