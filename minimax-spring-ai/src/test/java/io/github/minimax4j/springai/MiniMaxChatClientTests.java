package io.github.minimax4j.springai;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.minimax4j.anthropic.ThinkingBlock;
import io.github.minimax4j.error.AuthenticationException;
import io.github.minimax4j.error.InvalidRequestException;
import io.github.minimax4j.error.InsufficientBalanceException;
import io.github.minimax4j.error.RateLimitException;
import io.github.minimax4j.model.ThinkingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.advisor.MessageChatMemoryAdvisor;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.memory.InMemoryChatMemoryRepository;
import org.springframework.ai.chat.memory.MessageWindowChatMemory;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.MimeTypeUtils;

import static io.github.minimax4j.springai.FakeMiniMax.SIGNATURE;
import static io.github.minimax4j.springai.FakeMiniMax.answer;
import static io.github.minimax4j.springai.FakeMiniMax.json;
import static io.github.minimax4j.springai.FakeMiniMax.sse;
import static io.github.minimax4j.springai.FakeMiniMax.toolUse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Spring AI's ChatClient on MiniMaxChatModel, over HTTP against a fake MiniMax: what is sent, what the user gets. */
class MiniMaxChatClientTests {

    @RegisterExtension
    final FakeMiniMax miniMax = new FakeMiniMax();

    private final ChatClient chatClient = this.miniMax.chatClient();

    @Test
    void contentIsTheAnswerNeverTheThinking() {
        this.miniMax.replies(answer("MiniMax-M2.7", "The user greets me.", "Hello! How can I help?"));

        String content = this.chatClient.prompt().system("Be brief.").user("Hello").call().content();

        assertThat(content).isEqualTo("Hello! How can I help?");
        JsonNode sent = this.miniMax.sent().get(0);
        assertThat(sent.get("system").asString()).isEqualTo("Be brief.");
        assertThat(sent.get("messages").toString())
            .isEqualTo("[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Hello\"}]}]");
        assertThat(sent.get("model").asString()).isEqualTo("MiniMax-M3");
        assertThat(sent.has("stream")).isFalse();
    }

    @Test
    void chatResponseCarriesUsageModelIdFinishReasonAndTheThinking() {
        this.miniMax.replies(answer("MiniMax-M2.7", "Thinking it over.", "Hi."));

        ChatResponse response = this.chatClient.prompt().user("Hello").call().chatResponse();

        Usage usage = response.getMetadata().getUsage();
        assertThat(usage.getPromptTokens()).as("input: uncached + cache read + cache creation").isEqualTo(39 + 11 + 3);
        assertThat(usage.getCompletionTokens()).isEqualTo(40);
        assertThat(usage.getTotalTokens()).isEqualTo(93);
        assertThat(usage.getCacheReadInputTokens()).isEqualTo(11L);
        assertThat(usage.getCacheWriteInputTokens()).isEqualTo(3L);
        assertThat(response.getMetadata().getModel()).isEqualTo("MiniMax-M2.7");
        assertThat(response.getMetadata().getId()).isEqualTo("msg_answer");
        assertThat(response.getResult().getMetadata().getFinishReason()).isEqualTo("end_turn");
        AssistantMessage output = response.getResult().getOutput();
        assertThat(output.getText()).isEqualTo("Hi.");
        assertThat(output.getMetadata().get(MiniMaxChatModel.REASONING_CONTENT)).isEqualTo("Thinking it over.");
        assertThat(output.getMetadata().get(MiniMaxChatModel.THINKING_BLOCKS))
            .isEqualTo(List.of(new ThinkingBlock("Thinking it over.", SIGNATURE)));
    }

    @Test
    void streamEmitsEachTextDeltaAndNoThinking() {
        this.miniMax.replies(sse(
                "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_s\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"MiniMax-M2.7\",\"content\":[],\"usage\":{\"input_tokens\":12,\"output_tokens\":1}}}",
                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"thinking\",\"thinking\":\"\"}}",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"Secret plan.\"}}",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"signature_delta\",\"signature\":\"sig-1\"}}",
                "{\"type\":\"content_block_stop\",\"index\":0}",
                "{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}",
                "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hel\"}}",
                "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"text_delta\",\"text\":\"lo \"}}",
                "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"text_delta\",\"text\":\"there\"}}",
                "{\"type\":\"content_block_stop\",\"index\":1}",
                "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"input_tokens\":12,\"output_tokens\":9}}",
                "{\"type\":\"message_stop\"}"));

        List<String> deltas = this.chatClient.prompt().user("Hi").stream().content().collectList().block();

        assertThat(deltas).containsExactly("Hel", "lo ", "there");
        assertThat(this.miniMax.sent().get(0).get("stream").asBoolean()).isTrue();
    }

    @Test
    void streamDeliversEachDeltaAsItArrivesNotAtTheEnd() {
        this.miniMax.replies(sse(
                "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_p\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"MiniMax-M3\",\"content\":[],\"usage\":{\"input_tokens\":5,\"output_tokens\":1}}}",
                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"first\"}}",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\" second\"}}",
                "{\"type\":\"content_block_stop\",\"index\":0}",
                "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"input_tokens\":5,\"output_tokens\":3}}",
                "{\"type\":\"message_stop\"}").paced(150));
        java.util.concurrent.CopyOnWriteArrayList<Long> arrivals = new java.util.concurrent.CopyOnWriteArrayList<>();
        long start = System.nanoTime();

        this.chatClient.prompt().user("Hi").stream().content()
            .doOnNext((delta) -> arrivals.add(System.nanoTime()))
            .blockLast();
        long end = System.nanoTime();

        assertThat(arrivals).hasSize(2);
        // 7 events 150 ms apart: the first delta (event 3) comes ~600 ms before the stream ends (after event 7)
        assertThat(java.time.Duration.ofNanos(end - arrivals.get(0))).as("first delta well before the end")
            .isGreaterThan(java.time.Duration.ofMillis(400));
        assertThat(java.time.Duration.ofNanos(arrivals.get(0) - start)).isGreaterThan(java.time.Duration.ofMillis(250));
    }

    @Test
    void streamedChatResponsesEndWithUsageAndFinishReason() {
        this.miniMax.replies(sse(
                "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_s\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"MiniMax-M3\",\"content\":[],\"usage\":{\"input_tokens\":12,\"output_tokens\":1}}}",
                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Done\"}}",
                "{\"type\":\"content_block_stop\",\"index\":0}",
                "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"input_tokens\":12,\"output_tokens\":9}}",
                "{\"type\":\"message_stop\"}"));

        List<ChatResponse> responses = this.chatClient.prompt().user("Hi").stream().chatResponse().collectList()
            .block();

        ChatResponse last = responses.get(responses.size() - 1);
        assertThat(last.getMetadata().getUsage().getPromptTokens()).isEqualTo(12);
        assertThat(last.getMetadata().getUsage().getCompletionTokens()).isEqualTo(9);
        assertThat(last.getMetadata().getId()).isEqualTo("msg_s");
        assertThat(last.getResult().getMetadata().getFinishReason()).isEqualTo("end_turn");
    }

    record City(String name, String country, int population) {
    }

    @Test
    void entityParsesTheAnswerNotTheThinking() {
        this.miniMax.replies(answer("MiniMax-M2.7", "Paris is the capital; {\"not\": \"this\"}",
                "{\"name\":\"Paris\",\"country\":\"France\",\"population\":2102650}"));

        City city = this.chatClient.prompt().user("The capital of France?").call().entity(City.class);

        assertThat(city).isEqualTo(new City("Paris", "France", 2102650));
        String userText = this.miniMax.sent().get(0).at("/messages/0/content/0/text").asString();
        assertThat(userText).startsWith("The capital of France?").contains("\"population\"");
    }

    static class WeatherTools {

        final AtomicInteger calls = new AtomicInteger();

        @Tool(description = "Current weather in a city")
        String weather(@ToolParam(description = "City name") String city) {
            this.calls.incrementAndGet();
            return "Sunny, 21°C in " + city;
        }
    }

    @Test
    void toolLoopSendsThinkingBlocksBackByteForByte() {
        String thinking1 = "I need the weather. Let me call the tool with \"Paris\" — ünïcødé 🌦\n";
        String thinking2 = "Now Lyon too.";
        this.miniMax.replies(toolUse(thinking1, "sig-A+/==", "call_1", "weather", "{\"city\":\"Paris\"}"),
                toolUse(thinking2, "sig-B", "call_2", "weather", "{\"city\":\"Lyon\"}"),
                answer("MiniMax-M2.7", "Both sunny.", "Sunny in Paris and Lyon."));
        WeatherTools tools = new WeatherTools();

        String content = this.chatClient.prompt().user("Weather in Paris and Lyon?").tools(tools).call().content();

        assertThat(content).isEqualTo("Sunny in Paris and Lyon.");
        assertThat(tools.calls).hasValue(2);
        List<JsonNode> sent = this.miniMax.sent();
        assertThat(sent).hasSize(3);
        assertThat(sent.get(0).at("/tools/0/name").asString()).isEqualTo("weather");
        assertThat(sent.get(0).at("/tools/0/input_schema/properties/city/type").asString()).isEqualTo("string");
        JsonNode turn2 = sent.get(1).get("messages");
        assertThat(turn2.get(1).toString()).isEqualTo("{\"role\":\"assistant\",\"content\":["
                + "{\"type\":\"thinking\",\"thinking\":" + FakeMiniMax.quote(thinking1) + ",\"signature\":\"sig-A+/==\"},"
                + "{\"type\":\"tool_use\",\"id\":\"call_1\",\"name\":\"weather\",\"input\":{\"city\":\"Paris\"}}]}");
        assertThat(turn2.get(2).toString()).isEqualTo("{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\","
                + "\"tool_use_id\":\"call_1\",\"content\":[{\"type\":\"text\",\"text\":\"\\\"Sunny, 21°C in Paris\\\"\"}]}]}");
        JsonNode turn3 = sent.get(2).get("messages");
        assertThat(turn3).hasSize(5);
        assertThat(turn3.get(1)).isEqualTo(turn2.get(1));
        assertThat(turn3.get(3).at("/content/0/thinking").asString()).isEqualTo(thinking2);
        assertThat(turn3.get(3).at("/content/0/signature").asString()).isEqualTo("sig-B");
    }

    @Test
    void streamedToolLoopSendsThinkingBlocksBack() {
        this.miniMax.replies(sse(
                "{\"type\":\"message_start\",\"message\":{\"id\":\"m1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"MiniMax-M2.7\",\"content\":[],\"usage\":{\"input_tokens\":50,\"output_tokens\":1}}}",
                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"thinking\",\"thinking\":\"\"}}",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"Call the \"}}",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"tool.\"}}",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"signature_delta\",\"signature\":\"sig-stream\"}}",
                "{\"type\":\"content_block_stop\",\"index\":0}",
                "{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"tool_use\",\"id\":\"call_9\",\"name\":\"weather\",\"input\":{}}}",
                "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"city\\\": \\\"Pa\"}}",
                "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"ris\\\"}\"}}",
                "{\"type\":\"content_block_stop\",\"index\":1}",
                "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\"},\"usage\":{\"input_tokens\":50,\"output_tokens\":15}}",
                "{\"type\":\"message_stop\"}"),
                FakeMiniMax.streamedText("MiniMax-M2.7", "Sunny.", 80, 3));
        WeatherTools tools = new WeatherTools();

        List<String> content = this.chatClient.prompt().user("Weather?").tools(tools).stream().content().collectList()
            .block();

        assertThat(String.join("", content)).isEqualTo("Sunny.");
        assertThat(tools.calls).hasValue(1);
        JsonNode assistant = this.miniMax.sent().get(1).at("/messages/1");
        assertThat(assistant.toString()).isEqualTo("{\"role\":\"assistant\",\"content\":["
                + "{\"type\":\"thinking\",\"thinking\":\"Call the tool.\",\"signature\":\"sig-stream\"},"
                + "{\"type\":\"tool_use\",\"id\":\"call_9\",\"name\":\"weather\",\"input\":{\"city\":\"Paris\"}}]}");
    }

    @Test
    void chatMemoryKeepsTheConversationWithoutThinkingAsText() {
        ChatMemory memory = MessageWindowChatMemory.builder()
            .chatMemoryRepository(new InMemoryChatMemoryRepository())
            .build();
        ChatClient withMemory = this.chatClient.mutate()
            .defaultAdvisors(MessageChatMemoryAdvisor.builder(memory).build())
            .build();
        this.miniMax.replies(answer("MiniMax-M2.7", "They said their name.", "Nice to meet you, Ada."),
                answer("MiniMax-M2.7", "Name was Ada.", "Your name is Ada."),
                answer("MiniMax-M2.7", "Counting turns.", "This is our third exchange."));

        for (String question : List.of("I am Ada.", "What is my name?", "How many times have we talked?")) {
            withMemory.prompt().user(question).advisors((a) -> a.param(ChatMemory.CONVERSATION_ID, "c-1")).call()
                .content();
        }

        List<JsonNode> sent = this.miniMax.sent();
        JsonNode third = sent.get(2).get("messages");
        assertThat(third).hasSize(5);
        assertThat(third.get(1).at("/content/0/type").asString()).isEqualTo("thinking");
        assertThat(third.get(1).at("/content/0/thinking").asString()).isEqualTo("They said their name.");
        assertThat(third.get(1).at("/content/1/text").asString()).isEqualTo("Nice to meet you, Ada.");
        assertThat(third.get(3).at("/content/1/text").asString()).isEqualTo("Your name is Ada.");
        assertThat(third.get(4).at("/content/0/text").asString()).isEqualTo("How many times have we talked?");
        List<Message> stored = memory.get("c-1");
        assertThat(stored).hasSize(6);
        assertThat(stored).extracting(Message::getText).containsExactly("I am Ada.", "Nice to meet you, Ada.",
                "What is my name?", "Your name is Ada.", "How many times have we talked?",
                "This is our third exchange.");
    }

    @Test
    void thinkingBlocksStoredAsJsonByAMemoryRepositoryAlsoGoBack() {
        this.miniMax.replies(answer("MiniMax-M2.7", "t", "ok"));
        // what a repository that stores metadata as JSON (JDBC, Redis, ...) gives back: maps, not ThinkingBlocks
        AssistantMessage earlier = AssistantMessage.builder()
            .content("Earlier answer.")
            .properties(java.util.Map.of(MiniMaxChatModel.THINKING_BLOCKS,
                    List.of(java.util.Map.of("type", "thinking", "thinking", "Earlier thought.", "signature", "sig-E"))))
            .build();

        this.chatClient.prompt()
            .messages(new org.springframework.ai.chat.messages.UserMessage("Earlier question"), earlier)
            .user("Next question")
            .call()
            .content();

        assertThat(this.miniMax.sent().get(0).at("/messages/1").toString()).isEqualTo("{\"role\":\"assistant\","
                + "\"content\":[{\"type\":\"thinking\",\"thinking\":\"Earlier thought.\",\"signature\":\"sig-E\"},"
                + "{\"type\":\"text\",\"text\":\"Earlier answer.\"}]}");
    }

    @Test
    void imagesGoToMiniMaxM3() {
        this.miniMax.replies(answer("MiniMax-M3", "A red pixel.", "A red square."));
        byte[] png = { (byte) 0x89, 'P', 'N', 'G' };

        String content = this.chatClient.prompt()
            .user((u) -> u.text("What is this?").media(MimeTypeUtils.IMAGE_PNG, new ByteArrayResource(png)))
            .call()
            .content();

        assertThat(content).isEqualTo("A red square.");
        JsonNode blocks = this.miniMax.sent().get(0).at("/messages/0/content");
        assertThat(blocks.get(0).toString()).isEqualTo("{\"type\":\"image\",\"source\":{\"type\":\"base64\","
                + "\"media_type\":\"image/png\",\"data\":\"iVBORw==\"}}");
        assertThat(blocks.get(1).get("text").asString()).isEqualTo("What is this?");
    }

    @Test
    void anImageByUrlIsSentAsAUrl() throws Exception {
        this.miniMax.replies(answer("MiniMax-M3", "t", "A cat."));

        this.chatClient.prompt()
            .user((u) -> u.text("What is this?")
                .media(new org.springframework.ai.content.Media(MimeTypeUtils.IMAGE_JPEG,
                        java.net.URI.create("https://example.com/cat.jpg"))))
            .call()
            .content();

        assertThat(this.miniMax.sent().get(0).at("/messages/0/content/0").toString())
            .isEqualTo("{\"type\":\"image\",\"source\":{\"type\":\"url\",\"url\":\"https://example.com/cat.jpg\"}}");
    }

    @Test
    void anImageForAnM2ModelIsRejectedBeforeSending() {
        assertThatThrownBy(() -> this.chatClient.prompt()
            .options(MiniMaxChatOptions.builder().model("MiniMax-M2.7"))
            .user((u) -> u.text("What is this?").media(MimeTypeUtils.IMAGE_PNG, new ByteArrayResource(new byte[] { 1 })))
            .call()
            .content()).isInstanceOf(InvalidRequestException.class).hasMessageContaining("MiniMax-M2.7 does not accept image");
        assertThat(this.miniMax.sent()).isEmpty();
    }

    @Test
    void optionsAreSentAsMiniMaxTakesThem() {
        this.miniMax.replies(answer("MiniMax-M3", "t", "ok"));

        this.chatClient.prompt()
            .options(MiniMaxChatOptions.builder()
                .model("MiniMax-M3")
                .maxTokens(512)
                .temperature(0.3)
                .topP(0.8)
                .thinking(ThinkingMode.ADAPTIVE)
                .toolChoice(MiniMaxChatOptions.ToolChoiceMode.NONE)
                .userId("user-42"))
            .user("Hi")
            .call()
            .content();

        JsonNode sent = this.miniMax.sent().get(0);
        assertThat(sent.get("max_tokens").asInt()).isEqualTo(512);
        assertThat(sent.get("temperature").asDouble()).isEqualTo(0.3);
        assertThat(sent.get("top_p").asDouble()).isEqualTo(0.8);
        assertThat(sent.get("thinking").toString()).isEqualTo("{\"type\":\"adaptive\"}");
        assertThat(sent.get("tool_choice").toString()).isEqualTo("{\"type\":\"none\"}");
        assertThat(sent.get("metadata").toString()).isEqualTo("{\"user_id\":\"user-42\"}");
    }

    @Test
    void badOptionsFailBeforeSendingWithTypedErrors() {
        assertThatThrownBy(() -> this.chatClient.prompt()
            .options(MiniMaxChatOptions.builder().temperature(2.5))
            .user("Hi")
            .call()
            .content()).isInstanceOf(InvalidRequestException.class).hasMessageContaining("temperature must be in [0, 2]");
        assertThatThrownBy(() -> this.chatClient.prompt()
            .options(MiniMaxChatOptions.builder().maxTokens(600_000))
            .user("Hi")
            .call()
            .content()).isInstanceOf(InvalidRequestException.class).hasMessageContaining("max_tokens must be in [1, 524288]");
        assertThatThrownBy(() -> this.chatClient.prompt()
            .options(MiniMaxChatOptions.builder().topK(5))
            .user("Hi")
            .call()
            .content()).isInstanceOf(InvalidRequestException.class).hasMessageContaining("topK is not supported by MiniMax");
        assertThatThrownBy(() -> this.chatClient.prompt()
            .options(MiniMaxChatOptions.builder().stopSequences(List.of("END")))
            .user("Hi")
            .stream()
            .content()
            .blockLast()).isInstanceOf(InvalidRequestException.class).hasMessageContaining("stopSequences");
        assertThat(this.miniMax.sent()).isEmpty();
    }

    @Test
    void rateLimitIsRetriedOnceByTheClientOnlyAndStaysTyped() {
        this.miniMax.always(json(429, "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow down\"}}"));

        assertThatThrownBy(() -> this.chatClient.prompt().user("Hi").call().content())
            .isInstanceOf(RateLimitException.class);

        assertThat(this.miniMax.sent()).as("1 call + the client's 2 retries, none from Spring AI").hasSize(3);
    }

    @Test
    void streamedRateLimitIsRetriedByTheClientOnly() {
        this.miniMax.always(json(429, "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow down\"}}"));

        assertThatThrownBy(() -> this.chatClient.prompt().user("Hi").stream().content().blockLast())
            .isInstanceOf(RateLimitException.class);

        assertThat(this.miniMax.sent()).hasSize(3);
    }

    @Test
    void authenticationFailureIsTypedAndNotRetried() {
        this.miniMax.always(json(401, "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid api key\"}}"));

        assertThatThrownBy(() -> this.chatClient.prompt().user("Hi").call().content())
            .isInstanceOf(AuthenticationException.class);

        assertThat(this.miniMax.sent()).hasSize(1);
    }

    @Test
    void baseRespErrorInsideHttp200IsATypedErrorNotNullContent() {
        this.miniMax.always(json(200, "{\"id\":\"x\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"MiniMax-M3\","
                + "\"content\":[],\"base_resp\":{\"status_code\":1008,\"status_msg\":\"insufficient balance\"}}"));

        assertThatThrownBy(() -> this.chatClient.prompt().user("Hi").call().content())
            .isInstanceOf(InsufficientBalanceException.class)
            .hasMessageContaining("insufficient balance");
    }
}
