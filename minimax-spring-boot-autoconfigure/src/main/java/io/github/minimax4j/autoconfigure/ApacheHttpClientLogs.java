package io.github.minimax4j.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;

/**
 * Keeps the API key out of Apache HttpClient 5's own logs. At DEBUG, {@code org.apache.hc.client5.http.headers}
 * prints every request header and {@code org.apache.hc.client5.http.wire} every byte sent, both on the
 * connection, after every interceptor: no header order keeps the key out. The MiniMax client's connections are
 * therefore its own ({@link KeyMaskingConnection}), which mask credential headers in the header log and write
 * nothing to the wire log.
 * <p>
 * Only called once {@link MiniMaxRequestFactories#usesApacheHttpClient} said Boot builds an Apache request
 * factory: the types here need httpclient5 on the classpath.
 */
final class ApacheHttpClientLogs {

    static final String HEADERS = "org.apache.hc.client5.http.headers";

    static final String WIRE = "org.apache.hc.client5.http.wire";

    private ApacheHttpClientLogs() {
    }

    /**
     * The builder with every customizer it had, MiniMax's connections last (they replace any other), and Apache's
     * automatic retries off.
     */
    static ClientHttpRequestFactoryBuilder<?> withKeyMaskingConnections(ClientHttpRequestFactoryBuilder<?> builder) {
        return ((HttpComponentsClientHttpRequestFactoryBuilder) builder)
            .withConnectionManagerCustomizer((manager) ->
                    manager.setConnectionFactory(new KeyMaskingConnection.Factory()))
            // Apache's own retry strategy re-sends a POST answered 429 or 503 (and after some I/O failures) behind
            // the client's back: the client's one retry rule (RetryRule) decides alone what is sent again.
            .withHttpClientCustomizer((client) -> client.disableAutomaticRetries());
    }

    /**
     * One WARN when Apache's header or wire log is at DEBUG or finer: other Apache HttpClient 5 clients of the
     * application write their credentials there, and MiniMax's own calls are masked or missing from it.
     */
    static void warnIfOn(Log log) {
        List<String> on = new ArrayList<>();
        for (String name : new String[] { HEADERS, WIRE }) {
            Logger logger = LoggerFactory.getLogger(name);
            if (logger.isDebugEnabled()) {
                on.add(name);
            }
        }
        if (!on.isEmpty()) {
            log.warn("Logger " + String.join(" and ", on) + " at DEBUG: Apache HttpClient 5 writes every request "
                    + "header there (the wire log every byte), API keys and other credentials included. The MiniMax "
                    + "client masks its key in the header log and writes nothing to the wire log; other Apache "
                    + "HttpClient 5 clients of this application do not. Set " + String.join(" and ", on)
                    + " to INFO once done troubleshooting.");
        }
    }
}
