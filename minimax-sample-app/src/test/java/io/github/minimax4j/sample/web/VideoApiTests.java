package io.github.minimax4j.sample.web;

import io.github.minimax4j.test.simulator.MiniMaxSimulator;
import io.github.minimax4j.test.simulator.ReceivedRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/video} over HTTP on the offline simulator: upload, then a question about the video. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "sample.simulator.stream-delay=0ms")
class VideoApiTests {

    @LocalServerPort
    private int port;

    @Autowired
    private MiniMaxSimulator simulator;

    private ResponseEntity<String> post(String filename, byte[] content) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("video", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        form.add("question", "Who is speaking?");
        return RestClient.builder().baseUrl("http://127.0.0.1:" + this.port)
            .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
            })
            .build()
            .post().uri("/api/video").contentType(MediaType.MULTIPART_FORM_DATA).body(form).retrieve()
            .toEntity(String.class);
    }

    @Test
    void aShortVideoIsUploadedThenAskedAboutAsAnMmFileVideoBlock() {
        ResponseEntity<String> response = post("clip.mp4", new byte[64 * 1024]);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        JsonNode body = JsonMapper.shared().readTree(response.getBody());
        String id = body.path("fileId").asString();
        assertThat(body.path("bytes").asLong()).isEqualTo(64 * 1024);
        assertThat(body.path("reply").path("text").asString()).isNotBlank();
        JsonNode asked = JsonMapper.shared().readTree(this.simulator.lastRequest().body());
        assertThat(this.simulator.lastRequest().api()).isEqualTo(ReceivedRequest.Api.MESSAGES);
        assertThat(asked.path("messages").get(0).path("content").get(0).path("source").path("url").asString())
            .isEqualTo("mm_file://" + id);
        assertThat(asked.path("messages").get(0).path("content").get(1).path("text").asString())
            .isEqualTo("Who is speaking?");
    }

    @Test
    void aFileThatIsNotAVideoIsAClientErrorAndNothingIsUploaded() {
        int before = this.simulator.requests(ReceivedRequest.Api.FILES_UPLOAD).size();

        ResponseEntity<String> response = post("notes.txt", new byte[10]);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody()).contains("MiniMax accepts only avi, mkv, mov, mp4 files");
        assertThat(this.simulator.requests(ReceivedRequest.Api.FILES_UPLOAD)).hasSize(before);
    }
}
