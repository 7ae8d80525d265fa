package io.github.minimax4j.test;

import java.net.URI;
import java.time.Duration;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.autoconfigure.MiniMaxAutoConfiguration;
import io.github.minimax4j.autoconfigure.MiniMaxConnectionDetails;
import io.github.minimax4j.client.MiniMaxClient;
import io.github.minimax4j.test.simulator.MiniMaxSimulator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** What the annotation imports: a running simulator the starter's client talks to, and clear failures. */
class MiniMaxSimulatorAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(MiniMaxSimulatorAutoConfiguration.class, MiniMaxAutoConfiguration.class,
                    RestClientAutoConfiguration.class));

    @Test
    void theClientTalksToTheSimulatorWithoutAKeyPropertyAndItStopsWithTheContext() {
        MiniMaxSimulator[] started = new MiniMaxSimulator[1];
        this.runner.run((context) -> {
            MiniMaxSimulator simulator = context.getBean(MiniMaxSimulator.class);
            started[0] = simulator;
            assertThat(simulator.isRunning()).isTrue();
            assertThat(simulator.streamDelay()).isEqualTo(Duration.ZERO);
            assertThat(context.getBean(MiniMaxConnectionDetails.class).baseUrl())
                .isEqualTo(URI.create(simulator.baseUrl()));
            context.getBean(MiniMaxClient.class).messages()
                .create(MessageRequest.builder().model("MiniMax-M3").addUserMessage("Hi").build());
            assertThat(simulator.lastRequest().prompt()).isEqualTo("Hi");
        });
        assertThat(started[0].isRunning()).isFalse();
    }

    @Test
    void theSimulatorWinsOverConnectionDetailsTheAppDefines() {
        this.runner.withUserConfiguration(ProductionConnection.class).run((context) -> {
            MiniMaxSimulator simulator = context.getBean(MiniMaxSimulator.class);
            context.getBean(MiniMaxClient.class).messages()
                .create(MessageRequest.builder().model("MiniMax-M3").addUserMessage("Hi").build());
            assertThat(simulator.requestCount()).isEqualTo(1);
        });
    }

    @Test
    void streamDelayComesFromTheAnnotationsPropertyAndABadOneFailsNamingIt() {
        this.runner.withPropertyValues("minimax.simulator.stream-delay=25ms")
            .run((context) -> assertThat(context.getBean(MiniMaxSimulator.class).streamDelay())
                .isEqualTo(Duration.ofMillis(25)));
        this.runner.withPropertyValues("minimax.simulator.stream-delay=-1ms")
            .run((context) -> assertThat(context).hasFailed().getFailure().rootCause()
                .hasMessageContaining("@AutoConfigureMiniMaxSimulator(streamDelay)").hasMessageContaining("'-1ms'"));
    }

    @Configuration(proxyBeanMethods = false)
    static class ProductionConnection {

        @Bean
        MiniMaxConnectionDetails productionMiniMax() {
            return new MiniMaxConnectionDetails() {

                @Override
                public String apiKey() {
                    return "sk-leak-canary-7d41e9a0";
                }

                @Override
                public URI baseUrl() {
                    return URI.create("http://192.0.2.1:9"); // TEST-NET: never reached if the simulator wins
                }
            };
        }
    }
}
