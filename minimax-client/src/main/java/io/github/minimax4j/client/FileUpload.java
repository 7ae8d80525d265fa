package io.github.minimax4j.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

import io.github.minimax4j.error.InvalidRequestException;
import io.github.minimax4j.model.FilePurpose;
import org.jspecify.annotations.Nullable;

/**
 * A file to upload through MiniMax's Files API: from a {@link Path} (read from disk as it is sent, and sent again if
 * a retry is needed) or from an {@link InputStream} of known length (read once: a failed upload is not retried).
 * Nothing is read until the upload is sent. Checked against the purpose's formats and sizes before anything is sent.
 */
public final class FileUpload {

    private final @Nullable Path path;

    private final @Nullable InputStream stream;

    private final long length;

    private final String filename;

    private final FilePurpose purpose;

    private final @Nullable String contentType;

    private FileUpload(@Nullable Path path, @Nullable InputStream stream, long length, String filename,
            FilePurpose purpose, @Nullable String contentType) {
        this.path = path;
        this.stream = stream;
        this.length = length;
        this.filename = filename;
        this.purpose = purpose;
        this.contentType = contentType;
    }

    /**
     * A file on disk; its name is the file name sent.
     * @param file the file
     * @param purpose what it is for
     * @return the upload
     * @throws InvalidRequestException when the file cannot be read or its size read
     */
    public static FileUpload of(Path file, FilePurpose purpose) {
        Objects.requireNonNull(file, "file must not be null");
        Objects.requireNonNull(purpose, "purpose must not be null");
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new InvalidRequestException("Cannot upload " + file + ": it is not a readable regular file");
        }
        long size;
        try {
            size = Files.size(file);
        }
        catch (IOException ex) {
            throw new InvalidRequestException("Cannot upload " + file + ": its size cannot be read (" + ex + ")");
        }
        Path name = file.getFileName();
        return new FileUpload(file, null, size, (name != null) ? name.toString() : file.toString(), purpose, null);
    }

    /**
     * A stream of exactly {@code length} bytes, read once as the upload is sent (the caller closes it). A failed
     * upload from a stream is not retried: upload from a {@link Path} for that.
     * @param content the bytes to upload
     * @param length how many bytes it holds
     * @param filename file name to send (its extension must suit the purpose)
     * @param purpose what it is for
     * @return the upload
     */
    public static FileUpload of(InputStream content, long length, String filename, FilePurpose purpose) {
        Objects.requireNonNull(content, "content must not be null");
        Objects.requireNonNull(filename, "filename must not be null");
        Objects.requireNonNull(purpose, "purpose must not be null");
        return new FileUpload(null, content, length, filename, purpose, null);
    }

    /**
     * This upload with its content type given instead of derived from the file name's extension.
     * @param contentType the content type, such as {@code video/mp4}
     * @return a copy carrying it
     */
    public FileUpload withContentType(String contentType) {
        return new FileUpload(this.path, this.stream, this.length, this.filename, this.purpose,
                Objects.requireNonNull(contentType, "contentType must not be null"));
    }

    /**
     * File name sent.
     * @return the file name
     */
    public String filename() {
        return this.filename;
    }

    /**
     * What the file is for.
     * @return the purpose
     */
    public FilePurpose purpose() {
        return this.purpose;
    }

    /**
     * Size in bytes.
     * @return the size
     */
    public long length() {
        return this.length;
    }

    /**
     * Whether a failed upload can be sent again: true from a {@link Path}, false from a one-shot stream.
     * @return whether it is replayable
     */
    public boolean replayable() {
        return this.path != null;
    }

    /**
     * Content type sent for the file: the one given, or the purpose's for the file name's extension
     * ({@code application/octet-stream} for a purpose this client does not know).
     * @return the content type
     */
    public String contentType() {
        if (this.contentType != null) {
            return this.contentType;
        }
        String known = this.purpose.contentTypeOf(extension());
        return (known != null) ? known : "application/octet-stream";
    }

    @Nullable Path path() {
        return this.path;
    }

    /** Opens the content; from a stream, hands out the caller's stream (once). */
    InputStream open() throws IOException {
        return (this.path != null) ? Files.newInputStream(this.path) : Objects.requireNonNull(this.stream);
    }

    /**
     * Checks the upload against MiniMax's documented rules, before anything is sent.
     * @throws InvalidRequestException saying what to fix
     */
    void check() {
        if (this.length <= 0) {
            throw new InvalidRequestException("Cannot upload '" + this.filename + "': it is empty (" + this.length
                    + " bytes); MiniMax rejects empty files");
        }
        if (this.length > this.purpose.maxBytes()) {
            throw new InvalidRequestException("Cannot upload '" + this.filename + "': " + this.length + " bytes is over "
                    + "MiniMax's limit of " + this.purpose.maxBytes() + " bytes for purpose " + this.purpose);
        }
        if (this.filename.isBlank() || this.filename.indexOf('\r') >= 0 || this.filename.indexOf('\n') >= 0) {
            throw new InvalidRequestException("Cannot upload a file named '" + this.filename.strip()
                    + "': give a file name without line breaks");
        }
        if (!this.purpose.extensions().isEmpty() && !this.purpose.extensions().contains(extension())) {
            throw new InvalidRequestException("Cannot upload '" + this.filename + "' for purpose " + this.purpose
                    + ": MiniMax accepts only " + String.join(", ", new java.util.TreeSet<>(this.purpose.extensions()))
                    + " files for it; convert the file or choose the right purpose");
        }
        if (this.contentType != null && !this.purpose.extensions().isEmpty()
                && !this.contentType.equalsIgnoreCase(this.purpose.contentTypeOf(extension()))
                && !family(this.contentType).equals(family(contentTypeFor()))) {
            throw new InvalidRequestException("Cannot upload '" + this.filename + "' as " + this.contentType
                    + " for purpose " + this.purpose + ": MiniMax expects " + contentTypeFor() + " for a ."
                    + extension() + " file");
        }
    }

    private String contentTypeFor() {
        return Objects.requireNonNull(this.purpose.contentTypeOf(extension()));
    }

    /** The top-level type, {@code video} of {@code video/mp4}. */
    private static String family(String contentType) {
        int slash = contentType.indexOf('/');
        return ((slash > 0) ? contentType.substring(0, slash) : contentType).strip().toLowerCase(Locale.ROOT);
    }

    private String extension() {
        int dot = this.filename.lastIndexOf('.');
        return (dot >= 0) ? this.filename.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    @Override
    public String toString() {
        return "FileUpload[filename=" + this.filename + ", purpose=" + this.purpose + ", length=" + this.length
                + ", source=" + ((this.path != null) ? "path" : "stream") + "]";
    }
}
