package io.github.minimax4j.springai;

import java.net.URI;

import io.github.minimax4j.error.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.content.Media;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.MimeType;

import static io.github.minimax4j.springai.FakeMiniMax.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A Spring AI {@code Media} of type {@code video/*} goes to MiniMax-M3 as a video block; M2.x refuses it unsent. */
class VideoMediaTests {

    private static final MimeType MP4 = MimeType.valueOf("video/mp4");

    @RegisterExtension
    final FakeMiniMax miniMax = new FakeMiniMax();

    private final ChatClient chatClient = this.miniMax.chatClient();

    private String ask(Media video) {
        this.miniMax.replies(answer("MiniMax-M3", "A cat video.", "A cat jumps."));
        return this.chatClient.prompt()
            .options(MiniMaxChatOptions.builder().model("MiniMax-M3"))
            .user((u) -> u.text("What happens?").media(video))
            .call()
            .content();
    }

    @Test
    void aVideoByUrlIsSentAsAUrl() {
        assertThat(ask(new Media(MP4, URI.create("https://example.com/cat.mp4")))).isEqualTo("A cat jumps.");

        assertThat(this.miniMax.sent().get(0).at("/messages/0/content").toString()).isEqualTo("[{\"type\":\"video\","
                + "\"source\":{\"type\":\"url\",\"url\":\"https://example.com/cat.mp4\"}},{\"type\":\"text\","
                + "\"text\":\"What happens?\"}]");
    }

    @Test
    void videoBytesAreSentAsBase64() {
        ask(Media.builder().mimeType(MP4).data(new ByteArrayResource(new byte[] { 0, 0, 0, 24, 'f', 't' })).build());

        assertThat(this.miniMax.sent().get(0).at("/messages/0/content/0").toString()).isEqualTo("{\"type\":\"video\","
                + "\"source\":{\"type\":\"base64\",\"media_type\":\"video/mp4\",\"data\":\"AAAAGGZ0\"}}");
    }

    @Test
    void anUploadedFileIsSentByItsMmFileId() {
        ask(Media.builder().mimeType(MP4).data("mm_file://file-123").build());

        assertThat(this.miniMax.sent().get(0).at("/messages/0/content/0/source/url").asString())
            .isEqualTo("mm_file://file-123");
    }

    @Test
    void aVideoForAnM2ModelIsRejectedBeforeSending() {
        assertThatThrownBy(() -> this.chatClient.prompt()
            .options(MiniMaxChatOptions.builder().model("MiniMax-M2.7"))
            .user((u) -> u.text("What happens?").media(new Media(MP4, URI.create("https://example.com/cat.mp4"))))
            .call()
            .content()).isInstanceOf(InvalidRequestException.class)
            .hasMessageContaining("MiniMax-M2.7 does not accept video");
        assertThat(this.miniMax.sent()).isEmpty();
    }

    @Test
    void otherMediaTypesAreRejectedBeforeSending() {
        assertThatThrownBy(() -> this.chatClient.prompt()
            .user((u) -> u.text("Listen").media(new Media(MimeType.valueOf("audio/mpeg"),
                    URI.create("https://example.com/a.mp3"))))
            .call()
            .content()).isInstanceOf(InvalidRequestException.class).hasMessageContaining("audio/mpeg");
        assertThat(this.miniMax.sent()).isEmpty();
    }
}
