package io.github.minimax4j.autoconfigure;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import io.github.minimax4j.client.MiniMaxClientBuilder;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.http.client.ClientHttpRequestFactory;

/**
 * Builds the MiniMax client's request factory the Boot way: with the application's
 * {@link ClientHttpRequestFactoryBuilder} and {@link HttpClientSettings} ({@code spring.http.clients.*}: which
 * HTTP library, its customizers, proxies), with MiniMax's rules on top:
 * <ul>
 * <li>redirects are never followed, so the key cannot travel to another host;</li>
 * <li>the connect timeout is {@code minimax.connect-timeout};</li>
 * <li>the read timeout is the client's own, between bytes ({@code minimax.read-timeout}). The JDK client's
 * factory gets none: Spring's would be a deadline for the whole call and cut long generations. Socket-based
 * factories (Apache, Jetty, Reactor, {@code HttpURLConnection}) get the same value, which to them also means
 * silence between bytes;</li>
 * <li>{@code minimax.ssl.bundle} names the SSL bundle, if set;</li>
 * <li>on Apache HttpClient 5, the key stays out of Apache's header and wire logs
 * ({@link ApacheHttpClientLogs}).</li>
 * </ul>
 */
public final class MiniMaxRequestFactories {

    private static final String APACHE_BUILDER = "org.springframework.boot.http.client."
            + "HttpComponentsClientHttpRequestFactoryBuilder";

    private MiniMaxRequestFactories() {
    }

    /**
     * Gives a MiniMax client (the health probe's too) its HTTP transport.
     * @throws InvalidMiniMaxPropertyException when {@code sslBundle} names no bundle of the application
     */
    public static void configure(MiniMaxClientBuilder client, ObjectProvider<ClientHttpRequestFactoryBuilder<?>> builders,
            ObjectProvider<HttpClientSettings> settings, ObjectProvider<SslBundles> sslBundles,
            @Nullable String sslBundle, Duration connectTimeout, Duration readTimeout) {
        ClientHttpRequestFactoryBuilder<?> builder = builders.getIfAvailable(ClientHttpRequestFactoryBuilder::detect);
        HttpClientSettings minimax = settings.getIfAvailable(HttpClientSettings::defaults)
            .withRedirects(HttpRedirects.DONT_FOLLOW)
            .withTimeouts(connectTimeout, (builder instanceof JdkClientHttpRequestFactoryBuilder) ? null : readTimeout);
        if (sslBundle != null && !sslBundle.isBlank()) {
            minimax = minimax.withSslBundle(bundle(sslBundles.getIfAvailable(), sslBundle));
        }
        if (builder instanceof JdkClientHttpRequestFactoryBuilder jdk) {
            client.httpClient(jdkHttpClient(jdk, minimax));
        }
        else if (usesApacheHttpClient(builder)) {
            client.requestFactory(ApacheHttpClientLogs.withKeyMaskingConnections(builder).build(minimax));
        }
        else {
            client.requestFactory(builder.build(minimax));
        }
    }

    /**
     * Whether Boot builds the factory on Apache HttpClient 5; a name check, so that without httpclient5 no
     * class needing it is loaded.
     */
    static boolean usesApacheHttpClient(ClientHttpRequestFactoryBuilder<?> builder) {
        return builder.getClass().getName().equals(APACHE_BUILDER);
    }

    /**
     * The JDK client Boot would build (settings, SSL bundle, proxy selector, every customizer), for the MiniMax
     * client's own request path: Spring's {@code JdkClientHttpRequestFactory} writes each body through a publisher
     * on a new thread, 4x slower per call on loopback. The builder is captured after the last customizer; the
     * factory Boot built around its own copy is dropped unused.
     * <p>
     * An executor the application chose (a customizer's, or Boot's virtual threads with
     * {@code spring.threads.virtual.enabled}) is kept; otherwise the JDK client runs its short I/O steps inline, as
     * {@link MiniMaxClientBuilder#inlineExecutor()} explains.
     */
    private static HttpClient jdkHttpClient(JdkClientHttpRequestFactoryBuilder jdk, HttpClientSettings settings) {
        AtomicReference<HttpClient.@Nullable Builder> configured = new AtomicReference<>();
        jdk.withHttpClientCustomizer(configured::set).build(settings);
        HttpClient.Builder builder = configured.get();
        if (builder == null) {
            throw new IllegalStateException("Spring Boot's JDK request factory builder did not apply its customizers");
        }
        HttpClient asConfigured = builder.build();
        if (asConfigured.executor().isPresent()) {
            return asConfigured;
        }
        close(asConfigured);
        return builder.executor(MiniMaxClientBuilder.inlineExecutor()).build();
    }

    /** Stops the unused client's selector thread now (Java 21+); before 21 it ends once the client is collected. */
    private static void close(HttpClient unused) {
        if (unused instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            }
            catch (Exception ex) {
                // never used: nothing in flight to lose
            }
        }
    }

    private static SslBundle bundle(@Nullable SslBundles bundles, String name) {
        if (bundles == null) {
            throw new InvalidMiniMaxPropertyException("minimax.ssl.bundle", "is '" + name + "', but the application "
                    + "has no SSL bundles", "Define it under spring.ssl.bundle (jks or pem), or remove minimax.ssl.bundle.");
        }
        try {
            return bundles.getBundle(name);
        }
        catch (NoSuchSslBundleException ex) {
            throw new InvalidMiniMaxPropertyException("minimax.ssl.bundle", "is '" + name + "', which is not an SSL "
                    + "bundle of this application (it has " + bundles.getBundleNames() + ")",
                    "Set minimax.ssl.bundle to one of " + bundles.getBundleNames()
                            + ", or define '" + name + "' under spring.ssl.bundle.");
        }
    }
}
