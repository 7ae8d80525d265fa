package io.github.minimax4j.client;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.error.MalformedResponseException;
import io.github.minimax4j.error.MiniMaxApiException;
import io.github.minimax4j.error.MiniMaxException;
import io.github.minimax4j.error.MiniMaxIoException;
import io.github.minimax4j.error.MiniMaxTimeoutException;
import io.github.minimax4j.error.RateLimitException;
import io.github.minimax4j.error.ServerException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockserver.matchers.Times;
import org.mockserver.model.Delay;
import org.mockserver.model.HttpError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockserver.model.HttpResponse.response;

/** Every way a call can fail, each ending in its typed exception, and which failures are retried. */
abstract class ErrorAndRetryScenarios extends MockServerScenarios {

    private static final MessageRequest HELLO = MessageRequest.builder().addUserMessage("Hello").build();

    /** How the scenarios call the client: every scenario holds for the blocking and the non-blocking API alike. */
    CallMode mode() {
        return CallMode.BLOCKING;
    }

    @ParameterizedTest(name = "HTTP {0} -> {1}, attempts {2}")
    @CsvSource({
            "400, BadRequestException, 1, invalid_request_error",
            "401, AuthenticationException, 1, authentication_error",
            "403, PermissionDeniedException, 1, permission_error",
            "404, NotFoundException, 1, not_found_error",
            "422, BadRequestException, 1, invalid_request_error",
            "429, RateLimitException, 3, rate_limit_error",
            "500, ServerException, 3, api_error",
            "503, ServerException, 3, api_error",
            "529, OverloadedException, 3, overloaded_error",
            "408, MiniMaxApiException, 3, timeout_error",
            "409, MiniMaxApiException, 3, conflict_error" })
    void mapsEachHttpStatusToItsTypeAndRetriesOnlyTransientOnes(int status, String type, int attempts,
            String errorType) {
        server().when(post(MESSAGES)).respond(json(status,
                "{\"type\":\"error\",\"error\":{\"type\":\"" + errorType + "\",\"message\":\"server says no\"}}"));

        MiniMaxApiException ex = catchApiException();

        assertThat(ex.getClass().getSimpleName()).isEqualTo(type);
        assertThat(ex.statusCode()).isEqualTo(status);
        assertThat(ex.getMessage()).contains("HTTP " + status).doesNotContain("non-JSON");
        assertThat(ex.errorType()).isEqualTo(errorType);
        assertThat(ex.getMessage()).contains("server says no");
        assertThat(ex.rawBody()).contains(errorType);
        assertThat(recorded(MESSAGES)).hasSize(attempts);
    }

    @ParameterizedTest(name = "base_resp {0} -> {1}, attempts {2}")
    @CsvSource({
            "1004, AuthenticationException, 1, minimax.api-key",
            "2049, AuthenticationException, 1, minimax.api-key",
            "1008, InsufficientBalanceException, 1, balance",
            "1026, SensitiveContentException, 1, input",
            "1027, SensitiveContentException, 1, output",
            "2013, BadRequestException, 1, parameters",
            "1002, RateLimitException, 3, requests per minute",
            "1039, RateLimitException, 3, tokens per minute",
            "1013, ServerException, 3, retry",
            "1001, ServerException, 3, retry",
            "4242, MiniMaxApiException, 1, 4242" })
    void mapsBaseRespErrorsInsideHttp200(int code, String type, int attempts, String hint) {
        server().when(post(MESSAGES)).respond(json(200,
                "{\"id\":\"\",\"base_resp\":{\"status_code\":" + code + ",\"status_msg\":\"code " + code + "\"}}"));

        MiniMaxApiException ex = catchApiException();

        assertThat(ex.getClass().getSimpleName()).isEqualTo(type);
        assertThat(ex.baseRespCode()).contains(code);
        assertThat(ex.statusCode()).isEqualTo(200);
        assertThat(ex.getMessage()).contains(String.valueOf(code)).contains(hint);
        assertThat(recorded(MESSAGES)).hasSize(attempts);
    }

    @Test
    void exposesTheRetryAfterTheServerAskedForAndWaitsIt() {
        server().when(post(MESSAGES)).respond(json(429, "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\","
                + "\"message\":\"slow down\"}}").withHeader("retry-after-ms", "40"));
        long start = System.nanoTime();

        RateLimitException ex = (RateLimitException) catchApiException();

        assertThat(ex.retryAfter()).contains(Duration.ofMillis(40));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(80));
        assertThat(recorded(MESSAGES)).hasSize(3);
    }

    @Test
    void succeedsAfterTransientFailures() {
        server().when(post(MESSAGES), Times.exactly(2)).respond(json(503, "{\"error\":{\"message\":\"down\"}}"));
        server().when(post(MESSAGES)).respond(json(200, Fixtures.read("m27-response.json")));

        assertThat(mode().create(client(), HELLO).text()).isEqualTo("Hello! How can I help you today?");
        assertThat(recorded(MESSAGES)).hasSize(3);
    }

    @Test
    void honoursXShouldRetryFalse() {
        server().when(post(MESSAGES)).respond(json(500, "{}").withHeader("x-should-retry", "false"));

        assertThat(catchApiException()).isInstanceOf(ServerException.class);
        assertThat(recorded(MESSAGES)).hasSize(1);
    }

    @Test
    void doesNotRetryWhenRetriesAreDisabled() {
        server().when(post(MESSAGES)).respond(json(503, "{}"));

        assertThatExceptionOfType(ServerException.class).isThrownBy(() -> mode().create(clientBuilder()
            .retryPolicy(RetryPolicy.none()).build(), HELLO));
        assertThat(recorded(MESSAGES)).hasSize(1);
    }

    @Test
    void aNonJsonErrorPageFromAProxyIsAServerError() {
        server().when(post(MESSAGES)).respond(response().withStatusCode(502)
            .withHeader("Content-Type", "text/html").withBody("<html><body>502 Bad Gateway</body></html>"));

        MiniMaxApiException ex = catchApiException();

        assertThat(ex).isInstanceOf(ServerException.class);
        assertThat(ex.getMessage()).contains("HTTP 502").contains("non-JSON body").contains("proxy");
        assertThat(ex.rawBody()).contains("502 Bad Gateway");
    }

    @Test
    void aTruncatedJsonBodyIsAMalformedResponse() {
        server().when(post(MESSAGES)).respond(json(200, "{\"id\":\"m1\",\"content\":[{\"type\":\"text\",\"te"));

        assertThatExceptionOfType(MalformedResponseException.class)
            .isThrownBy(() -> mode().create(client(), HELLO))
            .withMessageContaining("not a valid MessageResponse");
    }

    @Test
    void aReadTimeoutIsATimeoutErrorAndNothingHangsPastIt() {
        server().when(post(MESSAGES)).respond(json(200, Fixtures.read("m27-response.json"))
            .withDelay(new Delay(TimeUnit.MILLISECONDS, 2000)));
        long start = System.nanoTime();

        assertThatExceptionOfType(MiniMaxTimeoutException.class)
            .isThrownBy(() -> mode().create(clientBuilder().readTimeout(Duration.ofMillis(300))
                .retryPolicy(RetryPolicy.none()).build(), HELLO))
            .withMessageContaining("minimax.read-timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
    }

    @Test
    void aDroppedConnectionIsAnIoErrorAfterRetries() {
        server().when(post(MESSAGES)).error(HttpError.error().withDropConnection(true));

        assertThatExceptionOfType(MiniMaxIoException.class).isThrownBy(() -> mode().create(client(), HELLO));
        assertThat(recorded(MESSAGES)).hasSize(3);
    }

    @Test
    void connectionRefusedSaysWhereItTriedToConnect() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        MiniMaxClient client = clientBuilder().baseUrl("http://127.0.0.1:" + closedPort).build();

        assertThatExceptionOfType(MiniMaxIoException.class).isThrownBy(() -> mode().create(client, HELLO))
            .withMessageContaining("127.0.0.1:" + closedPort)
            .withMessageContaining("minimax.base-url");
    }

    @Test
    void theKeyIsRedactedWhenTheServerEchoesIt() {
        server().when(post(MESSAGES)).respond(json(401, "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\","
                + "\"message\":\"invalid api key: " + API_KEY + "\"}}"));

        MiniMaxApiException ex = catchApiException();

        assertThat(ex.getMessage()).doesNotContain(API_KEY).contains("invalid api key: ****");
        assertThat(ex.rawBody()).doesNotContain(API_KEY);
        assertThat(ex.toString()).doesNotContain(API_KEY);
    }

    private MiniMaxApiException catchApiException() {
        try {
            mode().create(client(), HELLO);
        }
        catch (MiniMaxApiException ex) {
            return ex;
        }
        catch (MiniMaxException ex) {
            throw new AssertionError("Expected an API exception but got " + ex, ex);
        }
        throw new AssertionError("Expected the call to fail");
    }
}
