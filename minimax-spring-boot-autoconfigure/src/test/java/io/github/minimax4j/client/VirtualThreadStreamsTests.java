package io.github.minimax4j.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.autoconfigure.MiniMaxAutoConfiguration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.core.task.AsyncTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The blocking API stays first-class on virtual threads: with {@code spring.threads.virtual.enabled=true}, 2,000
 * streams read at once on Boot's virtual-thread executor (the JDK client's I/O steps on virtual threads too) all
 * complete, and JFR records no {@code jdk.VirtualThreadPinned} event: no carrier thread was held while a stream
 * waited for bytes (as a {@code synchronized} block around blocking I/O would on JDK 21 to 23).
 * <p>
 * The recording starts after a warm-up of concurrent streams: loading and initialising a class pins the carrier on
 * every JDK (JEP 491 keeps that case), so a cold JVM's first concurrent calls pin once per class in the JDK client,
 * Jackson and Micrometer alike. That is paid once per JVM; what must never pin is a stream, however many.
 */
@EnabledForJreRange(min = JRE.JAVA_21, disabledReason = "virtual threads need JDK 21 or later; CI's JDK 25 pass runs this")
class VirtualThreadStreamsTests {

    private static final int STREAMS = 2_000;

    private static final int DELTAS = 20;

    private static final int WARM_UP_STREAMS = 200;

    private static final MessageRequest HELLO = MessageRequest.builder().addUserMessage("Hello").build();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(MiniMaxAutoConfiguration.class, RestClientAutoConfiguration.class,
                HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
                TaskExecutionAutoConfiguration.class))
        .withPropertyValues("minimax.api-key=" + MockServerScenarios.API_KEY, "minimax.retry.max-retries=0",
                "spring.threads.virtual.enabled=true");

    @Test
    void twoThousandBlockingStreamsOnVirtualThreadsCompleteWithoutPinningACarrier(@TempDir Path dir) throws Exception {
        Path dump = dir.resolve("streams.jfr");
        List<String> threadsNotVirtual = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (PacedSseServer warmUp = new PacedSseServer(PacedMessagesReplies.events(3), Duration.ofMillis(5))) {
            this.runner.withPropertyValues("minimax.base-url=" + warmUp.baseUrl()).run((context) -> {
                // One stream alone first, so a cold JVM's classes are initialised before 200 virtual threads need
                // them at once: a wait for another thread's class initialisation pins the carrier, and with 2
                // carriers a cold warm-up once left a stream unfinished after 5 minutes (cause not pinned down).
                readAll(context, 1, 3, threadsNotVirtual);
                readAll(context, WARM_UP_STREAMS, 3, threadsNotVirtual);
            });
        }
        // No stream can end before all 2,000 requests came: they are read at the same time by design.
        try (PacedSseServer server = new PacedSseServer(PacedMessagesReplies.events(DELTAS), Duration.ofMillis(50))
            .holdLastEventUntil(STREAMS); Recording recording = new Recording()) {
            recording.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withStackTrace();
            recording.start();
            this.runner.withPropertyValues("minimax.base-url=" + server.baseUrl())
                .run((context) -> readAll(context, STREAMS, DELTAS, threadsNotVirtual));
            recording.stop();
            recording.dump(dump);
            assertThat(server.peakOpen).as("streams open at once").hasValue(STREAMS);
        }
        assertThat(threadsNotVirtual).as("streams read on platform threads").isEmpty();
        List<RecordedEvent> pinned = RecordingFile.readAllEvents(dump).stream()
            .filter((event) -> event.getEventType().getName().equals("jdk.VirtualThreadPinned"))
            .toList();
        assertThat(pinned).as("carrier threads pinned, where:%n%s", where(pinned)).isEmpty();
    }

    /** Reads {@code streams} blocking streams at once, each on a task of Boot's application executor. */
    private static void readAll(ApplicationContext context, int streams, int deltas, List<String> threadsNotVirtual)
            throws Exception {
        MiniMaxClient client = context.getBean(MiniMaxClient.class);
        AsyncTaskExecutor executor = context.getBean("applicationTaskExecutor", AsyncTaskExecutor.class);
        List<Future<String>> replies = new ArrayList<>();
        for (int i = 0; i < streams; i++) {
            replies.add(executor.submit(() -> {
                if (!isVirtual(Thread.currentThread())) {
                    threadsNotVirtual.add(Thread.currentThread().getName());
                }
                try (MessageStream stream = client.messages().stream(HELLO)) {
                    return stream.finalMessage().text();
                }
            }));
        }
        for (Future<String> reply : replies) {
            assertThat(reply.get(5, TimeUnit.MINUTES)).isEqualTo("word ".repeat(deltas));
        }
    }

    private static boolean isVirtual(Thread thread) throws ReflectiveOperationException {
        return (boolean) Thread.class.getMethod("isVirtual").invoke(thread); // compiled for Java 17
    }

    /** The top frames of each pinning, so a failure says which lock to replace. */
    private static String where(List<RecordedEvent> pinned) {
        return pinned.stream().limit(5).map((event) -> (event.getStackTrace() == null) ? "(no stack)"
                : event.getStackTrace().getFrames().stream().limit(12).map(VirtualThreadStreamsTests::frame)
                    .collect(Collectors.joining("\n    ", "  at ", "")))
            .collect(Collectors.joining("\n"));
    }

    private static String frame(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName() + ":" + frame.getLineNumber();
    }
}
