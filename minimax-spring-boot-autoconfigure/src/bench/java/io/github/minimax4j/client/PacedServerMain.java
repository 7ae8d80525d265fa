package io.github.minimax4j.client;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@link PacedSseServer} in a JVM of its own for {@link ConcurrentStreamsHarness}, so the clients measured share no
 * CPU accounting, threads or heap with it: Messages replies of D deltas P ms apart. Prints {@code PORT n}, then
 * serves until its standard input ends.
 */
final class PacedServerMain {

    private PacedServerMain() {
    }

    /**
     * @param args deltas per reply and milliseconds between deltas
     */
    public static void main(String[] args) throws Exception {
        try (PacedSseServer server = new PacedSseServer(PacedMessagesReplies.events(Integer.parseInt(args[0])),
                Duration.ofMillis(Long.parseLong(args[1])))) {
            String baseUrl = server.baseUrl();
            System.out.println("PORT " + baseUrl.substring(baseUrl.lastIndexOf(':') + 1));
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).lines().count();
        }
    }
}
