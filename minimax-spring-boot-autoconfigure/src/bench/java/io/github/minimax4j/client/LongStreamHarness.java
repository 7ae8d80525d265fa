package io.github.minimax4j.client;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.anthropic.MessageResponse;
import io.github.minimax4j.anthropic.MessageStreamEvent;

/**
 * A 5,000,000-delta Messages stream ("word " each, 25 MB of text) read in a JVM capped at {@code -Xmx48m}: this
 * client keeping the text for {@code finalMessage()}, this client after {@code discardText()}, and the raw JDK
 * client. Each runs in its own child JVM, so one running out of memory does not disturb the others.
 */
public final class LongStreamHarness {

    private static final int DELTAS = 5_000_000;

    private static final String HEAP = "-Xmx48m";

    /**
     * Without arguments, runs the three modes in child JVMs; with one ({@code keep}, {@code discard}, {@code raw})
     * runs that mode here.
     * @param args nothing, or the mode
     * @throws Exception when the harness itself fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 1) {
            run(args[0]);
            return;
        }
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (String mode : List.of("keep", "discard", "raw")) {
            List<String> command = new ArrayList<>(List.of(javaBin, HEAP, "-XX:+UseSerialGC",
                    "-Dlogback.configurationFile=" + System.getProperty("logback.configurationFile", ""), "-cp",
                    System.getProperty("java.class.path"), LongStreamHarness.class.getName(), mode));
            Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(child.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int exit = child.waitFor();
            String result = output.lines().filter((line) -> line.startsWith("RESULT")).findFirst()
                .orElse("RESULT no result line, exit " + exit + ": " + output.lines()
                    .filter((line) -> line.contains("Exception") || line.contains("Error")).findFirst().orElse(output));
            System.out.printf(Locale.ROOT, "HARNESS %,d deltas at %s, %s: %s%n", DELTAS, HEAP, mode,
                    result.substring("RESULT ".length()));
        }
    }

    private static void run(String mode) throws Exception {
        long start = System.nanoTime();
        int[] seen = { 0 };
        try (BenchServer server = new BenchServer(DELTAS)) {
            String outcome;
            try {
                outcome = switch (mode) {
                    case "raw" -> "completed, " + new RawClient(server.baseUrl()).stream((count) -> seen[0] = count)
                            + " deltas";
                    case "keep", "discard" -> ours(server, mode.equals("discard"), seen);
                    default -> throw new IllegalArgumentException("mode is keep, discard or raw: " + mode);
                };
            }
            catch (OutOfMemoryError ex) {
                outcome = "OutOfMemoryError after " + String.format(Locale.ROOT, "%,d", seen[0]) + " deltas";
            }
            System.out.printf(Locale.ROOT, "RESULT %s in %.1f s%n", outcome, (System.nanoTime() - start) / 1e9);
        }
        System.exit(0); // the server's threads must not keep a JVM that ran out of memory alive
    }

    private static String ours(BenchServer server, boolean discard, int[] seen) {
        MiniMaxClient minimax = MiniMaxClient.builder().apiKey("k").baseUrl(server.baseUrl())
            .anthropicBaseUrl(java.net.URI.create(server.baseUrl() + "/stream")).build();
        MessageRequest request = MessageRequest.builder().addUserMessage("Hello").build();
        try (MessageStream stream = minimax.messages().stream(request)) {
            if (discard) {
                stream.discardText();
            }
            for (MessageStreamEvent event : stream) {
                if (event instanceof MessageStreamEvent.ContentBlockDelta) {
                    seen[0]++;
                }
            }
            MessageResponse last = stream.finalMessage();
            return String.format(Locale.ROOT, "completed, %,d deltas, output_tokens %s, final text %,d chars", seen[0],
                    last.usage().outputTokens(), last.text().length());
        }
    }
}
