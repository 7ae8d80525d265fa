package io.github.minimax4j.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import io.github.minimax4j.anthropic.CacheControl;
import io.github.minimax4j.anthropic.ContentBlock;
import io.github.minimax4j.anthropic.ImageBlock;
import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.anthropic.MessageResponse;
import io.github.minimax4j.anthropic.TextBlock;
import io.github.minimax4j.anthropic.Tool;
import io.github.minimax4j.anthropic.ToolResultBlock;
import io.github.minimax4j.anthropic.VideoBlock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prompt caching: {@code cache_control} breakpoints on tools, system blocks and content blocks (text and media)
 * go over HTTP exactly as MiniMax's Anthropic-compatible API documents them, and the cache counts come back in
 * the usage.
 */
class PromptCachingTests {

    private static final String REPLY = """
            {"id": "msg_1", "type": "message", "role": "assistant", "model": "MiniMax-M3",
             "content": [{"type": "text", "text": "Sunny."}], "stop_reason": "end_turn",
             "usage": {"input_tokens": 12, "output_tokens": 3, "cache_creation_input_tokens": 0,
                       "cache_read_input_tokens": 2048}}""";

    private final AtomicReference<String> received = new AtomicReference<>();

    private final HttpServer server = start();

    @AfterEach
    void stop() {
        this.server.stop(0);
    }

    @Test
    void breakpointsOnToolsSystemBlocksAndContentBlocksAreSentAsEphemeralCacheControl() {
        MessageRequest request = MessageRequest.builder()
            .model("MiniMax-M3")
            .maxTokens(64)
            .system(new TextBlock("You answer weather questions.").cached())
            .addTool(Tool.of("get_weather", "Weather of a city", Map.of("type", "object")).cached())
            .addUserMessage(ContentBlock.text("A long document").cached(),
                    ImageBlock.url("https://example.com/map.png").cached(),
                    VideoBlock.url("https://example.com/clip.mp4").withCacheControl(CacheControl.ephemeral()),
                    ContentBlock.text("Will it rain?"))
            .build();

        MessageResponse response = client().messages().create(request);

        String ephemeral = "\"cache_control\":{\"type\":\"ephemeral\"}";
        assertThat(this.received.get()).isEqualTo("{\"model\":\"MiniMax-M3\",\"max_tokens\":64,"
                + "\"system\":[{\"type\":\"text\",\"text\":\"You answer weather questions.\"," + ephemeral + "}],"
                + "\"messages\":[{\"role\":\"user\",\"content\":["
                + "{\"type\":\"text\",\"text\":\"A long document\"," + ephemeral + "},"
                + "{\"type\":\"image\",\"source\":{\"type\":\"url\",\"url\":\"https://example.com/map.png\"},"
                + ephemeral + "},"
                + "{\"type\":\"video\",\"source\":{\"type\":\"url\",\"url\":\"https://example.com/clip.mp4\"},"
                + ephemeral + "},"
                + "{\"type\":\"text\",\"text\":\"Will it rain?\"}]}],"
                + "\"tools\":[{\"name\":\"get_weather\",\"description\":\"Weather of a city\","
                + "\"input_schema\":{\"type\":\"object\"}," + ephemeral + "}]}");
        assertThat(response.usage().cacheReadInputTokens()).isEqualTo(2048);
        assertThat(response.usage().totalInputTokens()).isEqualTo(12 + 2048);
    }

    @Test
    void aToolResultCanCarryABreakpointAndBlocksWithoutOneSendNoCacheControl() {
        MessageRequest request = MessageRequest.builder()
            .model("MiniMax-M3")
            .maxTokens(64)
            .addUserMessage("Weather in Paris?")
            .addUserMessage(ToolResultBlock.of("call_1", "Sunny").cached())
            .build();

        client().messages().create(request);

        assertThat(this.received.get()).contains("{\"type\":\"tool_result\",\"tool_use_id\":\"call_1\",\"content\":"
                + "[{\"type\":\"text\",\"text\":\"Sunny\"}],\"cache_control\":{\"type\":\"ephemeral\"}}")
            .containsOnlyOnce("cache_control");
    }

    private MiniMaxClient client() {
        return MiniMaxClient.builder()
            .apiKey("sk-cache-test")
            .baseUrl("http://127.0.0.1:" + this.server.getAddress().getPort())
            .retryPolicy(RetryPolicy.none())
            .build();
    }

    private HttpServer start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            http.createContext("/", (exchange) -> {
                try (exchange) {
                    this.received.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                    byte[] body = REPLY.getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                }
            });
            http.start();
            return http;
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
