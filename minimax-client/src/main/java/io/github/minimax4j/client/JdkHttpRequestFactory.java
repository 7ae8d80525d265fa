package io.github.minimax4j.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.StreamingHttpOutputMessage;
import org.springframework.http.client.AbstractClientHttpRequest;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;

/**
 * The client's default transport without Spring Boot: the JDK's {@link HttpClient}, which pools connections
 * per client (no per-host cap) and speaks HTTP/2 where the server offers it (HTTPS, negotiated with ALPN).
 * <p>
 * Spring's {@code JdkClientHttpRequestFactory} would do, but it streams every body through a publisher on an
 * executor thread and its read timeout is a deadline for the whole call. This one sends the buffered body as
 * one array; the JDK's request timeout bounds the wait for the head and {@link ReadWatchdog} the silence between
 * bytes of the body. A JSON reply is gathered whole before the caller reads it, a stream read as it comes. The JDK client follows no redirect here
 * and never re-sends a POST by itself.
 */
final class JdkHttpRequestFactory implements ClientHttpRequestFactory {

    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    static {
        RESTRICTED.addAll(Set.of("connection", "content-length", "expect", "host", "upgrade"));
    }

    /** Runs the JDK client's I/O steps where they arise: see {@link MiniMaxClientBuilder#inlineExecutor()}. */
    static final Executor INLINE = Runnable::run;

    private final HttpClient httpClient;

    JdkHttpRequestFactory(HttpClient httpClient) {
        this.httpClient = httpClient;
    }

    /** A pooled JDK client for {@code baseUrl}: HTTP/2 over TLS, HTTP/1.1 in clear, redirects never followed. */
    static JdkHttpRequestFactory forBaseUrl(URI baseUrl, Duration connectTimeout) {
        boolean tls = "https".equalsIgnoreCase(baseUrl.getScheme());
        return new JdkHttpRequestFactory(HttpClient.newBuilder()
            .version(tls ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(INLINE)
            .build());
    }

    /** The client the factory sends through; the non-blocking API sends through it too. */
    HttpClient httpClient() {
        return this.httpClient;
    }

    /** A JDK request for {@code uri} with {@code headers}, less those the JDK client sets itself. */
    static HttpRequest.Builder request(URI uri, HttpHeaders headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        headers.forEach((name, values) -> {
            if (!RESTRICTED.contains(name)) {
                values.forEach((value) -> request.header(name, value));
            }
        });
        return request;
    }

    /**
     * Closes the JDK client where the JDK allows it (it is {@link AutoCloseable} from JDK 21), waiting for the
     * exchanges in flight; on JDK 17 there is nothing to close: the client's thread ends once it is unreferenced.
     */
    void close() {
        if (this.httpClient instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            }
            catch (Exception ex) {
                throw new IllegalStateException("Could not close the JDK HttpClient", ex);
            }
        }
    }

    @Override
    public ClientHttpRequest createRequest(URI uri, HttpMethod method) {
        return new Request(this.httpClient, uri, method);
    }

    /**
     * Buffers the body, then hands headers and body to the JDK client together; an upload's multipart body goes
     * out as the JDK publisher it makes, read from disk as it is sent.
     */
    private static final class Request extends AbstractClientHttpRequest implements StreamingHttpOutputMessage {

        private final HttpClient httpClient;

        private final URI uri;

        private final HttpMethod method;

        private final ByteArrayOutputStream body = new ByteArrayOutputStream(1024);

        private @Nullable MultipartBody upload;

        Request(HttpClient httpClient, URI uri, HttpMethod method) {
            this.httpClient = httpClient;
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
        public void setBody(StreamingHttpOutputMessage.Body body) {
            if (body instanceof MultipartBody multipart) {
                this.upload = multipart;
                return;
            }
            try {
                body.writeTo(getBody());
            }
            catch (IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        }

        @Override
        protected ClientHttpResponse executeInternal(HttpHeaders headers) throws IOException {
            HttpRequest.Builder request = request(this.uri, headers);
            HttpRequest.BodyPublisher publisher;
            if (this.upload != null) {
                publisher = this.upload.publisher();
            }
            else {
                publisher = (this.body.size() > 0) ? HttpRequest.BodyPublishers.ofByteArray(this.body.toByteArray())
                        : HttpRequest.BodyPublishers.noBody();
            }
            request.method(this.method.name(), publisher);
            ReadWatchdog watchdog = (getAttributes().get(ReadWatchdog.ATTRIBUTE) instanceof ReadWatchdog call) ? call
                    : null;
            if (watchdog != null) {
                // The JDK's own timer bounds the wait for the head: on expiry it ends the exchange cleanly (an
                // interrupted send() left some exchanges pending on JDK 17).
                request.timeout(watchdog.timeout());
                watchdog.headTimedByTransport();
            }
            Head head = new Head();
            try {
                HttpResponse<InputStream> response = this.httpClient.send(request.build(),
                        (info) -> head.arrived(info, subscriber(info, watchdog)));
                return new Response(response.statusCode(), response.headers(), response.body());
            }
            catch (IOException ex) {
                // The JDK fails send() when a body breaks before send() returns (a stream cut right after its first
                // events): a stream's events that did arrive are still read, then the failure (RetryRule: no retry).
                Response broken = head.streamedResponse();
                if (broken == null) {
                    throw ex;
                }
                return broken;
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                InterruptedIOException interrupted = new InterruptedIOException("Interrupted waiting for " + this.uri);
                interrupted.initCause(ex);
                throw interrupted;
            }
        }
    }

    /**
     * A JSON body, when the client's watchdog can see it arrive, is gathered whole and read in one go (one wake-up
     * for the body); anything else, Server-Sent Events above all, is read as it comes. Either way the response is
     * returned with its head, so the JDK's request timeout bounds only the wait for the head.
     */
    private static HttpResponse.BodySubscriber<InputStream> subscriber(HttpResponse.ResponseInfo info,
            @Nullable ReadWatchdog watchdog) {
        if (watchdog == null) {
            return new WindowedBodySubscriber();
        }
        watchdog.headArrived();
        return info.headers().firstValue("content-type").filter(WholeBodySubscriber::isJson).isPresent()
                ? new WholeBodySubscriber(watchdog) : new WindowedBodySubscriber();
    }

    /** A response's head and the subscriber reading its body, once the head has arrived. */
    private static final class Head {

        private volatile HttpResponse.@Nullable ResponseInfo info;

        private volatile HttpResponse.@Nullable BodySubscriber<InputStream> subscriber;

        HttpResponse.BodySubscriber<InputStream> arrived(HttpResponse.ResponseInfo info,
                HttpResponse.BodySubscriber<InputStream> subscriber) {
            this.info = info;
            this.subscriber = subscriber;
            return subscriber;
        }

        /** The response read as it came, holding what arrived before its failure; null if none is. */
        @Nullable Response streamedResponse() {
            HttpResponse.ResponseInfo head = this.info;
            if (head == null || !(this.subscriber instanceof WindowedBodySubscriber streamed)) {
                return null;
            }
            InputStream body = streamed.getBody().toCompletableFuture().getNow(null);
            return (body != null) ? new Response(head.statusCode(), head.headers(), body) : null;
        }
    }

    /** The response; closing it closes the body, which aborts an unfinished one instead of draining it. */
    private static final class Response implements ClientHttpResponse {

        private final int status;

        private final HttpHeaders headers = new HttpHeaders();

        private final InputStream body;

        Response(int status, java.net.http.HttpHeaders headers, InputStream body) {
            this.status = status;
            this.body = body;
            headers.map().forEach((name, values) -> {
                if (!name.startsWith(":")) { // HTTP/2 pseudo-headers
                    this.headers.addAll(name, values);
                }
            });
        }

        @Override
        public HttpStatusCode getStatusCode() {
            return HttpStatusCode.valueOf(this.status);
        }

        @Override
        public String getStatusText() {
            return "";
        }

        @Override
        public HttpHeaders getHeaders() {
            return this.headers;
        }

        @Override
        public InputStream getBody() {
            return this.body;
        }

        @Override
        public void close() {
            try {
                this.body.close();
            }
            catch (IOException ex) {
                // nothing more to release
            }
        }
    }
}
