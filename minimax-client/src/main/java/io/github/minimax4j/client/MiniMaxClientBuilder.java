package io.github.minimax4j.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

import io.github.minimax4j.model.Model;
import io.github.minimax4j.observation.MiniMaxObservationConvention;
import io.github.minimax4j.ratelimit.ClientRateLimiter;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Builds a {@link MiniMaxClient}. Only the API key is required.
 */
public final class MiniMaxClientBuilder {

    /** MiniMax's international endpoint; {@code https://api.minimaxi.com} serves mainland China. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.minimax.io");

    private @Nullable ApiKey apiKey;

    private URI baseUrl = DEFAULT_BASE_URL;

    private @Nullable URI anthropicBaseUrl;

    private AuthScheme authScheme = AuthScheme.BEARER;

    private RequestDefaults defaults = RequestDefaults.defaults();

    private Duration connectTimeout = Duration.ofSeconds(10);

    private Duration readTimeout = Duration.ofMinutes(5);

    private RetryPolicy retryPolicy = RetryPolicy.defaults();

    private RestClient.@Nullable Builder restClientBuilder;

    private @Nullable ClientHttpRequestFactory requestFactory;

    private Consumer<RestClient.Builder> restClientCustomizer = (builder) -> {
    };

    private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

    private @Nullable MiniMaxObservationConvention observationConvention;

    private @Nullable ClientRateLimiter rateLimiter;

    MiniMaxClientBuilder() {
    }

    /**
     * Sets the API key.
     * @param apiKey the key, as MiniMax issued it
     * @return this builder
     */
    public MiniMaxClientBuilder apiKey(String apiKey) {
        this.apiKey = ApiKey.of(apiKey);
        return this;
    }

    /**
     * Sets the API key.
     * @param apiKey the key
     * @return this builder
     */
    public MiniMaxClientBuilder apiKey(ApiKey apiKey) {
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey must not be null");
        return this;
    }

    /**
     * Base URL of the MiniMax API, default {@code https://api.minimax.io}.
     * @param baseUrl the root URL, for example {@code https://api.minimax.io}
     * @return this builder
     */
    public MiniMaxClientBuilder baseUrl(String baseUrl) {
        return baseUrl(URI.create(baseUrl));
    }

    /**
     * Sets the root URL both APIs are reached under.
     * @param baseUrl the root URL
     * @return this builder
     */
    public MiniMaxClientBuilder baseUrl(URI baseUrl) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl must not be null");
        return this;
    }

    /**
     * Root of the Anthropic-compatible API, where {@code /v1/messages} lives; default
     * {@code <baseUrl>/anthropic}. Set it for a gateway that serves {@code /v1/messages} at its own root.
     * @param anthropicBaseUrl the Messages API's root, or null for {@code <baseUrl>/anthropic}
     * @return this builder
     */
    public MiniMaxClientBuilder anthropicBaseUrl(@Nullable URI anthropicBaseUrl) {
        this.anthropicBaseUrl = anthropicBaseUrl;
        return this;
    }

    /**
     * Sets how the key is sent.
     * @param authScheme the header scheme
     * @return this builder
     */
    public MiniMaxClientBuilder authScheme(AuthScheme authScheme) {
        this.authScheme = Objects.requireNonNull(authScheme, "authScheme must not be null");
        return this;
    }

    /**
     * Sets the values a request gets where it names none.
     * @param defaults the request defaults
     * @return this builder
     */
    public MiniMaxClientBuilder defaults(RequestDefaults defaults) {
        this.defaults = Objects.requireNonNull(defaults, "defaults must not be null");
        return this;
    }

    /**
     * Sets the model a request gets where it names none.
     * @param model the default model
     * @return this builder
     */
    public MiniMaxClientBuilder model(Model model) {
        this.defaults = this.defaults.toBuilder().model(model).build();
        return this;
    }

    /**
     * Sets how long opening a connection may take.
     * @param connectTimeout the connect timeout
     * @return this builder
     */
    public MiniMaxClientBuilder connectTimeout(Duration connectTimeout) {
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout must not be null");
        return this;
    }

    /**
     * Longest silence allowed between bytes of a response (not a bound on the whole response).
     * @param readTimeout the longest wait between bytes
     * @return this builder
     */
    public MiniMaxClientBuilder readTimeout(Duration readTimeout) {
        this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout must not be null");
        return this;
    }

    /**
     * Sets how failed calls are retried.
     * @param retryPolicy the retry policy
     * @return this builder
     */
    public MiniMaxClientBuilder retryPolicy(RetryPolicy retryPolicy) {
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy must not be null");
        return this;
    }

    /**
     * RestClient builder to start from (Spring Boot passes a clone of its own, so its customizers and
     * HTTP metrics apply). Used as given: pass a clone if you share it.
     * @param restClientBuilder the builder to start from
     * @return this builder
     */
    public MiniMaxClientBuilder restClientBuilder(RestClient.Builder restClientBuilder) {
        this.restClientBuilder = restClientBuilder;
        return this;
    }

    /**
     * HTTP client to use instead of the default, a pooled JDK {@code HttpClient} (HTTP/2 where the server
     * offers it). The client still enforces {@link #readTimeout} itself, between bytes, whatever the factory;
     * give the factory no read timeout of its own, or a longer one, and the connect timeout you want. It
     * must not follow redirects (the key would travel to another host) nor re-send a POST by itself.
     * @param requestFactory the request factory to send through
     * @return this builder
     */
    public MiniMaxClientBuilder requestFactory(ClientHttpRequestFactory requestFactory) {
        this.requestFactory = requestFactory;
        return this;
    }

    /**
     * JDK {@code HttpClient} to send calls with (its connection pool, proxy, SSL context, connect timeout), through
     * the client's own lean request path: the body goes out as one array, with no publisher thread per call as in
     * Spring's {@code JdkClientHttpRequestFactory}. It must not follow redirects. Replaces {@link #requestFactory}.
     * @param httpClient the JDK client to send through
     * @return this builder
     */
    public MiniMaxClientBuilder httpClient(java.net.http.HttpClient httpClient) {
        this.requestFactory = new JdkHttpRequestFactory(Objects.requireNonNull(httpClient, "httpClient must not be null"));
        return this;
    }

    /**
     * The executor the client gives its own JDK {@code HttpClient} when the application chose none: it runs the
     * JDK client's short, non-blocking I/O steps (parsing, TLS records, handing bytes to the client's body
     * subscribers, which never block) on the thread that has them, its selector thread or the caller, instead of
     * handing each to a pool thread. Its maintainers mean the JDK client to work with such an executor; on loopback
     * calls are markedly cheaper than with the JDK's default pool (README, Performance). Give your
     * {@link #httpClient(java.net.http.HttpClient)} its own executor to choose otherwise.
     * @return an executor that runs each task at once on the calling thread
     */
    public static java.util.concurrent.Executor inlineExecutor() {
        return JdkHttpRequestFactory.INLINE;
    }

    /**
     * Last say over the RestClient, applied after everything else.
     * @param customizer changes the {@code RestClient.Builder} before it is built
     * @return this builder
     */
    public MiniMaxClientBuilder customizeRestClient(Consumer<RestClient.Builder> customizer) {
        this.restClientCustomizer = this.restClientCustomizer.andThen(customizer);
        return this;
    }

    /**
     * Registry the client starts one Micrometer {@code Observation} per call in (documented by
     * {@code MiniMaxObservationDocumentation}); {@code ObservationRegistry.NOOP} by default. Its handlers (meters,
     * tracing, {@code TokenUsageMeterObservationHandler}) see every call.
     * @param observationRegistry the registry calls are observed in
     * @return this builder
     */
    public MiniMaxClientBuilder observationRegistry(ObservationRegistry observationRegistry) {
        this.observationRegistry = Objects.requireNonNull(observationRegistry, "observationRegistry must not be null");
        return this;
    }

    /**
     * Convention naming the observations and their keys, instead of {@code DefaultMiniMaxObservationConvention}.
     * @param observationConvention the convention, or null for the default
     * @return this builder
     */
    public MiniMaxClientBuilder observationConvention(@Nullable MiniMaxObservationConvention observationConvention) {
        this.observationConvention = observationConvention;
        return this;
    }

    /**
     * Holds every generating call (create and stream, both APIs) to client-side limits before it is sent: it
     * waits for capacity up to the limiter's maximum wait, then fails with a {@code ClientRateLimitException}
     * without sending anything. A stream counts as one request; its tokens settle when it ends or is closed.
     * Off by default. The limiter stays the caller's to close.
     * @param rateLimiter the limiter, or null for none
     * @return this builder
     */
    public MiniMaxClientBuilder rateLimiter(@Nullable ClientRateLimiter rateLimiter) {
        this.rateLimiter = rateLimiter;
        return this;
    }

    /**
     * Builds the client from this builder's settings.
     * @throws IllegalStateException when no API key was given
     * @return the client
     */
    public MiniMaxClient build() {
        if (this.apiKey == null) {
            throw new IllegalStateException("A MiniMax API key is required: call apiKey(...)");
        }
        RestClient.Builder builder = (this.restClientBuilder != null) ? this.restClientBuilder : RestClient.builder();
        ClientHttpRequestFactory factory = (this.requestFactory != null) ? this.requestFactory
                : defaultRequestFactory();
        if (factory instanceof SimpleClientHttpRequestFactory) {
            // Only HttpURLConnection logs request headers (at FINE, DEBUG in a Boot app): mask the key there.
            JdkHttpLogRedaction.install();
        }
        builder.requestFactory(factory);
        this.restClientCustomizer.accept(builder);
        HttpTransport transport = new HttpTransport(builder.build(), this.apiKey, this.authScheme, this.retryPolicy,
                this.readTimeout);
        URI anthropic = (this.anthropicBaseUrl != null) ? this.anthropicBaseUrl
                : Urls.resolve(this.baseUrl, "/anthropic");
        CallObservation.Observer observer = new CallObservation.Observer(this.observationRegistry,
                this.observationConvention, this.rateLimiter);
        DefaultMiniMaxClient.Async async = null;
        if (factory instanceof JdkHttpRequestFactory jdk) {
            AsyncTransport asyncTransport = new AsyncTransport(transport, jdk.httpClient());
            async = new DefaultMiniMaxClient.Async(
                    new DefaultAsyncMessagesApi(asyncTransport, this.defaults, observer, anthropic),
                    new DefaultAsyncChatCompletionsApi(asyncTransport, this.defaults, observer, this.baseUrl));
        }
        Runnable release = (this.requestFactory == null) ? ((JdkHttpRequestFactory) factory)::close : () -> {
        };
        return new DefaultMiniMaxClient(new DefaultMessagesApi(transport, this.defaults, observer, anthropic),
                new DefaultChatCompletionsApi(transport, this.defaults, observer, this.baseUrl),
                new DefaultFilesApi(transport, observer, this.baseUrl), async, release);
    }

    /** The JDK's pooled {@code HttpClient}: see {@link JdkHttpRequestFactory}. */
    private ClientHttpRequestFactory defaultRequestFactory() {
        return JdkHttpRequestFactory.forBaseUrl(this.baseUrl, this.connectTimeout);
    }
}
