package io.github.minimax4j.model;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * A file stored by MiniMax's Files API, as upload, retrieve and list describe it. A class with a builder, so a
 * field MiniMax adds later is a new builder method, never a new constructor argument.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "file_id", "bytes", "created_at", "filename", "purpose", "download_url" })
public final class FileObject {

    @JsonProperty("file_id")
    private final String id;

    @JsonProperty("bytes")
    private final long bytes;

    @JsonProperty("created_at")
    private final long createdAt;

    @JsonProperty("filename")
    private final String filename;

    @JsonProperty("purpose")
    private final @Nullable FilePurpose purpose;

    @JsonProperty("download_url")
    private final @Nullable String downloadUrl;

    @JsonCreator
    private FileObject(@JsonProperty("file_id") @Nullable String id, @JsonProperty("bytes") long bytes,
            @JsonProperty("created_at") long createdAt, @JsonProperty("filename") @Nullable String filename,
            @JsonProperty("purpose") @Nullable FilePurpose purpose,
            @JsonProperty("download_url") @Nullable String downloadUrl) {
        this.id = Objects.requireNonNull(id, "file_id must not be null");
        this.bytes = bytes;
        this.createdAt = createdAt;
        this.filename = (filename != null) ? filename : "";
        this.purpose = purpose;
        this.downloadUrl = downloadUrl;
    }

    /**
     * Starts an empty file description.
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The file id ({@code file_id}; MiniMax sends it as a number or a string, kept here as text).
     * @return the id
     */
    public String id() {
        return this.id;
    }

    /**
     * Size in bytes.
     * @return the size
     */
    public long bytes() {
        return this.bytes;
    }

    /**
     * When the file was created, in seconds since the epoch, as MiniMax sends it.
     * @return the creation time in epoch seconds
     */
    public long createdAt() {
        return this.createdAt;
    }

    /**
     * When the file was created.
     * @return the creation time
     */
    public Instant created() {
        return Instant.ofEpochSecond(this.createdAt);
    }

    /**
     * Name the file was uploaded with.
     * @return the file name, empty when MiniMax gave none
     */
    public String filename() {
        return this.filename;
    }

    /**
     * What the file is for.
     * @return the purpose, or null when MiniMax gave none
     */
    public @Nullable FilePurpose purpose() {
        return this.purpose;
    }

    /**
     * Where to download the file, when MiniMax gives a link (retrieve does for generated files).
     * @return the URL, or null
     */
    public @Nullable String downloadUrl() {
        return this.downloadUrl;
    }

    /**
     * The reference a conversation request uses for this file.
     * @return {@code mm_file://} and the id
     */
    public String reference() {
        return "mm_file://" + this.id;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || (other instanceof FileObject that && this.id.equals(that.id) && this.bytes == that.bytes
                && this.createdAt == that.createdAt && this.filename.equals(that.filename)
                && Objects.equals(this.purpose, that.purpose) && Objects.equals(this.downloadUrl, that.downloadUrl));
    }

    @Override
    public int hashCode() {
        return Objects.hash(this.id, this.bytes, this.createdAt, this.filename, this.purpose, this.downloadUrl);
    }

    @Override
    public String toString() {
        return "FileObject[id=" + this.id + ", bytes=" + this.bytes + ", createdAt=" + this.createdAt + ", filename="
                + this.filename + ", purpose=" + this.purpose + "]";
    }

    /** Builds a {@link FileObject}. */
    public static final class Builder {

        private @Nullable String id;

        private long bytes;

        private long createdAt;

        private @Nullable String filename;

        private @Nullable FilePurpose purpose;

        private @Nullable String downloadUrl;

        private Builder() {
        }

        /**
         * Sets the file id.
         * @param id the id
         * @return this builder
         */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /**
         * Sets the size.
         * @param bytes size in bytes
         * @return this builder
         */
        public Builder bytes(long bytes) {
            this.bytes = bytes;
            return this;
        }

        /**
         * Sets the creation time.
         * @param createdAt seconds since the epoch
         * @return this builder
         */
        public Builder createdAt(long createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /**
         * Sets the file name.
         * @param filename the name
         * @return this builder
         */
        public Builder filename(String filename) {
            this.filename = filename;
            return this;
        }

        /**
         * Sets the purpose.
         * @param purpose the purpose
         * @return this builder
         */
        public Builder purpose(FilePurpose purpose) {
            this.purpose = purpose;
            return this;
        }

        /**
         * Sets the download link.
         * @param downloadUrl the URL, or null
         * @return this builder
         */
        public Builder downloadUrl(@Nullable String downloadUrl) {
            this.downloadUrl = downloadUrl;
            return this;
        }

        /**
         * Builds the description.
         * @return the file
         * @throws IllegalStateException without an id
         */
        public FileObject build() {
            if (this.id == null) {
                throw new IllegalStateException("A FileObject needs an id: call id(...)");
            }
            return new FileObject(this.id, this.bytes, this.createdAt, this.filename, this.purpose, this.downloadUrl);
        }
    }
}
