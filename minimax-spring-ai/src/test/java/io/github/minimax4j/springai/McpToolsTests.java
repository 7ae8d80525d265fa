package io.github.minimax4j.springai;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.mcp.SyncMcpToolCallbackProvider;
import org.springframework.ai.mcp.client.common.autoconfigure.McpClientAutoConfiguration;
import org.springframework.ai.mcp.client.common.autoconfigure.McpToolCallbackAutoConfiguration;
import org.springframework.ai.mcp.client.httpclient.autoconfigure.StreamableHttpHttpClientTransportAutoConfiguration;
import tools.jackson.databind.JsonNode;

import static io.github.minimax4j.springai.FakeMiniMax.answer;
import static io.github.minimax4j.springai.FakeMiniMax.toolUse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * MCP tools through the MiniMax chat model: Spring AI's MCP client (streamable HTTP) on an MCP Java SDK server
 * started here on loopback; {@code ChatClient} runs MiniMax's tool turn through MCP and sends the thinking back
 * unchanged.
 */
class McpToolsTests {

    private final List<Map<String, Object>> toolCalls = new CopyOnWriteArrayList<>();

    @RegisterExtension
    final FakeMiniMax miniMax = new FakeMiniMax();

    private Tomcat tomcat;

    private McpSyncServer mcpServer;

    @TempDir
    Path tomcatDir;

    @BeforeEach
    void start() throws LifecycleException {
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
            .mcpEndpoint("/mcp")
            .build();
        McpSchema.Tool weather = McpSchema.Tool.builder()
            .name("weather")
            .description("Current weather in a city")
            .inputSchema(Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string")), "required",
                    List.of("city")))
            .build();
        this.mcpServer = McpServer.sync(transport)
            .serverInfo("weather-server", "1.0.0")
            .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
            .toolCall(weather, (exchange, request) -> {
                this.toolCalls.add(request.arguments());
                return McpSchema.CallToolResult.builder()
                    .addTextContent("Sunny, 21°C in " + request.arguments().get("city"))
                    .build();
            })
            .build();
        this.tomcat = new Tomcat();
        this.tomcat.setBaseDir(this.tomcatDir.toString());
        this.tomcat.getConnector().setPort(0);
        this.tomcat.getConnector().setProperty("address", "127.0.0.1");
        Context context = this.tomcat.addContext("", null);
        Wrapper servlet = Tomcat.addServlet(context, "mcp", transport);
        servlet.setAsyncSupported(true);
        context.addServletMappingDecoded("/mcp", "mcp");
        this.tomcat.start();
    }

    @AfterEach
    void stop() throws LifecycleException {
        this.mcpServer.closeGracefully();
        this.tomcat.stop();
        this.tomcat.destroy();
    }

    @Test
    void chatClientRunsMiniMaxsToolTurnThroughMcpWithTheThinkingSentBack() {
        this.miniMax.replies(toolUse("The user wants Paris weather: ask the MCP tool.", "sig-mcp+/=", "call_m1",
                "weather", "{\"city\":\"Paris\"}"), answer("MiniMax-M3", "Got it.", "It is sunny in Paris."));
        int port = this.tomcat.getConnector().getLocalPort();
        this.miniMax.application(StreamableHttpHttpClientTransportAutoConfiguration.class,
                    McpClientAutoConfiguration.class, McpToolCallbackAutoConfiguration.class)
            .withPropertyValues("spring.ai.mcp.client.streamable-http.connections.weather.url=http://127.0.0.1:" + port,
                "spring.ai.mcp.client.streamable-http.connections.weather.endpoint=/mcp")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                ChatClient chatClient = context.getBean(ChatClient.Builder.class).build();

                String content = chatClient.prompt()
                    .user("Weather in Paris?")
                    .toolCallbacks(context.getBean(SyncMcpToolCallbackProvider.class))
                    .call()
                    .content();

                assertThat(content).isEqualTo("It is sunny in Paris.");
            });

        assertThat(this.toolCalls).containsExactly(Map.of("city", "Paris"));
        List<JsonNode> sent = this.miniMax.sent();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).at("/tools/0/name").asString()).isEqualTo("weather");
        assertThat(sent.get(0).at("/tools/0/input_schema/properties/city/type").asString()).isEqualTo("string");
        JsonNode messages = sent.get(1).get("messages");
        assertThat(messages.get(1).toString()).isEqualTo("{\"role\":\"assistant\",\"content\":["
                + "{\"type\":\"thinking\",\"thinking\":\"The user wants Paris weather: ask the MCP tool.\","
                + "\"signature\":\"sig-mcp+/=\"},"
                + "{\"type\":\"tool_use\",\"id\":\"call_m1\",\"name\":\"weather\",\"input\":{\"city\":\"Paris\"}}]}");
        assertThat(messages.get(2).at("/content/0/tool_use_id").asString()).isEqualTo("call_m1");
        assertThat(messages.get(2).at("/content/0").toString()).contains("Sunny, 21°C in Paris");
    }
}
