package io.github.minimax4j.test.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * MiniMax's File Management API, offline ({@code /v1/files/upload}, {@code list}, {@code retrieve},
 * {@code delete}): uploads are kept in memory up to {@link #CAPACITY} bytes in all, answered in MiniMax's shape
 * ({@code {"file": {...}, "base_resp": {...}}}), and the {@code mm_file://} ids it issued are the only ones the
 * conversation endpoints accept. Errors come as MiniMax reports a bad parameter: HTTP 200 with
 * {@code base_resp} 2013. Thread-safe.
 */
final class FilesEndpoint {

    /** Bytes of uploaded content the simulator keeps at most, all files together. */
    static final long CAPACITY = 256L * 1024 * 1024;

    private static final Map<String, Set<String>> FORMATS = Map.of("video_understanding",
            Set.of("mp4", "avi", "mov", "mkv"), "voice_clone", Set.of("mp3", "m4a", "wav"), "prompt_audio",
            Set.of("mp3", "m4a", "wav"), "t2a_async_input", Set.of("txt", "zip"));

    /** MiniMax's ids are int64 numbers: start somewhere that looks like one. */
    private final AtomicLong nextId = new AtomicLong(300_000_000_000L);

    private final Map<String, Stored> files = new LinkedHashMap<>();

    private long storedBytes;

    /** One uploaded file: its description and content. */
    record Stored(String id, String filename, String purpose, long createdAt, byte[] content) {
    }

    /** Forgets every file. */
    synchronized void reset() {
        this.files.clear();
        this.storedBytes = 0;
    }

    synchronized @Nullable Stored get(String id) {
        return this.files.get(id);
    }

    /**
     * Rejects a request that references a {@code mm_file://} id this simulator did not issue, anywhere in its JSON.
     * @throws BadRequestException naming the id
     */
    void checkReferences(JsonNode request) {
        if (request.isString() && request.stringValue().startsWith("mm_file://")) {
            String id = request.stringValue().substring("mm_file://".length());
            if (get(id) == null) {
                throw new BadRequestException("file " + request.stringValue() + " not found: upload it through "
                        + "/v1/files/upload first (ids are kept until deleted or reset)");
            }
        }
        for (JsonNode child : request) {
            checkReferences(child);
        }
    }

    /** Answers one Files API request; the caller has checked the key and recorded the request. */
    void handle(HttpExchange exchange, String operation, byte[] body) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        switch (operation) {
            case "upload" -> upload(exchange, body);
            case "list" -> list(exchange, query.getOrDefault("purpose", ""));
            case "retrieve" -> retrieve(exchange, query.getOrDefault("file_id", ""));
            case "delete" -> delete(exchange, Json.readObject(body));
            default -> HttpExchanges.sendError(exchange, 404, "No such endpoint: " + exchange.getRequestURI().getPath(),
                    null);
        }
    }

    /** The method each operation takes. */
    static String methodOf(String operation) {
        return (operation.equals("list") || operation.equals("retrieve")) ? "GET" : "POST";
    }

    /**
     * Reads an upload's body, at most what is left of {@link #CAPACITY} (and a little for the form): a larger one
     * is not read, and is answered as a bad parameter.
     */
    byte[] readUpload(HttpExchange exchange) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        long declared = (length != null) ? Long.parseLong(length) : -1;
        long room;
        synchronized (this) {
            room = CAPACITY - this.storedBytes + 64 * 1024;
        }
        try (InputStream in = exchange.getRequestBody()) {
            return (declared > room) ? new byte[0] : in.readNBytes((int) Math.min(room, Integer.MAX_VALUE - 8));
        }
    }

    /** What {@link ReceivedRequest#body()} holds for an upload: its form, not the file's bytes. */
    static byte[] summary(@Nullable String contentType, byte[] body) {
        Multipart form = Multipart.parse(contentType, body);
        ObjectNode summary = Json.object();
        if (form != null) {
            summary.put("purpose", form.field("purpose"));
            Multipart.FilePart file = form.file();
            if (file != null) {
                summary.put("filename", file.filename()).put("content_type", file.contentType())
                    .put("bytes", file.content().length);
            }
        }
        return Json.write(summary).getBytes(StandardCharsets.UTF_8);
    }

    private void upload(HttpExchange exchange, byte[] body) throws IOException {
        Multipart form = Multipart.parse(exchange.getRequestHeaders().getFirst("Content-Type"), body);
        if (form == null) {
            baseRespError(exchange, "invalid params, send multipart/form-data with the fields purpose and file, "
                    + "at most " + CAPACITY + " bytes in all for the simulator");
            return;
        }
        String purpose = form.field("purpose");
        Multipart.FilePart file = form.file();
        if (purpose == null || !FORMATS.containsKey(purpose)) {
            baseRespError(exchange, "invalid params, purpose must be one of " + FORMATS.keySet());
            return;
        }
        if (file == null || file.content().length == 0) {
            baseRespError(exchange, "invalid params, file is required and must not be empty");
            return;
        }
        String name = file.filename();
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        if (!FORMATS.get(purpose).contains(extension)) {
            baseRespError(exchange, "invalid params, " + purpose + " accepts " + FORMATS.get(purpose) + " files");
            return;
        }
        Stored stored;
        synchronized (this) {
            if (this.storedBytes + file.content().length > CAPACITY) {
                baseRespError(exchange, "invalid params, the simulator keeps at most " + CAPACITY + " bytes of files; "
                        + "delete some or reset it");
                return;
            }
            stored = new Stored(String.valueOf(this.nextId.incrementAndGet()), name, purpose,
                    Instant.now().getEpochSecond(), file.content());
            this.files.put(stored.id(), stored);
            this.storedBytes += stored.content().length;
        }
        ObjectNode reply = Json.object();
        reply.set("file", describe(stored));
        reply.set("base_resp", HttpExchanges.baseResp(0, "success"));
        HttpExchanges.sendJson(exchange, 200, reply);
    }

    private void list(HttpExchange exchange, String purpose) throws IOException {
        if (!FORMATS.containsKey(purpose)) {
            baseRespError(exchange, "invalid params, purpose is required: one of " + FORMATS.keySet());
            return;
        }
        ArrayNode listed = Json.array();
        synchronized (this) {
            this.files.values().stream().filter((file) -> file.purpose().equals(purpose))
                .forEach((file) -> listed.add(describe(file)));
        }
        ObjectNode reply = Json.object();
        reply.set("files", listed);
        reply.set("base_resp", HttpExchanges.baseResp(0, "success"));
        HttpExchanges.sendJson(exchange, 200, reply);
    }

    private void retrieve(HttpExchange exchange, String id) throws IOException {
        Stored stored = get(id);
        if (stored == null) {
            baseRespError(exchange, "invalid params, file_id " + id + " not found");
            return;
        }
        ObjectNode reply = Json.object();
        reply.set("file", describe(stored));
        reply.set("base_resp", HttpExchanges.baseResp(0, "success"));
        HttpExchanges.sendJson(exchange, 200, reply);
    }

    private void delete(HttpExchange exchange, JsonNode request) throws IOException {
        String id = Json.text(request.get("file_id"));
        if (id.isEmpty() && request.path("file_id").isNumber()) {
            id = request.get("file_id").asString();
        }
        String purpose = Json.text(request.get("purpose"));
        synchronized (this) {
            Stored stored = this.files.get(id);
            if (stored == null || !stored.purpose().equals(purpose)) {
                baseRespError(exchange, "invalid params, no file " + id + " with purpose '" + purpose + "'");
                return;
            }
            this.files.remove(id);
            this.storedBytes -= stored.content().length;
        }
        ObjectNode reply = Json.object();
        reply.put("file_id", Long.parseLong(id));
        reply.set("base_resp", HttpExchanges.baseResp(0, "success"));
        HttpExchanges.sendJson(exchange, 200, reply);
    }

    private static ObjectNode describe(Stored file) {
        return Json.object().put("file_id", Long.parseLong(file.id())).put("bytes", file.content().length)
            .put("created_at", file.createdAt()).put("filename", file.filename()).put("purpose", file.purpose());
    }

    static void baseRespError(HttpExchange exchange, String message) throws IOException {
        ObjectNode reply = Json.object();
        reply.set("base_resp", HttpExchanges.baseResp(2013, message));
        HttpExchanges.sendJson(exchange, 200, reply);
    }

    private static Map<String, String> query(@Nullable String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    query.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }
}
