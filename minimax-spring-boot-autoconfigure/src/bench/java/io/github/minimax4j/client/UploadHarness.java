package io.github.minimax4j.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import io.github.minimax4j.model.FileObject;
import io.github.minimax4j.model.FilePurpose;

/**
 * A 512 MB upload (MiniMax's Files API limit) to a loopback server: this client from a {@code Path} and from an
 * {@code InputStream}, and the same body through {@code java.net.http} alone, each in a child JVM capped at
 * {@code -Xmx64m} (a body held in memory could not fit), and {@code curl -F} on the same file as the floor. The server, in this JVM, reads and counts every byte.
 */
public final class UploadHarness {

    private static final long SIZE = FilePurpose.MAX_BYTES;

    private static final String HEAP = "-Xmx64m";

    /**
     * Without arguments, runs every mode; with {@code path|stream baseUrl file}, uploads here.
     * @param args nothing, or the mode, the server's URL and the file
     * @throws Exception when the harness itself fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 3) {
            upload(args[0], args[1], Path.of(args[2]));
            return;
        }
        Path file = Files.createTempFile("minimax-upload-", ".mp4");
        try (UploadServer server = new UploadServer()) {
            write(file);
            String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            for (int round = 1; round <= 3; round++) {
                for (String mode : List.of("path", "stream", "jdk")) {
                    List<String> command = new ArrayList<>(List.of(javaBin, HEAP, "-XX:+UseSerialGC",
                            "-Dlogback.configurationFile=" + System.getProperty("logback.configurationFile", ""), "-cp",
                            System.getProperty("java.class.path"), UploadHarness.class.getName(), mode,
                            server.baseUrl(), file.toString()));
                    report((mode.equals("jdk") ? "raw JDK HttpClient ofFile" : "minimax4j " + mode) + " at " + HEAP,
                            run(command), server);
                }
                report("curl -F", run(List.of("curl", "-sS", "-o", "/dev/null", "-w", "RESULT %{time_total}", "-F",
                        "purpose=video_understanding", "-F", "file=@" + file + ";type=video/mp4",
                        server.baseUrl() + "/v1/files/upload")), server);
            }
        }
        finally {
            Files.deleteIfExists(file);
        }
    }

    private static void upload(String mode, String baseUrl, Path file) throws IOException {
        MiniMaxClientBuilder builder = MiniMaxClient.builder().apiKey("k").baseUrl(baseUrl).retryPolicy(RetryPolicy.none());
        if (mode.equals("pooled")) {
            // the JDK client's default executor instead of the client's inline one
            builder.httpClient(java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1)
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build());
        }
        MiniMaxClient minimax = builder.build();
        // One small upload first, so the time below is the transfer, not class loading and the first connection.
        Path small = Files.write(Files.createTempFile("minimax-warmup-", ".mp4"), new byte[1024]);
        if (mode.equals("jdk")) {
            rawJdk(baseUrl, small);
        }
        else {
            minimax.files().upload(small, FilePurpose.VIDEO_UNDERSTANDING);
        }
        Files.delete(small);
        long start = System.nanoTime();
        FileObject uploaded;
        if (mode.equals("jdk")) {
            uploaded = FileObject.builder().id(rawJdk(baseUrl, file)).build();
        }
        else if (mode.equals("path") || mode.equals("pooled")) {
            uploaded = minimax.files().upload(file, FilePurpose.VIDEO_UNDERSTANDING);
        }
        else {
            try (InputStream in = Files.newInputStream(file)) {
                uploaded = minimax.files()
                    .upload(FileUpload.of(in, Files.size(file), "talk.mp4", FilePurpose.VIDEO_UNDERSTANDING));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Runtime runtime = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "RESULT %.3f file %s, max heap %d MB%n", seconds, uploaded.id(),
                runtime.maxMemory() / (1024 * 1024));
        System.exit(0);
    }

    /** The same multipart body through java.net.http alone: the JDK's own ofFile, no client around it. */
    private static String rawJdk(String baseUrl, Path file) throws IOException {
        String boundary = "raw-jdk-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nvideo_understanding\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"talk.mp4\"\r\n"
                + "Content-Type: video/mp4\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl
                + "/v1/files/upload"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(java.net.http.HttpRequest.BodyPublishers.concat(java.net.http.HttpRequest.BodyPublishers.ofByteArray(head),
                    java.net.http.HttpRequest.BodyPublishers.ofFile(file),
                    java.net.http.HttpRequest.BodyPublishers.ofByteArray(tail)))
            .build();
        try {
            return String.valueOf(http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException(ex);
        }
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = child.waitFor();
        return output.lines().filter((line) -> line.startsWith("RESULT")).findFirst().orElse("FAILED exit " + exit
                + ": " + output.lines().filter((line) -> line.contains("Error") || line.contains("Exception"))
                    .findFirst().orElse(output));
    }

    private static void report(String what, String result, UploadServer server) {
        long received = server.lastBody.getAndSet(-1);
        if (!result.startsWith("RESULT ")) {
            System.out.printf(Locale.ROOT, "HARNESS upload of %,d bytes, %s: %s%n", SIZE, what, result);
            return;
        }
        String[] fields = result.substring("RESULT ".length()).split(" ", 2);
        double seconds = Double.parseDouble(fields[0]);
        System.out.printf(Locale.ROOT, "HARNESS upload of %,d bytes, %s: %.2f s, %.0f MB/s, server read %,d body bytes%s%n",
                SIZE, what, seconds, SIZE / seconds / (1024 * 1024), received,
                (fields.length > 1) ? " (" + fields[1] + ")" : "");
    }

    /** A 512 MB file of a repeated 1 MB pattern. */
    private static void write(Path file) throws IOException {
        byte[] block = new byte[1024 * 1024];
        new java.util.Random(42).nextBytes(block);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < SIZE; written += block.length) {
                out.write(block);
            }
        }
    }

    /** Reads each upload to its last byte, answers 100-continue when asked (curl asks), then a file object. */
    private static final class UploadServer implements AutoCloseable {

        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());

        final AtomicLong lastBody = new AtomicLong(-1);

        UploadServer() throws IOException {
            Thread acceptor = new Thread(() -> {
                while (!this.socket.isClosed()) {
                    try (Socket connection = this.socket.accept()) { // one upload per connection (Connection: close)
                        serve(connection);
                    }
                    catch (IOException ex) {
                        // closed
                    }
                }
            }, "upload-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String baseUrl() {
            return "http://127.0.0.1:" + this.socket.getLocalPort();
        }

        private void serve(Socket connection) throws IOException {
            InputStream in = connection.getInputStream();
            OutputStream out = connection.getOutputStream();
            String head = readHead(in);
            long length = -1;
            boolean expectContinue = false;
            for (String line : head.split("\r\n")) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                }
                expectContinue |= lower.startsWith("expect:") && lower.contains("100-continue");
            }
            if (expectContinue) {
                out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            byte[] buffer = new byte[256 * 1024];
            long read = 0;
            while (read < length) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, length - read));
                if (n < 0) {
                    break;
                }
                read += n;
            }
            this.lastBody.accumulateAndGet(read, Math::max);
            String body = "{\"file\":{\"file_id\":1,\"bytes\":" + SIZE + ",\"created_at\":1,\"filename\":\"talk.mp4\","
                    + "\"purpose\":\"video_understanding\"},\"base_resp\":{\"status_code\":0,\"status_msg\":\"success\"}}";
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
                    + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        private static String readHead(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0) {
                head.append((char) b);
                if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                    break;
                }
            }
            return head.toString();
        }

        @Override
        public void close() throws IOException {
            this.socket.close();
        }
    }
}
