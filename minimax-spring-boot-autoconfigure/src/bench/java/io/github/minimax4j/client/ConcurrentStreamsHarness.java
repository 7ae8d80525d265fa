package io.github.minimax4j.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * C streams open at once, each D text deltas P ms apart, read by each client in a JVM of its own at {@code -Xmx512m}
 * ({@link ConcurrentStreamsRun}), against {@link PacedSseServer} in another JVM ({@link PacedServerMain}), so no
 * client's threads, heap or CPU are counted with the server's or another client's. Prints a Markdown table per C,
 * each figure also as a ratio to the floor's.
 * <p>
 * Arguments (all optional): stream counts (comma-separated, default {@code 2000,10000}), deltas (100), milliseconds
 * between deltas (50), modes (comma-separated, default all that run on this JDK). Every child needs a file
 * descriptor per stream: when the soft limit is lower, children start under {@code ulimit -n} raised up to the hard
 * limit.
 */
public final class ConcurrentStreamsHarness {

    private static final String[] COLUMNS = { "mode", "streams", "completed", "failed", "ttfd p50 ms", "ttfd p99 ms",
        "peak threads", "heap KiB/open stream", "open at heap", "CPU s/1k deltas", "wall s", "opening s", "first failure" };

    private ConcurrentStreamsHarness() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> counts = Arrays.stream(arg(args, 0, "2000,10000").split(",")).map(Integer::parseInt).toList();
        int deltas = Integer.parseInt(arg(args, 1, "100"));
        int period = Integer.parseInt(arg(args, 2, "50"));
        List<String> modes = Arrays.stream(arg(args, 3, String.join(",", StreamClients.MODES)).split(","))
            .filter(ConcurrentStreamsHarness::runsHere).toList();
        int maxStreams = counts.stream().mapToInt(Integer::intValue).max().orElse(0);
        long[] files = openFilesLimit();
        int wanted = maxStreams + 4_096;
        System.out.printf(Locale.ROOT, "HARNESS concurrent streams on Java %s, %d cores; open files soft %d, hard %d%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), files[0], files[1]);
        if (files[1] < wanted) {
            System.out.printf(Locale.ROOT, "HARNESS the hard open-files limit %d is below the %d a child needs: streams "
                    + "beyond it will fail to connect%n", files[1], wanted);
        }
        String ulimit = (files[0] < wanted) ? "ulimit -n " + Math.min(wanted, files[1]) + " && " : "";
        Process server = start(ulimit, List.of("-Xmx2g", PacedServerMain.class.getName(), String.valueOf(deltas),
                String.valueOf(period)));
        try {
            BufferedReader serverOut = new BufferedReader(new InputStreamReader(server.getInputStream(),
                    StandardCharsets.UTF_8));
            String port = readPort(serverOut);
            for (int streams : counts) {
                List<String[]> rows = new ArrayList<>();
                for (String mode : modes) {
                    rows.add(runClient(ulimit, mode, streams, deltas, period, port));
                }
                print(streams, deltas, period, rows);
            }
        }
        finally {
            server.getOutputStream().close(); // the server stops when its input ends
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroy();
            }
        }
    }

    private static String arg(String[] args, int index, String otherwise) {
        return (args.length > index && !args[index].isBlank()) ? args[index] : otherwise;
    }

    private static boolean runsHere(String mode) {
        if (StreamClients.NEED_JDK_21.contains(mode) && Runtime.version().feature() < 21) {
            System.out.println("HARNESS " + mode + " skipped: needs JDK 21 or later, this is " + Runtime.version());
            return false;
        }
        return true;
    }

    /** Soft and hard limits on open files, from {@code /proc/self/limits} (Linux); unknown as MAX_VALUE. */
    private static long[] openFilesLimit() throws IOException {
        Path limits = Path.of("/proc/self/limits");
        if (Files.isReadable(limits)) {
            for (String line : Files.readAllLines(limits)) {
                if (line.startsWith("Max open files")) {
                    String[] parts = line.substring("Max open files".length()).trim().split("\\s+");
                    return new long[] { number(parts[0]), number(parts[1]) };
                }
            }
        }
        return new long[] { Long.MAX_VALUE, Long.MAX_VALUE };
    }

    private static long number(String limit) {
        return limit.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(limit);
    }

    /** A child JVM on this JVM's Java, with the same class path, under {@code ulimit} when it is not empty. */
    private static Process start(String ulimit, List<String> arguments) throws IOException {
        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlogback.configurationFile=" + System.getProperty("logback.configurationFile", ""), "-cp",
                System.getProperty("java.class.path")));
        java.addAll(arguments);
        List<String> command = ulimit.isEmpty() ? java
                : List.of("bash", "-c", ulimit + "exec \"$@\"", "bash");
        if (!ulimit.isEmpty()) {
            command = new ArrayList<>(command);
            command.addAll(java);
        }
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static String readPort(BufferedReader serverOut) throws IOException {
        String line = serverOut.readLine();
        if (line == null || !line.startsWith("PORT ")) {
            throw new IllegalStateException("the paced server did not start: " + line);
        }
        return line.substring(5).trim();
    }

    private static String[] runClient(String ulimit, String mode, int streams, int deltas, int period, String port)
            throws Exception {
        Process child = start(ulimit, List.of("-Xmx512m", ConcurrentStreamsRun.class.getName(), mode,
                String.valueOf(streams), String.valueOf(deltas), String.valueOf(period), port));
        child.getOutputStream().close();
        List<String> output = new ArrayList<>();
        Thread reader = new Thread(() -> new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8)).lines().forEach(output::add));
        reader.start();
        boolean exited = child.waitFor(20, TimeUnit.MINUTES);
        if (!exited) {
            child.destroyForcibly();
        }
        reader.join(10_000);
        String result = output.stream().filter((line) -> line.startsWith("RESULT ")).findFirst().orElse(null);
        if (result == null) {
            String why = exited ? "exit " + child.exitValue() : "no result in 20 minutes";
            String[] row = new String[COLUMNS.length];
            Arrays.fill(row, "-");
            row[0] = mode;
            row[1] = String.valueOf(streams);
            row[COLUMNS.length - 1] = why + ": " + output.stream().filter((line) -> line.contains("Error")
                    || line.contains("Exception")).findFirst().orElse(String.join(" / ", output));
            System.out.println("HARNESS " + String.join(" | ", row));
            return row;
        }
        System.out.println("HARNESS " + result);
        return result.substring("RESULT ".length()).split("\\|", -1);
    }

    private static void print(int streams, int deltas, int period, List<String[]> rows) {
        Map<String, String[]> byMode = new LinkedHashMap<>();
        rows.forEach((row) -> byMode.put(row[0], row));
        String[] floor = byMode.get("floor");
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%nHARNESS %,d streams at once, %d deltas each %d ms apart, -Xmx512m "
                + "per client JVM (ratios to the floor in brackets)%n", streams, deltas, period));
        table.append("| ").append(String.join(" | ", Arrays.copyOfRange(COLUMNS, 0, 12))).append(" |\n");
        table.append("|---".repeat(12)).append("|\n");
        for (String[] row : rows) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String cell = row[i];
                if (floor != null && row != floor && (i == 5 || i == 7 || i == 9)) {
                    cell += ratio(row[i], floor[i]);
                }
                cells.add(cell);
            }
            table.append("| ").append(String.join(" | ", cells)).append(" |\n");
        }
        rows.stream().filter((row) -> !row[12].equals("null"))
            .forEach((row) -> table.append("first failure, ").append(row[0]).append(": ").append(row[12]).append('\n'));
        System.out.print(table);
    }

    private static String ratio(String value, String floor) {
        try {
            return String.format(Locale.ROOT, " (%.2fx)", Double.parseDouble(value) / Double.parseDouble(floor));
        }
        catch (NumberFormatException ex) {
            return "";
        }
    }
}
