package io.github.minimax4j.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.anthropic.TextBlock;
import io.github.minimax4j.anthropic.VideoBlock;
import io.github.minimax4j.error.BadRequestException;
import io.github.minimax4j.error.InvalidRequestException;
import io.github.minimax4j.error.MiniMaxIoException;
import io.github.minimax4j.error.ServerException;
import io.github.minimax4j.model.FileObject;
import io.github.minimax4j.model.FilePurpose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Files API over HTTP against a raw loopback server: the multipart body part by part, the JSON of list,
 * retrieve and delete, the checks that send nothing, and the retry rule for uploads (re-sent only when no byte of
 * a response arrived and the content can be read again).
 */
class FilesApiTests {

    private static final String KEY = "sk-files-test-key-0123456789";

    private static final JsonMapper JSON = JsonMapper.shared();

    private static final String UPLOADED = "{\"file\":{\"file_id\":204958163,\"bytes\":%d,\"created_at\":1700469398,"
            + "\"filename\":\"%s\",\"purpose\":\"video_understanding\"},\"base_resp\":{\"status_code\":0,"
            + "\"status_msg\":\"success\"}}";

    @TempDir
    Path dir;

    private MiniMaxClient client(RawHttpServer server, RetryPolicy retries) {
        return MiniMaxClient.builder().apiKey(KEY).baseUrl(server.baseUrl()).retryPolicy(retries).build();
    }

    private Path video(String name, int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return Files.write(this.dir.resolve(name), bytes);
    }

    private static Function<Integer, String> uploaded(long bytes, String filename) {
        return (n) -> RawHttpServer.json(UPLOADED.formatted(bytes, filename));
    }

    @ParameterizedTest
    @ValueSource(strings = { "jdk", "HttpURLConnection" })
    void anUploadFromAPathIsOneMultipartPostWithThePurposeAndTheFileBytePerByte(String transport) throws IOException {
        Path video = video("talk.mp4", 300_000);
        try (RawHttpServer server = new RawHttpServer(uploaded(300_000, "talk.mp4"))) {
            MiniMaxClientBuilder builder = MiniMaxClient.builder().apiKey(KEY).baseUrl(server.baseUrl());
            if (!transport.equals("jdk")) {
                builder.requestFactory(new SimpleClientHttpRequestFactory());
            }
            FileObject file = builder.build().files().upload(video, FilePurpose.VIDEO_UNDERSTANDING);

            assertThat(file.id()).isEqualTo("204958163");
            assertThat(file.bytes()).isEqualTo(300_000);
            assertThat(file.filename()).isEqualTo("talk.mp4");
            assertThat(file.purpose()).isEqualTo(FilePurpose.VIDEO_UNDERSTANDING);
            assertThat(file.created()).hasToString("2023-11-20T08:36:38Z");
            assertThat(file.reference()).isEqualTo("mm_file://204958163");

            assertThat(server.requests).hasSize(1);
            RawHttpServer.Request sent = server.requests.get(0);
            assertThat(sent.line()).isEqualTo("POST /v1/files/upload HTTP/1.1");
            assertThat(sent.header("Authorization")).isEqualTo("Bearer " + KEY);
            assertThat(sent.header("Content-Type")).matches("multipart/form-data; ?boundary=minimax4j-[-0-9a-f]+");
            assertThat(sent.header("Content-Length")).isEqualTo(String.valueOf(sent.body().length));
            List<RawHttpServer.Part> parts = sent.parts();
            assertThat(parts).hasSize(2);
            assertThat(parts.get(0).disposition()).isEqualTo("form-data; name=\"purpose\"");
            assertThat(parts.get(0).text()).isEqualTo("video_understanding");
            assertThat(parts.get(1).disposition()).isEqualTo("form-data; name=\"file\"; filename=\"talk.mp4\"");
            assertThat(parts.get(1).headers()).containsEntry("content-type", "video/mp4");
            assertThat(parts.get(1).content()).isEqualTo(Files.readAllBytes(video));
        }
    }

    @Test
    void anUploadFromAStreamSendsExactlyItsBytesWithTheGivenContentTypeAndLeavesTheStreamToTheCaller()
            throws IOException {
        byte[] content = "not really a video, but bytes".getBytes(StandardCharsets.UTF_8);
        ClosingTracker stream = new ClosingTracker(content);
        try (RawHttpServer server = new RawHttpServer(uploaded(content.length, "clip \\\"1\\\".MOV"))) {
            FileObject file = client(server, RetryPolicy.none()).files()
                .upload(FileUpload.of(stream, content.length, "clip \"1\".MOV", FilePurpose.VIDEO_UNDERSTANDING)
                    .withContentType("video/mp4"));

            assertThat(file.filename()).isEqualTo("clip \"1\".MOV");
            RawHttpServer.Part part = server.requests.get(0).parts().get(1);
            assertThat(part.disposition()).isEqualTo("form-data; name=\"file\"; filename=\"clip %221%22.MOV\"");
            assertThat(part.headers()).containsEntry("content-type", "video/mp4");
            assertThat(part.content()).isEqualTo(content);
            assertThat(stream.closed).isFalse();
        }
    }

    @Test
    void aFileThePurposeDoesNotTakeIsRefusedBeforeAnythingIsSent() throws IOException {
        try (RawHttpServer server = new RawHttpServer(uploaded(1, "x"))) {
            FilesApi files = client(server, RetryPolicy.none()).files();
            Path empty = Files.createFile(this.dir.resolve("empty.mp4"));
            Path text = video("notes.txt", 10);

            assertThatExceptionOfType(InvalidRequestException.class)
                .isThrownBy(() -> files.upload(empty, FilePurpose.VIDEO_UNDERSTANDING))
                .withMessageContaining("'empty.mp4': it is empty");
            assertThatExceptionOfType(InvalidRequestException.class)
                .isThrownBy(() -> files.upload(text, FilePurpose.VIDEO_UNDERSTANDING))
                .withMessageContaining("MiniMax accepts only avi, mkv, mov, mp4 files for it");
            assertThatExceptionOfType(InvalidRequestException.class)
                .isThrownBy(() -> files.upload(FileUpload.of(InputStream.nullInputStream(), FilePurpose.MAX_BYTES + 1,
                        "big.mp4", FilePurpose.VIDEO_UNDERSTANDING)))
                .withMessageContaining("536870913 bytes is over MiniMax's limit of 536870912 bytes");
            assertThatExceptionOfType(InvalidRequestException.class)
                .isThrownBy(() -> files.upload(FileUpload.of(InputStream.nullInputStream(), 10, "talk.mp4",
                        FilePurpose.VIDEO_UNDERSTANDING).withContentType("image/png")))
                .withMessageContaining("as image/png for purpose video_understanding: MiniMax expects video/mp4");
            assertThatExceptionOfType(InvalidRequestException.class)
                .isThrownBy(() -> files.upload(this.dir.resolve("missing.mp4"), FilePurpose.VIDEO_UNDERSTANDING))
                .withMessageContaining("not a readable regular file");
            assertThat(server.requests).isEmpty();
        }
    }

    @Test
    void aPathUploadIsSentAgainWhenTheConnectionDroppedBeforeAnyResponseByte() throws IOException {
        Path video = video("talk.mp4", 50_000);
        try (RawHttpServer server = new RawHttpServer(
                (n) -> (n == 0) ? RawHttpServer.DROP : RawHttpServer.json(UPLOADED.formatted(50_000, "talk.mp4")))) {
            FileObject file = client(server, new RetryPolicy(2, java.time.Duration.ZERO, java.time.Duration.ZERO))
                .files()
                .upload(video, FilePurpose.VIDEO_UNDERSTANDING);

            assertThat(file.id()).isEqualTo("204958163");
            assertThat(server.requests).hasSize(2);
            assertThat(server.requests.get(1).parts().get(1).content()).isEqualTo(Files.readAllBytes(video));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "jdk", "HttpURLConnection" })
    void aPathUploadWhoseAnswerWasCutShortIsNotSentAgain(String transport) throws IOException {
        Path video = video("talk.mp4", 50_000);
        String answer = RawHttpServer.json(UPLOADED.formatted(50_000, "talk.mp4"));
        try (RawHttpServer server = new RawHttpServer(
                (n) -> answer.substring(0, answer.length() - 40) + RawHttpServer.THEN_DROP)) {
            MiniMaxClientBuilder builder = MiniMaxClient.builder().apiKey(KEY).baseUrl(server.baseUrl())
                .retryPolicy(new RetryPolicy(2, java.time.Duration.ZERO, java.time.Duration.ZERO));
            if (!transport.equals("jdk")) {
                builder.requestFactory(new SimpleClientHttpRequestFactory());
            }
            FilesApi files = builder.build().files();

            assertThatExceptionOfType(MiniMaxIoException.class)
                .isThrownBy(() -> files.upload(video, FilePurpose.VIDEO_UNDERSTANDING));
            assertThat(server.requests).hasSize(1);
        }
    }

    @Test
    void aStreamUploadIsNotSentAgainAndTheErrorSaysWhy() throws IOException {
        byte[] content = new byte[50_000];
        try (RawHttpServer server = new RawHttpServer((n) -> RawHttpServer.DROP)) {
            FilesApi files = client(server, new RetryPolicy(2, java.time.Duration.ZERO, java.time.Duration.ZERO)).files();

            assertThatExceptionOfType(MiniMaxIoException.class)
                .isThrownBy(() -> files.upload(FileUpload.of(new ByteArrayInputStream(content), content.length,
                        "talk.mp4", FilePurpose.VIDEO_UNDERSTANDING)))
                .withMessageContaining("not retried: its content is a one-shot InputStream")
                .withMessageContaining("upload from a Path");
            assertThat(server.requests).hasSize(1);
        }
    }

    @Test
    void anUploadMiniMaxAnsweredWithAnErrorIsNotSentAgainEvenWhenTheErrorIsRetriable() throws IOException {
        Path video = video("talk.mp4", 1_000);
        try (RawHttpServer server = new RawHttpServer((n) -> RawHttpServer.json(503, "{\"error\":\"busy\"}"))) {
            FilesApi files = client(server, new RetryPolicy(2, java.time.Duration.ZERO, java.time.Duration.ZERO)).files();

            assertThatExceptionOfType(ServerException.class)
                .isThrownBy(() -> files.upload(video, FilePurpose.VIDEO_UNDERSTANDING));
            assertThat(server.requests).hasSize(1);
        }
    }

    @Test
    void aBaseRespErrorInsideA200IsTypedAndTheKeyItEchoesIsRedacted() throws IOException {
        Path video = video("talk.mp4", 1_000);
        try (RawHttpServer server = new RawHttpServer((n) -> RawHttpServer.json("{\"file\":null,\"base_resp\":"
                + "{\"status_code\":2013,\"status_msg\":\"invalid params for key " + KEY + "\"}}"))) {
            assertThatExceptionOfType(BadRequestException.class)
                .isThrownBy(() -> client(server, RetryPolicy.none()).files()
                    .upload(video, FilePurpose.VIDEO_UNDERSTANDING))
                .satisfies((ex) -> assertThat(ex.getMessage()).contains("2013").doesNotContain(KEY));
        }
    }

    @Test
    void listRetrieveAndDeleteSendWhatMiniMaxsReferenceAsksAndReadTheirAnswers() throws IOException {
        String file = "{\"file_id\":\"7\",\"bytes\":12,\"created_at\":1700469460,\"filename\":\"a.mp4\","
                + "\"purpose\":\"video_understanding\",\"download_url\":\"https://example.invalid/a.mp4\"}";
        String ok = "\"base_resp\":{\"status_code\":0,\"status_msg\":\"success\"}";
        try (RawHttpServer server = new RawHttpServer((n) -> switch (n) {
            case 0 -> RawHttpServer.json("{\"files\":[" + file + "]," + ok + "}");
            case 1 -> RawHttpServer.json("{\"file\":" + file + "," + ok + "}");
            default -> RawHttpServer.json("{\"file_id\":7," + ok + "}");
        })) {
            FilesApi files = client(server, RetryPolicy.none()).files();

            List<FileObject> listed = files.list(FilePurpose.VIDEO_UNDERSTANDING);
            FileObject retrieved = files.retrieve("mm_file://7");
            files.delete("7", FilePurpose.VIDEO_UNDERSTANDING);

            assertThat(listed).containsExactly(retrieved);
            assertThat(retrieved.downloadUrl()).isEqualTo("https://example.invalid/a.mp4");
            assertThat(server.requests).extracting(RawHttpServer.Request::line)
                .containsExactly("GET /v1/files/list?purpose=video_understanding HTTP/1.1",
                        "GET /v1/files/retrieve?file_id=7 HTTP/1.1", "POST /v1/files/delete HTTP/1.1");
            assertThat(server.requests.get(2).header("Content-Type")).isEqualTo("application/json");
            assertThat(JSON.readTree(server.requests.get(2).bodyText()))
                .isEqualTo(JSON.readTree("{\"file_id\":7,\"purpose\":\"video_understanding\"}"));
        }
    }

    @Test
    void anUploadedVideoIsAskedAboutAsAnMmFileVideoBlockInMessages() throws IOException {
        Path video = video("talk.mp4", 4_096);
        try (RawHttpServer server = new RawHttpServer((n) -> (n == 0)
                ? RawHttpServer.json(UPLOADED.formatted(4_096, "talk.mp4"))
                : RawHttpServer.json(Fixtures.read("m3-image-response.json")))) {
            MiniMaxClient minimax = client(server, RetryPolicy.none());

            FileObject file = minimax.files().upload(video, FilePurpose.VIDEO_UNDERSTANDING);
            minimax.messages().create(MessageRequest.builder()
                .maxTokens(300)
                .addUserMessage(VideoBlock.of(file), new TextBlock("What happens in this video?"))
                .build());

            assertThat(server.requests.get(1).line()).isEqualTo("POST /anthropic/v1/messages HTTP/1.1");
            assertThat(JSON.readTree(server.requests.get(1).bodyText())).isEqualTo(JSON.readTree("""
                    {"model":"MiniMax-M3","max_tokens":300,"messages":[{"role":"user","content":[
                      {"type":"video","source":{"type":"url","url":"mm_file://204958163"}},
                      {"type":"text","text":"What happens in this video?"}]}]}"""));
        }
    }

    @Test
    void fileCallsAreObservedWithTheirOperationAndNoTokenUsage() throws IOException {
        Path video = video("talk.mp4", 100);
        List<String> seen = new ArrayList<>();
        try (RawHttpServer server = new RawHttpServer((n) -> (n == 0)
                ? RawHttpServer.json(UPLOADED.formatted(100, "talk.mp4"))
                : RawHttpServer.json(404, "{\"error\":\"no such file\"}"))) {
            MiniMaxClient minimax = MiniMaxClient.builder().apiKey(KEY).baseUrl(server.baseUrl())
                .retryPolicy(RetryPolicy.none())
                .observationRegistry(RecordingObservationHandler.registry(new RecordingObservationHandler(seen, false)))
                .build();

            minimax.files().upload(video, FilePurpose.VIDEO_UNDERSTANDING);
            try {
                minimax.files().retrieve("404");
            }
            catch (RuntimeException expected) {
                // observed as a failure
            }

            assertThat(seen).containsExactly("start files upload_file  false", "success null null",
                    "start files retrieve_file  false", "failure NotFoundException");
        }
    }

    /** A stream that notes whether it was closed. */
    private static final class ClosingTracker extends ByteArrayInputStream {

        boolean closed;

        ClosingTracker(byte[] content) {
            super(content);
        }

        @Override
        public void close() {
            this.closed = true;
        }
    }
}
