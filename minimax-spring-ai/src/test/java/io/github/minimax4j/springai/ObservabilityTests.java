package io.github.minimax4j.springai;

import java.util.List;

import io.github.minimax4j.autoconfigure.MiniMaxAutoConfiguration;
import io.github.minimax4j.autoconfigure.observation.MiniMaxObservationAutoConfiguration;
import io.github.minimax4j.observation.TokenUsageMeterObservationHandler;
import io.github.minimax4j.springai.autoconfigure.MiniMaxChatModelAutoConfiguration;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.observation.ChatModelMeterObservationHandler;
import org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration;
import org.springframework.ai.model.chat.observation.autoconfigure.ChatObservationAutoConfiguration;
import org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.github.minimax4j.springai.FakeMiniMax.answer;
import static io.github.minimax4j.springai.FakeMiniMax.toolUse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Spring AI's chat observation auto-configuration active beside ours, every MiniMax call is metered
 * once: our {@code gen_ai.client.token.usage} totals equal what MiniMax reported, never doubled, and no
 * {@code total} token type is added to them.
 */
class ObservabilityTests {

    private FakeMiniMax miniMax;

    private ApplicationContextRunner runner;

    @BeforeEach
    void start() {
        this.miniMax = new FakeMiniMax();
        this.runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
                    CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
                    MiniMaxObservationAutoConfiguration.class, MiniMaxAutoConfiguration.class,
                    RestClientAutoConfiguration.class, MiniMaxChatModelAutoConfiguration.class,
                    ToolCallingAutoConfiguration.class, ChatClientAutoConfiguration.class,
                    ChatObservationAutoConfiguration.class))
            .withPropertyValues("minimax.api-key=" + FakeMiniMax.API_KEY, "minimax.base-url=" + this.miniMax.baseUrl());
    }

    @AfterEach
    void stop() {
        this.miniMax.close();
    }

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
            assertThat(meters.find("gen_ai.client.operation").meters())
                .as("Spring AI's chat-model observation is not emitted for MiniMax calls").isEmpty();
        });
        assertThat(this.miniMax.sent()).hasSize(2);
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
