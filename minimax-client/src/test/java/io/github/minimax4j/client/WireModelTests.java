package io.github.minimax4j.client;

import java.time.Duration;
import java.util.Map;

import io.github.minimax4j.anthropic.MediaSource;
import io.github.minimax4j.anthropic.Usage;
import io.github.minimax4j.model.Model;
import io.github.minimax4j.model.ModelLimits;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/** Value types: the model catalog, usage merging, Retry-After parsing, backoff. */
class WireModelTests {

    @Test
    void catalogHasEveryModelOfTheReferenceWithItsLimits() {
        assertThat(Model.known()).extracting(Model::value).containsExactly("MiniMax-M3", "MiniMax-M2.7",
                "MiniMax-M2.7-highspeed", "MiniMax-M2.5", "MiniMax-M2.5-highspeed", "MiniMax-M2.1",
                "MiniMax-M2.1-highspeed", "MiniMax-M2");
        assertThat(Model.MINIMAX_M3.limits()).contains(new ModelLimits(Model.MINIMAX_M3, 1_000_000, 524_288, true));
        assertThat(Model.of("MiniMax-M2.7").limits().get().contextWindow()).isEqualTo(204_800);
        assertThat(Model.of("MiniMax-M2").multimodal()).isFalse();
        assertThat(Model.of("MiniMax-M3")).isSameAs(Model.MINIMAX_M3);
    }

    @Test
    void anUnknownModelIsAcceptedWithoutLimits() {
        Model future = Model.of("MiniMax-M4");
        assertThat(future.value()).isEqualTo("MiniMax-M4");
        assertThat(future.limits()).isEmpty();
        assertThat(future.multimodal()).isTrue();
    }

    @Test
    void usageMergeTakesTheLatestValueOfEachFieldAndNeverAdds() {
        Usage start = Usage.builder().inputTokens(100).outputTokens(1).cacheReadInputTokens(40).build();
        Usage delta = Usage.builder()
            .outputTokens(250)
            .cacheCreationInputTokens(5)
            .extra(Map.of("service_tier", "x"))
            .build();

        Usage merged = start.merge(delta);

        assertThat(merged.inputTokens()).isEqualTo(100);
        assertThat(merged.outputTokens()).isEqualTo(250);
        assertThat(merged.cacheCreationInputTokens()).isEqualTo(5);
        assertThat(merged.cacheReadInputTokens()).isEqualTo(40);
        assertThat(merged.totalInputTokens()).isEqualTo(145);
        assertThat(merged.extra()).containsEntry("service_tier", "x");
    }

    @Test
    void retryAfterReadsMillisecondsSecondsAndDates() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("retry-after-ms", "250");
        headers.set("Retry-After", "9");
        assertThat(RetryAfter.parse(headers)).isEqualTo(Duration.ofMillis(250));

        headers.remove("retry-after-ms");
        assertThat(RetryAfter.parse(headers)).isEqualTo(Duration.ofSeconds(9));

        headers.set("Retry-After", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
            .format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(30)));
        assertThat(RetryAfter.parse(headers)).isBetween(Duration.ofSeconds(25), Duration.ofSeconds(31));

        headers.set("Retry-After", "soon");
        assertThat(RetryAfter.parse(headers)).isNull();
    }

    @Test
    void backoffDoublesWithJitterAndIsCapped() {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(1000));

        assertThat(policy.backoff(1)).isBetween(Duration.ofMillis(75), Duration.ofMillis(100));
        assertThat(policy.backoff(2)).isBetween(Duration.ofMillis(150), Duration.ofMillis(200));
        assertThat(policy.backoff(3)).isBetween(Duration.ofMillis(300), Duration.ofMillis(400));
        assertThat(policy.backoff(10)).isBetween(Duration.ofMillis(750), Duration.ofMillis(1000));
        assertThat(policy.bounded(Duration.ofMinutes(5))).isEqualTo(Duration.ofMillis(1000));
    }

    @Test
    void sealedTypesAreReadByTheirTypeFieldWhereverItStands() {
        java.util.List<io.github.minimax4j.anthropic.ContentBlock> blocks = Json.MAPPER.readValue("""
                [{"signature":"s","thinking":"t","type":"thinking"},
                 {"span":[1,2],"type":"citation","source":{"doc":1}},
                 {"no_type":true}]""", new tools.jackson.core.type.TypeReference<>() {
        });

        assertThat(blocks.get(0)).isEqualTo(new io.github.minimax4j.anthropic.ThinkingBlock("t", "s"));
        assertThat(((io.github.minimax4j.anthropic.UnknownBlock) blocks.get(1)).raw())
            .isEqualTo(Map.of("type", "citation", "span", java.util.List.of(1, 2), "source", Map.of("doc", 1)));
        assertThat(((io.github.minimax4j.anthropic.UnknownBlock) blocks.get(2)).raw()).isEqualTo(Map.of("no_type", true));
    }

    @Test
    void base64MediaIsKeptOutOfToString() {
        MediaSource source = MediaSource.base64("image/png", "A".repeat(10_000));
        assertThat(source.toString()).doesNotContain("AAAA").contains("10000 chars");
        assertThat(source.decodedSize()).isEqualTo(7500);
    }

    @Test
    void theApiKeyIsMaskedEverywhereItCouldBePrinted() {
        ApiKey key = ApiKey.of("sk-secret-123");
        assertThat(key).hasToString("****");
        assertThat(key.redact("bad key sk-secret-123!")).isEqualTo("bad key ****!");
        assertThat(MiniMaxClient.builder().apiKey("sk-secret-123").baseUrl("http://127.0.0.1:1").build().toString())
            .doesNotContain("sk-secret-123");
    }
}
