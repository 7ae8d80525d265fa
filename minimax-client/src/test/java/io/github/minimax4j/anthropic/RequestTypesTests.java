package io.github.minimax4j.anthropic;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.github.minimax4j.client.MiniMaxJson;
import io.github.minimax4j.openai.ChatCompletion;
import io.github.minimax4j.openai.ChatCompletionChunk;
import io.github.minimax4j.openai.ChatCompletionRequest;
import io.github.minimax4j.openai.ChatContent;
import io.github.minimax4j.openai.ChatMessage;
import io.github.minimax4j.openai.ChatUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The rule that keeps request and response types source-compatible as MiniMax adds fields: they are built only
 * through {@code builder()} and {@code toBuilder()} (and, for some, named factories), never a constructor; their
 * builder has a setter per field; the client-owned {@code stream} cannot be set on a request.
 */
class RequestTypesTests {

    @ParameterizedTest
    @ValueSource(classes = { MessageRequest.class, ChatCompletionRequest.class, MessageResponse.class, Usage.class,
            ChatCompletion.class, ChatCompletionChunk.class, ChatCompletionChunk.Delta.class, ChatMessage.class,
            ChatUsage.class })
    void wideTypesAreFinalClassesWithoutPublicConstructors(Class<?> type) {
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
    @ValueSource(classes = { MessageRequest.class, ChatCompletionRequest.class, MessageResponse.class, Usage.class,
            ChatCompletion.class, ChatCompletionChunk.class, ChatCompletionChunk.Delta.class, ChatMessage.class,
            ChatUsage.class })
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

    @ParameterizedTest
    @ValueSource(strings = { "anthropic-response", "chat-completion", "chat-chunk" })
    void aResponseIsWrittenBackAsItCameAndToBuilderCopiesEveryField(String name) {
        Map<String, String> samples = Map.of("anthropic-response", """
                {"id":"msg_1","type":"message","role":"assistant","model":"MiniMax-M3","content":[{"type":"thinking",\
                "thinking":"hm","signature":"sig"},{"type":"text","text":"Hi"}],"stop_reason":"end_turn",\
                "stop_sequence":"STOP","usage":{"input_tokens":10,"output_tokens":3,"cache_creation_input_tokens":2,\
                "cache_read_input_tokens":5,"service_tier":"standard"},"base_resp":{"status_code":0,\
                "status_msg":"ok"},"later_field":[1]}""", "chat-completion", """
                {"id":"c1","object":"chat.completion","created":7,"model":"MiniMax-M3","choices":[{"index":0,\
                "finish_reason":"stop","message":{"role":"assistant","content":"Hi","name":"bot",\
                "reasoning_content":"hm","reasoning_details":[{"type":"reasoning.text","text":"hm"}],\
                "audio_content":""}}],"usage":{"prompt_tokens":40,"completion_tokens":17,"total_tokens":57,\
                "prompt_tokens_details":{"cached_tokens":32},"completion_tokens_details":{"reasoning_tokens":9},\
                "total_characters":0},"input_sensitive":false,"input_sensitive_type":0,"output_sensitive":false,\
                "output_sensitive_type":0,"base_resp":{"status_code":0,"status_msg":""},"later_field":true}""",
                "chat-chunk", """
                {"id":"c1","object":"chat.completion.chunk","created":7,"model":"MiniMax-M3","choices":[{"index":0,\
                "delta":{"role":"assistant","content":"Hi","reasoning_content":"hm","reasoning_details":[{"text":"h"}],\
                "tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"f","arguments":"{}"}}]},\
                "finish_reason":"tool_calls"}],"usage":{"prompt_tokens":1,"completion_tokens":2,"total_tokens":3},\
                "input_sensitive":false,"output_sensitive":false,"later_field":"x"}""");
        Class<?> type = switch (name) {
            case "anthropic-response" -> MessageResponse.class;
            case "chat-completion" -> ChatCompletion.class;
            default -> ChatCompletionChunk.class;
        };
        String json = samples.get(name);
        Object response = MiniMaxJson.read(json, type);

        assertThat(MiniMaxJson.write(response)).isEqualTo(json);
        Object copy = (response instanceof MessageResponse message) ? message.toBuilder().build()
                : (response instanceof ChatCompletion completion) ? completion.toBuilder().build()
                        : ((ChatCompletionChunk) response).toBuilder().build();
        assertThat(copy).isEqualTo(response).hasSameHashCodeAs(response).hasToString(response.toString());
    }

    @Test
    void aChatMessageBuiltWithoutARoleIsAnErrorSayingHowToMakeOne() {
        assertThatIllegalStateException()
            .isThrownBy(() -> ChatMessage.builder().content(ChatContent.of("Hi")).build())
            .withMessageContaining("needs a role")
            .withMessageContaining("ChatMessage.user(text)");
        assertThat(ChatMessage.builder().role(io.github.minimax4j.openai.Role.USER).build().role())
            .isEqualTo(io.github.minimax4j.openai.Role.USER);
    }
}
