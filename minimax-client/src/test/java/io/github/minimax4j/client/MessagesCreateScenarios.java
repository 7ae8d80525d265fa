package io.github.minimax4j.client;

import java.util.List;
import java.util.Map;

import io.github.minimax4j.anthropic.ContentBlock;
import io.github.minimax4j.anthropic.ImageBlock;
import io.github.minimax4j.anthropic.Message;
import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.anthropic.MessageResponse;
import io.github.minimax4j.anthropic.StopReason;
import io.github.minimax4j.anthropic.SystemPrompt;
import io.github.minimax4j.anthropic.TextBlock;
import io.github.minimax4j.anthropic.ThinkingBlock;
import io.github.minimax4j.anthropic.Tool;
import io.github.minimax4j.anthropic.ToolChoice;
import io.github.minimax4j.anthropic.ToolResultBlock;
import io.github.minimax4j.anthropic.ToolUseBlock;
import io.github.minimax4j.anthropic.UnknownBlock;
import io.github.minimax4j.anthropic.VideoBlock;
import io.github.minimax4j.model.Model;
import io.github.minimax4j.model.ThinkingMode;
import org.junit.jupiter.api.Test;
import org.mockserver.model.HttpRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code messages().create()} and {@code countTokens()} over HTTP: what is sent, what is read back. */
abstract class MessagesCreateScenarios extends MockServerScenarios {

    private static final JsonMapper JSON = JsonMapper.shared();

    @Test
    void sendsTheReferenceRequestExactlyAndReadsTheReferenceM3Reply() {
        server().when(post(MESSAGES)).respond(json(200, Fixtures.read("m3-image-response.json")));

        MessageResponse response = client().messages().create(MessageRequest.builder()
            .model(Model.MINIMAX_M3)
            .thinking(ThinkingMode.ADAPTIVE)
            .addUserMessage(new TextBlock("What does this image show?"),
                    ImageBlock.url("https://filecdn.minimax.chat/public/fe9d04da-f60e-444d-a2e0-18ae743add33.jpeg"))
            .maxTokens(500)
            .build());

        HttpRequest sent = recorded(MESSAGES)[0];
        assertThat(JSON.readTree(sent.getBodyAsString())).isEqualTo(JSON.readTree(Fixtures.read("m3-image-request.json")));
        assertThat(sent.getFirstHeader("Authorization")).isEqualTo("Bearer " + API_KEY);
        assertThat(sent.getFirstHeader("Content-Type")).startsWith("application/json");
        assertThat(response.id()).isEqualTo("066a3730f92943410551c4b4978ddad1");
        assertThat(response.model()).isEqualTo("MiniMax-M3");
        assertThat(response.content()).hasSize(2);
        ThinkingBlock thinking = (ThinkingBlock) response.content().get(0);
        assertThat(thinking.signature()).isEqualTo("db8ecae1e5a63cabebd69d2625983499bb498bfd329dde5c3cede76f12896336");
        assertThat(response.text()).startsWith("This image shows a young girl").contains("**Wavy, tousled");
        assertThat(response.stopReason()).isEqualTo(StopReason.END_TURN);
        assertThat(response.usage().inputTokens()).isEqualTo(1209);
        assertThat(response.usage().outputTokens()).isEqualTo(214);
        assertThat(response.usage().cacheCreationInputTokens()).isZero();
        assertThat(response.usage().cacheReadInputTokens()).isEqualTo(157);
    }

    @Test
    void readsTheReferenceM27ReplyWithBaseResp() {
        server().when(post(MESSAGES)).respond(json(200, Fixtures.read("m27-response.json")));

        MessageResponse response = client().messages().create(MessageRequest.builder()
            .model(Model.MINIMAX_M2_7).addUserMessage("Hello").build());

        assertThat(response.text()).isEqualTo("Hello! How can I help you today?");
        assertThat(response.thinking()).startsWith("The user says \"Hello\"");
        assertThat(response.baseResp().statusCode()).isZero();
        assertThat(response.baseResp().statusMsg()).isEqualTo("success");
        assertThat(response.usage().totalInputTokens()).isEqualTo(39);
    }

    @Test
    void sendsEveryRequestFieldOfTheReference() {
        server().when(post(MESSAGES)).respond(json(200, Fixtures.read("m3-image-response.json")));
        Map<String, Object> schema = Map.of("type", "object", "properties",
                Map.of("city", Map.of("type", "string")), "required", List.of("city"));

        client().messages().create(MessageRequest.builder()
            .model("MiniMax-M3")
            .maxTokens(1024)
            .system(SystemPrompt.of(List.of(new TextBlock("You are terse."), new TextBlock("Answer in English."))))
            .addUserMessage(new TextBlock("Look:"), ImageBlock.base64("image/png", "iVBORw0KGgo="),
                    VideoBlock.url("https://example.com/v.mp4"), VideoBlock.base64("video/mp4", "AAAAIGZ0eXA="),
                    VideoBlock.file("file-123"))
            .addMessage(Message.assistant(new ThinkingBlock("Need weather.", "sig-1"),
                    new ToolUseBlock("call_1", "get_weather", Map.of("city", "Paris"))))
            .addMessage(Message.user(ToolResultBlock.error("call_1", "service down")))
            .temperature(0.7)
            .topP(0.9)
            .addTool(Tool.of("get_weather", "Current weather in a city", schema))
            .toolChoice(ToolChoice.AUTO)
            .thinking(ThinkingMode.DISABLED)
            .userId("user-42")
            .build());

        JsonNode sent = JSON.readTree(recorded(MESSAGES)[0].getBodyAsString());
        assertThat(sent).isEqualTo(JSON.readTree("""
                {"model":"MiniMax-M3","max_tokens":1024,
                 "system":[{"type":"text","text":"You are terse."},{"type":"text","text":"Answer in English."}],
                 "messages":[
                  {"role":"user","content":[
                    {"type":"text","text":"Look:"},
                    {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}},
                    {"type":"video","source":{"type":"url","url":"https://example.com/v.mp4"}},
                    {"type":"video","source":{"type":"base64","media_type":"video/mp4","data":"AAAAIGZ0eXA="}},
                    {"type":"video","source":{"type":"url","url":"mm_file://file-123"}}]},
                  {"role":"assistant","content":[
                    {"type":"thinking","thinking":"Need weather.","signature":"sig-1"},
                    {"type":"tool_use","id":"call_1","name":"get_weather","input":{"city":"Paris"}}]},
                  {"role":"user","content":[
                    {"type":"tool_result","tool_use_id":"call_1","content":[{"type":"text","text":"service down"}],"is_error":true}]}],
                 "temperature":0.7,"top_p":0.9,
                 "tools":[{"name":"get_weather","description":"Current weather in a city","input_schema":
                   {"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}],
                 "tool_choice":{"type":"auto"},"thinking":{"type":"disabled"},"metadata":{"user_id":"user-42"}}
                """));
    }

    @Test
    void fillsUnsetFieldsFromTheClientDefaultsAndSendsAStringSystemPrompt() {
        server().when(post(MESSAGES)).respond(json(200, Fixtures.read("m27-response.json")));
        MiniMaxClient client = clientBuilder()
            .defaults(RequestDefaults.builder()
                .model(Model.MINIMAX_M2_5)
                .maxTokens(2048)
                .temperature(0.5)
                .topP(0.8)
                .thinking(ThinkingMode.ADAPTIVE)
                .build())
            .build();

        client.messages().create(MessageRequest.builder().system("Be brief.").addUserMessage("Hi").build());

        assertThat(JSON.readTree(recorded(MESSAGES)[0].getBodyAsString())).isEqualTo(JSON.readTree("""
                {"model":"MiniMax-M2.5","max_tokens":2048,"system":"Be brief.",
                 "messages":[{"role":"user","content":[{"type":"text","text":"Hi"}]}],
                 "temperature":0.5,"top_p":0.8,"thinking":{"type":"adaptive"}}
                """));
    }

    @Test
    void sendsTheKeyAsXApiKeyWhenConfigured() {
        server().when(post(MESSAGES)).respond(json(200, Fixtures.read("m27-response.json")));

        clientBuilder().authScheme(AuthScheme.X_API_KEY).build().messages()
            .create(MessageRequest.builder().addUserMessage("Hi").build());

        HttpRequest sent = recorded(MESSAGES)[0];
        assertThat(sent.getFirstHeader("x-api-key")).isEqualTo(API_KEY);
        assertThat(sent.containsHeader("Authorization")).isFalse();
    }

    @Test
    void talksToAGatewayThatServesMessagesAtItsRoot() {
        server().when(post("/gw/v1/messages")).respond(json(200, Fixtures.read("m27-response.json")));

        MessageResponse response = clientBuilder().anthropicBaseUrl(java.net.URI.create(target().baseUrl() + "/gw/"))
            .build().messages().create(MessageRequest.builder().addUserMessage("Hi").build());

        assertThat(response.text()).isEqualTo("Hello! How can I help you today?");
        assertThat(recorded("/gw/v1/messages")).hasSize(1);
    }

    @Test
    void keepsUnknownFieldsBlockTypesAndStopReasons() {
        server().when(post(MESSAGES)).respond(json(200, """
                {"id":"m1","type":"message","role":"assistant","model":"MiniMax-M3",
                 "content":[{"type":"citation_v9","source":"doc-1","span":[1,4]},{"type":"text","text":"ok","lang":"en"}],
                 "stop_reason":"pause_turn","usage":{"input_tokens":3,"output_tokens":1,"service_tier":"fast"},
                 "trace_id":"abc"}
                """));

        MessageResponse response = client().messages().create(MessageRequest.builder().addUserMessage("Hi").build());

        assertThat(response.content().get(0)).isInstanceOf(UnknownBlock.class);
        assertThat(((UnknownBlock) response.content().get(0)).raw()).containsEntry("source", "doc-1")
            .containsEntry("span", List.of(1, 4));
        assertThat(response.stopReason().value()).isEqualTo("pause_turn");
        assertThat(response.stopReason().known()).isFalse();
        assertThat(response.usage().extra()).containsEntry("service_tier", "fast");
        assertThat(response.extra()).containsEntry("trace_id", "abc");
    }

    @Test
    void twoTurnToolConversationSendsTheAssistantTurnBackUnchanged() {
        String toolCall = """
                {"id":"m1","type":"message","role":"assistant","model":"MiniMax-M3","content":[
                  {"type":"thinking","thinking":"I need the weather for \\"Paris\\" — call the tool.\\n","signature":"c0ffee\\u00e9/+=="},
                  {"type":"text","text":"Let me check."},
                  {"type":"tool_use","id":"call_function_1","name":"get_weather","input":{"city":"Paris","days":[1,2]}}],
                 "stop_reason":"tool_use","usage":{"input_tokens":50,"output_tokens":30}}
                """;
        server().when(post(MESSAGES), org.mockserver.matchers.Times.once()).respond(json(200, toolCall));
        server().when(post(MESSAGES)).respond(json(200, Fixtures.read("m27-response.json")));
        MiniMaxClient client = client();
        MessageRequest first = MessageRequest.builder()
            .addUserMessage("Weather in Paris?")
            .addTool(Tool.of("get_weather", "Weather", Map.of("type", "object")))
            .build();

        MessageResponse reply = client.messages().create(first);
        ToolUseBlock call = reply.toolUses().get(0);
        client.messages().create(first.toBuilder()
            .addAssistantMessage(reply)
            .addToolResult(call.id(), "18°C, sunny")
            .build());

        JsonNode second = JSON.readTree(recorded(MESSAGES)[1].getBodyAsString());
        JsonNode assistantTurn = second.path("messages").get(1);
        assertThat(assistantTurn.path("role").asString()).isEqualTo("assistant");
        assertThat(assistantTurn.path("content")).isEqualTo(JSON.readTree(toolCall).path("content"));
        assertThat(assistantTurn.path("content").get(0).path("thinking").asString())
            .isEqualTo("I need the weather for \"Paris\" — call the tool.\n");
        assertThat(assistantTurn.path("content").get(0).path("signature").asString()).isEqualTo("c0ffeeé/+==");
        assertThat(second.path("messages").get(2)).isEqualTo(JSON.readTree("""
                {"role":"user","content":[{"type":"tool_result","tool_use_id":"call_function_1",
                  "content":[{"type":"text","text":"18°C, sunny"}]}]}"""));
    }

    @Test
    void countsTokensWithoutGenerating() {
        server().when(post(MESSAGES + "/count_tokens")).respond(json(200, "{\"input_tokens\": 1337}"));

        var count = client().messages().countTokens(MessageRequest.builder().addUserMessage("Count me").build());

        assertThat(count.inputTokens()).isEqualTo(1337);
        JsonNode sent = JSON.readTree(recorded(MESSAGES + "/count_tokens")[0].getBodyAsString());
        assertThat(sent.path("model").asString()).isEqualTo("MiniMax-M3");
        assertThat(sent.has("stream")).isFalse();
        assertThat(recorded(MESSAGES + "/count_tokens")[0].getFirstHeader("Authorization")).isEqualTo("Bearer " + API_KEY);
    }

    @Test
    void contentBlocksRoundTripThroughTheWireFormat() {
        List<ContentBlock> blocks = List.of(new TextBlock("t"), new ThinkingBlock("th", "sig"),
                new ToolUseBlock("id", "n", Map.of("a", 1)), ToolResultBlock.of("id", "r"),
                ImageBlock.url("https://x/y.png"), VideoBlock.file("f"),
                new UnknownBlock(Map.of("type", "future", "x", true)));
        server().when(post(MESSAGES)).respond(json(200, "{\"id\":\"m\",\"type\":\"message\",\"role\":\"assistant\","
                + "\"model\":\"MiniMax-M3\",\"content\":" + new String(JsonBodies.write(blocks)) + ",\"stop_reason\":\"end_turn\"}"));

        MessageResponse response = client().messages().create(MessageRequest.builder().addUserMessage("x").build());

        assertThat(response.content()).isEqualTo(blocks);
    }
}
