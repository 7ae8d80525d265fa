package io.github.minimax4j.client;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * One client reading C streams at once, in a JVM of its own ({@link ConcurrentStreamsHarness} starts it): a warm-up
 * round, then the measured round. Prints one {@code RESULT} line with what the harness tabulates.
 * <ul>
 * <li>time to first delta: from opening a stream to its first text delta, p50 and p99 over the C streams;</li>
 * <li>peak live threads: the JVM's platform threads (virtual ones are not threads the OS schedules) during the
 * measured round, from {@link ThreadMXBean#getPeakThreadCount()} reset after the warm-up;</li>
 * <li>live heap per open stream: heap after GC once every stream saw its first delta (or the first one ended),
 * less the heap after GC before the round, over the streams open then (asked for and not ended);</li>
 * <li>CPU per 1,000 deltas: the process's CPU time over the round (the forced GCs of the heap measurement
 * excluded), over the text deltas read.</li>
 * </ul>
 */
final class ConcurrentStreamsRun {

    private ConcurrentStreamsRun() {
    }

    /**
     * @param args mode, streams, deltas per stream, milliseconds between deltas, server port
     */
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int streams = Integer.parseInt(args[1]);
        int deltas = Integer.parseInt(args[2]);
        long periodMillis = Long.parseLong(args[3]);
        String baseUrl = "http://127.0.0.1:" + args[4];
        try (StreamClients.Client client = StreamClients.create(mode, baseUrl)) {
            round(client, Math.min(streams, 1_000), deltas); // warm-up: code compiled, pools filled
            measure(mode, client, streams, deltas, periodMillis);
        }
        System.exit(0); // a client's non-daemon pool threads must not hold the JVM
    }

    private static StreamTally round(StreamClients.Client client, int streams, int deltas) throws Exception {
        StreamTally tally = new StreamTally(streams, deltas);
        for (int i = 0; i < streams; i++) {
            client.open(i, tally);
        }
        tally.awaitAll(10, TimeUnit.MINUTES);
        return tally;
    }

    private static void measure(String mode, StreamClients.Client client, int streams, int deltas, long periodMillis)
            throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long baseline = usedAfterGc();
        threads.resetPeakThreadCount();
        StreamTally tally = new StreamTally(streams, deltas);
        long cpuStart = cpuNanos();
        long start = System.nanoTime();
        for (int i = 0; i < streams; i++) {
            client.open(i, tally);
        }
        long opened = System.nanoTime();
        // Heap once every stream is under way, or when the first one ends if some start that late.
        while (tally.firstSeen() + tally.failed() < streams && tally.ended() == 0) {
            Thread.sleep(5);
        }
        long cpuBeforeGc = cpuNanos();
        int open = streams - tally.ended();
        long heap = usedAfterGc() - baseline;
        long gcCpu = cpuNanos() - cpuBeforeGc;
        boolean all = tally.awaitAll(10, TimeUnit.MINUTES);
        long wall = System.nanoTime() - start;
        long cpu = cpuNanos() - cpuStart - gcCpu;
        System.out.printf(Locale.ROOT, "RESULT %s|%d|%d|%d|%.1f|%.1f|%d|%.1f|%d|%.3f|%.1f|%.1f|%s%n", mode, streams,
                tally.completed(), tally.failed() + (all ? 0 : streams - tally.ended()),
                tally.timeToFirstDeltaMillis(0.5), tally.timeToFirstDeltaMillis(0.99), threads.getPeakThreadCount(),
                (open > 0) ? heap / 1024.0 / open : Double.NaN, open,
                (tally.events() > 0) ? cpu / 1e9 / (tally.events() / 1000.0) : Double.NaN, wall / 1e9,
                (opened - start) / 1e9, String.valueOf(tally.firstFailure()));
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime();
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
