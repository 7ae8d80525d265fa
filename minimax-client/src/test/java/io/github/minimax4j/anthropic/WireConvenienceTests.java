package io.github.minimax4j.anthropic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.minimax4j.client.MiniMaxJson;
import io.github.minimax4j.openai.ChatCompletionChunk;
import io.github.minimax4j.openai.ChatCompletionRequest;
import io.github.minimax4j.openai.ChatMessage;
import io.github.minimax4j.openai.ChatUsage;
import io.github.minimax4j.openai.ContentPart;
import io.github.minimax4j.openai.ImagePart;
import io.github.minimax4j.openai.TextPart;
import io.github.minimax4j.openai.UnknownPart;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The conveniences of the wire model, read from JSON as the client reads it. */
class WireConvenienceTests {

    @Test
    void streamEventsHaveTypedAccessorsForReadersWithoutPatternMatching() {
        MessageStreamEvent text = event("{\"type\":\"content_block_delta\",\"index\":1,"
                + "\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi\"}}");
        MessageStreamEvent thinking = event("{\"type\":\"content_block_delta\",\"index\":0,"
                + "\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"Hmm\"}}");
        MessageStreamEvent input = event("{\"type\":\"content_block_delta\",\"index\":2,"
                + "\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"city\\\"\"}}");
        MessageStreamEvent ping = event("{\"type\":\"ping\"}");

        assertThat(text.textDelta()).contains("Hi");
        assertThat(text.thinkingDelta()).isEmpty();
        assertThat(thinking.thinkingDelta()).contains("Hmm");
        assertThat(thinking.textDelta()).isEmpty();
        assertThat(input.inputJsonDelta()).contains("{\"city\"");
        assertThat(ping.textDelta()).isEmpty();
    }

    @Test
    void anErrorEventIsNoTypeOfItsOwnButKeptWhole() {
        MessageStreamEvent error = event("{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\"}}");
        assertThat(error).isInstanceOf(MessageStreamEvent.Unknown.class);
        assertThat(error.type()).isEqualTo("error");
        assertThat(MessageStreamEvent.class.getPermittedSubclasses()).extracting(Class::getSimpleName)
            .doesNotContain("Error");
    }

    @Test
    void aResponseGivesItsThinkingAndSignature() {
        MessageResponse response = MiniMaxJson.read("{\"id\":\"m\",\"type\":\"message\",\"role\":\"assistant\","
                + "\"model\":\"MiniMax-M3\",\"content\":[{\"type\":\"thinking\",\"thinking\":\"Let me see. \","
                + "\"signature\":\"sig-1\"},{\"type\":\"text\",\"text\":\"Yes.\"}],\"stop_reason\":\"end_turn\","
                + "\"usage\":{\"input_tokens\":3}}", MessageResponse.class);

        assertThat(response.thinking()).isEqualTo("Let me see. ");
        assertThat(response.signature()).contains("sig-1");
        assertThat(response.text()).isEqualTo("Yes.");
        assertThat(response.usage().outputTokens()).as("absent count").isZero();
        assertThat(response.usage().cacheReadInputTokens()).isZero();
        assertThat(MiniMaxJson.read("{\"content\":[{\"type\":\"text\",\"text\":\"x\"}]}", MessageResponse.class)
            .signature()).isEmpty();
    }

    @Test
    void factoriesBuildTheBlocksAnAssistantTurnSendsBack() {
        assertThat(MiniMaxJson.write(ThinkingBlock.of("t", "s")))
            .isEqualTo("{\"type\":\"thinking\",\"thinking\":\"t\",\"signature\":\"s\"}");
        assertThat(MiniMaxJson.write(ToolUseBlock.of("call_1", "get_weather", Map.of("city", "Paris"))))
            .isEqualTo("{\"type\":\"tool_use\",\"id\":\"call_1\",\"name\":\"get_weather\",\"input\":{\"city\":\"Paris\"}}");
    }

    @Test
    void chatChunksHaveTypedAccessorsAndUsageCountsAreInts() {
        ChatCompletionChunk chunk = MiniMaxJson.read("{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\","
                + "\"content\":\"Hel\",\"reasoning_content\":\"r\"}}]}", ChatCompletionChunk.class);
        ChatCompletionChunk usageOnly = MiniMaxJson.read("{\"choices\":[],\"usage\":{\"prompt_tokens\":10,"
                + "\"completion_tokens\":4,\"total_tokens\":14}}", ChatCompletionChunk.class);

        assertThat(chunk.textDelta()).contains("Hel");
        assertThat(chunk.reasoningDelta()).contains("r");
        assertThat(chunk.choices().get(0).delta().role()).isEqualTo(io.github.minimax4j.openai.Role.ASSISTANT);
        assertThat(usageOnly.textDelta()).isEmpty();
        ChatUsage usage = usageOnly.usage();
        assertThat(usage.promptTokens()).isEqualTo(10);
        assertThat(usage.cachedTokens()).isZero();
        assertThat(usage.reasoningTokens()).isZero();
    }

    @Test
    void chatRolesAreAnEnumWrittenLowercase() {
        assertThat(MiniMaxJson.write(ChatMessage.system("Be brief"))).startsWith("{\"role\":\"system\"");
        assertThat(MiniMaxJson.write(ChatMessage.tool("call_1", "ok"))).contains("\"role\":\"tool\"");
        assertThat(MiniMaxJson.read("{\"role\":\"user\",\"content\":\"hi\"}", ChatMessage.class).role())
            .isEqualTo(io.github.minimax4j.openai.Role.USER);
    }

    @Test
    void chatContentPartsAreSealedAndAnUnknownPartIsSentBackAsItCame() {
        String json = "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"What is it?\"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/a.png\"}},"
                + "{\"type\":\"input_audio\",\"input_audio\":{\"data\":\"AAAA\",\"format\":\"wav\"},\"note\":null}]}";

        ChatMessage message = MiniMaxJson.read(json, ChatMessage.class);

        List<ContentPart> parts = message.content().parts();
        assertThat(parts.get(0)).isEqualTo(new TextPart("What is it?"));
        assertThat(parts.get(1)).isInstanceOf(ImagePart.class);
        assertThat(((ImagePart) parts.get(1)).imageUrl().url()).isEqualTo("https://example.com/a.png");
        assertThat(parts.get(2)).isInstanceOf(UnknownPart.class);
        assertThat(parts.get(2).type()).isEqualTo("input_audio");
        assertThat(MiniMaxJson.write(message)).isEqualTo(json);
    }

    @Test
    void extraFieldsKeepTheirOrderAndJsonNulls() {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("zeta", 1);
        extra.put("alpha", null);
        extra.put("mid", "x");

        ChatCompletionRequest request = ChatCompletionRequest.builder().addUserMessage("hi").extra(extra).build();
        MessageRequest message = MessageRequest.builder().addUserMessage("hi").extra(extra).build();

        assertThat(request.extra().keySet()).containsExactly("zeta", "alpha", "mid");
        assertThat(MiniMaxJson.write(request)).endsWith("\"zeta\":1,\"alpha\":null,\"mid\":\"x\"}");
        assertThat(MiniMaxJson.write(message)).endsWith("\"zeta\":1,\"alpha\":null,\"mid\":\"x\"}");
        assertThat(MiniMaxJson.read(MiniMaxJson.write(message), MessageRequest.class).extra()).isEqualTo(extra);
    }

    private static MessageStreamEvent event(String json) {
        return MiniMaxJson.read(json, MessageStreamEvent.class);
    }
}
