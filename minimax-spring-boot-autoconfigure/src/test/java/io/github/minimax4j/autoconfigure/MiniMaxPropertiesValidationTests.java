package io.github.minimax4j.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** A bad {@code minimax.*} value fails startup with a message that names the property and the fix. */
class MiniMaxPropertiesValidationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(MiniMaxAutoConfiguration.class, RestClientAutoConfiguration.class));

    @Test
    void httpsIsTheDefault() {
        assertThat(new MiniMaxProperties().getBaseUrl().getScheme()).isEqualTo("https");
    }

    @Test
    void aMissingKeyFailsStartupNamingThePropertyAndTheEnvironmentVariable() {
        this.runner.run((context) -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("minimax.api-key").contains("no MiniMax API key");
            assertThat(analysis.getAction()).contains("minimax.api-key").contains("MINIMAX_API_KEY");
        });
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "minimax.api-key      | '   '                 | minimax.api-key",
            "minimax.temperature  | 3                     | minimax.temperature",
            "minimax.temperature  | -1                    | minimax.temperature",
            "minimax.top-p        | 1.5                   | minimax.top-p",
            "minimax.max-tokens   | 0                     | minimax.max-tokens",
            "minimax.max-tokens   | 600000                | minimax.max-tokens",
            "minimax.connect-timeout | -5s                | minimax.connect-timeout",
            "minimax.read-timeout | 0s                    | minimax.read-timeout",
            "minimax.base-url     | api.minimax.io        | minimax.base-url",
            "minimax.base-url     | ftp://api.minimax.io  | minimax.base-url",
            "minimax.base-url     | https://user:pw@api.minimax.io | minimax.base-url",
            "minimax.anthropic-base-url | /anthropic      | minimax.anthropic-base-url",
            "minimax.model        | ' '                   | minimax.model",
            "minimax.retry.max-retries | -1               | minimax.retry.max-retries",
            "minimax.retry.initial-backoff | -1s          | minimax.retry.initial-backoff" })
    void anInvalidValueFailsStartupNamingTheProperty(String property, String value, String named) {
        this.runner.withPropertyValues("minimax.api-key=key-1", property + "=" + value).run((context) -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains(named);
            assertThat(analysis.getAction()).contains(named);
            assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain("key-1");
        });
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({ "minimax.thinking, sometimes", "minimax.auth-scheme, basic", "minimax.read-timeout, forever",
            "minimax.base-url, 'http://bad host/'" })
    void aValueThatCannotBindFailsStartupNamingTheProperty(String property, String value) {
        this.runner.withPropertyValues("minimax.api-key=key-1", property + "=" + value).run((context) -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains(property);
        });
    }

    /** Runs the failure analyzers Boot would run at startup, ours included, and returns the first answer. */
    private static FailureAnalysis analyze(Throwable failure) {
        for (FailureAnalyzer analyzer : SpringFactoriesLoader.forDefaultResourceLocation()
            .load(FailureAnalyzer.class, SpringFactoriesLoader.ArgumentResolver
                .of(org.springframework.beans.factory.BeanFactory.class,
                        new org.springframework.beans.factory.support.DefaultListableBeanFactory())
                .and(org.springframework.core.env.Environment.class,
                        new org.springframework.core.env.StandardEnvironment()),
                    SpringFactoriesLoader.FailureHandler.handleMessage((message, ex) -> {
                        // an analyzer for a library this module does not have (Bean Validation): not needed here
                    }))) {
            FailureAnalysis analysis = analyzer.analyze(failure);
            if (analysis != null) {
                return analysis;
            }
        }
        throw new AssertionError("No failure analyzer explained " + failure);
    }
}
