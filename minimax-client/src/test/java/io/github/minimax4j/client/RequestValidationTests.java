package io.github.minimax4j.client;

import java.util.Base64;
import java.util.List;

import io.github.minimax4j.anthropic.ImageBlock;
import io.github.minimax4j.anthropic.Message;
import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.anthropic.Role;
import io.github.minimax4j.anthropic.TextBlock;
import io.github.minimax4j.anthropic.ToolChoice;
import io.github.minimax4j.anthropic.ToolResultBlock;
import io.github.minimax4j.anthropic.VideoBlock;
import io.github.minimax4j.error.InvalidRequestException;
import io.github.minimax4j.model.Model;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mockserver.integration.ClientAndServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockserver.model.HttpRequest.request;

/** Requests MiniMax would reject fail before anything is sent, naming the field and the rule. */
class RequestValidationTests {

    private static ClientAndServer server;

    private static MiniMaxClient client;

    @BeforeAll
    static void start() {
        server = ClientAndServer.startClientAndServer(0);
        client = MiniMaxClient.builder().apiKey("k").baseUrl("http://127.0.0.1:" + server.getPort()).build();
    }

    @AfterAll
    static void stop() {
        try {
            assertThat(server.retrieveRecordedRequests(request())).as("no invalid request reached the server").isEmpty();
        }
        finally {
            server.stop();
        }
    }

    /** Blocking and non-blocking alike: the async calls fail their future or their subscriber, nothing sent. */
    private static void rejects(MessageRequest request, String... messageParts) {
        for (CallMode mode : CallMode.values()) {
            assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> mode.create(client, request))
                .satisfies((ex) -> assertThat(ex.getMessage()).contains(messageParts));
            assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> mode.stream(client, request))
                .satisfies((ex) -> assertThat(ex.getMessage()).contains(messageParts));
            assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> mode.countTokens(client, request));
        }
    }

    @Test
    void imageToAnM2ModelNamesTheModelAndTheRule() {
        rejects(MessageRequest.builder().model(Model.MINIMAX_M2_7)
            .addUserMessage(new TextBlock("What is this?"), ImageBlock.url("https://x/y.png")).build(),
                "MiniMax-M2.7", "image", "only MiniMax-M3");
    }

    @Test
    void videoToAnM2ModelIsRejectedToo() {
        rejects(MessageRequest.builder().model("MiniMax-M2.1-highspeed").addUserMessage(VideoBlock.file("f1")).build(),
                "MiniMax-M2.1-highspeed", "video");
    }

    @Test
    void temperatureOutOfRange() {
        rejects(MessageRequest.builder().addUserMessage("x").temperature(3.0).build(), "temperature", "[0, 2]", "3.0");
        rejects(MessageRequest.builder().addUserMessage("x").temperature(-0.1).build(), "temperature");
    }

    @Test
    void topPOutOfRange() {
        rejects(MessageRequest.builder().addUserMessage("x").topP(1.5).build(), "top_p", "[0, 1]", "1.5");
    }

    @Test
    void maxTokensOutOfTheModelsRange() {
        rejects(MessageRequest.builder().addUserMessage("x").maxTokens(0).build(), "max_tokens", "[1, 524288]");
        rejects(MessageRequest.builder().model(Model.MINIMAX_M2_5).addUserMessage("x").maxTokens(300_000).build(),
                "max_tokens", "[1, 204800]", "MiniMax-M2.5", "300000");
    }

    @Test
    void emptyMessages() {
        rejects(MessageRequest.builder().build(), "messages must not be empty");
        rejects(MessageRequest.builder().addMessage(new Message(Role.USER, List.of())).build(),
                "messages[0].content must not be empty");
    }

    @Test
    void toolResultWithoutToolUseId() {
        rejects(MessageRequest.builder().addMessage(Message.user(ToolResultBlock.of(" ", "42"))).build(),
                "tool_result", "tool_use_id");
    }

    @Test
    void unsupportedToolChoice() {
        rejects(MessageRequest.builder().addUserMessage("x").toolChoice(new ToolChoice("any")).build(),
                "tool_choice", "'auto' or 'none'", "any");
    }

    @Test
    void base64ImageOverTenMegabytes() {
        String elevenMb = Base64.getEncoder().encodeToString(new byte[11 * 1024 * 1024]);
        rejects(MessageRequest.builder().addUserMessage(ImageBlock.base64("image/png", elevenMb)).build(),
                "image", "10485760");
    }

    @Test
    void base64VideoOverFiftyMegabytesPointsToTheFilesApi() {
        String big = "A".repeat(72 * 1024 * 1024); // decodes to 54 MB, without allocating the bytes
        rejects(MessageRequest.builder().addUserMessage(VideoBlock.base64("video/mp4", big)).build(),
                "video", "52428800", "Files API");
    }

    @Test
    void unsupportedImageMediaType() {
        rejects(MessageRequest.builder().addUserMessage(ImageBlock.base64("image/bmp", "Qk0=")).build(),
                "image/bmp", "image/jpeg");
    }
}
