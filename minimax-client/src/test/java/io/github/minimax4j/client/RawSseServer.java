package io.github.minimax4j.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP server that answers with a scripted, chunked event stream, written and flushed piece
 * by piece. MockServer sends a response in one go; these tests need what it cannot do: pause between
 * events, wait for the client, stall, or cut the socket without the final chunk.
 */
final class RawSseServer implements AutoCloseable {

    /** What the server does with one connection once the request is read. */
    @FunctionalInterface
    interface Script {

        void run(Writer writer) throws Exception;
    }

    private final ServerSocket serverSocket;

    private final ExecutorService executor = Executors.newCachedThreadPool();

    RawSseServer(Script script) throws IOException {
        this(true, script);
    }

    /**
     * @param sseHead whether to send the 200 event-stream head first; without it the script writes the
     * whole response itself (any status line, any body, or nothing at all)
     */
    RawSseServer(boolean sseHead, Script script) throws IOException {
        this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.executor.submit(() -> {
            while (!this.serverSocket.isClosed()) {
                Socket socket = this.serverSocket.accept();
                this.executor.submit(() -> serve(socket, sseHead, script));
            }
            return null;
        });
    }

    String baseUrl() {
        return "http://127.0.0.1:" + this.serverSocket.getLocalPort();
    }

    private static Void serve(Socket socket, boolean sseHead, Script script) throws Exception {
        try (socket) {
            readRequest(socket.getInputStream());
            Writer writer = new Writer(socket);
            if (sseHead) {
                writer.raw("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n");
            }
            script.run(writer);
        }
        catch (IOException ex) {
            // The client went away: expected in the early-close scenarios, which look at the writer instead.
        }
        return null;
    }

    /** Reads one request whole; returns its head, lower-cased, followed by its body. */
    static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("request ended early");
            }
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1).toLowerCase();
        int at = headers.indexOf("content-length:");
        if (at >= 0) {
            int length = Integer.parseInt(headers.substring(at + 15, headers.indexOf("\r\n", at)).trim());
            return headers + new String(in.readNBytes(length), StandardCharsets.UTF_8);
        }
        return headers;
    }

    @Override
    public void close() throws IOException {
        this.serverSocket.close();
        this.executor.shutdownNow();
    }

    /** Writes the response one flushed chunk at a time. */
    static final class Writer {

        private final Socket socket;

        private final OutputStream out;

        Writer(Socket socket) throws IOException {
            this.socket = socket;
            this.socket.setTcpNoDelay(true); // each event leaves at once, as from a real server
            this.out = new java.io.BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
        }

        void raw(String text) throws IOException {
            this.out.write(text.getBytes(StandardCharsets.UTF_8));
            this.out.flush();
        }

        /** Raw bytes (a piece of a non-chunked body), flushed. */
        void bytes(byte[] bytes, int offset, int length) throws IOException {
            this.out.write(bytes, offset, length);
            this.out.flush();
        }

        /** One SSE event as its own HTTP chunk, flushed. */
        void event(String type, String json) throws IOException {
            byte[] data = ("event: " + type + "\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8);
            this.out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            this.out.write(data);
            this.out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            this.out.flush();
        }

        /** One data-only SSE event (as Chat Completions sends them) as its own HTTP chunk, flushed. */
        void data(String data) throws IOException {
            byte[] bytes = ("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
            this.out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            this.out.write(bytes);
            this.out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            this.out.flush();
        }

        /** The final chunk: a clean end of the body. */
        void end() throws IOException {
            raw("0\r\n\r\n");
        }

        /** Closes the socket mid-body, as a crashed server or a dropped network would. */
        void cut() throws IOException {
            this.socket.close();
        }
    }
}
