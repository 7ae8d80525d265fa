package io.github.minimax4j.client;

import java.util.List;
import java.util.Map;

import io.github.minimax4j.anthropic.Message;
import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.anthropic.SystemPrompt;
import io.github.minimax4j.anthropic.TextBlock;
import io.github.minimax4j.anthropic.Tool;
import io.github.minimax4j.anthropic.ToolResultBlock;
import io.github.minimax4j.model.Model;
import io.github.minimax4j.model.ThinkingMode;
import io.github.minimax4j.openai.ChatCompletionRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Requests read back from the JSON the client writes are the requests it wrote. */
class MiniMaxJsonTests {

    @Test
    void messageRequestReadsBackAsWritten() {
        MessageRequest request = MessageRequest.builder().model(Model.MINIMAX_M3).maxTokens(300)
            .system("Be brief").thinking(ThinkingMode.ADAPTIVE)
            .addTool(Tool.of("get_weather", "Weather for a city", Map.of("type", "object")))
            .addUserMessage("Weather in Paris?").build();
        MessageRequest read = MiniMaxJson.read(MiniMaxJson.write(request), MessageRequest.class);
        assertThat(read).isEqualTo(request);
    }

    @Test
    void systemPromptReadsFromStringOrBlocksAndUnknownFieldsAreKept() {
        MessageRequest fromString = MiniMaxJson.read("""
                {"model": "MiniMax-M2.7", "system": "Be brief", "top_k": 5,
                 "messages": [{"role": "user", "content": [{"type": "tool_result", "tool_use_id": "call_1",
                   "content": [{"type": "text", "text": "18 C"}]}]}]}""", MessageRequest.class);
        assertThat(fromString.system()).isEqualTo(SystemPrompt.of("Be brief"));
        assertThat(fromString.extra()).containsEntry("top_k", 5);
        assertThat(fromString.messages()).extracting(Message::content).singleElement()
            .satisfies((blocks) -> assertThat(blocks).singleElement().isInstanceOf(ToolResultBlock.class));
        MessageRequest fromBlocks = MiniMaxJson.read("""
                {"system": [{"type": "text", "text": "Be brief"}], "messages": []}""", MessageRequest.class);
        assertThat(fromBlocks.system()).isEqualTo(SystemPrompt.of(List.of(new TextBlock("Be brief"))));
    }

    @Test
    void chatCompletionRequestReadsBackAsWritten() {
        ChatCompletionRequest request = ChatCompletionRequest.builder().model(Model.MINIMAX_M2_7)
            .maxCompletionTokens(200).reasoningSplit(true).addUserMessage("Hello").build();
        ChatCompletionRequest read = MiniMaxJson.read(MiniMaxJson.write(request), ChatCompletionRequest.class);
        assertThat(read).isEqualTo(request);
    }

    @Test
    void malformedJsonIsAnIllegalArgumentNamingTheType() {
        assertThatIllegalArgumentException().isThrownBy(() -> MiniMaxJson.read("{\"model\": ", MessageRequest.class))
            .withMessageStartingWith("Not a valid MessageRequest: ");
    }

    @Test
    void aJsonObjectIsReadWithItsFieldsInOrderAndNullsKept() {
        Map<String, Object> object = MiniMaxJson.readObject("""
                {"zeta": 1, "alpha": {"nested": [true]}, "gone": null}""");

        assertThat(object).containsExactly(Map.entry("zeta", 1), Map.entry("alpha", Map.of("nested", List.of(true))),
                new java.util.AbstractMap.SimpleEntry<>("gone", null));
        assertThat(MiniMaxJson.write(object)).isEqualTo("{\"zeta\":1,\"alpha\":{\"nested\":[true]},\"gone\":null}");
    }

    @Test
    void somethingOtherThanAnObjectIsAnIllegalArgumentSayingWhatCame() {
        assertThatIllegalArgumentException().isThrownBy(() -> MiniMaxJson.readObject("[1, 2]"))
            .withMessage("Expected a JSON object ({...}), got: ArrayList");
        assertThatIllegalArgumentException().isThrownBy(() -> MiniMaxJson.readObject("{\"city\": "))
            .withMessageStartingWith("Not valid JSON: ");
    }
}
