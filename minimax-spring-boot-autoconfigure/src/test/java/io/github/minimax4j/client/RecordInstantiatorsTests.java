package io.github.minimax4j.client;

import java.util.List;

import io.github.minimax4j.anthropic.ContentDelta;
import io.github.minimax4j.anthropic.MessageStreamEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The client's mapper builds records through a constructor handle prepared once, not through Jackson's
 * per-call {@code invokeWithArguments}. Public so its probe records are reachable the way the wire records are.
 */
public class RecordInstantiatorsTests {

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

    record Hidden(String text) {
    }

    @Test
    void aPublicRecordIsBuiltThroughThePreparedHandle() {
        Probe probe = Json.MAPPER.readValue("{\"text\":\"hi\",\"index\":3}", Probe.class);
        List<String> builtBy = BUILT_BY.get();

        assertThat(probe).isEqualTo(new Probe("hi", 3));
        assertThat(builtBy).anyMatch((frame) -> frame.endsWith("RecordInstantiators$Prepared.createFromObjectWith"))
            .noneMatch((frame) -> frame.endsWith("MethodHandle.invokeWithArguments"));
    }

    @Test
    void streamEventsAreStillReadWithEveryField() {
        MessageStreamEvent event = Json.MAPPER.readValue("{\"type\":\"content_block_delta\",\"index\":2,"
                + "\"delta\":{\"type\":\"text_delta\",\"text\":\"word \"}}", MessageStreamEvent.class);

        assertThat(event).isEqualTo(new MessageStreamEvent.ContentBlockDelta(2, new ContentDelta.TextDelta("word ")));
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
    void missingComponentsArriveAsNullsAndZeros() {
        assertThat(Json.MAPPER.readValue("{}", Probe.class)).isEqualTo(new Probe(null, 0));
    }
}
