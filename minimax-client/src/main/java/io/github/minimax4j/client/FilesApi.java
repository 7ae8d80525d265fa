package io.github.minimax4j.client;

import java.nio.file.Path;
import java.util.List;

import io.github.minimax4j.model.FileObject;
import io.github.minimax4j.model.FilePurpose;

/**
 * MiniMax's Files API ({@code /v1/files/*}): upload a file, streamed from its source, then use its id, as
 * {@code mm_file://id} for a video ({@code VideoBlock.of(file)}). Thread-safe.
 *
 * <pre>{@code
 * FileObject video = minimax.files().upload(Path.of("talk.mp4"), FilePurpose.VIDEO_UNDERSTANDING);
 * }</pre>
 */
public interface FilesApi {

    /**
     * Uploads a file from disk, read as it is sent; retried like other calls while no byte of a response arrived.
     * @param file the file
     * @param purpose what it is for
     * @return the stored file
     * @throws io.github.minimax4j.error.InvalidRequestException when the file is empty, too large or of a format
     *         the purpose does not take (nothing is sent)
     * @throws io.github.minimax4j.error.MiniMaxException when the call fails (typed by cause)
     */
    default FileObject upload(Path file, FilePurpose purpose) {
        return upload(FileUpload.of(file, purpose));
    }

    /**
     * Uploads a file, streamed from its source as it is sent (never held in memory).
     * @param upload the file and its purpose
     * @return the stored file
     * @throws io.github.minimax4j.error.InvalidRequestException when the file is empty, too large or of a format
     *         the purpose does not take (nothing is sent)
     * @throws io.github.minimax4j.error.MiniMaxException when the call fails (typed by cause)
     */
    FileObject upload(FileUpload upload);

    /**
     * Describes a stored file.
     * @param fileId the file id
     * @return the file
     */
    FileObject retrieve(String fileId);

    /**
     * Lists the stored files of one purpose (MiniMax requires the purpose).
     * @param purpose the purpose
     * @return the files, possibly none
     */
    List<FileObject> list(FilePurpose purpose);

    /**
     * Deletes a stored file (MiniMax requires its purpose too).
     * @param fileId the file id
     * @param purpose the purpose it was uploaded with
     */
    void delete(String fileId, FilePurpose purpose);
}
