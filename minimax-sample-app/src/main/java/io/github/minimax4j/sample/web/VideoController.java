package io.github.minimax4j.sample.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.anthropic.TextBlock;
import io.github.minimax4j.anthropic.VideoBlock;
import io.github.minimax4j.client.MiniMaxClient;
import io.github.minimax4j.model.FileObject;
import io.github.minimax4j.model.FilePurpose;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Asks about a video: the browser's upload is written to a temporary file, uploaded to MiniMax's Files API from
 * there (streamed, and retried if the connection drops before MiniMax answers), then referenced in a Messages
 * request as {@code mm_file://id}. Offline, the simulator stores it and answers.
 */
@RestController
@RequestMapping("/api")
class VideoController {

    private final MiniMaxClient minimax;

    VideoController(MiniMaxClient minimax) {
        this.minimax = minimax;
    }

    @PostMapping(path = "/video", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    VideoReply ask(@RequestParam("video") MultipartFile video,
            @RequestParam(name = "question", defaultValue = "What happens in this video?") String question)
            throws IOException {
        if (video.isEmpty()) {
            throw new InvalidPromptException("send a video file in the form field 'video'");
        }
        String name = (video.getOriginalFilename() != null) ? Path.of(video.getOriginalFilename()).getFileName()
            .toString() : "video.mp4";
        Path dir = Files.createTempDirectory("minimax-video-");
        Path file = dir.resolve(name);
        try {
            video.transferTo(file);
            FileObject uploaded = this.minimax.files().upload(file, FilePurpose.VIDEO_UNDERSTANDING);
            ChatReply reply = ChatReply.of(this.minimax.messages().create(MessageRequest.builder()
                .addUserMessage(VideoBlock.of(uploaded), new TextBlock(question))
                .build()));
            return new VideoReply(uploaded.id(), uploaded.filename(), uploaded.bytes(), reply);
        }
        finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    /**
     * The stored video and the answer about it.
     *
     * @param fileId the Files API id ({@code mm_file://fileId} in the request)
     * @param filename the name it was uploaded with
     * @param bytes its size
     * @param reply the answer
     */
    record VideoReply(String fileId, String filename, long bytes, ChatReply reply) {
    }
}
