package io.github.minimax4j.client;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.error.ApiError;
import io.github.minimax4j.error.AuthenticationException;
import io.github.minimax4j.error.InsufficientBalanceException;
import io.github.minimax4j.error.MiniMaxApiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** A rejected key or an empty balance shows in the log: one WARN line, rate-limited, never the key. */
class AccountWarningsTests {

    private static final String KEY = MockServerScenarios.API_KEY;

    private static final MessageRequest HI = MessageRequest.builder().addUserMessage("hi").build();

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    private final Logger logger = (Logger) LoggerFactory.getLogger(AccountWarnings.class);

    @BeforeEach
    void capture() {
        this.log.start();
        this.logger.addAppender(this.log);
    }

    @AfterEach
    void release() {
        this.logger.detachAppender(this.log);
    }

    @Test
    void aRejectedKeyLogsOneWarnLineForManyFailedCallsNamingThePropertyNotTheKey() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        String body = "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid key "
                + KEY + "\"}}";
        try (LoopbackServer server = new LoopbackServer().route("/anthropic/v1/messages", (exchange) -> {
            calls.incrementAndGet();
            LoopbackServer.send(exchange, 401, "application/json", body);
        })) {
            MiniMaxClient client = client(server);
            for (int i = 0; i < 4; i++) {
                assertThatExceptionOfType(AuthenticationException.class)
                    .isThrownBy(() -> client.messages().create(HI));
            }
        }
        assertThat(calls).hasValue(4);
        List<ILoggingEvent> warnings = warnings();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).getFormattedMessage()).contains("minimax.api-key", "HTTP 401")
            .doesNotContain(KEY);
    }

    @Test
    void anEmptyBalanceReportedInsideHttp200LogsOneWarnLineSayingToTopUp() throws Exception {
        String body = "{\"base_resp\":{\"status_code\":1008,\"status_msg\":\"insufficient balance\"}}";
        try (LoopbackServer server = new LoopbackServer().route("/anthropic/v1/messages",
                (exchange) -> LoopbackServer.send(exchange, 200, "application/json", body))) {
            MiniMaxClient client = client(server);
            for (int i = 0; i < 3; i++) {
                assertThatExceptionOfType(InsufficientBalanceException.class)
                    .isThrownBy(() -> client.messages().create(HI));
            }
        }
        assertThat(warnings()).singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
            .contains("balance", "top it up", "MiniMax code 1008");
    }

    @Test
    void otherFailuresLogNothingAndTheWarningComesBackAfterTheInterval() {
        MutableClock clock = new MutableClock();
        AccountWarnings warnings = new AccountWarnings(clock);
        ApiError error = ApiError.builder().statusCode(401).errorType("authentication_error").build();
        warnings.check(new MiniMaxApiException("HTTP 500", ApiError.builder()
            .statusCode(500)
            .errorType("api_error")
            .build()));
        assertThat(warnings()).isEmpty();
        warnings.check(new AuthenticationException("rejected", error));
        clock.now = clock.now.plus(AccountWarnings.INTERVAL.minusSeconds(1));
        warnings.check(new AuthenticationException("rejected", error));
        assertThat(warnings()).hasSize(1);
        clock.now = clock.now.plusSeconds(1);
        warnings.check(new AuthenticationException("rejected", error));
        assertThat(warnings()).hasSize(2);
    }

    private List<ILoggingEvent> warnings() {
        return this.log.list.stream().filter((event) -> event.getLevel() == Level.WARN).toList();
    }

    private static MiniMaxClient client(LoopbackServer server) {
        return MiniMaxClient.builder()
            .apiKey(KEY)
            .baseUrl(server.baseUrl())
            .retryPolicy(RetryPolicy.none())
            .build();
    }

    private static final class MutableClock extends Clock {

        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return this.now;
        }
    }
}
