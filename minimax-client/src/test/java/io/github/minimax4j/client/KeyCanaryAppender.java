package io.github.minimax4j.client;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Watches every log event of the whole test JVM (logback-test.xml attaches it to the root logger at
 * TRACE, and it bridges the JDK's own logging in) for an API key the suite uses, in the message, the
 * arguments, the MDC and every exception in the chain. {@link ApiKeyNeverLoggedTests} runs last and fails
 * if any was seen.
 * <p>
 * Its findings are static on purpose: logback creates the instance, and Spring Boot re-creates it
 * whenever a test starts a {@code SpringApplication}, which re-reads logback-test.xml.
 */
public final class KeyCanaryAppender extends AppenderBase<ILoggingEvent> {

    /** Every key the suite hands to a client; each is long enough not to occur by chance. */
    static final List<String> CANARIES = List.of(MockServerScenarios.API_KEY, "sk-leak-canary-7d41e9a0",
            "sk-health-canary-31f", "sk-redirect-secret");

    /**
     * Loggers of the fake servers, not of the client: MockServer and the JDK's HttpServer may log the
     * requests they receive (Authorization included), which is the server's side of the wire.
     */
    private static final List<String> SERVER_SIDE = List.of("org.mockserver", "shaded_package",
            "com.sun.net.httpserver");

    private static final Queue<String> LEAKS = new ConcurrentLinkedQueue<>();

    private static final AtomicLong EVENTS = new AtomicLong();

    private static final AtomicLong TRACE_EVENTS = new AtomicLong();

    private static final AtomicLong JDK_HTTP_EVENTS = new AtomicLong();

    private final Queue<String> leaks;

    /** The suite-wide appender, as logback-test.xml creates it. */
    public KeyCanaryAppender() {
        this(LEAKS);
    }

    /** An appender that reports to {@code leaks} instead: for testing the canary itself. */
    KeyCanaryAppender(Queue<String> leaks) {
        this.leaks = leaks;
    }

    @Override
    public void start() {
        // The JDK's HTTP clients log through java.util.logging (System.Logger's default): route it here too.
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
        super.start();
    }

    @Override
    protected void append(ILoggingEvent event) {
        EVENTS.incrementAndGet();
        if (event.getLevel() == Level.TRACE) {
            TRACE_EVENTS.incrementAndGet();
        }
        String logger = event.getLoggerName();
        if (logger.startsWith("sun.net.www.protocol.http") || logger.startsWith("jdk.httpclient")
                || logger.startsWith("jdk.internal.httpclient")) {
            JDK_HTTP_EVENTS.incrementAndGet();
        }
        if (SERVER_SIDE.stream().anyMatch(logger::startsWith)) {
            return;
        }
        StringBuilder text = new StringBuilder(event.getFormattedMessage()).append(' ').append(event.getMDCPropertyMap());
        if (event.getArgumentArray() != null) {
            for (Object argument : event.getArgumentArray()) {
                text.append(' ').append(argument);
            }
        }
        appendThrowable(text, event.getThrowableProxy(), 0);
        String all = text.toString();
        for (String canary : CANARIES) {
            if (all.contains(canary)) {
                this.leaks.add(event.getLevel() + " " + logger + " [" + event.getThreadName() + "]: "
                        + all.substring(0, Math.min(all.length(), 500)));
            }
        }
    }

    private static void appendThrowable(StringBuilder text, IThrowableProxy throwable, int depth) {
        if (throwable == null || depth > 10) {
            return;
        }
        text.append(' ').append(throwable.getClassName()).append(": ").append(throwable.getMessage());
        appendThrowable(text, throwable.getCause(), depth + 1);
        for (IThrowableProxy suppressed : throwable.getSuppressed()) {
            appendThrowable(text, suppressed, depth + 1);
        }
    }

    /** Log lines that carried a canary key, as "LEVEL logger [thread]: text". */
    static List<String> leaks() {
        return List.copyOf(LEAKS);
    }

    static long events() {
        return EVENTS.get();
    }

    public static long traceEvents() {
        return TRACE_EVENTS.get();
    }

    static long jdkHttpEvents() {
        return JDK_HTTP_EVENTS.get();
    }

    /** Back to logback-test.xml (root at TRACE, quiet console) after a test that reconfigured logging. */
    public static void restoreSuiteLogging() throws Exception {
        System.clearProperty("CONSOLE_LOG_THRESHOLD");
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        new ContextInitializer(context).autoConfig();
    }
}
