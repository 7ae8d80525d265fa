package io.github.minimax4j.client;

import java.util.List;
import java.util.Map;

import io.github.minimax4j.error.InvalidRequestException;
import io.github.minimax4j.model.Model;
import io.github.minimax4j.openai.ChatCompletionRequest;
import io.github.minimax4j.openai.ChatContent;
import io.github.minimax4j.openai.ChatMessage;
import io.github.minimax4j.openai.ChatTool;
import io.github.minimax4j.openai.ContentPart;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Chat requests checked before anything is sent, by the same rules as the Messages API; each error names the
 * field and the fix. (That a failing check sends nothing is shown over HTTP in ChatCompletionsScenarios.)
 */
class ChatRequestPreparerTests {

    private static final ChatCompletionRequest M3 = ChatCompletionRequest.builder().model(Model.MINIMAX_M3)
        .addUserMessage("Hello").build();

    private final ChatRequestPreparer preparer = new ChatRequestPreparer(RequestDefaults.defaults());

    @Test
    void aRoleOutsideTheFourCannotBeRead() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> MiniMaxJson.read("{\"role\": \"developer\", \"content\": \"x\"}", ChatMessage.class))
            .withMessageContaining("developer");
    }

    @Test
    void anImageNeedsAUrl() {
        assertThatExceptionOfType(InvalidRequestException.class)
            .isThrownBy(() -> prepare(M3.toBuilder().addUserMessage(List.of(ContentPart.imageUrl(" "))).build()))
            .withMessageContaining("messages[1] image_url has an empty url");
    }

    @Test
    void aDataUrlMustBeBase64OfATypeMiniMaxAccepts() {
        assertThatExceptionOfType(InvalidRequestException.class)
            .isThrownBy(() -> prepare(image("data:image/bmp;base64,Qk0=")))
            .withMessageContaining("image/bmp").withMessageContaining("image/png");
        assertThatExceptionOfType(InvalidRequestException.class)
            .isThrownBy(() -> prepare(image("data:image/png,rawbytes"))).withMessageContaining(";base64");
        assertThatNoException().isThrownBy(() -> prepare(image("data:image/webp;base64,UklGRg==")));
        assertThatNoException().isThrownBy(() -> prepare(image("https://example.com/cat.gif")));
    }

    @Test
    void anInlineImageOverTheLimitIsRejectedWithTheAlternative() {
        String huge = "data:image/png;base64," + "A".repeat(15 * 1024 * 1024);
        assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> prepare(image(huge)))
            .withMessageContaining("over MiniMax's limit").withMessageContaining("send a URL instead");
    }

    @Test
    void onlyNamedFunctionToolsAreAccepted() {
        assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> prepare(M3.toBuilder()
            .addTool(new ChatTool("retrieval", new ChatTool.Function("f", null, Map.of()))).build()))
            .withMessageContaining("tools[0].type").withMessageContaining("only 'function'");
        assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> prepare(M3.toBuilder()
            .addTool(ChatTool.function(" ", "d", Map.of("type", "object"))).build()))
            .withMessageContaining("tools[0].function.name");
    }

    @Test
    void maxCompletionTokensMustFitTheModel() {
        assertThatExceptionOfType(InvalidRequestException.class)
            .isThrownBy(() -> prepare(M3.toBuilder().maxCompletionTokens(0).build()))
            .withMessageContaining("max_completion_tokens").withMessageContaining("MiniMax-M3");
        assertThatExceptionOfType(InvalidRequestException.class)
            .isThrownBy(() -> prepare(M3.toBuilder().model(Model.MINIMAX_M2_5).maxCompletionTokens(300_000).build()))
            .withMessageContaining("MiniMax-M2.5");
    }

    @Test
    void aStreamAsksForTheUsageChunkUnlessTheRequestSaysOtherwise() {
        assertThat(this.preparer.prepare(M3, true).streamOptions())
            .isEqualTo(new ChatCompletionRequest.StreamOptions(true));
        assertThat(this.preparer.prepare(M3.toBuilder()
            .streamOptions(new ChatCompletionRequest.StreamOptions(false)).build(), true).streamOptions())
            .isEqualTo(new ChatCompletionRequest.StreamOptions(false));
        assertThat(this.preparer.prepare(M3, false).extra()).doesNotContainKey("stream");
    }

    @Test
    void theClientOwnsStream() {
        ChatCompletionRequest asksForStream = M3.toBuilder().extra(Map.of("stream", true, "mask_sensitive_info", false))
            .build();
        assertThat(this.preparer.prepare(asksForStream, false).extra()).containsExactly(
                Map.entry("mask_sensitive_info", false));
        assertThat(MiniMaxJson.write(this.preparer.prepare(M3, true))).endsWith(
                "\"stream_options\":{\"include_usage\":true},\"stream\":true}");
    }

    private ChatCompletionRequest image(String url) {
        return M3.toBuilder().addUserMessage(List.of(ContentPart.text("What is it?"), ContentPart.imageUrl(url)))
            .build();
    }

    private ChatCompletionRequest prepare(ChatCompletionRequest request) {
        return this.preparer.prepare(request, false);
    }
}
