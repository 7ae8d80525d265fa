package io.github.minimax4j.sample.offline;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.minimax4j.test.simulator.MiniMaxSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Offline mode decided at start-up, in real (small, non-web) Spring applications: the post-processor is
 * registered in META-INF/spring.factories, so it runs for every SpringApplication on this classpath.
 */
@ExtendWith(OutputCaptureExtension.class)
class OfflineSimulatorEnvironmentPostProcessorTests {

    private static final Pattern SIMULATOR_URL = Pattern.compile("OFFLINE MiniMax simulator at (http://127\\.0\\.0\\.1:\\d+)");

    private static ConfigurableApplicationContext run(Class<?> configuration, String... args) {
        SpringApplication application = new SpringApplication(configuration);
        application.setWebApplicationType(WebApplicationType.NONE);
        return application.run(args);
    }

    @Test
    void withoutAKeyStartsTheSimulatorPointsMiniMaxAtItAndSaysSo(CapturedOutput output) {
        MiniMaxSimulator simulator;
        try (ConfigurableApplicationContext context = run(Empty.class, "--sample.simulator.stream-delay=5ms")) {
            simulator = context.getBean(MiniMaxSimulator.class);
            assertThat(simulator.isRunning()).isTrue();
            assertThat(simulator.streamDelay()).isEqualTo(Duration.ofMillis(5));
            assertThat(context.getEnvironment().getProperty("minimax.base-url")).isEqualTo(simulator.baseUrl());
            assertThat(context.getEnvironment().getProperty("minimax.api-key")).isEqualTo("offline-simulator");
            assertThat(output).contains("WARN", "No MINIMAX_API_KEY set: running on the built-in OFFLINE MiniMax "
                    + "simulator at " + simulator.baseUrl(), "To use the real MiniMax API: export MINIMAX_API_KEY=");
        }
        assertThat(simulator.isRunning()).as("stopped with the context").isFalse();
    }

    @Test
    void withMinimaxApiKeySetNothingChanges(CapturedOutput output) {
        try (ConfigurableApplicationContext context = run(Empty.class, "--minimax.api-key=sk-configured")) {
            assertThat(context.getBeanNamesForType(MiniMaxSimulator.class)).isEmpty();
            assertThat(context.getEnvironment().getProperty("minimax.base-url")).isNull();
            assertThat(output).doesNotContain("OFFLINE");
        }
    }

    @Test
    void withTheEnvironmentVariableSetNothingChanges(CapturedOutput output) {
        // MINIMAX_API_KEY as the environment shows it; a real variable cannot be set from a test.
        try (ConfigurableApplicationContext context = run(Empty.class, "--MINIMAX_API_KEY=sk-from-env")) {
            assertThat(context.getBeanNamesForType(MiniMaxSimulator.class)).isEmpty();
            assertThat(output).doesNotContain("OFFLINE");
        }
    }

    @Test
    void aBadStreamDelayNamesThePropertyAndAnExample() {
        assertThatIllegalStateException().isThrownBy(() -> run(Empty.class, "--sample.simulator.stream-delay=fast"))
            .withMessage("sample.simulator.stream-delay must be a duration of zero or more such as 30ms or 0ms, "
                    + "was 'fast'");
        assertThatIllegalStateException().isThrownBy(() -> run(Empty.class, "--sample.simulator.stream-delay=-5ms"))
            .withMessageContaining("was '-5ms'");
    }

    @Test
    void aStartUpThatFailsStopsTheSimulator(CapturedOutput output) {
        assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> run(Failing.class))
            .havingRootCause().withMessage("this app cannot start");

        Matcher url = SIMULATOR_URL.matcher(output.toString());
        assertThat(url.find()).isTrue();
        URI simulator = URI.create(url.group(1));
        assertThatExceptionOfType(ConnectException.class).as("simulator port still open")
            .isThrownBy(() -> connect(simulator));
    }

    private static void connect(URI uri) throws IOException {
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.getInputStream();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Empty {

    }

    @Configuration(proxyBeanMethods = false)
    static class Failing {

        @Bean
        String failing() {
            throw new IllegalStateException("this app cannot start");
        }
    }
}
