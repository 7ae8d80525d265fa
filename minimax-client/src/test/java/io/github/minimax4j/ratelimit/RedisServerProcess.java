package io.github.minimax4j.ratelimit;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;

/**
 * Debian's {@code redis-server}, started by a test on a free loopback port (no persistence), stoppable and
 * restartable on the same port to play an outage. Tests skip when the binary is absent ({@link #binary()}).
 */
public final class RedisServerProcess implements AutoCloseable {

    /** Why a test that needs Redis skips. */
    public static final String ABSENT = "redis-server is not installed (apt-get install redis-server; .ci/run does)";

    private final Path binary;

    private final int port;

    private final Path log;

    private Process process;

    private RedisServerProcess(Path binary, int port) throws IOException {
        this.binary = binary;
        this.port = port;
        this.log = Files.createTempFile("redis-" + port + "-", ".log");
        start();
    }

    /**
     * The redis-server binary on the PATH (or /usr/bin), if installed.
     * @return the binary, or empty
     */
    public static Optional<Path> binary() {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/bin";
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "redis-server");
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Starts a server on a free loopback port and waits until it answers PING.
     * @param binary the redis-server binary
     * @return the running server
     * @throws IOException when it cannot be started
     */
    public static RedisServerProcess start(Path binary) throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) { // the free port may be taken between probe and bind
            int port;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
            }
            try {
                return new RedisServerProcess(binary, port);
            }
            catch (IOException ex) {
                last = ex;
            }
        }
        throw last;
    }

    /**
     * Port it listens on, on 127.0.0.1.
     * @return the port
     */
    public int port() {
        return this.port;
    }

    /**
     * A Lettuce connection for the limiter: byte-array codec, commands rejected at once while disconnected.
     * @return the client, to be shut down by the caller, and its connection
     */
    public Connection connect() {
        return connect(this.port);
    }

    /**
     * As {@link #connect()}, to a server another process started.
     * @param port its loopback port
     * @return the client and its connection
     */
    public static Connection connect(int port) {
        RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", port));
        client.setOptions(ClientOptions.builder()
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .build());
        return new Connection(client, client.connect(ByteArrayCodec.INSTANCE));
    }

    /** Stops the server (SIGTERM) and waits for it to exit. */
    public void stop() throws InterruptedException {
        if (this.process != null && this.process.isAlive()) {
            this.process.destroy();
            this.process.waitFor();
        }
    }

    /** Starts it again on the same port. */
    public void restart() throws IOException {
        start();
    }

    private void start() throws IOException {
        this.process = new ProcessBuilder(List.of(this.binary.toString(), "--port", String.valueOf(this.port), "--bind",
                "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes"))
            .redirectErrorStream(true)
            .redirectOutput(this.log.toFile())
            .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!this.process.isAlive()) {
                throw new IOException("redis-server exited at start: " + Files.readString(this.log));
            }
            if (answersPing()) {
                return;
            }
            try {
                Thread.sleep(50);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", ex);
            }
        }
        throw new IOException("redis-server did not answer PING within 30 s: " + Files.readString(this.log));
    }

    private boolean answersPing() {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(7);
            return new String(reply, StandardCharsets.US_ASCII).startsWith("+PONG");
        }
        catch (IOException ex) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException, IOException {
        stop();
        Files.deleteIfExists(this.log);
    }

    /**
     * A Lettuce client and its connection; closing shuts both.
     * @param client the client
     * @param connection the connection
     */
    public record Connection(RedisClient client, StatefulRedisConnection<byte[], byte[]> connection)
            implements AutoCloseable {

        @Override
        public void close() {
            this.connection.close();
            this.client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }
}
