package io.github.minimax4j.sample.web;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the page's header reads ({@code GET /api/about}), the example prices the app ships so its cost meters
 * work offline, and {@code /api/chat}'s blocks without {@code null} fields. Offline simulator, no API key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "sample.simulator.stream-delay=0ms")
class PageHeaderAndExamplePricesTests {

    @LocalServerPort
    private int port;

    private RestClient http() {
        return RestClient.create("http://127.0.0.1:" + this.port);
    }

    @Test
    void aboutSaysTheOfflineSimulatorAnswersWithWhichModelAndThatPricesAreExamples() {
        JsonNode about = JsonMapper.shared().readTree(http().get().uri("/api/about").retrieve().body(String.class));

        assertThat(about.path("offlineSimulator").asBoolean()).isTrue();
        assertThat(about.path("model").asString()).isEqualTo("MiniMax-M3");
        assertThat(about.path("pricingLabel").asString()).startsWith("example prices, not MiniMax's");
    }

    @Test
    void aChatIsCostedAtTheExamplePricesOffline() {
        http().post().uri("/api/chat").contentType(MediaType.APPLICATION_JSON).body("{\"prompt\":\"Hi\"}").retrieve()
            .toBodilessEntity();

        String metrics = http().get().uri("/actuator/prometheus").retrieve().body(String.class);
        assertThat(metrics).containsPattern("minimax_client_cost_total\\{[^}]*currency=\"USD\"[^}]*\\} [0-9.eE-]*[1-9]");
    }

    @Test
    void chatBlocksCarryOnlyTheFieldsOfTheirType() {
        JsonNode reply = JsonMapper.shared().readTree(http().post().uri("/api/chat")
            .contentType(MediaType.APPLICATION_JSON).body("{\"prompt\":\"Think first\",\"thinking\":true}").retrieve()
            .body(String.class));

        JsonNode content = reply.path("content");
        assertThat(content.size()).isEqualTo(2);
        assertThat(content.get(0).path("type").asString()).isEqualTo("thinking");
        assertThat(content.get(0).has("text")).as("thinking block: %s", content.get(0)).isFalse();
        assertThat(content.get(0).path("signature").asString()).isNotEmpty();
        assertThat(content.get(1).path("type").asString()).isEqualTo("text");
        assertThat(content.get(1).has("thinking")).as("text block: %s", content.get(1)).isFalse();
        assertThat(content.get(1).has("signature")).as("text block: %s", content.get(1)).isFalse();
    }
}
