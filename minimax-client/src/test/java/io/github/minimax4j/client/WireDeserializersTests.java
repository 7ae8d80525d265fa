package io.github.minimax4j.client;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.minimax4j.anthropic.ContentDelta;
import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.anthropic.MessageResponse;
import io.github.minimax4j.anthropic.MessageStreamEvent;
import io.github.minimax4j.anthropic.Usage;
import io.github.minimax4j.openai.ChatCompletion;
import io.github.minimax4j.openai.ChatCompletionChunk;
import io.github.minimax4j.openai.ChatCompletionRequest;
import io.github.minimax4j.openai.ChatMessage;
import io.github.minimax4j.openai.ChatUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.DatabindException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The client's mapper reads its records and creator classes straight into their constructors, with Jackson's
 * semantics. Public so its probe types are reachable the way the wire types are.
 */
public class WireDeserializersTests {

    /** The frames that were on the stack when the last probe was built. */
    private static final ThreadLocal<List<String>> BUILT_BY = new ThreadLocal<>();

    public record Probe(String text, int index) {
        public Probe {
            BUILT_BY.set(StackWalker.getInstance(StackWalker.Option.SHOW_REFLECT_FRAMES)
                .walk((frames) -> frames.map((frame) -> frame.getClassName() + "." + frame.getMethodName()).toList()));
        }
    }

    public record Positive(int value) {
        public Positive {
            if (value <= 0) {
                throw new IllegalArgumentException("value must be positive, was " + value);
            }
        }
    }

    public record Shapes(long createdAt, boolean done, double score, Integer maybe, List<Probe> probes,
            Map<String, Integer> counts, @JsonAnySetter Map<String, Object> extra) {
    }

    public record Renamed(@JsonProperty("label") String name) {
    }

    record Hidden(String text) {
    }

    /** A class with a private creator, the shape of the response types. */
    public static final class Reply {

        private final String text;

        private final int tokens;

        private final Map<String, Object> extra;

        @JsonCreator
        private Reply(@JsonProperty("text") String text, @JsonProperty("output_tokens") int tokens,
                @JsonAnySetter Map<String, Object> extra) {
            this.text = text;
            this.tokens = tokens;
            this.extra = extra;
            BUILT_BY.set(StackWalker.getInstance(StackWalker.Option.SHOW_REFLECT_FRAMES)
                .walk((frames) -> frames.map((frame) -> frame.getClassName() + "." + frame.getMethodName()).toList()));
        }
    }

    /** A creator parameter with a read annotation besides its name: Jackson's business. */
    public static final class Formatted {

        private final String when;

        @JsonCreator
        private Formatted(@JsonProperty("when") @JsonFormat(pattern = "yyyy") String when) {
            this.when = when;
            BUILT_BY.set(StackWalker.getInstance().walk((frames) -> frames.map(StackWalker.StackFrame::getClassName)
                .toList()));
        }
    }

    @Test
    void aPublicRecordIsBuiltByTheRecordReaderNotJacksonsCreatorPath() {
        Probe probe = Json.MAPPER.readValue("{\"text\":\"hi\",\"index\":3}", Probe.class);
        List<String> builtBy = BUILT_BY.get();

        assertThat(probe).isEqualTo(new Probe("hi", 3));
        assertThat(builtBy).anyMatch((frame) -> frame.endsWith("WireDeserializers$ConstructorDeserializer.deserialize"))
            .noneMatch((frame) -> frame.endsWith("MethodHandle.invokeWithArguments"))
            .noneMatch((frame) -> frame.contains("BeanDeserializer"));
    }

    @Test
    void aClassIsBuiltThroughItsPrivateJsonCreatorByTheSameReader() {
        Reply reply = Json.MAPPER.readValue("{\"text\":\"hi\",\"output_tokens\":4,\"later\":[1]}", Reply.class);

        assertThat(reply.text).isEqualTo("hi");
        assertThat(reply.tokens).isEqualTo(4);
        assertThat(reply.extra).containsExactly(Map.entry("later", List.of(1)));
        assertThat(BUILT_BY.get())
            .anyMatch((frame) -> frame.endsWith("WireDeserializers$ConstructorDeserializer.deserialize"))
            .noneMatch((frame) -> frame.contains("BeanDeserializer"));
    }

    @ParameterizedTest
    @ValueSource(classes = { MessageRequest.class, MessageResponse.class, Usage.class, ChatCompletionRequest.class,
            ChatCompletion.class, ChatCompletionChunk.class, ChatCompletionChunk.Delta.class, ChatMessage.class,
            ChatUsage.class, MessageStreamEvent.ContentBlockDelta.class, ContentDelta.TextDelta.class,
            ChatCompletionChunk.Choice.class })
    void everyRequestReplyAndStreamTypeIsReadByThisReader(Class<?> type) {
        assertThat(WireDeserializers.creator(type, UnaryOperator.identity())).as(type.getName()).isNotNull();
    }

    @Test
    void aClassWhoseCreatorNeedsMoreThanNamesKeepsJacksonsDeserializer() {
        Formatted formatted = Json.MAPPER.readValue("{\"when\":\"2026\"}", Formatted.class);

        assertThat(formatted.when).isEqualTo("2026");
        assertThat(BUILT_BY.get()).noneMatch((frame) -> frame.contains("WireDeserializers$ConstructorDeserializer"));
    }

    @Test
    void streamEventsAndChunksAreReadWithEveryField() {
        MessageStreamEvent event = Json.MAPPER.readValue("{\"type\":\"content_block_delta\",\"index\":2,"
                + "\"delta\":{\"type\":\"text_delta\",\"text\":\"word \"}}", MessageStreamEvent.class);
        ChatCompletionChunk chunk = Json.MAPPER.readValue("{\"id\":\"c\",\"created\":7,\"model\":\"MiniMax-M3\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"hi\",\"reasoning_content\":\"hm\"},"
                + "\"finish_reason\":\"stop\"}],\"input_sensitive\":false,\"service_tier\":\"x\"}",
                ChatCompletionChunk.class);

        assertThat(event).isEqualTo(new MessageStreamEvent.ContentBlockDelta(2, new ContentDelta.TextDelta("word ")));
        assertThat(chunk.id()).isEqualTo("c");
        assertThat(chunk.created()).isEqualTo(7);
        assertThat(chunk.choices()).singleElement().satisfies((choice) -> {
            assertThat(choice.finishReason()).isEqualTo("stop");
            assertThat(choice.delta().content()).isEqualTo("hi");
            assertThat(choice.delta().reasoningContent()).isEqualTo("hm");
        });
        assertThat(chunk.inputSensitive()).isFalse();
        assertThat(chunk.extra()).containsExactly(Map.entry("service_tier", "x"));
    }

    @Test
    void aTypeFieldThatComesLastStillSelectsTheRecordAndKeepsTheFieldsBeforeIt() {
        MessageStreamEvent event = Json.MAPPER.readValue("{\"index\":4,\"delta\":{\"thinking\":\"hm\","
                + "\"type\":\"thinking_delta\"},\"type\":\"content_block_delta\"}", MessageStreamEvent.class);

        assertThat(event).isEqualTo(new MessageStreamEvent.ContentBlockDelta(4, new ContentDelta.ThinkingDelta("hm")));
    }

    @Test
    void valuesOfEveryShapeAreReadAsJacksonReadsThem() {
        Shapes shapes = Json.MAPPER.readValue("{\"created_at\":\"12\",\"done\":true,\"score\":0.5,\"maybe\":null,"
                + "\"probes\":[{\"text\":\"a\",\"index\":1},{\"index\":\"2\"}],\"counts\":{\"x\":1},"
                + "\"zeta\":[1,{\"k\":null}],\"alpha\":\"a\"}", Shapes.class);

        assertThat(shapes.createdAt()).isEqualTo(12L); // a number in a string, coerced as Jackson does
        assertThat(shapes.done()).isTrue();
        assertThat(shapes.score()).isEqualTo(0.5);
        assertThat(shapes.maybe()).isNull();
        assertThat(shapes.probes()).containsExactly(new Probe("a", 1), new Probe(null, 2));
        assertThat(shapes.counts()).containsExactly(Map.entry("x", 1));
        assertThat(shapes.extra()).containsExactly(Map.entry("zeta", List.of(1, java.util.Collections.singletonMap("k",
                null))), Map.entry("alpha", "a"));
    }

    @Test
    void absentAndNullPrimitivesAreZeroAndAbsentObjectsNull() {
        Shapes shapes = Json.MAPPER.readValue("{\"created_at\":null,\"done\":null}", Shapes.class);

        assertThat(shapes).isEqualTo(new Shapes(0L, false, 0.0, null, null, null, Map.of()));
        assertThat(Json.MAPPER.readValue("{}", Probe.class)).isEqualTo(new Probe(null, 0));
    }

    @Test
    void unknownFieldsOfARecordWithoutAnySetterAreSkippedWhateverTheirShape() {
        assertThat(Json.MAPPER.readValue("{\"deep\":{\"a\":[1,{\"b\":2}]},\"text\":\"kept\",\"more\":[[]]}",
                Probe.class)).isEqualTo(new Probe("kept", 0));
    }

    @Test
    void aRecordWithReadAnnotationsKeepsJacksonsDeserializer() {
        assertThat(Json.MAPPER.readValue("{\"label\":\"x\"}", Renamed.class)).isEqualTo(new Renamed("x"));
    }

    @Test
    void aRecordThePublicLookupCannotReachIsBuiltTheJacksonWay() {
        assertThat(Json.MAPPER.readValue("{\"text\":\"hi\"}", Hidden.class)).isEqualTo(new Hidden("hi"));
    }

    @Test
    void aConstructorThatRejectsItsInputIsADatabindErrorNamingTheCause() {
        assertThatExceptionOfType(DatabindException.class)
            .isThrownBy(() -> Json.MAPPER.readValue("{\"value\":-1}", Positive.class))
            .withMessageContaining("value must be positive, was -1");
    }

    @Test
    void aValueOfTheWrongShapeIsADatabindErrorNamingTheType() {
        assertThatExceptionOfType(DatabindException.class)
            .isThrownBy(() -> Json.MAPPER.readValue("[1,2]", Probe.class))
            .withMessageContaining("Probe");
        assertThatExceptionOfType(DatabindException.class)
            .isThrownBy(() -> Json.MAPPER.readValue("{\"index\":{\"no\":1}}", Probe.class))
            .withMessageContaining("int");
    }
}
