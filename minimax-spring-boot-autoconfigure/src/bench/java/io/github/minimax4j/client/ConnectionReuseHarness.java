package io.github.minimax4j.client;

import java.io.FileInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.models.messages.MessageCreateParams;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.github.minimax4j.anthropic.MessageRequest;

/**
 * Connection reuse under concurrency, with JVM defaults (no {@code http.maxConnections}, nothing set): 64
 * callers make {@code create()} calls over TLS to a loopback fake that counts new connections (each distinct
 * client address is one TCP connection and one TLS handshake). Two patterns: steady (each caller calls again as
 * soon as its call returns) and waves (all 64 calls finish, then all 64 start again: a chat backend's fan-out).
 * This client beside the raw JDK HttpClient floor and the Anthropic SDK (OkHttp). Reported per 1,000 calls
 * after a warm-up round, with calls per second.
 * <p>
 * The fake is the JDK's HttpsServer, which speaks HTTP/1.1 only: over HTTP/2 (which MiniMax may offer, and the
 * JDK client negotiates by ALPN) the 64 callers would share fewer connections still.
 */
public final class ConnectionReuseHarness {

    private static final int CALLERS = 64;

    private static final int CALLS_PER_CALLER = 150;

    private static final char[] PASSWORD = "changeit".toCharArray();

    private static final MessageRequest REQUEST = MessageRequest.builder().maxTokens(1024).addUserMessage("Hello")
        .build();

    /** Every connection the server has seen (client address and port), across all runs. */
    private final Set<String> connections = ConcurrentHashMap.newKeySet();

    /** Connections first seen during the current measurement. */
    private final AtomicInteger newConnections = new AtomicInteger();

    private final AtomicInteger calls = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        Path keystore = selfSignedKeystore();
        // The harness JVM trusts its own fake (the same store serves and trusts): the bench, not the library, sets it.
        System.setProperty("javax.net.ssl.trustStore", keystore.toString());
        System.setProperty("javax.net.ssl.trustStorePassword", new String(PASSWORD));
        new ConnectionReuseHarness().run(keystore);
    }

    private void run(Path keystore) throws Exception {
        HttpsServer server = server(keystore);
        String base = "https://127.0.0.1:" + server.getAddress().getPort();
        try {
            MiniMaxClient minimax = MiniMaxClient.builder().apiKey("k").baseUrl(base).build();
            RawClient raw = new RawClient(base);
            AnthropicClient sdk = AnthropicOkHttpClient.builder().apiKey("k").baseUrl(base + "/anthropic").build();
            MessageCreateParams sdkRequest = MessageCreateParams.builder().model("MiniMax-M3").maxTokens(1024)
                .addUserMessage("Hello").build();
            Call ours = () -> minimax.messages().create(REQUEST);
            Call floor = raw::create;
            Call anthropic = () -> sdk.messages().create(sdkRequest);
            for (boolean waves : new boolean[] { false, true }) {
                report("minimax4j", ours, waves);
                report("raw floor", floor, waves);
                report("Anthropic SDK", anthropic, waves);
            }
        }
        finally {
            server.stop(0);
            System.exit(0); // the SDK's OkHttp threads are not daemons
        }
    }

    @FunctionalInterface
    private interface Call {

        void call() throws Exception;
    }

    private void report(String name, Call call, boolean waves) throws Exception {
        run(call, waves, 20); // warm-up: pools and TLS sessions reach their steady state
        this.newConnections.set(0);
        this.calls.set(0);
        long start = System.nanoTime();
        run(call, waves, CALLS_PER_CALLER);
        double seconds = (System.nanoTime() - start) / 1e9;
        int made = this.calls.get();
        System.out.printf(Locale.ROOT, "HARNESS connections %s %s: %.1f new connections per 1,000 calls (%d over %d "
                + "calls), %.0f calls/s, 64 callers over TLS%n", waves ? "waves" : "steady", name,
                this.newConnections.get() * 1000.0 / made, this.newConnections.get(), made, made / seconds);
    }

    private void run(Call call, boolean waves, int callsPerCaller) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        CyclicBarrier wave = new CyclicBarrier(CALLERS);
        try {
            Future<?>[] work = new Future<?>[CALLERS];
            for (int c = 0; c < CALLERS; c++) {
                work[c] = callers.submit(() -> {
                    for (int i = 0; i < callsPerCaller; i++) {
                        if (waves) {
                            wave.await(); // all start together, after all finished
                        }
                        call.call();
                    }
                    return null;
                });
            }
            for (Future<?> future : work) {
                future.get(5, TimeUnit.MINUTES);
            }
        }
        finally {
            callers.shutdownNow();
        }
    }

    private HttpsServer server(Path keystore) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(keystore.toFile())) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.setExecutor(Executors.newFixedThreadPool(CALLERS));
        byte[] reply = Fixtures.read("m27-response.json").getBytes(StandardCharsets.UTF_8);
        server.createContext("/", (exchange) -> {
            try (exchange) {
                if (this.connections.add(exchange.getRemoteAddress().toString())) {
                    this.newConnections.incrementAndGet();
                }
                this.calls.incrementAndGet();
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, reply.length);
                exchange.getResponseBody().write(reply);
            }
        });
        server.start();
        return server;
    }

    /** A self-signed certificate for 127.0.0.1, made by the JDK's keytool. */
    private static Path selfSignedKeystore() throws Exception {
        Path dir = Files.createTempDirectory("minimax-bench-tls");
        Path keystore = dir.resolve("bench.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "bench", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore",
                keystore.toString(), "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
            .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (keytool.waitFor() != 0) {
            throw new IOException("keytool failed: " + output);
        }
        keystore.toFile().deleteOnExit();
        dir.toFile().deleteOnExit();
        return keystore;
    }
}
