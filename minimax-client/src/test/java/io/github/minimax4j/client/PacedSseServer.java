package io.github.minimax4j.client;

import java.io.IOException;
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
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback Server-Sent Events server that paces thousands of replies at once on one thread: a selector reads
 * requests and a timer queue says when each reply's next event is due, so no reply holds a thread (a reply per
 * thread would measure the server, not the client). Each request gets the same events, the first at once and the
 * others {@code interval} apart, as HTTP/1.1 chunks on a keep-alive connection.
 */
public final class PacedSseServer implements AutoCloseable {

    private final ServerSocketChannel server;

    private final Selector selector;

    private final List<byte[]> chunks;

    private final long intervalNanos;

    private final PriorityQueue<Connection> due = new PriorityQueue<>((a, b) -> Long.compare(a.nextAt, b.nextAt));

    private final Thread thread;

    private volatile boolean closed;

    /** Requests answered or being answered. */
    public final AtomicInteger requests = new AtomicInteger();

    /** Replies being streamed now. */
    public final AtomicInteger open = new AtomicInteger();

    /** The most replies streamed at once. */
    public final AtomicInteger peakOpen = new AtomicInteger();

    /** The last event of a reply waits until this many requests have come (0: it does not wait). */
    private volatile int holdLastEventUntil;

    /**
     * @param events each event's SSE text, without the blank line that ends it
     * @param interval the pause between two events of a reply
     */
    public PacedSseServer(List<String> events, Duration interval) throws IOException {
        this.chunks = events.stream().map((event) -> chunk(event + "\n\n")).toList();
        this.intervalNanos = interval.toNanos();
        this.selector = Selector.open();
        this.server = ServerSocketChannel.open();
        this.server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
        this.server.configureBlocking(false);
        this.server.register(this.selector, SelectionKey.OP_ACCEPT);
        this.thread = new Thread(this::run, "paced-sse-server");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Holds every reply's last event until {@code requests} requests have come, so the replies must all be open at
     * once: a client that needs a thread per open reply, with fewer threads than that, never sends the last ones.
     * @param requests how many requests release the last events
     * @return this server
     */
    public PacedSseServer holdLastEventUntil(int requests) {
        this.holdLastEventUntil = requests;
        return this;
    }

    /** The base URL to give the client. */
    public String baseUrl() {
        return "http://127.0.0.1:" + ((InetSocketAddress) this.server.socket().getLocalSocketAddress()).getPort();
    }

    private static byte[] chunk(String text) {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        byte[] size = (Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer chunk = ByteBuffer.allocate(size.length + data.length + 2);
        chunk.put(size).put(data).put((byte) '\r').put((byte) '\n');
        return chunk.array();
    }

    private void run() {
        try {
            while (!this.closed) {
                Connection next = this.due.peek();
                long wait = (next == null) ? 0 : Math.max(1, (next.nextAt - System.nanoTime()) / 1_000_000);
                this.selector.select(wait);
                Iterator<SelectionKey> keys = this.selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isAcceptable()) {
                        accept();
                    }
                    else {
                        Connection connection = (Connection) key.attachment();
                        if (key.isReadable()) {
                            connection.read();
                        }
                        if (key.isValid() && key.isWritable()) {
                            connection.flush();
                        }
                    }
                }
                long now = System.nanoTime();
                while (!this.due.isEmpty() && this.due.peek().nextAt - now <= 0) {
                    this.due.poll().nextEvent();
                }
            }
        }
        catch (IOException ex) {
            if (!this.closed) {
                throw new IllegalStateException(ex);
            }
        }
    }

    private void accept() throws IOException {
        SocketChannel channel;
        while ((channel = this.server.accept()) != null) {
            channel.configureBlocking(false);
            channel.socket().setTcpNoDelay(true);
            Connection connection = new Connection(channel);
            connection.key = channel.register(this.selector, SelectionKey.OP_READ, connection);
        }
    }

    @Override
    public void close() throws IOException {
        this.closed = true;
        this.selector.wakeup();
        try {
            this.thread.join(5000);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        for (SelectionKey key : this.selector.keys()) {
            key.channel().close();
        }
        this.selector.close();
        this.server.close();
    }

    /** One keep-alive connection: reads a request, streams its reply, then reads the next. */
    private final class Connection {

        private final SocketChannel channel;

        private SelectionKey key;

        private final ByteBuffer in = ByteBuffer.allocate(64 * 1024);

        private final Queue<ByteBuffer> out = new ArrayDeque<>();

        private int sent = -1;

        private long nextAt;

        Connection(SocketChannel channel) {
            this.channel = channel;
        }

        void read() {
            try {
                if (this.channel.read(this.in) < 0) {
                    close();
                    return;
                }
            }
            catch (IOException ex) {
                close();
                return;
            }
            if (this.sent < 0 && requestComplete()) {
                PacedSseServer.this.requests.incrementAndGet();
                PacedSseServer.this.peakOpen.accumulateAndGet(PacedSseServer.this.open.incrementAndGet(), Math::max);
                this.sent = 0;
                write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
                nextEvent();
            }
        }

        /** Whether the buffer holds a whole request (head and Content-Length body); consumes it if so. */
        private boolean requestComplete() {
            String text = new String(this.in.array(), 0, this.in.position(), StandardCharsets.ISO_8859_1);
            int headEnd = text.indexOf("\r\n\r\n");
            if (headEnd < 0) {
                return false;
            }
            int length = 0;
            for (String line : text.substring(0, headEnd).split("\r\n")) {
                if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            int total = headEnd + 4 + length;
            if (this.in.position() < total) {
                return false;
            }
            this.in.flip().position(total);
            this.in.compact();
            return true;
        }

        void nextEvent() {
            if (!this.channel.isOpen()) {
                return;
            }
            if (this.sent == PacedSseServer.this.chunks.size() - 1
                    && PacedSseServer.this.requests.get() < PacedSseServer.this.holdLastEventUntil) {
                this.nextAt = System.nanoTime() + PacedSseServer.this.intervalNanos;
                PacedSseServer.this.due.add(this);
                return;
            }
            write(PacedSseServer.this.chunks.get(this.sent++));
            if (this.sent < PacedSseServer.this.chunks.size()) {
                this.nextAt = System.nanoTime() + PacedSseServer.this.intervalNanos;
                PacedSseServer.this.due.add(this);
            }
            else {
                write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                this.sent = -1;
                PacedSseServer.this.open.decrementAndGet();
                if (requestComplete()) { // a pipelined request: answer it now
                    read();
                }
            }
        }

        private void write(byte[] bytes) {
            this.out.add(ByteBuffer.wrap(bytes));
            flush();
        }

        void flush() {
            try {
                while (!this.out.isEmpty()) {
                    ByteBuffer next = this.out.peek();
                    this.channel.write(next);
                    if (next.hasRemaining()) {
                        this.key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                        return;
                    }
                    this.out.poll();
                }
                this.key.interestOps(SelectionKey.OP_READ);
            }
            catch (IOException ex) {
                close();
            }
        }

        private void close() {
            if (this.sent >= 0) {
                PacedSseServer.this.open.decrementAndGet();
                this.sent = -1;
            }
            PacedSseServer.this.due.remove(this);
            try {
                this.channel.close();
            }
            catch (IOException ex) {
                // already gone
            }
        }
    }
}
