package io.github.minimax4j.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback MiniMax that holds thousands of Messages streams open at once without a thread per stream: one
 * thread runs a selector over non-blocking channels and writes each stream's next text delta when it is due, as a
 * real server's event loop would. {@link RawSseServer} and the JDK {@code HttpServer} hold a thread per response
 * while it is paced, which at 10,000 streams measures the server, not the client.
 * <p>
 * Every request (any path, HTTP/1.1 keep-alive) gets the same chunked SSE reply: {@code message_start},
 * {@code content_block_start} and the first text delta at once, then one delta every {@code period} until
 * {@code deltas} are sent, then the closing events. With a {@code gate}, the first delta of every stream waits until
 * that many streams are open (or {@link #GATE_WAIT} passed), so the streams are provably open at the same time.
 * Public for other modules' tests (the sample app's) through this module's test jar.
 */
public final class PacedSseServer implements AutoCloseable {

    /** Longest a gated stream waits for the others before its deltas start anyway (a client failed to open one). */
    static final Duration GATE_WAIT = Duration.ofSeconds(60);

    private static final byte[] HEAD = ascii(
            "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n");

    private static final byte[] OPENING = chunk("event: message_start\ndata: {\"type\":\"message_start\",\"message\":"
            + "{\"id\":\"m\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"MiniMax-M3\",\"content\":[],"
            + "\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":12,\"output_tokens\":1}}}\n\n"
            + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
            + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n");

    private static final byte[] DELTA = chunk("event: content_block_delta\ndata: {\"type\":\"content_block_delta\","
            + "\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"word \"}}\n\n");

    private final byte[] closing;

    private final int deltas;

    private final long periodNanos;

    private final int gate;

    private final ServerSocketChannel acceptor;

    private final Selector selector;

    private final Thread loop;

    /** Streams waiting for their next delta, in due order: every stream's period is the same, so FIFO is sorted. */
    private final ArrayDeque<Stream> due = new ArrayDeque<>();

    /** Streams opened while the gate is shut. */
    private final List<Stream> gated = new ArrayList<>();

    private long gateShutSince = -1;

    private boolean gateOpen;

    private volatile boolean closed;

    final AtomicLong requests = new AtomicLong();

    final AtomicLong completed = new AtomicLong();

    private final AtomicInteger open = new AtomicInteger();

    private final AtomicInteger peakOpen = new AtomicInteger();

    /**
     * Starts serving on 127.0.0.1.
     * @param port the port, 0 for any free one
     * @param deltas text deltas per stream
     * @param period time between two deltas of one stream
     * @param gate streams to wait for before any stream's deltas start; 0 starts each stream at once
     * @throws IOException when the port cannot be bound
     */
    public PacedSseServer(int port, int deltas, Duration period, int gate) throws IOException {
        if (deltas < 1) {
            throw new IllegalArgumentException("deltas must be at least 1, was " + deltas);
        }
        this.deltas = deltas;
        this.periodNanos = period.toNanos();
        this.gate = gate;
        this.gateOpen = gate <= 0;
        this.closing = chunk("event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
                + "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
                + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":" + deltas + "}}\n\n"
                + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n", "0\r\n\r\n");
        this.selector = Selector.open();
        this.acceptor = ServerSocketChannel.open();
        this.acceptor.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16_384);
        this.acceptor.configureBlocking(false);
        this.acceptor.register(this.selector, SelectionKey.OP_ACCEPT);
        this.loop = new Thread(this::run, "paced-sse-server");
        this.loop.setDaemon(true);
        this.loop.start();
    }

    /** The server's address, {@code http://127.0.0.1:port}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    int port() {
        return this.acceptor.socket().getLocalPort();
    }

    /** The most streams that were open at one time. */
    public int peakOpen() {
        return this.peakOpen.get();
    }

    private void run() {
        try {
            while (!this.closed) {
                this.selector.select(selectTimeoutMillis());
                for (SelectionKey key : this.selector.selectedKeys()) {
                    handle(key);
                }
                this.selector.selectedKeys().clear();
                sendDue();
            }
        }
        catch (IOException ex) {
            if (!this.closed) {
                throw new UncheckedIOException(ex);
            }
        }
    }

    private long selectTimeoutMillis() {
        long now = System.nanoTime();
        long wait = 1000;
        Stream next = this.due.peekFirst();
        if (next != null) {
            wait = Math.max(1, (next.dueAt - now) / 1_000_000);
        }
        if (!this.gateOpen && this.gateShutSince >= 0) {
            wait = Math.min(wait, 1000);
        }
        return wait;
    }

    private void handle(SelectionKey key) throws IOException {
        if (!key.isValid()) {
            return;
        }
        if (key.isAcceptable()) {
            SocketChannel channel;
            while ((channel = this.acceptor.accept()) != null) {
                channel.configureBlocking(false);
                channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
                Connection connection = new Connection(channel);
                connection.key = channel.register(this.selector, SelectionKey.OP_READ, connection);
            }
            return;
        }
        Connection connection = (Connection) key.attachment();
        try {
            if (key.isWritable()) {
                connection.flush();
            }
            if (key.isReadable()) {
                connection.read();
            }
        }
        catch (IOException ex) {
            connection.close();
        }
    }

    private void sendDue() {
        long now = System.nanoTime();
        if (!this.gateOpen && this.gateShutSince >= 0 && now - this.gateShutSince > GATE_WAIT.toNanos()) {
            openGate(now);
        }
        Stream stream;
        while ((stream = this.due.peekFirst()) != null && stream.dueAt - now <= 0) {
            this.due.pollFirst();
            stream.sendNext(now);
        }
    }

    private void started(Stream stream, long now) {
        int nowOpen = this.open.incrementAndGet();
        this.peakOpen.accumulateAndGet(nowOpen, Math::max);
        if (this.gateOpen) {
            stream.sendNext(now);
            return;
        }
        if (this.gateShutSince < 0) {
            this.gateShutSince = now;
        }
        this.gated.add(stream);
        if (this.gated.size() >= this.gate) {
            openGate(now);
        }
    }

    private void openGate(long now) {
        this.gateOpen = true;
        for (Stream stream : this.gated) {
            stream.sendNext(now);
        }
        this.gated.clear();
    }

    /** Streams that ended with every delta sent. */
    public long completed() {
        return this.completed.get();
    }

    @Override
    public void close() {
        this.closed = true;
        this.selector.wakeup();
        try {
            this.loop.join(5_000);
            for (SelectionKey key : this.selector.keys()) {
                key.channel().close();
            }
            this.selector.close();
            this.acceptor.close();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** One reply in progress on a connection. */
    private final class Stream {

        private final Connection connection;

        private int sent;

        private long dueAt;

        Stream(Connection connection) {
            this.connection = connection;
        }

        void sendNext(long now) {
            if (!this.connection.channel.isOpen()) {
                ended();
                return;
            }
            this.sent++;
            boolean last = this.sent == PacedSseServer.this.deltas;
            try {
                this.connection.write(DELTA);
                if (last) {
                    this.connection.write(PacedSseServer.this.closing);
                }
            }
            catch (IOException ex) {
                this.connection.close();
                ended();
                return;
            }
            if (last) {
                ended();
                PacedSseServer.this.completed.incrementAndGet();
                this.connection.streamEnded();
            }
            else {
                // From when it was due, not when it went out: a late tick does not stretch the stream.
                this.dueAt = (this.sent == 1 ? now : this.dueAt) + PacedSseServer.this.periodNanos;
                PacedSseServer.this.due.addLast(this);
            }
        }

        private void ended() {
            PacedSseServer.this.open.decrementAndGet();
        }
    }

    /** A keep-alive connection: reads requests, writes without blocking, keeps what the socket did not take. */
    private final class Connection {

        private final SocketChannel channel;

        private SelectionKey key;

        private ByteBuffer in = ByteBuffer.allocate(2048);

        private ByteBuffer pending;

        private boolean streaming;

        Connection(SocketChannel channel) {
            this.channel = channel;
        }

        void read() throws IOException {
            int read = this.channel.read(this.in);
            if (read < 0) {
                close();
                return;
            }
            if (!this.in.hasRemaining()) {
                ByteBuffer bigger = ByteBuffer.allocate(this.in.capacity() * 2);
                this.in.flip();
                bigger.put(this.in);
                this.in = bigger;
            }
            if (!this.streaming) {
                nextRequest();
            }
        }

        /** Starts a reply when a whole request (head and Content-Length body) has arrived. */
        private void nextRequest() throws IOException {
            byte[] bytes = this.in.array();
            int length = this.in.position();
            int headEnd = indexOf(bytes, length);
            if (headEnd < 0) {
                return;
            }
            String head = new String(bytes, 0, headEnd, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
            int at = head.indexOf("content-length:");
            int body = 0;
            if (at >= 0) {
                int end = head.indexOf("\r\n", at);
                body = Integer.parseInt(head.substring(at + 15, (end < 0) ? head.length() : end).trim());
            }
            int total = headEnd + 4 + body;
            if (length < total) {
                return;
            }
            this.in.flip();
            this.in.position(total);
            this.in.compact();
            PacedSseServer.this.requests.incrementAndGet();
            this.streaming = true;
            write(HEAD);
            write(OPENING);
            started(new Stream(this), System.nanoTime());
        }

        void streamEnded() {
            this.streaming = false;
            try {
                nextRequest();
            }
            catch (IOException ex) {
                close();
            }
        }

        void write(byte[] bytes) throws IOException {
            if (this.pending != null) {
                ByteBuffer more = ByteBuffer.allocate(this.pending.remaining() + bytes.length);
                more.put(this.pending).put(bytes).flip();
                this.pending = more;
                return;
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            this.channel.write(buffer);
            if (buffer.hasRemaining()) {
                this.pending = ByteBuffer.allocate(buffer.remaining()).put(buffer).flip();
                this.key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            }
        }

        void flush() throws IOException {
            if (this.pending == null) {
                return;
            }
            this.channel.write(this.pending);
            if (!this.pending.hasRemaining()) {
                this.pending = null;
                this.key.interestOps(SelectionKey.OP_READ);
            }
        }

        void close() {
            try {
                this.channel.close();
            }
            catch (IOException ex) {
                // already gone
            }
        }
    }

    private static int indexOf(byte[] bytes, int length) {
        for (int i = 0; i + 3 < length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** One HTTP chunk holding {@code data}, followed by {@code after} (the last chunk, say). */
    private static byte[] chunk(String data, String after) {
        byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
        return ascii(Integer.toHexString(bytes.length) + "\r\n" + data + "\r\n" + after);
    }

    private static byte[] chunk(String data) {
        return chunk(data, "");
    }

    /**
     * Runs the server in a JVM of its own (the benchmark harness's), so the clients measured share no CPU
     * accounting, threads or heap with it. Prints {@code PORT n}, then serves until its standard input ends.
     * @param args deltas per stream and milliseconds between deltas
     */
    public static void main(String[] args) throws Exception {
        try (PacedSseServer server = new PacedSseServer(0, Integer.parseInt(args[0]),
                Duration.ofMillis(Long.parseLong(args[1])), 0)) {
            System.out.println("PORT " + server.port());
            System.out.flush();
            java.io.BufferedReader commands = new java.io.BufferedReader(
                    new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = commands.readLine()) != null) {
                if (line.equals("stats")) {
                    System.out.printf(Locale.ROOT, "STATS requests %d completed %d peakOpen %d%n",
                            server.requests.get(), server.completed.get(), server.peakOpen());
                    System.out.flush();
                }
            }
        }
    }
}
