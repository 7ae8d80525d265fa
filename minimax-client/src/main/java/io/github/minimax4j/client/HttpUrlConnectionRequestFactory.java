package io.github.minimax4j.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.AbstractClientHttpRequest;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;

/**
 * The client's default HTTP transport: {@code HttpURLConnection}, used the way an LLM API needs it, which
 * Spring's {@code SimpleClientHttpRequestFactory} does not allow:
 * <ul>
 * <li>The request goes out unstreamed. Before a streamed POST on a reused keep-alive connection the JDK
 * probes whether the connection is still open, waiting about 1 ms (seen with strace): 1.3 ms more per call
 * on loopback, measured against a bare HttpURLConnection loop.</li>
 * <li>The read timeout is a socket timeout: the longest silence between bytes, not a bound on the whole
 * response, so long generations stream for as long as they need.</li>
 * <li>Closing a response closes its body instead of draining it, so an abandoned stream aborts at once.</li>
 * <li>An error status keeps its body (streaming mode loses a 401's), and redirects are never followed, so the
 * key cannot travel to another host.</li>
 * </ul>
 * Keep-alive connections are pooled by the JDK ({@code http.maxConnections} per host, default 5).
 * <p>
 * An unstreamed POST is one the JDK would silently send a second time when the connection drops before the
 * response ({@code sun.net.http.retryPost}): that would bill a generation twice and break the client's own
 * retry count, so the property is set to {@code false} unless the application has set it. The JDK reads it
 * once, when its HTTP client class first loads: an application that makes HttpURLConnection calls before the
 * first MiniMax client is built should pass {@code -Dsun.net.http.retryPost=false} itself.
 */
final class HttpUrlConnectionRequestFactory implements ClientHttpRequestFactory {

    static {
        if (System.getProperty("sun.net.http.retryPost") == null) {
            System.setProperty("sun.net.http.retryPost", "false");
        }
    }

    private final int connectTimeoutMillis;

    private final int readTimeoutMillis;

    HttpUrlConnectionRequestFactory(Duration connectTimeout, Duration readTimeout) {
        this.connectTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis());
        this.readTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, readTimeout.toMillis());
    }

    @Override
    public ClientHttpRequest createRequest(URI uri, HttpMethod method) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        connection.setConnectTimeout(this.connectTimeoutMillis);
        connection.setReadTimeout(this.readTimeoutMillis);
        connection.setInstanceFollowRedirects(false);
        connection.setUseCaches(false);
        connection.setRequestMethod(method.name());
        return new Request(connection, uri, method);
    }

    /** Buffers the body, then sends headers and body together. */
    private static final class Request extends AbstractClientHttpRequest {

        private final HttpURLConnection connection;

        private final URI uri;

        private final HttpMethod method;

        private final ByteArrayOutputStream body = new ByteArrayOutputStream(1024);

        Request(HttpURLConnection connection, URI uri, HttpMethod method) {
            this.connection = connection;
            this.uri = uri;
            this.method = method;
        }

        @Override
        public HttpMethod getMethod() {
            return this.method;
        }

        @Override
        public URI getURI() {
            return this.uri;
        }

        @Override
        protected OutputStream getBodyInternal(HttpHeaders headers) {
            return this.body;
        }

        @Override
        protected ClientHttpResponse executeInternal(HttpHeaders headers) throws IOException {
            headers.forEach((name, values) -> {
                if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                    values.forEach((value) -> this.connection.addRequestProperty(name, value));
                }
            });
            if (this.body.size() > 0 || this.method == HttpMethod.POST) {
                this.connection.setDoOutput(true);
                try (OutputStream out = this.connection.getOutputStream()) {
                    this.body.writeTo(out);
                }
            }
            return new Response(this.connection);
        }
    }

    /** The response; its body is the error stream for an error status, and closing it never drains it. */
    private static final class Response implements ClientHttpResponse {

        private final HttpURLConnection connection;

        private final int status;

        private @Nullable HttpHeaders headers;

        private @Nullable InputStream body;

        Response(HttpURLConnection connection) throws IOException {
            this.connection = connection;
            this.status = connection.getResponseCode();
        }

        @Override
        public HttpStatusCode getStatusCode() {
            return HttpStatusCode.valueOf(this.status);
        }

        @Override
        public String getStatusText() throws IOException {
            String message = this.connection.getResponseMessage();
            return (message != null) ? message : "";
        }

        @Override
        public HttpHeaders getHeaders() {
            HttpHeaders read = this.headers;
            if (read == null) {
                read = new HttpHeaders();
                for (Map.Entry<String, List<String>> header : this.connection.getHeaderFields().entrySet()) {
                    if (header.getKey() != null) {
                        read.addAll(header.getKey(), header.getValue());
                    }
                }
                this.headers = read;
            }
            return read;
        }

        @Override
        public InputStream getBody() throws IOException {
            InputStream read = this.body;
            if (read == null) {
                InputStream stream = (this.status >= 400) ? this.connection.getErrorStream()
                        : this.connection.getInputStream();
                read = (stream != null) ? stream : InputStream.nullInputStream();
                this.body = read;
            }
            return read;
        }

        @Override
        public void close() {
            try {
                getBody().close(); // a complete body returns the connection to the pool; a partial one drops it
            }
            catch (IOException ex) {
                this.connection.disconnect();
            }
        }
    }
}
