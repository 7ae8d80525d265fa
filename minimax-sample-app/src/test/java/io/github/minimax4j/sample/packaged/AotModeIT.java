package io.github.minimax4j.sample.packaged;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged app started in Spring AOT mode on the JVM ({@code -Dspring.aot.enabled=true}: the bean
 * definitions and hints {@code process-aot} generated at build time, as a native image would use them), offline:
 * a create, a stream and a count_tokens call answered by the simulator through it.
 */
class AotModeIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void thePackagedAppStartsAotProcessedAndAnswersCreateStreamAndCountTokens() throws Exception {
        try (PackagedApp app = PackagedApp.start("aot-mode", List.of("-Dspring.aot.enabled=true"), List.of())) {
            HttpResponse<String> create = app.post("/api/chat", "{\"prompt\":\"Hello from AOT mode\"}");
            assertThat(create.statusCode()).as("create: %s", create.body()).isEqualTo(200);
            assertThat(JSON.readTree(create.body()).path("text").asString()).as("create: %s", create.body()).isNotEmpty();

            HttpResponse<String> stream = app.post("/api/chat/stream", "{\"prompt\":\"Stream in AOT mode\"}");
            assertThat(stream.statusCode()).as("stream: %s", stream.body()).isEqualTo(200);
            assertThat(stream.body().replace(" ", "")).as("stream").contains("event:text", "event:done");

            HttpResponse<String> tokens = app.post("/api/tokens", "{\"prompt\":\"count these tokens\"}");
            assertThat(tokens.statusCode()).as("count_tokens: %s", tokens.body()).isEqualTo(200);
            assertThat(JSON.readTree(tokens.body()).path("inputTokens").asInt()).as("count_tokens: %s", tokens.body())
                .isPositive();

            assertThat(app.output()).as("-Dspring.aot.enabled=true honoured; %s", app.outputTail())
                .contains("AOT-processed");
        }
    }
}
