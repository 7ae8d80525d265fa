package io.github.minimax4j.springai;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.tool.annotation.Tool;
import tools.jackson.databind.JsonNode;

import static io.github.minimax4j.springai.FakeMiniMax.answer;
import static io.github.minimax4j.springai.FakeMiniMax.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prompt caching through Spring AI: the {@code cache_control} breakpoints each {@link MiniMaxCacheStrategy}
 * sends, and the cache usage read back exactly as MiniMax reported it (0 as 0, absent as null).
 */
class PromptCachingTests {

    private static final String EPHEMERAL = "{\"type\":\"ephemeral\"}";

    @RegisterExtension
    final FakeMiniMax miniMax = new FakeMiniMax();

    private final ChatClient chatClient = this.miniMax.chatClient();

    static class Tools {

        @Tool(description = "The time")
        String now() {
            return "12:00";
        }

        @Tool(description = "The date")
        String today() {
            return "2026-12-06";
        }
    }

    private JsonNode send(MiniMaxCacheStrategy strategy) {
        this.miniMax.replies(answer("MiniMax-M3", "t", "ok"));
        this.chatClient.prompt()
            .options(MiniMaxChatOptions.builder().cacheStrategy(strategy))
            .system("You are a long, stable system prompt.")
            .messages(new UserMessage("Earlier question"), new AssistantMessage("Earlier answer"))
            .user("Current question")
            .tools(new Tools())
            .call()
            .content();
        return this.miniMax.sent().get(this.miniMax.sent().size() - 1);
    }

    @Test
    void systemAndToolsMarksTheSystemPromptAndTheLastTool() {
        JsonNode sent = send(MiniMaxCacheStrategy.SYSTEM_AND_TOOLS);

        assertThat(sent.get("system").toString()).isEqualTo("[{\"type\":\"text\",\"text\":\"You are a long, stable "
                + "system prompt.\",\"cache_control\":" + EPHEMERAL + "}]");
        assertThat(sent.get("tools")).hasSize(2);
        assertThat(sent.at("/tools/0").has("cache_control")).isFalse();
        assertThat(sent.at("/tools/1/cache_control").toString()).isEqualTo(EPHEMERAL);
        assertThat(breakpoints(sent)).isEqualTo(2);
    }

    @Test
    void systemOnlyAndToolsOnlyMarkOnlyTheirPart() {
        JsonNode system = send(MiniMaxCacheStrategy.SYSTEM_ONLY);
        assertThat(system.at("/system/0/cache_control").toString()).isEqualTo(EPHEMERAL);
        assertThat(breakpoints(system)).isEqualTo(1);

        JsonNode tools = send(MiniMaxCacheStrategy.TOOLS_ONLY);
        assertThat(tools.get("system").asString()).as("a plain string, as without caching")
            .isEqualTo("You are a long, stable system prompt.");
        assertThat(tools.at("/tools/1/cache_control").toString()).isEqualTo(EPHEMERAL);
        assertThat(breakpoints(tools)).isEqualTo(1);
    }

    @Test
    void conversationHistoryAlsoMarksTheLastUserTurnAndStaysWithinFourBreakpoints() {
        JsonNode sent = send(MiniMaxCacheStrategy.CONVERSATION_HISTORY);

        JsonNode messages = sent.get("messages");
        assertThat(messages.get(2).toString()).isEqualTo("{\"role\":\"user\",\"content\":[{\"type\":\"text\","
                + "\"text\":\"Current question\",\"cache_control\":" + EPHEMERAL + "}]}");
        assertThat(messages.get(0).toString()).doesNotContain("cache_control");
        assertThat(sent.at("/system/0/cache_control").toString()).isEqualTo(EPHEMERAL);
        assertThat(sent.at("/tools/1/cache_control").toString()).isEqualTo(EPHEMERAL);
        assertThat(breakpoints(sent)).isEqualTo(3).isLessThanOrEqualTo(4);
    }

    @Test
    void noneAndNoStrategySendNoBreakpoint() {
        assertThat(breakpoints(send(MiniMaxCacheStrategy.NONE))).isZero();
        assertThat(breakpoints(send(null))).isZero();
    }

    @Test
    void cacheUsageIsReadBackAsReportedZeroIncludedAbsentAsNull() {
        this.miniMax.replies(json(200, """
                {"id":"m","type":"message","role":"assistant","model":"MiniMax-M3",
                 "content":[{"type":"text","text":"ok"}],
                 "usage":{"input_tokens":20,"output_tokens":5,"cache_creation_input_tokens":0,"cache_read_input_tokens":157},
                 "stop_reason":"end_turn","base_resp":{"status_code":0,"status_msg":"success"}}
                """), json(200, """
                {"id":"m","type":"message","role":"assistant","model":"MiniMax-M3",
                 "content":[{"type":"text","text":"ok"}],
                 "usage":{"input_tokens":20,"output_tokens":5},
                 "stop_reason":"end_turn","base_resp":{"status_code":0,"status_msg":"success"}}
                """));

        Usage reported = this.chatClient.prompt().user("Hi").call().chatResponse().getMetadata().getUsage();
        Usage absent = this.chatClient.prompt().user("Hi").call().chatResponse().getMetadata().getUsage();

        assertThat(reported.getCacheWriteInputTokens()).as("reported 0").isEqualTo(0L);
        assertThat(reported.getCacheReadInputTokens()).isEqualTo(157L);
        assertThat(reported.getPromptTokens()).isEqualTo(20 + 157);
        assertThat(absent.getCacheWriteInputTokens()).as("not reported").isNull();
        assertThat(absent.getCacheReadInputTokens()).isNull();
    }

    @Test
    void thePropertySetsTheDefaultStrategy() {
        this.miniMax.replies(answer("MiniMax-M3", "t", "ok"));
        this.miniMax.application()
            .withPropertyValues("minimax.spring-ai.cache-strategy=system-only")
            .run((context) -> context.getBean(ChatClient.Builder.class).build().prompt().system("Stable.").user("Hi")
                .call().content());

        assertThat(this.miniMax.sent().get(0).get("system").toString())
            .isEqualTo("[{\"type\":\"text\",\"text\":\"Stable.\",\"cache_control\":" + EPHEMERAL + "}]");
    }

    private static int breakpoints(JsonNode sent) {
        return sent.toString().split("\"cache_control\"", -1).length - 1;
    }
}
