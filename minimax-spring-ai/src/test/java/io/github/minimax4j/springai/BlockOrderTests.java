package io.github.minimax4j.springai;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.advisor.MessageChatMemoryAdvisor;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.memory.InMemoryChatMemoryRepository;
import org.springframework.ai.chat.memory.MessageWindowChatMemory;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;
import tools.jackson.databind.JsonNode;

import static io.github.minimax4j.springai.FakeMiniMax.answer;
import static io.github.minimax4j.springai.FakeMiniMax.json;
import static io.github.minimax4j.springai.FakeMiniMax.sse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reply's content list goes back to MiniMax exactly as it came (MiniMax's guide: append the full
 * {@code response.content} unchanged), on every turn Spring AI sends back: thinking blocks interleaved with
 * tool calls and text keep their order and signatures byte for byte.
 */
class BlockOrderTests {

    /** [thinking A, tool_use 1, thinking B, text, tool_use 2], as M3 interleaves them on agentic tasks. */
    static final String INTERLEAVED = "[{\"type\":\"thinking\",\"thinking\":\"First Paris — ünï 🌦\\n\",\"signature\":\"sig-A+/==\"},"
            + "{\"type\":\"tool_use\",\"id\":\"call_1\",\"name\":\"weather\",\"input\":{\"city\":\"Paris\"}},"
            + "{\"type\":\"thinking\",\"thinking\":\"Then Lyon.\",\"signature\":\"sig-B\"},"
            + "{\"type\":\"text\",\"text\":\"Checking both.\"},"
            + "{\"type\":\"tool_use\",\"id\":\"call_2\",\"name\":\"weather\",\"input\":{\"city\":\"Lyon\"}}]";

    @RegisterExtension
    final FakeMiniMax miniMax = new FakeMiniMax();

    private final ChatClient chatClient = this.miniMax.chatClient();

    static class WeatherTools {

        final List<String> cities = new CopyOnWriteArrayList<>();

        @Tool(description = "Current weather in a city")
        String weather(@ToolParam(description = "City name") String city) {
            this.cities.add(city);
            return "Sunny in " + city;
        }
    }

    @Test
    void theToolLoopSendsInterleavedThinkingAndToolCallsBackInTheirOrder() {
        this.miniMax.replies(json(200, """
                {"id":"msg_1","type":"message","role":"assistant","model":"MiniMax-M3","content":%s,
                 "usage":{"input_tokens":100,"output_tokens":30},"stop_reason":"tool_use",
                 "base_resp":{"status_code":0,"status_msg":"success"}}
                """.formatted(INTERLEAVED)), answer("MiniMax-M3", "Both done.", "Sunny in both."));
        WeatherTools tools = new WeatherTools();

        String content = this.chatClient.prompt().user("Weather in Paris and Lyon?").tools(tools).call().content();

        assertThat(content).isEqualTo("Sunny in both.");
        assertThat(tools.cities).containsExactly("Paris", "Lyon");
        JsonNode turn2 = this.miniMax.sent().get(1).get("messages");
        assertThat(turn2.get(1).toString()).isEqualTo("{\"role\":\"assistant\",\"content\":" + INTERLEAVED + "}");
        assertThat(turn2.get(2).at("/content/0/tool_use_id").asString()).isEqualTo("call_1");
        assertThat(turn2.get(2).at("/content/1/tool_use_id").asString()).isEqualTo("call_2");
    }

    @Test
    void theStreamedToolLoopSendsInterleavedBlocksBackInTheirOrder() {
        this.miniMax.replies(sse(
                "{\"type\":\"message_start\",\"message\":{\"id\":\"m1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"MiniMax-M3\",\"content\":[],\"usage\":{\"input_tokens\":50,\"output_tokens\":1}}}",
                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"thinking\",\"thinking\":\"\"}}",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"First Paris — ünï 🌦\\n\"}}",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"signature_delta\",\"signature\":\"sig-A+/==\"}}",
                "{\"type\":\"content_block_stop\",\"index\":0}",
                "{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"tool_use\",\"id\":\"call_1\",\"name\":\"weather\",\"input\":{}}}",
                "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}",
                "{\"type\":\"content_block_stop\",\"index\":1}",
                "{\"type\":\"content_block_start\",\"index\":2,\"content_block\":{\"type\":\"thinking\",\"thinking\":\"\"}}",
                "{\"type\":\"content_block_delta\",\"index\":2,\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"Then Lyon.\"}}",
                "{\"type\":\"content_block_delta\",\"index\":2,\"delta\":{\"type\":\"signature_delta\",\"signature\":\"sig-B\"}}",
                "{\"type\":\"content_block_stop\",\"index\":2}",
                "{\"type\":\"content_block_start\",\"index\":3,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}",
                "{\"type\":\"content_block_delta\",\"index\":3,\"delta\":{\"type\":\"text_delta\",\"text\":\"Checking both.\"}}",
                "{\"type\":\"content_block_stop\",\"index\":3}",
                "{\"type\":\"content_block_start\",\"index\":4,\"content_block\":{\"type\":\"tool_use\",\"id\":\"call_2\",\"name\":\"weather\",\"input\":{}}}",
                "{\"type\":\"content_block_delta\",\"index\":4,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"city\\\":\\\"Lyon\\\"}\"}}",
                "{\"type\":\"content_block_stop\",\"index\":4}",
                "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\"},\"usage\":{\"input_tokens\":50,\"output_tokens\":30}}",
                "{\"type\":\"message_stop\"}"),
                FakeMiniMax.streamedText("MiniMax-M3", "Sunny in both.", 80, 3));
        WeatherTools tools = new WeatherTools();

        List<String> content = this.chatClient.prompt().user("Weather?").tools(tools).stream().content().collectList()
            .block();

        assertThat(String.join("", content)).isEqualTo("Checking both.Sunny in both.");
        assertThat(tools.cities).containsExactly("Paris", "Lyon");
        assertThat(this.miniMax.sent().get(1).at("/messages/1").toString())
            .isEqualTo("{\"role\":\"assistant\",\"content\":" + INTERLEAVED + "}");
    }

    @Test
    void chatMemoryReplaysEachReplyWithItsBlocksInTheirOrder() {
        ChatMemory memory = MessageWindowChatMemory.builder()
            .chatMemoryRepository(new InMemoryChatMemoryRepository())
            .build();
        ChatClient withMemory = this.chatClient.mutate()
            .defaultAdvisors(MessageChatMemoryAdvisor.builder(memory).build())
            .build();
        String reply = "[{\"type\":\"thinking\",\"thinking\":\"Greet.\",\"signature\":\"s1\"},"
                + "{\"type\":\"text\",\"text\":\"Hello \"},"
                + "{\"type\":\"thinking\",\"thinking\":\"Add the name.\",\"signature\":\"s2\"},"
                + "{\"type\":\"text\",\"text\":\"Ada.\"}]";
        this.miniMax.replies(json(200, """
                {"id":"msg_1","type":"message","role":"assistant","model":"MiniMax-M3","content":%s,
                 "usage":{"input_tokens":10,"output_tokens":8},"stop_reason":"end_turn",
                 "base_resp":{"status_code":0,"status_msg":"success"}}
                """.formatted(reply)), answer("MiniMax-M3", "t", "Ada."));

        for (String question : List.of("I am Ada.", "My name?")) {
            withMemory.prompt().user(question).advisors((a) -> a.param(ChatMemory.CONVERSATION_ID, "c")).call()
                .content();
        }

        assertThat(memory.get("c").get(1).getText()).as("the text the user saw").isEqualTo("Hello Ada.");
        assertThat(this.miniMax.sent().get(1).at("/messages/1").toString())
            .isEqualTo("{\"role\":\"assistant\",\"content\":" + reply + "}");
    }

    @Test
    void blocksStoredAsJsonByAMemoryRepositoryGoBackInTheirOrder() {
        this.miniMax.replies(answer("MiniMax-M3", "t", "ok"));
        String reply = "[{\"type\":\"thinking\",\"thinking\":\"A\",\"signature\":\"sA\"},"
                + "{\"type\":\"text\",\"text\":\"x\"},{\"type\":\"thinking\",\"thinking\":\"B\",\"signature\":\"sB\"},"
                + "{\"type\":\"text\",\"text\":\"y\"}]";
        // what a repository that stores metadata as JSON gives back: maps, not ContentBlocks
        List<?> maps = tools.jackson.databind.json.JsonMapper.builder().build().readValue(reply, List.class);
        org.springframework.ai.chat.messages.AssistantMessage earlier = org.springframework.ai.chat.messages.AssistantMessage
            .builder()
            .content("xy")
            .properties(java.util.Map.of(MiniMaxChatModel.CONTENT_BLOCKS, maps))
            .build();

        this.chatClient.prompt()
            .messages(new org.springframework.ai.chat.messages.UserMessage("Earlier"), earlier)
            .user("Next")
            .call()
            .content();

        assertThat(this.miniMax.sent().get(0).at("/messages/1").toString())
            .isEqualTo("{\"role\":\"assistant\",\"content\":" + reply + "}");
    }

    @Test
    void aMessageWhoseTextWasChangedIsRebuiltFromWhatItNowSays() {
        this.miniMax.replies(answer("MiniMax-M3", "t", "ok"));
        org.springframework.ai.chat.messages.AssistantMessage edited = org.springframework.ai.chat.messages.AssistantMessage
            .builder()
            .content("Edited by the application.")
            .properties(java.util.Map.of(MiniMaxChatModel.CONTENT_BLOCKS,
                    List.of(io.github.minimax4j.anthropic.ContentBlock.text("Original."))))
            .build();

        this.chatClient.prompt()
            .messages(new org.springframework.ai.chat.messages.UserMessage("Earlier"), edited)
            .user("Next")
            .call()
            .content();

        assertThat(this.miniMax.sent().get(0).at("/messages/1").toString()).isEqualTo(
                "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"Edited by the application.\"}]}");
    }
}
