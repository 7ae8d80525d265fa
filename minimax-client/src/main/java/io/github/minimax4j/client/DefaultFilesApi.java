package io.github.minimax4j.client;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import io.github.minimax4j.error.InvalidRequestException;
import io.github.minimax4j.error.MalformedResponseException;
import io.github.minimax4j.model.BaseResp;
import io.github.minimax4j.model.FileObject;
import io.github.minimax4j.model.FilePurpose;
import io.github.minimax4j.observation.MiniMaxCall;
import org.jspecify.annotations.Nullable;

/** The Files API over {@link HttpTransport}: observed like every call, with no model and no token usage. */
final class DefaultFilesApi implements FilesApi {

    private final JsonBodies json;

    private final CallObservation.Observer observer;

    private final URI baseUrl;

    DefaultFilesApi(HttpTransport transport, CallObservation.Observer observer, URI baseUrl) {
        this.json = new JsonBodies(transport);
        this.observer = observer;
        this.baseUrl = baseUrl;
    }

    @Override
    public FileObject upload(FileUpload upload) {
        Objects.requireNonNull(upload, "upload must not be null");
        upload.check();
        URI uri = Urls.resolve(this.baseUrl, "/v1/files/upload");
        return observe("upload_file", () -> file(this.json.exchange(uri, new MultipartBody(upload), RequestOptions.NONE,
                FileReply.class, FileReply::baseResp).body(), uri));
    }

    @Override
    public FileObject retrieve(String fileId) {
        URI uri = Urls.resolve(this.baseUrl, "/v1/files/retrieve?file_id=" + query(checkId(fileId)));
        return observe("retrieve_file", () -> file(this.json.exchange(uri, Outgoing.GET, RequestOptions.NONE,
                FileReply.class, FileReply::baseResp).body(), uri));
    }

    @Override
    public List<FileObject> list(FilePurpose purpose) {
        Objects.requireNonNull(purpose, "purpose must not be null");
        URI uri = Urls.resolve(this.baseUrl, "/v1/files/list?purpose=" + query(purpose.value()));
        return observe("list_files", () -> {
            FileList reply = this.json.exchange(uri, Outgoing.GET, RequestOptions.NONE, FileList.class,
                    FileList::baseResp).body();
            return (reply.files() != null) ? List.copyOf(reply.files()) : List.of();
        });
    }

    @Override
    public void delete(String fileId, FilePurpose purpose) {
        Objects.requireNonNull(purpose, "purpose must not be null");
        Map<String, Object> body = new LinkedHashMap<>();
        String id = checkId(fileId);
        // file_id is an int64 in MiniMax's schema: a numeric id goes out as a number.
        body.put("file_id", id.chars().allMatch(Character::isDigit) && id.length() < 19 ? (Object) Long.valueOf(id) : id);
        body.put("purpose", purpose.value());
        URI uri = Urls.resolve(this.baseUrl, "/v1/files/delete");
        observe("delete_file", () -> this.json.post(uri, body, DeleteReply.class, DeleteReply::baseResp));
    }

    private <T> T observe(String operation, Supplier<T> call) {
        return this.observer.start(MiniMaxCall.builder().api(MiniMaxCall.FILES).operation(operation).requestModel("")
            .build()).observe(call, (result) -> null, (result) -> null);
    }

    private static FileObject file(FileReply reply, URI uri) {
        if (reply.file() == null) {
            throw new MalformedResponseException("MiniMax answered " + uri + " without a file");
        }
        return reply.file();
    }

    private static String checkId(@Nullable String fileId) {
        if (fileId == null || fileId.isBlank()) {
            throw new InvalidRequestException("A file id is required: pass the id an upload returned (FileObject.id())");
        }
        String id = fileId.startsWith("mm_file://") ? fileId.substring("mm_file://".length()) : fileId;
        return id.strip();
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Upload's and retrieve's answer. */
    record FileReply(@Nullable FileObject file, @Nullable BaseResp baseResp) {
    }

    /** List's answer. */
    record FileList(@Nullable List<FileObject> files, @Nullable BaseResp baseResp) {
    }

    /** Delete's answer. */
    record DeleteReply(@Nullable Object fileId, @Nullable BaseResp baseResp) {
    }
}
