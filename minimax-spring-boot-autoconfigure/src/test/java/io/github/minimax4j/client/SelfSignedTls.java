package io.github.minimax4j.client;

import java.io.FileInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A fake MiniMax over TLS on loopback, with a self-signed certificate for 127.0.0.1 generated here by the JDK's
 * {@code keytool}; {@link #certificatePem()} is the certificate to trust.
 */
final class SelfSignedTls implements AutoCloseable {

    private static final char[] PASSWORD = "changeit".toCharArray();

    private final Path dir;

    private final HttpsServer server;

    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    SelfSignedTls(HttpHandler handler) throws Exception {
        this.dir = Files.createTempDirectory("minimax-tls");
        Path keystore = this.dir.resolve("server.p12");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore",
                keystore.toString(), "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD));
        keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", keystore.toString(), "-storepass",
                new String(PASSWORD), "-file", this.dir.resolve("server.pem").toString());
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(keystore.toFile())) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);
        this.server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        this.server.setHttpsConfigurator(new HttpsConfigurator(tls));
        this.server.setExecutor(this.executor);
        this.server.createContext("/", (exchange) -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                handler.handle(exchange);
            }
        });
        this.server.start();
    }

    private static void keytool(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
    }

    String baseUrl() {
        return "https://127.0.0.1:" + this.server.getAddress().getPort();
    }

    /** The server's certificate, PEM-encoded, as an SSL bundle's truststore reads it. */
    Path certificatePem() {
        return this.dir.resolve("server.pem");
    }

    @Override
    public void close() throws IOException {
        this.server.stop(0);
        this.executor.shutdownNow();
        try (var files = Files.list(this.dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(this.dir);
    }
}
