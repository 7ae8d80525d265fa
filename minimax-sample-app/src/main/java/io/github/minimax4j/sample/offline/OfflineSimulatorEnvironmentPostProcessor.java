package io.github.minimax4j.sample.offline;

import java.time.Duration;
import java.util.Map;

import io.github.minimax4j.test.simulator.MiniMaxSimulator;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * With no API key configured, starts the offline MiniMax simulator and points {@code minimax.*} at it,
 * so a newcomer can run the app (and its metrics and health) before having a key. With a key, does nothing.
 */
class OfflineSimulatorEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String SIMULATOR_BEAN = "miniMaxSimulator";

    static final String STREAM_DELAY = "sample.simulator.stream-delay";

    private final Log logger;

    OfflineSimulatorEnvironmentPostProcessor(DeferredLogFactory logFactory) {
        this.logger = logFactory.getLog(OfflineSimulatorEnvironmentPostProcessor.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (StringUtils.hasText(environment.getProperty("minimax.api-key"))
                || StringUtils.hasText(environment.getProperty("MINIMAX_API_KEY"))) {
            return;
        }
        MiniMaxSimulator simulator = new MiniMaxSimulator(streamDelay(environment)).start();
        environment.getPropertySources().addFirst(new MapPropertySource("offlineMiniMaxSimulator",
                Map.of("minimax.api-key", "offline-simulator", "minimax.base-url", simulator.baseUrl())));
        application.addInitializers((context) -> {
            context.getBeanFactory().registerSingleton(SIMULATOR_BEAN, simulator);
            context.addApplicationListener((ApplicationListener<ContextClosedEvent>) (event) -> simulator.stop());
            // A start-up that fails (say, a port in use) closes no context: stop the simulator then too.
            context.addApplicationListener((ApplicationListener<ApplicationFailedEvent>) (event) -> simulator.stop());
        });
        this.logger.warn("""

                ======================================================================================
                  No MINIMAX_API_KEY set: running on the built-in OFFLINE MiniMax simulator at %s.
                  Replies, streams and token usage are simulated; nothing leaves this machine.
                  To use the real MiniMax API: export MINIMAX_API_KEY=<your key> and restart.
                ======================================================================================""".formatted(
                simulator.baseUrl()));
    }

    private static Duration streamDelay(ConfigurableEnvironment environment) {
        String value = environment.getProperty(STREAM_DELAY, "30ms");
        try {
            Duration delay = DurationStyle.detectAndParse(value);
            if (!delay.isNegative()) {
                return delay;
            }
        }
        catch (IllegalArgumentException ex) {
            // reported below with the property's name
        }
        throw new IllegalStateException(STREAM_DELAY + " must be a duration of zero or more such as 30ms or 0ms, was '"
                + value + "'");
    }
}
