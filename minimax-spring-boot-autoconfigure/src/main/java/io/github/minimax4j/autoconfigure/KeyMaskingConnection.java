package io.github.minimax4j.autoconfigure;

import java.io.IOException;
import java.net.Socket;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLSocket;

import org.apache.hc.client5.http.impl.io.DefaultManagedHttpClientConnection;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.http.message.RequestLine;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apache HttpClient 5's connection, minus the two logs that would print the API key: request headers go to
 * {@code org.apache.hc.client5.http.headers} with credential values masked, and the socket is never wrapped in
 * the wire log. Everything else (response headers, connection events) logs as Apache's own connection does.
 */
final class KeyMaskingConnection extends DefaultManagedHttpClientConnection {

    private static final Logger HEADER_LOG = LoggerFactory.getLogger(ApacheHttpClientLogs.HEADERS);

    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "proxy-authorization", "x-api-key");

    KeyMaskingConnection(String id) {
        super(id);
    }

    @Override
    public void bind(Socket socket) throws IOException {
        bind(new SocketHolder(socket));
    }

    @Override
    public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
        bind(new SocketHolder(sslSocket, socket));
    }

    @Override
    protected void onRequestSubmitted(@Nullable ClassicHttpRequest request) {
        if (request != null && HEADER_LOG.isDebugEnabled()) {
            HEADER_LOG.debug("{} >> {}", getId(), new RequestLine(request));
            for (Header header : request.getHeaders()) {
                boolean credential = CREDENTIAL_HEADERS.contains(header.getName().toLowerCase(Locale.ROOT));
                HEADER_LOG.debug("{} >> {}: {}", getId(), header.getName(), credential ? "****" : header.getValue());
            }
        }
    }

    /** Creates the connections of one MiniMax client's pool, numbered as Apache numbers its own. */
    static final class Factory implements HttpConnectionFactory<ManagedHttpClientConnection> {

        private final AtomicLong count = new AtomicLong();

        @Override
        public ManagedHttpClientConnection createConnection(@Nullable Socket socket) throws IOException {
            String id = "minimax-http-outgoing-" + this.count.getAndIncrement();
            KeyMaskingConnection connection = new KeyMaskingConnection(id);
            if (socket != null) {
                connection.bind(socket);
            }
            return connection;
        }
    }
}
