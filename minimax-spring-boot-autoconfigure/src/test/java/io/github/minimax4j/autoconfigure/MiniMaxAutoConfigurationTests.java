package io.github.minimax4j.autoconfigure;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.client.MiniMaxClient;
import io.github.minimax4j.model.FileObject;
import io.github.minimax4j.model.FilePurpose;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.model.HttpRequest;
import org.mockserver.model.MediaType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

/** The auto-configured client: defaults, back-off, connection details, Boot's RestClient.Builder. */
class MiniMaxAutoConfigurationTests {

    private static final String REPLY = "{\"id\":\"m\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"MiniMax-M3\","
            + "\"content\":[{\"type\":\"text\",\"text\":\"pong\"}],\"stop_reason\":\"end_turn\"}";

    private static ClientAndServer server;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(MiniMaxAutoConfiguration.class, RestClientAutoConfiguration.class));

    @BeforeAll
    static void start() {
        server = ClientAndServer.startClientAndServer(0);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.reset();
        server.when(request().withPath("/.*")).respond(response().withContentType(MediaType.APPLICATION_JSON).withBody(REPLY));
    }

    private static String baseUrl() {
        return "http://127.0.0.1:" + server.getPort();
    }

    private static HttpRequest lastRequest() {
        HttpRequest[] requests = server.retrieveRecordedRequests(request());
        return requests[requests.length - 1];
    }

    private static String ping(MiniMaxClient client) {
        return client.messages().create(MessageRequest.builder().addUserMessage("ping").build()).text();
    }

    @Test
    void configuresAClientFromMinimaxProperties() {
        this.runner.withPropertyValues("minimax.api-key=key-1", "minimax.base-url=" + baseUrl(),
                "minimax.model=MiniMax-M2.7", "minimax.max-tokens=777", "minimax.thinking=adaptive",
                "minimax.temperature=0.3", "minimax.top-p=0.6").run((context) -> {
                    assertThat(ping(context.getBean(MiniMaxClient.class))).isEqualTo("pong");
                    HttpRequest sent = lastRequest();
                    assertThat(sent.getPath().getValue()).isEqualTo("/anthropic/v1/messages");
                    assertThat(sent.getFirstHeader("Authorization")).isEqualTo("Bearer key-1");
                    assertThat(JsonMapper.shared().readTree(sent.getBodyAsString())).isEqualTo(JsonMapper.shared()
                        .readTree("{\"model\":\"MiniMax-M2.7\",\"max_tokens\":777,\"messages\":[{\"role\":\"user\","
                                + "\"content\":[{\"type\":\"text\",\"text\":\"ping\"}]}],\"temperature\":0.3,"
                                + "\"top_p\":0.6,\"thinking\":{\"type\":\"adaptive\"}}"));
                });
    }

    @Test
    void defaultsAreMiniMaxM3OnTheInternationalEndpointWithBearerAuth() {
        this.runner.withPropertyValues("minimax.api-key=key-1").run((context) -> {
            MiniMaxProperties properties = context.getBean(MiniMaxProperties.class);
            assertThat(properties.getBaseUrl()).isEqualTo(URI.create("https://api.minimax.io"));
            assertThat(properties.getModel()).isEqualTo("MiniMax-M3");
            assertThat(properties.getAuthScheme()).isEqualTo(io.github.minimax4j.client.AuthScheme.BEARER);
            assertThat(properties.getReadTimeout()).hasMinutes(5);
            assertThat(properties.getRetry().getMaxRetries()).isEqualTo(2);
            assertThat(context).hasSingleBean(MiniMaxClient.class).hasSingleBean(PropertiesMiniMaxConnectionDetails.class);
        });
    }

    @Test
    void readsTheKeyFromTheMinimaxApiKeyEnvironmentVariable() {
        this.runner.withInitializer((context) -> context.getEnvironment().getPropertySources()
            .addFirst(new SystemEnvironmentPropertySource("test-env", Map.of("MINIMAX_API_KEY", "env-key"))))
            .withPropertyValues("minimax.base-url=" + baseUrl())
            .run((context) -> {
                ping(context.getBean(MiniMaxClient.class));
                assertThat(lastRequest().getFirstHeader("Authorization")).isEqualTo("Bearer env-key");
            });
    }

    @Test
    void sendsXApiKeyAndUsesAGatewayRootWhenConfigured() {
        this.runner.withPropertyValues("minimax.api-key=key-1", "minimax.auth-scheme=x-api-key",
                "minimax.anthropic-base-url=" + baseUrl() + "/gateway").run((context) -> {
                    ping(context.getBean(MiniMaxClient.class));
                    assertThat(lastRequest().getPath().getValue()).isEqualTo("/gateway/v1/messages");
                    assertThat(lastRequest().getFirstHeader("x-api-key")).isEqualTo("key-1");
                });
    }

    @Test
    void theFilesApiIsReachableFromTheClientBeanWithNothingMoreToConfigure(@TempDir Path dir) throws IOException {
        server.reset();
        server.when(request().withPath("/v1/files/upload")).respond(response().withContentType(MediaType.APPLICATION_JSON)
            .withBody("{\"file\":{\"file_id\":42,\"bytes\":11,\"created_at\":1,\"filename\":\"clip.mp4\","
                    + "\"purpose\":\"video_understanding\"},\"base_resp\":{\"status_code\":0,\"status_msg\":\"success\"}}"));
        Path video = Files.writeString(dir.resolve("clip.mp4"), "video bytes");
        this.runner.withPropertyValues("minimax.api-key=key-1", "minimax.base-url=" + baseUrl()).run((context) -> {
            FileObject file = context.getBean(MiniMaxClient.class).files().upload(video, FilePurpose.VIDEO_UNDERSTANDING);
            assertThat(file.reference()).isEqualTo("mm_file://42");
            HttpRequest sent = lastRequest();
            assertThat(sent.getMethod().getValue()).isEqualTo("POST");
            assertThat(sent.getFirstHeader("Authorization")).isEqualTo("Bearer key-1");
            assertThat(sent.getFirstHeader("Content-Type")).startsWith("multipart/form-data");
            assertThat(sent.getBodyAsString()).contains("name=\"purpose\"", "video_understanding",
                    "filename=\"clip.mp4\"", "video bytes");
        });
    }

    @Test
    void backsOffForAUserClient() {
        this.runner.withPropertyValues("minimax.api-key=key-1").withUserConfiguration(UserClient.class)
            .run((context) -> assertThat(context.getBean(MiniMaxClient.class)).isSameAs(UserClient.CLIENT));
    }

    @Test
    void usesUserConnectionDetailsInsteadOfProperties() {
        this.runner.withPropertyValues("minimax.api-key=ignored", "minimax.base-url=https://ignored.invalid")
            .withBean(MiniMaxConnectionDetails.class, () -> new MiniMaxConnectionDetails() {
                @Override
                public String apiKey() {
                    return "vault-key";
                }

                @Override
                public URI baseUrl() {
                    return URI.create(MiniMaxAutoConfigurationTests.baseUrl());
                }
            })
            .run((context) -> {
                assertThat(context).doesNotHaveBean(PropertiesMiniMaxConnectionDetails.class);
                ping(context.getBean(MiniMaxClient.class));
                assertThat(lastRequest().getFirstHeader("Authorization")).isEqualTo("Bearer vault-key");
            });
    }

    @Test
    void startsFromBootsRestClientBuilderAndAppliesMiniMaxCustomizers() {
        this.runner.withPropertyValues("minimax.api-key=key-1", "minimax.base-url=" + baseUrl())
            .withUserConfiguration(Customizers.class)
            .run((context) -> {
                ping(context.getBean(MiniMaxClient.class));
                assertThat(lastRequest().getFirstHeader("X-Boot-Customizer")).isEqualTo("applied");
                assertThat(lastRequest().getFirstHeader("X-MiniMax-Customizer")).isEqualTo("applied");
            });
    }

    @Test
    void theMiniMaxCustomizerTouchesOnlyTheMiniMaxClient() {
        this.runner.withPropertyValues("minimax.api-key=key-1", "minimax.base-url=" + baseUrl())
            .withUserConfiguration(Customizers.class)
            .run((context) -> {
                context.getBean(org.springframework.web.client.RestClient.Builder.class).build().get()
                    .uri(baseUrl() + "/other").retrieve().toBodilessEntity();
                assertThat(lastRequest().getFirstHeader("X-MiniMax-Customizer")).isEmpty();
                assertThat(lastRequest().getFirstHeader("Authorization")).isEmpty();
            });
    }

    @Configuration(proxyBeanMethods = false)
    static class UserClient {

        static final MiniMaxClient CLIENT = MiniMaxClient.builder().apiKey("mine").build();

        @Bean
        MiniMaxClient myClient() {
            return CLIENT;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Customizers {

        @Bean
        RestClientCustomizer bootCustomizer() {
            return (builder) -> builder.defaultHeader("X-Boot-Customizer", "applied");
        }

        @Bean
        MiniMaxRestClientCustomizer miniMaxCustomizer() {
            return (builder) -> builder.defaultHeader("X-MiniMax-Customizer", "applied");
        }
    }
}
