package io.github.minimax4j.test;

import java.net.URI;
import java.time.Duration;

import io.github.minimax4j.autoconfigure.MiniMaxAutoConfiguration;
import io.github.minimax4j.autoconfigure.MiniMaxConnectionDetails;
import io.github.minimax4j.test.simulator.MiniMaxSimulator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

/**
 * What {@link AutoConfigureMiniMaxSimulator} imports: a started {@link MiniMaxSimulator} (stopped with the
 * context) and connection details pointing the MiniMax client at it. Not listed for auto-configuration:
 * only the annotation brings it in.
 */
@AutoConfiguration(before = MiniMaxAutoConfiguration.class)
public final class MiniMaxSimulatorAutoConfiguration {

    static final String STREAM_DELAY = "minimax.simulator.stream-delay";

    @Bean(destroyMethod = "stop")
    @ConditionalOnMissingBean
    MiniMaxSimulator miniMaxSimulator(Environment environment) {
        return new MiniMaxSimulator(streamDelay(environment)).start();
    }

    @Bean
    @Primary
    MiniMaxConnectionDetails miniMaxSimulatorConnectionDetails(MiniMaxSimulator simulator) {
        return new SimulatorConnectionDetails(simulator);
    }

    private static Duration streamDelay(Environment environment) {
        String value = environment.getProperty(STREAM_DELAY, "0ms");
        try {
            Duration delay = DurationStyle.detectAndParse(value);
            if (!delay.isNegative()) {
                return delay;
            }
        }
        catch (IllegalArgumentException ex) {
            // reported below with the attribute's name
        }
        throw new IllegalStateException("@AutoConfigureMiniMaxSimulator(streamDelay) (" + STREAM_DELAY
                + ") must be a duration of zero or more such as 30ms, was '" + value + "'");
    }

    /** The simulator's address, with a key it accepts (any non-blank key). */
    private record SimulatorConnectionDetails(MiniMaxSimulator simulator) implements MiniMaxConnectionDetails {

        @Override
        public String apiKey() {
            return "minimax-simulator";
        }

        @Override
        public URI baseUrl() {
            return URI.create(this.simulator.baseUrl());
        }
    }
}
