package io.github.minimax4j.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.autoconfigure.InvalidMiniMaxPropertyException;
import io.github.minimax4j.autoconfigure.MiniMaxAutoConfiguration;
import io.github.minimax4j.error.MiniMaxException;
import io.github.minimax4j.error.MiniMaxIoException;
import io.github.minimax4j.error.MiniMaxTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The auto-configured client's transport comes from Boot's HTTP client settings ({@code spring.http.clients.*},
 * SSL bundles, request factory builder customizers), with MiniMax's rules on top: no redirect followed, no
 * silent POST re-send, the read timeout between bytes. Every test calls a loopback fake over HTTP(S).
 */
class BootTransportTests {

    private static final String KEY = MockServerScenarios.API_KEY;

    private static final MessageRequest HELLO = MessageRequest.builder().addUserMessage("Hello").build();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(MiniMaxAutoConfiguration.class, RestClientAutoConfiguration.class,
                HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
                SslAutoConfiguration.class))
        .withPropertyValues("minimax.api-key=" + KEY, "minimax.retry.max-retries=0");

    private static LoopbackServer recording(Queue<String> userAgents) throws IOException {
        return new LoopbackServer().route("/", (exchange) -> {
            userAgents.add(String.valueOf(exchange.getRequestHeaders().getFirst("User-Agent")));
            LoopbackServer.send(exchange, 200, "application/json", Fixtures.read("m27-response.json"));
        });
    }

    @Test
    void byDefaultBootPicksTheJdkHttpClientWithTheStartersDependencies() throws Exception {
        Queue<String> userAgents = new ConcurrentLinkedQueue<>();
        try (LoopbackServer server = recording(userAgents)) {
            this.runner.withPropertyValues("minimax.base-url=" + server.baseUrl()).run((context) -> {
                assertThat(context.getBean(MiniMaxClient.class).messages().create(HELLO).text()).isNotEmpty();
            });
        }
        assertThat(userAgents).singleElement().asString().startsWith("Java-http-client/");
    }

    @Test
    void byDefaultTheJdkClientRunsItsIoStepsInlineWithoutPoolThreads() throws Exception {
        Queue<String> userAgents = new ConcurrentLinkedQueue<>();
        try (LoopbackServer server = recording(userAgents)) {
            this.runner.withPropertyValues("minimax.base-url=" + server.baseUrl()).run((context) -> {
                MiniMaxClient client = context.getBean(MiniMaxClient.class);
                assertThat(JdkClientThreads.workersStartedDuring(() -> client.messages().create(HELLO))).isEmpty();
            });
        }
        assertThat(userAgents).singleElement().asString().startsWith("Java-http-client/");
    }

    @Test
    void anExecutorChosenThroughBootForTheJdkClientIsKept() throws Exception {
        AtomicInteger tasks = new AtomicInteger();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newCachedThreadPool();
        ClientHttpRequestFactoryBuilderCustomizer<JdkClientHttpRequestFactoryBuilder> counting = (builder) -> builder
            .withExecutor((task) -> {
                tasks.incrementAndGet();
                pool.execute(task);
            });
        try (LoopbackServer server = recording(new ConcurrentLinkedQueue<>())) {
            this.runner.withBean(ClientHttpRequestFactoryBuilderCustomizer.class, () -> counting)
                .withPropertyValues("minimax.base-url=" + server.baseUrl())
                .run((context) -> assertThat(context.getBean(MiniMaxClient.class).messages().create(HELLO).text())
                    .isNotEmpty());
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(tasks).as("tasks run by the executor given through Boot").hasPositiveValue();
    }

    @Test
    void springHttpClientsFactoryChoosesTheHttpLibrary() throws Exception {
        Queue<String> userAgents = new ConcurrentLinkedQueue<>();
        try (LoopbackServer server = recording(userAgents)) {
            this.runner
                .withPropertyValues("minimax.base-url=" + server.baseUrl(), "spring.http.clients.imperative.factory=simple")
                .run((context) -> context.getBean(MiniMaxClient.class).messages().create(HELLO));
        }
        assertThat(userAgents).singleElement().asString().startsWith("Java/"); // HttpURLConnection
    }

    @Test
    void aRedirectIsNeverFollowedEvenWhenBootsSettingsSayFollow() throws Exception {
        AtomicInteger elsewhere = new AtomicInteger();
        try (LoopbackServer server = new LoopbackServer()) {
            server.route("/elsewhere", (exchange) -> {
                elsewhere.incrementAndGet();
                LoopbackServer.send(exchange, 200, "application/json", Fixtures.read("m27-response.json"));
            }).route("/anthropic", (exchange) -> {
                exchange.getResponseHeaders().set("Location", server.baseUrl() + "/elsewhere/v1/messages");
                exchange.sendResponseHeaders(307, -1);
            });
            this.runner.withPropertyValues("minimax.base-url=" + server.baseUrl(), "spring.http.clients.redirects=follow")
                .run((context) -> assertThatExceptionOfType(MiniMaxException.class)
                    .isThrownBy(() -> context.getBean(MiniMaxClient.class).messages().create(HELLO))
                    .withMessageContaining("307"));
        }
        assertThat(elsewhere).hasValue(0);
    }

    @Test
    void theReadTimeoutBoundsSilenceNotALongStreamWhateverBootsReadTimeout() throws Exception {
        try (RawSseServer server = new RawSseServer((writer) -> {
            writer.event("message_start", StreamEvents.START);
            writer.event("content_block_start", StreamEvents.TEXT_START);
            for (int i = 0; i < 50; i++) { // 3 s, four read timeouts, never silent for more than 60 ms
                writer.event("content_block_delta", StreamEvents.textDelta("t"));
                Thread.sleep(60);
            }
            StreamEvents.finish(writer);
        })) {
            this.runner.withPropertyValues("minimax.base-url=" + server.baseUrl(), "minimax.read-timeout=700ms",
                    "spring.http.clients.read-timeout=700ms").run((context) -> {
                        try (MessageStream stream = context.getBean(MiniMaxClient.class).messages().stream(HELLO)) {
                            assertThat(stream.finalMessage().text()).hasSize(50);
                        }
                    });
        }
    }

    @Test
    void aStallLongerThanMinimaxReadTimeoutIsATimeout() throws Exception {
        try (RawSseServer server = new RawSseServer((writer) -> {
            writer.event("message_start", StreamEvents.START);
            writer.event("content_block_start", StreamEvents.TEXT_START);
            Thread.sleep(5000);
        })) {
            this.runner.withPropertyValues("minimax.base-url=" + server.baseUrl(), "minimax.read-timeout=300ms")
                .run((context) -> {
                    long start = System.nanoTime();
                    try (MessageStream stream = context.getBean(MiniMaxClient.class).messages().stream(HELLO)) {
                        assertThatExceptionOfType(MiniMaxTimeoutException.class).isThrownBy(stream::finalMessage);
                    }
                    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
                });
        }
    }

    @Test
    void aPostWhoseConnectionDropsBeforeTheResponseIsNotSentAgainByTheHttpClient() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        try (RawSseServer server = new RawSseServer(false, (writer) -> {
            requests.incrementAndGet();
            writer.cut();
        })) {
            for (String factory : List.of("jdk", "simple")) {
                requests.set(0);
                this.runner.withPropertyValues("minimax.base-url=" + server.baseUrl(),
                        "spring.http.clients.imperative.factory=" + factory).run((context) -> {
                            assertThatExceptionOfType(MiniMaxIoException.class).as(factory)
                                .isThrownBy(() -> context.getBean(MiniMaxClient.class).messages().create(HELLO));
                        });
                assertThat(requests).as(factory + ": requests the server saw with minimax.retry.max-retries=0")
                    .hasValue(1);
            }
        }
    }

    @Test
    void anSslBundleNamedByMinimaxSslBundleIsTrusted() throws Exception {
        try (SelfSignedTls server = new SelfSignedTls((exchange) -> LoopbackServer.send(exchange, 200,
                "application/json", Fixtures.read("m27-response.json")))) {
            ApplicationContextRunner tls = this.runner.withPropertyValues("minimax.base-url=" + server.baseUrl(),
                    "spring.ssl.bundle.pem.fake-minimax.truststore.certificate=file:" + server.certificatePem());
            tls.run((context) -> assertThatExceptionOfType(MiniMaxIoException.class)
                .isThrownBy(() -> context.getBean(MiniMaxClient.class).messages().create(HELLO))
                .withMessageContaining(server.baseUrl().substring("https://".length()))
                .havingRootCause()
                .withMessageContaining("certification path"));
            tls.withPropertyValues("minimax.ssl.bundle=fake-minimax").run((context) -> assertThat(
                    context.getBean(MiniMaxClient.class).messages().create(HELLO).text()).isNotEmpty());
        }
    }

    @Test
    void anUnknownSslBundleFailsStartupNamingThePropertyAndTheBundlesThatExist() throws Exception {
        try (SelfSignedTls server = new SelfSignedTls((exchange) -> exchange.sendResponseHeaders(500, -1))) {
            this.runner
                .withPropertyValues("minimax.ssl.bundle=corporate",
                        "spring.ssl.bundle.pem.fake-minimax.truststore.certificate=file:" + server.certificatePem())
                .run((context) -> assertThat(context).getFailure()
                    .rootCause()
                    .isInstanceOf(InvalidMiniMaxPropertyException.class)
                    .hasMessageContaining("minimax.ssl.bundle")
                    .hasMessageContaining("corporate")
                    .hasMessageContaining("[fake-minimax]"));
        }
    }

    @Test
    void theDefaultProxySelectorIsUsed() throws Exception {
        Queue<String> proxied = new ConcurrentLinkedQueue<>();
        try (LoopbackServer proxy = recordingProxy(proxied)) {
            ProxySelector previous = ProxySelector.getDefault();
            ProxySelector.setDefault(to(proxy)); // what -Dhttp.proxyHost or a platform selector does, this test only
            try {
                this.runner.withPropertyValues("minimax.base-url=http://api.minimax.test")
                    .run((context) -> assertThat(context.getBean(MiniMaxClient.class).messages().create(HELLO).text())
                        .isNotEmpty());
            }
            finally {
                ProxySelector.setDefault(previous);
            }
        }
        assertThat(proxied).containsExactly("POST http://api.minimax.test/anthropic/v1/messages");
    }

    @Test
    void aProxySetByABootRequestFactoryCustomizerIsUsed() throws Exception {
        Queue<String> proxied = new ConcurrentLinkedQueue<>();
        try (LoopbackServer proxy = recordingProxy(proxied)) {
            ClientHttpRequestFactoryBuilderCustomizer<JdkClientHttpRequestFactoryBuilder> viaProxy = (builder) -> builder
                .withProxySelector(to(proxy));
            this.runner.withBean(ClientHttpRequestFactoryBuilderCustomizer.class, () -> viaProxy)
                .withPropertyValues("minimax.base-url=http://api.minimax.test")
                .run((context) -> assertThat(context.getBean(MiniMaxClient.class).messages().create(HELLO).text())
                    .isNotEmpty());
        }
        assertThat(proxied).containsExactly("POST http://api.minimax.test/anthropic/v1/messages");
    }

    /** A forward proxy that answers itself as MiniMax would, recording the absolute URI of each request. */
    private static LoopbackServer recordingProxy(Queue<String> proxied) throws IOException {
        return new LoopbackServer().route("/", (exchange) -> {
            proxied.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            LoopbackServer.send(exchange, 200, "application/json", Fixtures.read("m27-response.json"));
        });
    }

    private static ProxySelector to(LoopbackServer proxy) {
        URI address = URI.create(proxy.baseUrl());
        return new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                return List.of(new Proxy(Proxy.Type.HTTP, new InetSocketAddress(address.getHost(), address.getPort())));
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException ex) {
            }
        };
    }

    /** {@link RetryRuleTests}' whole matrix, every call kind broken at every point, on the transport Boot picks. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}, {1}")
    @org.junit.jupiter.params.provider.MethodSource("io.github.minimax4j.client.RetryRuleTests#cases")
    void theRetryRuleHoldsOnThisTransport(FaultPoint.Call call, FaultPoint point) throws Exception {
        java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
        try (RawSseServer server = new RawSseServer(false, (writer) -> {
            requests.incrementAndGet();
            point.play(call, writer);
        })) {
            this.runner.withPropertyValues("minimax.base-url=" + server.baseUrl(), "minimax.retry.max-retries=2",
                    "minimax.retry.initial-backoff=1ms", "minimax.retry.max-backoff=5ms",
                    "minimax.read-timeout=" + RetryRuleTests.readTimeout(point).toMillis() + "ms")
                .run((context) -> RetryRuleTests.assertRuleHeld(call, point, context.getBean(MiniMaxClient.class),
                        requests));
        }
    }
}
