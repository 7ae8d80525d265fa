package io.github.minimax4j.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A loopback HTTP/1.1 server on a raw socket that records each request whole (head and body) and answers as
 * scripted, including not at all: a connection closed before any response byte, which no HTTP library server
 * can be told to do.
 */
final class RawHttpServer implements AutoCloseable {

    /** The answer to drop the connection with instead of responding. */
    static final String DROP = "DROP";

    /** An answer ending in this is sent without it, and the connection is dropped after it. */
    static final String THEN_DROP = "<THEN_DROP>";

    private final ServerSocket socket;

    private final Thread acceptor;

    final List<Request> requests = new CopyOnWriteArrayList<>();

    /**
     * @param answers the raw response (status line, headers, body) for the n-th request (0-based), or {@link #DROP}
     */
    RawHttpServer(Function<Integer, String> answers) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(() -> {
            while (!this.socket.isClosed()) {
                try {
                    Socket connection = this.socket.accept();
                    Thread serving = new Thread(() -> {
                        try (connection) {
                            serve(connection, answers);
                        }
                        catch (IOException ex) {
                            // the client went away
                        }
                    }, "raw-http-connection");
                    serving.setDaemon(true);
                    serving.start();
                }
                catch (IOException ex) {
                    // closed
                }
            }
        }, "raw-http-server");
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    /** A JSON 200. */
    static String json(String body) {
        return json(200, body);
    }

    static String json(int status, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return "HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                + "\r\n\r\n" + body;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + this.socket.getLocalPort();
    }

    private void serve(Socket connection, Function<Integer, String> answers) throws IOException {
        InputStream in = connection.getInputStream();
        OutputStream out = connection.getOutputStream();
        while (true) {
            String head = readHead(in);
            if (head == null) {
                return;
            }
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            String[] lines = head.split("\r\n");
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim());
            }
            byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("Content-Length", "0")));
            Request request = new Request(lines[0], headers, body);
            int index;
            synchronized (this.requests) {
                index = this.requests.size();
                this.requests.add(request);
            }
            String answer = answers.apply(index);
            if (DROP.equals(answer)) {
                return;
            }
            boolean drop = answer.endsWith(THEN_DROP);
            out.write(answer.substring(0, answer.length() - (drop ? THEN_DROP.length() : 0))
                .getBytes(StandardCharsets.UTF_8));
            out.flush();
            if (drop) {
                return;
            }
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r') ? 1 : 0;
            if (matched == 4) {
                String text = head.toString(StandardCharsets.ISO_8859_1);
                return text.substring(0, text.length() - 4);
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        this.socket.close();
    }

    /** One request as received. */
    record Request(String line, Map<String, String> headers, byte[] body) {

        String header(String name) {
            return this.headers.get(name);
        }

        String bodyText() {
            return new String(this.body, StandardCharsets.UTF_8);
        }

        /** The multipart parts, split on the boundary the Content-Type names. */
        List<Part> parts() {
            String contentType = header("Content-Type");
            String boundary = contentType.substring(contentType.indexOf("boundary=") + "boundary=".length());
            String text = new String(this.body, StandardCharsets.ISO_8859_1);
            String delimiter = "--" + boundary;
            if (!text.startsWith(delimiter + "\r\n") || !text.endsWith("\r\n" + delimiter + "--\r\n")) {
                throw new AssertionError("not a multipart body framed by " + delimiter);
            }
            String inner = text.substring(delimiter.length() + 2, text.length() - delimiter.length() - 6);
            return java.util.Arrays.stream(inner.split("\r\n" + java.util.regex.Pattern.quote(delimiter) + "\r\n"))
                .map(Part::parse)
                .toList();
        }
    }

    /** One multipart part: its headers (lower-cased names) and its bytes. */
    record Part(Map<String, String> headers, byte[] content) {

        static Part parse(String raw) {
            int split = raw.indexOf("\r\n\r\n");
            Map<String, String> headers = new TreeMap<>();
            for (String line : raw.substring(0, split).split("\r\n")) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
            return new Part(headers, raw.substring(split + 4).getBytes(StandardCharsets.ISO_8859_1));
        }

        String disposition() {
            return this.headers.get("content-disposition");
        }

        String text() {
            return new String(this.content, StandardCharsets.UTF_8);
        }
    }
}
