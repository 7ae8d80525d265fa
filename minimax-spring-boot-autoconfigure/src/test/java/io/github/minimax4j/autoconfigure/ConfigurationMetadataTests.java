package io.github.minimax4j.autoconfigure;

import java.io.InputStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The IDE metadata generated into the jar describes every property and hints the values. */
class ConfigurationMetadataTests {

    private static JsonNode metadata() throws Exception {
        try (InputStream in = ConfigurationMetadataTests.class
            .getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            return JsonMapper.shared().readTree(in);
        }
    }

    private static JsonNode property(JsonNode metadata, String name) {
        for (JsonNode property : metadata.path("properties")) {
            if (property.path("name").asString().equals(name)) {
                return property;
            }
        }
        throw new AssertionError("No metadata for " + name);
    }

    @Test
    void everyMinimaxPropertyHasADescription() throws Exception {
        JsonNode metadata = metadata();
        assertThat(metadata.path("properties").size()).isGreaterThanOrEqualTo(15);
        for (JsonNode property : metadata.path("properties")) {
            assertThat(property.path("description").asString()).as(property.path("name").asString()).isNotBlank();
        }
        assertThat(property(metadata, "minimax.api-key").path("description").asString())
            .startsWith("API key used to authenticate with MiniMax.");
        assertThat(property(metadata, "minimax.base-url").path("defaultValue").asString())
            .isEqualTo("https://api.minimax.io");
        assertThat(property(metadata, "minimax.model").path("defaultValue").asString()).isEqualTo("MiniMax-M3");
        assertThat(property(metadata, "management.health.minimax.enabled").path("defaultValue").asBoolean()).isTrue();
    }

    @Test
    void modelAndThinkingHaveValueHints() throws Exception {
        JsonNode metadata = metadata();
        StringBuilder hinted = new StringBuilder();
        for (JsonNode hint : metadata.path("hints")) {
            hint.path("values").forEach((value) -> hinted.append(hint.path("name").asString()).append('=')
                .append(value.path("value").asString()).append(' '));
        }
        assertThat(hinted.toString()).contains("minimax.model=MiniMax-M3", "minimax.model=MiniMax-M2.7-highspeed",
                "minimax.model=MiniMax-M2 ", "minimax.thinking=adaptive", "minimax.thinking=disabled",
                "minimax.base-url=https://api.minimaxi.com");
    }
}
