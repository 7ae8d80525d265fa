package io.github.minimax4j.sample.packaged;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * The packaged sample app (the jar {@code mvn package} built, path in system property {@code sample.jar}) in a
 * JVM of its own, offline (no {@code MINIMAX_API_KEY}), on a free loopback port; its output goes to a file
 * under {@code target/} that a failing check prints the end of.
 */
final class PackagedApp implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;

    private final Path log;

    private final int port;

    private PackagedApp(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts the jar with {@code jvmOptions} and {@code appArguments} and waits (up to 90 s) until it serves
     * {@code /api/about}, which calls nothing: {@code /actuator/health} also probes MiniMax, and on a loaded machine
     * that probe can be slow or DOWN while the app serves requests.
     */
    static PackagedApp start(String name, List<String> jvmOptions, List<String> appArguments) throws Exception {
        String jar = System.getProperty("sample.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("System property sample.jar names no packaged app (" + jar
                    + "): run these checks with 'mvn verify', whose Failsafe execution sets it after 'package'");
        }
        int port = freePort();
        Path log = Path.of("target", name + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar, "--server.port=" + port, "--server.address=127.0.0.1"));
        command.addAll(appArguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(log.toFile());
        builder.environment().remove("MINIMAX_API_KEY");
        PackagedApp app = new PackagedApp(builder.start(), log, port);
        app.awaitAnswering(Duration.ofSeconds(90));
        return app;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * Skips the calling test unless every one of {@code programs} is on the PATH, saying so on the console (where
     * Maven shows it beside the skipped count) and in the test report.
     */
    static void assumeOnPath(String install, String... programs) {
        for (String program : programs) {
            if (!onPath(program)) {
                String reason = String.join(" and ", programs) + " not installed (" + install + "; .ci/run does)";
                System.out.println("SKIPPED: " + reason);
                Assumptions.assumeTrue(false, reason);
            }
        }
    }

    /** Whether {@code program} is an executable file in a directory of the PATH. */
    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String directory : path.split(File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, program))) {
                return true;
            }
        }
        return false;
    }

    String url(String path) {
        return "http://127.0.0.1:" + this.port + path;
    }

    int port() {
        return this.port;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The app's output so far: for assertions on what it logged, and for a failure's description. */
    String output() throws IOException {
        return Files.readString(this.log);
    }

    String outputTail() throws IOException {
        String output = output();
        return "the end of " + this.log + ":\n" + output.substring(Math.max(0, output.length() - 4000));
    }

    private void awaitAnswering(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!this.process.isAlive()) {
                throw new IllegalStateException("The packaged app exited with " + this.process.exitValue() + "; "
                        + outputTail());
            }
            try {
                if (get("/api/about").statusCode() == 200) {
                    return;
                }
            }
            catch (IOException notYetListening) {
                // still starting
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        close();
        throw new IllegalStateException("The packaged app did not answer HTTP within " + timeout + "; " + outputTail());
    }

    @Override
    public void close() throws InterruptedException {
        this.process.destroy();
        if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
            this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
