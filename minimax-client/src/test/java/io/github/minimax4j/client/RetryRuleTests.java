package io.github.minimax4j.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.minimax4j.error.MiniMaxException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The one retry rule ({@link RetryRule}) on every path: each call kind broken at each point of its response by a
 * raw-socket server, with the exact number of requests the server saw (two retries allowed). Retried only when no
 * byte of a response arrived or the whole response was a retriable error; never once a 2xx head arrived.
 */
class RetryRuleTests {

    /**
     * The read timeout of the calls a stall ends; the others get a long one, so that a loaded machine (or the JDK
     * client's first start) cannot end an attempt before its request has even reached the server.
     */
    static final Duration STALL_TIMEOUT = Duration.ofMillis(800);

    static Duration readTimeout(FaultPoint point) {
        return point.stalls() ? STALL_TIMEOUT : Duration.ofSeconds(20);
    }

    @BeforeAll
    static void warmUp() throws Exception {
        try (RawSseServer server = new RawSseServer(false, (writer) -> FaultPoint.NONE.play(FaultPoint.Call.CHAT_STREAM,
                writer))) {
            FaultPoint.Call.CHAT_STREAM.run(MiniMaxClient.builder().apiKey(MockServerScenarios.API_KEY)
                .baseUrl(server.baseUrl()).build());
        }
    }

    static List<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (CallMode mode : CallMode.values()) {
            for (FaultPoint.Call call : FaultPoint.Call.values()) {
                for (FaultPoint point : FaultPoint.values()) {
                    cases.add(Arguments.of(call, point, mode));
                }
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}, {1}, {2}")
    @MethodSource("cases")
    void eachCallIsSentAgainOnlyWhenNoByteOfAResponseArrivedOrTheWholeResponseWasARetriableError(
            FaultPoint.Call call, FaultPoint point, CallMode mode) throws Exception {
        AtomicInteger requests = new AtomicInteger();
        try (RawSseServer server = new RawSseServer(false, (writer) -> {
            requests.incrementAndGet();
            point.play(call, writer);
        })) {
            MiniMaxClient client = MiniMaxClient.builder().apiKey(MockServerScenarios.API_KEY).baseUrl(server.baseUrl())
                .readTimeout(readTimeout(point)).retryPolicy(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(5)))
                .build();
            assertRuleHeld(call, point, client, requests, mode);
        }
    }

    /** Runs the call and checks outcome and request count against the rule; shared with the Boot and Apache tests. */
    static void assertRuleHeld(FaultPoint.Call call, FaultPoint point, MiniMaxClient client, AtomicInteger requests) {
        assertRuleHeld(call, point, client, requests, CallMode.BLOCKING);
    }

    static void assertRuleHeld(FaultPoint.Call call, FaultPoint point, MiniMaxClient client, AtomicInteger requests,
            CallMode mode) {
        MiniMaxException failure = null;
        if (point.failure == null) {
            assertThat(call.run(client, mode)).isEqualTo(call.expected());
        }
        else {
            failure = catchThrowableOfType(point.failure, () -> call.run(client, mode));
            assertThat(failure).as("the failure of %s, %s", call, point).isNotNull();
            assertThat(failure).isExactlyInstanceOf(point.failure);
            if (point.requests == 1 && point.ordinal() >= FaultPoint.CUT_AFTER_HEAD.ordinal()) {
                assertThat(failure.getMessage()).contains("the caller may retry");
            }
        }
        assertThat(requests).as("requests the server saw for %s, %s (%s)", call, point, failure)
            .hasValue(point.requests);
    }
}
