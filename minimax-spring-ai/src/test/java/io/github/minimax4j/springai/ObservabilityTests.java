package io.github.minimax4j.springai;

import java.util.List;

import io.github.minimax4j.autoconfigure.observation.MiniMaxObservationAutoConfiguration;
import io.github.minimax4j.observation.TokenUsageMeterObservationHandler;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import io.github.minimax4j.observation.MiniMaxObservationContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationView;
import org.springframework.ai.chat.observation.ChatModelCompletionObservationHandler;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.observation.ChatModelMeterObservationHandler;
import org.springframework.ai.model.chat.observation.autoconfigure.ChatObservationAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.github.minimax4j.springai.FakeMiniMax.answer;
import static io.github.minimax4j.springai.FakeMiniMax.toolUse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Spring AI's chat observation auto-configuration active beside ours, every MiniMax call is a Spring AI
 * chat-model observation ({@code gen_ai.client.operation}) with the client's own observation as its child, and
 * is metered once: {@code gen_ai.client.token.usage} totals equal what MiniMax reported, never doubled, and no
 * {@code total} token type is added to them. Spring AI's {@code spring.ai.chat.observations.*} apply.
 */
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityTests {

    @RegisterExtension
    final FakeMiniMax miniMax = new FakeMiniMax();

    private final ApplicationContextRunner runner = this.miniMax.application(ObservationAutoConfiguration.class,
            MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
            SimpleMetricsExportAutoConfiguration.class, MiniMaxObservationAutoConfiguration.class,
            ChatObservationAutoConfiguration.class);

    static class Clock {

        @org.springframework.ai.tool.annotation.Tool(description = "The time")
        String now() {
            return "12:00";
        }
    }

    @Test
    void tokenTotalsAreRecordedOncePerCallAndNotDoubled() {
        // call 1: 100 in, 20 out; call 2: 39 + 11 cache-read + 3 cache-creation in, 40 out
        this.miniMax.replies(toolUse("Need the time.", "sig", "call_1", "now", "{}"),
                answer("MiniMax-M2.7", "Got it.", "It is noon."));
        this.runner.run((context) -> {
            assertThat(context).hasSingleBean(ChatModelMeterObservationHandler.class);
            ChatClient chatClient = context.getBean(ChatClient.Builder.class).build();

            ChatResponse response = chatClient.prompt().user("Time?").tools(new Clock()).call().chatResponse();

            assertThat(response.getResult().getOutput().getText()).isEqualTo("It is noon.");
            assertThat(response.getMetadata().getUsage().getPromptTokens()).as("Spring AI adds up the tool rounds")
                .isEqualTo(100 + 39 + 11 + 3);
            assertThat(response.getMetadata().getUsage().getCompletionTokens()).isEqualTo(20 + 40);

            MeterRegistry meters = context.getBean(MeterRegistry.class);
            List<Meter> tokenMeters = List.copyOf(meters.find(TokenUsageMeterObservationHandler.TOKEN_USAGE).meters());
            assertThat(tokenMeters).as("only our histogram, tagged minimax").allSatisfy((meter) -> {
                assertThat(meter).isInstanceOf(DistributionSummary.class);
                assertThat(meter.getId().getTag("gen_ai.provider.name")).isEqualTo("minimax");
            });
            assertThat(tokenMeters).extracting((meter) -> meter.getId().getTag("gen_ai.token.type"))
                .doesNotContain("total");
            assertThat(sum(tokenMeters, "input")).isEqualTo(100 + 39 + 11 + 3);
            assertThat(sum(tokenMeters, "output")).isEqualTo(20 + 40);
            assertThat(count(tokenMeters, "input")).as("one record per HTTP call").isEqualTo(2);
            Timer chatClientTimer = meters.find("spring.ai.chat.client").timer();
            assertThat(chatClientTimer).as("Spring AI's ChatClient observation still records").isNotNull();
            assertThat(chatClientTimer.count()).isEqualTo(1);
            Timer chatModelTimer = meters.find("gen_ai.client.operation").tag("gen_ai.system", "minimax")
                .tag("gen_ai.operation.name", "chat").tag("gen_ai.response.model", "MiniMax-M2.7").timer();
            assertThat(chatModelTimer).as("Spring AI's chat-model observation, once per model call").isNotNull();
            assertThat(chatModelTimer.count()).isEqualTo(2);
        });
        assertThat(this.miniMax.sent()).hasSize(2);
    }

    @Test
    void theClientsObservationIsTheChildOfSpringAisChatModelObservationCalledAndStreamed() {
        this.miniMax.replies(answer("MiniMax-M2.7", "t", "Called."),
                FakeMiniMax.streamedText("MiniMax-M3", "Streamed.", 7, 4));
        ParentRecorder recorder = new ParentRecorder();
        this.runner.withBean(ParentRecorder.class, () -> recorder).run((context) -> {
            ChatClient chatClient = context.getBean(ChatClient.Builder.class).build();

            assertThat(chatClient.prompt().user("Hi").call().content()).isEqualTo("Called.");
            assertThat(String.join("", chatClient.prompt().user("Hi").stream().content().collectList().block()))
                .isEqualTo("Streamed.");

            MeterRegistry meters = context.getBean(MeterRegistry.class);
            assertThat(sum(List.copyOf(meters.find(TokenUsageMeterObservationHandler.TOKEN_USAGE).meters()), "output"))
                .isEqualTo(40 + 4);
        });
        assertThat(recorder.parents).as("client observation -> its parent").containsExactly(
                "gen_ai.client.operation.duration -> gen_ai.client.operation",
                "gen_ai.client.operation.duration -> gen_ai.client.operation");
        assertThat(recorder.spring).extracting(ChatModelObservationContext::isStreaming).containsExactly(false, true);
        assertThat(recorder.spring).allSatisfy((spring) -> assertThat(spring.getParentObservation())
            .as("the chat-model observation is the ChatClient's child").isNotNull());
        ChatModelObservationContext called = recorder.spring.get(0);
        assertThat(called.getHighCardinalityKeyValue("gen_ai.usage.input_tokens").getValue())
            .as("span attributes keep the reported usage").isEqualTo("53");
        assertThat(called.getHighCardinalityKeyValue("gen_ai.usage.output_tokens").getValue()).isEqualTo("40");
        assertThat(called.getHighCardinalityKeyValue("gen_ai.usage.cache_read.input_tokens").getValue())
            .isEqualTo("11");
    }

    @Test
    void springAisLogCompletionPropertyLogsTheAnswerNeverTheThinking(CapturedOutput output) {
        this.miniMax.replies(answer("MiniMax-M2.7", "Private reasoning.", "The logged answer."));
        this.runner.withPropertyValues("spring.ai.chat.observations.log-completion=true").run((context) -> {
            assertThat(context).hasSingleBean(ChatModelCompletionObservationHandler.class);
            context.getBean(ChatClient.Builder.class).build().prompt().user("Hi").call().content();
        });
        assertThat(output).contains("The logged answer.").doesNotContain("Private reasoning.");
    }

    /** Records, as each observation stops, the client's observation's parent and the Spring AI contexts. */
    static final class ParentRecorder implements ObservationHandler<Observation.Context> {

        final List<String> parents = new java.util.concurrent.CopyOnWriteArrayList<>();

        final List<ChatModelObservationContext> spring = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void onStop(Observation.Context context) {
            if (context instanceof MiniMaxObservationContext) {
                ObservationView parent = context.getParentObservation();
                this.parents.add(context.getName() + " -> "
                        + ((parent != null) ? parent.getContextView().getName() : "none"));
            }
            if (context instanceof ChatModelObservationContext chatModel) {
                this.spring.add(chatModel);
            }
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return true;
        }
    }

    private static double sum(List<Meter> meters, String type) {
        return meters.stream()
            .filter((meter) -> type.equals(meter.getId().getTag("gen_ai.token.type")))
            .mapToDouble((meter) -> ((DistributionSummary) meter).totalAmount())
            .sum();
    }

    private static long count(List<Meter> meters, String type) {
        return meters.stream()
            .filter((meter) -> type.equals(meter.getId().getTag("gen_ai.token.type")))
            .mapToLong((meter) -> ((DistributionSummary) meter).count())
            .sum();
    }
}
