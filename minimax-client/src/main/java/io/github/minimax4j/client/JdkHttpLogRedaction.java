package io.github.minimax4j.client;

import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Masks credentials in what the JDK's {@code HttpURLConnection} logs. At FINE it logs every request's
 * headers, {@code Authorization} and {@code x-api-key} included; Spring Boot bridges JUL into its logging
 * and maps FINE to DEBUG, so {@code logging.level.root=DEBUG} would print the API key once per call.
 * The filter masks those header values and lets the line through; a filter already set is kept and runs
 * after ours.
 * <p>
 * Installed only when the client is built on {@code HttpURLConnection} (Spring's
 * {@code SimpleClientHttpRequestFactory}, {@code spring.http.clients.imperative.factory=simple}); the default
 * JDK {@code HttpClient} logs no headers unless its own {@code jdk.httpclient.HttpClient.log} asks for them.
 */
final class JdkHttpLogRedaction {

    /**
     * Held strongly: JUL keeps loggers in weak references, and a collected logger would lose the filter
     * (the JDK's own reference appears only once {@code HttpURLConnection} first logs).
     */
    private static final Logger HTTP_URL_CONNECTION = Logger.getLogger("sun.net.www.protocol.http.HttpURLConnection");

    /** One header in {@code MessageHeader.toString()}: {@code {Name: value}}. */
    private static final Pattern CREDENTIAL_HEADER = Pattern
        .compile("\\{(authorization|proxy-authorization|x-api-key): [^}]*}", Pattern.CASE_INSENSITIVE);

    private JdkHttpLogRedaction() {
    }

    /** Installs the masking filter once; later calls do nothing. */
    static synchronized void install() {
        Filter current = HTTP_URL_CONNECTION.getFilter();
        if (!(current instanceof MaskingFilter)) {
            HTTP_URL_CONNECTION.setFilter(new MaskingFilter(current));
        }
    }

    static String mask(String message) {
        return CREDENTIAL_HEADER.matcher(message).replaceAll("{$1: ****}");
    }

    private record MaskingFilter(@Nullable Filter next) implements Filter {

        @Override
        public boolean isLoggable(LogRecord record) {
            String message = record.getMessage();
            if (message != null) {
                record.setMessage(mask(message));
            }
            return this.next == null || this.next.isLoggable(record);
        }
    }
}
