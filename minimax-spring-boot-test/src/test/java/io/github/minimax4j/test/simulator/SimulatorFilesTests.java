package io.github.minimax4j.test.simulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.anthropic.MessageResponse;
import io.github.minimax4j.anthropic.TextBlock;
import io.github.minimax4j.anthropic.VideoBlock;
import io.github.minimax4j.client.FileUpload;
import io.github.minimax4j.client.MiniMaxClient;
import io.github.minimax4j.client.RetryPolicy;
import io.github.minimax4j.error.BadRequestException;
import io.github.minimax4j.error.ServerException;
import io.github.minimax4j.model.FileObject;
import io.github.minimax4j.model.FilePurpose;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The simulator's Files API through the client: upload, list, retrieve, delete, mm_file references, failures. */
class SimulatorFilesTests {

    private static final String KEY = "sk-leak-canary-7d41e9a0";

    @TempDir
    Path dir;

    private MiniMaxSimulator simulator;

    private MiniMaxClient client;

    @BeforeEach
    void start() {
        this.simulator = new MiniMaxSimulator(Duration.ZERO).start();
        this.client = MiniMaxClient.builder().apiKey(KEY).baseUrl(this.simulator.baseUrl())
            .retryPolicy(RetryPolicy.none()).build();
    }

    @AfterEach
    void stop() {
        this.simulator.stop();
    }

    @Test
    void anUploadedVideoCanBeListedRetrievedAskedAboutAndDeleted() throws IOException {
        Path video = Files.write(this.dir.resolve("talk.mp4"), new byte[10_000]);

        FileObject file = this.client.files().upload(video, FilePurpose.VIDEO_UNDERSTANDING);
        MessageResponse answer = this.client.messages().create(MessageRequest.builder()
            .addUserMessage(VideoBlock.of(file), new TextBlock("What happens in this video?")).build());

        assertThat(file.id()).matches("\\d+");
        assertThat(file.bytes()).isEqualTo(10_000);
        assertThat(file.filename()).isEqualTo("talk.mp4");
        assertThat(answer.text()).isNotBlank();
        assertThat(this.client.files().list(FilePurpose.VIDEO_UNDERSTANDING)).containsExactly(file);
        assertThat(this.client.files().retrieve(file.id())).isEqualTo(file);
        assertThat(this.simulator.requests(ReceivedRequest.Api.FILES_UPLOAD).get(0).body())
            .isEqualTo("{\"purpose\":\"video_understanding\",\"filename\":\"talk.mp4\",\"content_type\":\"video/mp4\","
                    + "\"bytes\":10000}");

        this.client.files().delete(file.id(), FilePurpose.VIDEO_UNDERSTANDING);

        assertThat(this.client.files().list(FilePurpose.VIDEO_UNDERSTANDING)).isEmpty();
        assertThatExceptionOfType(BadRequestException.class).isThrownBy(() -> this.client.files().retrieve(file.id()))
            .withMessageContaining("2013");
    }

    @Test
    void aVideoBlockWithAnIdTheSimulatorDidNotIssueIsRejectedAsMiniMaxWould() {
        assertThatExceptionOfType(BadRequestException.class)
            .isThrownBy(() -> this.client.messages().create(MessageRequest.builder()
                .addUserMessage(VideoBlock.file("123456"), new TextBlock("What is this?")).build()))
            .withMessageContaining("mm_file://123456 not found");
    }

    @Test
    void aFormatThePurposeDoesNotTakeIsABadParameterWhenTheClientsOwnCheckIsBypassed() {
        byte[] audio = new byte[100];
        // The client would refuse a .wav for video; an unknown purpose skips its check, the simulator's applies.
        assertThatExceptionOfType(BadRequestException.class)
            .isThrownBy(() -> this.client.files().upload(FileUpload.of(new ByteArrayInputStream(audio), audio.length,
                    "a.wav", FilePurpose.of("video_generation"))))
            .withMessageContaining("purpose must be one of");
    }

    @Test
    void aScriptedRuleMakesAnUploadFailAndTheNextOneSucceed() throws IOException {
        Path video = Files.write(this.dir.resolve("talk.mov"), new byte[100]);
        this.simulator.when((request) -> request.api() == ReceivedRequest.Api.FILES_UPLOAD)
            .thenReply(SimulatedReply.serverError(), SimulatedReply.generated());

        assertThatExceptionOfType(ServerException.class)
            .isThrownBy(() -> this.client.files().upload(video, FilePurpose.VIDEO_UNDERSTANDING));
        FileObject file = this.client.files().upload(video, FilePurpose.VIDEO_UNDERSTANDING);

        assertThat(file.filename()).isEqualTo("talk.mov");
        assertThat(this.simulator.requests(ReceivedRequest.Api.FILES_UPLOAD)).hasSize(2);
        assertThat(this.client.files().list(FilePurpose.VIDEO_UNDERSTANDING)).containsExactly(file);
    }

    @Test
    void resetForgetsTheFiles() throws IOException {
        Path video = Files.write(this.dir.resolve("talk.mkv"), new byte[100]);
        FileObject file = this.client.files().upload(video, FilePurpose.VIDEO_UNDERSTANDING);

        this.simulator.reset();

        assertThat(this.client.files().list(FilePurpose.VIDEO_UNDERSTANDING)).isEmpty();
        assertThatExceptionOfType(BadRequestException.class).isThrownBy(() -> this.client.messages()
            .create(MessageRequest.builder().addUserMessage(VideoBlock.of(file), new TextBlock("And now?")).build()));
    }
}
