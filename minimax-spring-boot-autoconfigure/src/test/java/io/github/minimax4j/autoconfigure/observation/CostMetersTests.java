package io.github.minimax4j.autoconfigure.observation;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.autoconfigure.InvalidMiniMaxPropertyException;
import io.github.minimax4j.autoconfigure.MiniMaxAutoConfiguration;
import io.github.minimax4j.client.MiniMaxClient;
import io.github.minimax4j.observation.CostMeterObservationHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.model.MediaType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

/** Prices from minimax.pricing.* turn reported usage into money, and a wrong price stops startup by name. */
class CostMetersTests {

    private static ClientAndServer server;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(MiniMaxAutoConfiguration.class, RestClientAutoConfiguration.class,
                MiniMaxObservationAutoConfiguration.class))
        .withBean(SimpleMeterRegistry.class)
        .withBean(ObservationRegistry.class, ObservationRegistry::create)
        .withPropertyValues("minimax.api-key=key-1", "minimax.base-url=http://127.0.0.1:" + server.getPort());

    private static final String[] M3_PRICES = { "minimax.pricing.currency=usd",
            "minimax.pricing.models.MiniMax-M3.input=0.3", "minimax.pricing.models.MiniMax-M3.output=1.2",
            "minimax.pricing.models.MiniMax-M3.cache-read=0.06", "minimax.pricing.models.MiniMax-M3.cache-write=0.375" };

    @BeforeAll
    static void start() {
        server = ClientAndServer.startClientAndServer(0);
        server.when(request().withPath("/anthropic/v1/messages")).respond(response().withContentType(
                MediaType.APPLICATION_JSON).withBody("{\"id\":\"m\",\"type\":\"message\",\"role\":\"assistant\","
                        + "\"model\":\"MiniMax-M3\",\"content\":[{\"type\":\"text\",\"text\":\"ok\"}],"
                        + "\"usage\":{\"input_tokens\":1000,\"output_tokens\":200,\"cache_read_input_tokens\":3000,"
                        + "\"cache_creation_input_tokens\":500}}"));
        server.when(request().withPath("/anthropic/v1/messages/count_tokens")).respond(response()
            .withContentType(MediaType.APPLICATION_JSON).withBody("{\"input_tokens\":4500}"));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static MeterRegistry callTwiceAndCount(AssertableApplicationContext context) {
        context.getBean(ObservationRegistry.class).observationConfig()
            .observationHandler(context.getBean(CostMeterObservationHandler.class));
        MiniMaxClient client = context.getBean(MiniMaxClient.class);
        MessageRequest hi = MessageRequest.builder().addUserMessage("hi").build();
        client.messages().create(hi);
        client.messages().create(hi);
        client.messages().countTokens(hi);
        return context.getBean(MeterRegistry.class);
    }

    @Test
    void eachCallCostsItsUsageAtThePricesPerMillionTaggedByModelAndCurrency() {
        this.runner.withPropertyValues(M3_PRICES).run((context) -> {
            MeterRegistry meters = callTwiceAndCount(context);
            // (1000 x 0.3 + 200 x 1.2 + 3000 x 0.06 + 500 x 0.375) / 1e6 per call; count_tokens is free
            assertThat(meters.get(CostMeterObservationHandler.COST).tag("gen_ai.response.model", "MiniMax-M3")
                .tag("currency", "USD").counter().count()).isCloseTo(2 * 907.5e-6, within(1e-12));
            // 3000 cache-read tokens at 0.06 instead of 0.3
            assertThat(meters.get(CostMeterObservationHandler.CACHE_SAVINGS).tag("currency", "USD").counter().count())
                .isCloseTo(2 * 720e-6, within(1e-12));
        });
    }

    @Test
    void aModelWithoutAPriceAndAnAppWithoutPricesRecordNoMoney() {
        this.runner.withPropertyValues("minimax.pricing.currency=USD",
                "minimax.pricing.models[MiniMax-M2.7].input=0.3", "minimax.pricing.models[MiniMax-M2.7].output=1.2",
                "minimax.pricing.models[MiniMax-M2.7].cache-read=0.06",
                "minimax.pricing.models[MiniMax-M2.7].cache-write=0.375")
            .run((context) -> assertThat(callTwiceAndCount(context).find(CostMeterObservationHandler.COST).counters())
                .isEmpty());
        this.runner.run((context) -> assertThat(callTwiceAndCount(context).find(CostMeterObservationHandler.COST)
            .counters()).isEmpty());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({ "minimax.pricing.models.MiniMax-M3.input, -0.3", "minimax.pricing.models.MiniMax-M3.cache-write, NaN",
            "minimax.pricing.currency, dollars" })
    void anInvalidPriceFailsStartupNamingTheProperty(String property, String value) {
        this.runner.withPropertyValues(M3_PRICES).withPropertyValues(property + "=" + value).run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(InvalidMiniMaxPropertyException.class)
                .hasMessageStartingWith(property + ":");
        });
    }

    @Test
    void aMissingPriceOrCurrencyFailsStartupNamingIt() {
        this.runner.withPropertyValues("minimax.pricing.currency=USD", "minimax.pricing.models.MiniMax-M3.input=0.3",
                "minimax.pricing.models.MiniMax-M3.output=1.2", "minimax.pricing.models.MiniMax-M3.cache-read=0.06")
            .run((context) -> assertThat(context.getStartupFailure()).rootCause()
                .hasMessageStartingWith("minimax.pricing.models.MiniMax-M3.cache-write: is not set"));
        this.runner.withPropertyValues("minimax.pricing.models.MiniMax-M3.input=0.3")
            .run((context) -> assertThat(context.getStartupFailure()).rootCause()
                .hasMessageStartingWith("minimax.pricing.currency: is not set"));
    }

    @Test
    void aPriceThatIsNotANumberFailsStartupNamingTheProperty() {
        this.runner.withPropertyValues(M3_PRICES).withPropertyValues("minimax.pricing.models.MiniMax-M3.output=cheap")
            .run((context) -> assertThat(context.getStartupFailure())
                .hasStackTraceContaining("Failed to bind properties under 'minimax.pricing.models.minimax-m3.output'"));
    }
}
