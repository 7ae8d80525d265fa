package io.github.minimax4j.observation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.client.MessageStream;
import io.github.minimax4j.anthropic.MessageStreamEvent;
import io.github.minimax4j.client.MiniMaxClient;
import io.github.minimax4j.client.RetryPolicy;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.model.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

/**
 * What a real Prometheus scrape showed wrong, each fixed and checked on the scrape text: the model of time to
 * first chunk, count_tokens as token usage, a caller-closed stream as an error, a duplicate {@code error}
 * label, undocumented series, an empty HELP, 74 buckets where OpenTelemetry advises 14, and the missing
 * time per output chunk.
 */
class MeterSemanticsTests {

    private static ClientAndServer server;

    private PrometheusMeterRegistry prometheus;

    private MiniMaxClient client;

    @BeforeAll
    static void start() {
        server = ClientAndServer.startClientAndServer(0);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void setUp() {
        server.reset();
        server.when(request().withPath("/anthropic/v1/messages")).respond(response()
            .withHeader("Content-Type", "text/event-stream").withBody(fixture("stream-thinking-text.sse")));
        server.when(request().withPath("/anthropic/v1/messages/count_tokens"))
            .respond(response().withContentType(MediaType.APPLICATION_JSON).withBody("{\"input_tokens\":521}"));
        this.prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        this.prometheus.config().meterFilter(new GenAiHistogramMeterFilter());
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new MiniMaxMeterObservationHandler(this.prometheus));
        observations.observationConfig().observationHandler(new TokenUsageMeterObservationHandler(this.prometheus));
        this.client = MiniMaxClient.builder().apiKey("k").baseUrl("http://127.0.0.1:" + server.getPort())
            .retryPolicy(RetryPolicy.none()).observationRegistry(observations).build();
    }

    private static String fixture(String name) {
        try (InputStream in = MeterSemanticsTests.class.getResourceAsStream("/io/github/minimax4j/client/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private int readWholeStream() {
        int events = 0;
        try (MessageStream stream = this.client.messages().stream(MessageRequest.builder().addUserMessage("Hi").build())) {
            for (MessageStreamEvent event : stream) {
                events++;
            }
        }
        return events;
    }

    @Test
    void timeToFirstChunkCarriesTheModelThatAnswered() {
        readWholeStream();

        assertThat(this.prometheus.scrape()).containsPattern(
                "gen_ai_client_operation_time_to_first_chunk_seconds_count\\{[^}]*gen_ai_response_model=\"MiniMax-M3\"[^}]*} 1")
            .doesNotContain("gen_ai_response_model=\"unknown\"");
    }

    @Test
    void timePerOutputChunkHasOneSamplePerChunkAfterTheFirst() {
        int events = readWholeStream();

        assertThat(events).isGreaterThan(2);
        assertThat(this.prometheus.get(MiniMaxMeterObservationHandler.TIME_PER_OUTPUT_CHUNK)
            .tag("gen_ai.response.model", "MiniMax-M3").timer().count()).isEqualTo(events - 1);
        assertThat(this.prometheus.scrape()).contains("# HELP gen_ai_client_operation_time_per_output_chunk_seconds Time between");
    }

    @Test
    void aReplyThatIsNotStreamedHasNoChunkTimers() {
        server.reset();
        server.when(request().withPath("/anthropic/v1/messages")).respond(response()
            .withContentType(MediaType.APPLICATION_JSON).withBody(fixture("m3-image-response.json")));

        this.client.messages().create(MessageRequest.builder().addUserMessage("Hi").build());

        assertThat(this.prometheus.scrape()).doesNotContain("time_to_first_chunk").doesNotContain("time_per_output_chunk");
    }

    @Test
    void countTokensIsNotTokenUsage() {
        this.client.messages().countTokens(MessageRequest.builder().addUserMessage("Hi").build());

        String scrape = this.prometheus.scrape();
        assertThat(scrape).doesNotContain("gen_ai_client_token_usage");
        assertThat(scrape).containsPattern(
                "gen_ai_client_operation_duration_seconds_count\\{[^}]*gen_ai_operation_name=\"count_tokens\"[^}]*} 1");
    }

    @Test
    void aStreamItsCallerClosesIsNotAnError() {
        try (MessageStream stream = this.client.messages().stream(MessageRequest.builder().addUserMessage("Hi").build())) {
            stream.iterator().next(); // a browser tab closed after the first event
        }

        String scrape = this.prometheus.scrape();
        assertThat(scrape).contains("error_type=\"none\"").doesNotContain("CancellationException");
    }

    @Test
    void everySeriesIsOneTheReadmeExplainsWithHelpAndNoDuplicateErrorLabel() {
        readWholeStream();
        this.client.messages().countTokens(MessageRequest.builder().addUserMessage("Hi").build());

        String scrape = this.prometheus.scrape();
        assertThat(scrape).doesNotContain("_active_").doesNotContain("first_chunk_total")
            .doesNotContainPattern("[{,]error=\"");
        assertThat(metricNames(scrape)).containsExactlyInAnyOrder("gen_ai_client_operation_duration_seconds",
                "gen_ai_client_operation_duration_seconds_max", "gen_ai_client_operation_time_to_first_chunk_seconds",
                "gen_ai_client_operation_time_to_first_chunk_seconds_max",
                "gen_ai_client_operation_time_per_output_chunk_seconds",
                "gen_ai_client_operation_time_per_output_chunk_seconds_max", "gen_ai_client_token_usage_tokens",
                "gen_ai_client_token_usage_tokens_max", "gen_ai_client_token_cache_read_tokens_total",
                "gen_ai_client_token_cache_creation_tokens_total", "gen_ai_client_token_reasoning_tokens_total");
        Matcher help = Pattern.compile("# HELP (\\S+) ?(.*)").matcher(scrape);
        while (help.find()) {
            assertThat(help.group(2)).as("HELP of " + help.group(1)).isNotBlank();
        }
    }

    @Test
    void durationsHaveTheFourteenOpenTelemetryBuckets() {
        readWholeStream();

        String scrape = this.prometheus.scrape();
        for (String timer : List.of("duration", "time_to_first_chunk", "time_per_output_chunk")) {
            Matcher bucket = Pattern.compile("gen_ai_client_operation_" + timer + "_seconds_bucket\\{[^}]*le=\"([^\"]+)\"")
                .matcher(scrape);
            List<String> bounds = new java.util.ArrayList<>();
            while (bucket.find()) {
                bounds.add(bucket.group(1));
            }
            assertThat(bounds).as(timer).containsExactly("0.01", "0.02", "0.04", "0.08", "0.16", "0.32", "0.64", "1.28",
                    "2.56", "5.12", "10.24", "20.48", "40.96", "81.92", "+Inf");
        }
    }

    private static List<String> metricNames(String scrape) {
        return scrape.lines().filter((line) -> line.startsWith("# TYPE ")).map((line) -> line.split(" ")[2]).toList();
    }
}
