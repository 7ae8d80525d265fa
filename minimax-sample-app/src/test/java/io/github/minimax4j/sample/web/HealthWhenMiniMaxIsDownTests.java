package io.github.minimax4j.sample.web;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What README's Health section promises: with MiniMax unreachable the root {@code /actuator/health} is 503,
 * and a group that excludes {@code minimax} stays 200.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "minimax.api-key=sk-down-test", "management.endpoint.health.group.app.include=*",
                "management.endpoint.health.group.app.exclude=minimax" })
class HealthWhenMiniMaxIsDownTests {

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void nothingListens(DynamicPropertyRegistry registry) throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        registry.add("minimax.base-url", () -> "http://127.0.0.1:" + closed);
    }

    private int status(String path) {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + this.port)
            .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
            })
            .build().get().uri(path).retrieve().toBodilessEntity().getStatusCode().value();
    }

    @Test
    void theRootIs503WhileAGroupWithoutMinimaxIs200() {
        assertThat(status("/actuator/health/minimax")).isEqualTo(503);
        assertThat(status("/actuator/health")).isEqualTo(503);
        assertThat(status("/actuator/health/app")).isEqualTo(200);
    }
}
