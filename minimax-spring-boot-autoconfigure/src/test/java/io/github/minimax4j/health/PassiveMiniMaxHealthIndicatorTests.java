package io.github.minimax4j.health;

import java.time.Duration;
import java.util.concurrent.CancellationException;

import io.github.minimax4j.error.ApiError;
import io.github.minimax4j.error.BadRequestException;
import io.github.minimax4j.error.MiniMaxIoException;
import io.github.minimax4j.error.RateLimitException;
import io.github.minimax4j.observation.MiniMaxCall;
import io.github.minimax4j.observation.MiniMaxObservationContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/** Passive health: the latest real call that says anything about MiniMax decides. */
class PassiveMiniMaxHealthIndicatorTests {

    private final MutableClock clock = new MutableClock();

    private final RecentCallTracker calls = new RecentCallTracker(this.clock);

    private final PassiveMiniMaxHealthIndicator indicator = new PassiveMiniMaxHealthIndicator(this.calls);

    @Test
    void unknownBeforeAnyCall() {
        assertThat(this.indicator.health().getStatus()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void aConnectionFailureAfterASuccessIsDownAndASuccessAfterItIsUpAgain() {
        this.calls.succeeded();
        this.clock.advance(Duration.ofSeconds(1));
        this.calls.failed(new MiniMaxIoException("Could not connect to http://u:p@gw.local/?k=v", null));
        assertThat(this.indicator.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(this.indicator.health().getDetails()).containsEntry("errorType", "MiniMaxIoException")
            .containsEntry("checkedAt", this.clock.instant().toString());
        assertThat((String) this.indicator.health().getDetails().get("error")).doesNotContain("u:p").doesNotContain("k=v");
        this.clock.advance(Duration.ofSeconds(1));
        this.calls.succeeded();
        assertThat(this.indicator.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void theCallersOwnFailuresRateLimitsAndClosedStreamsChangeNothing() {
        this.calls.succeeded();
        this.clock.advance(Duration.ofSeconds(1));
        this.calls.failed(new BadRequestException("bad", ApiError.builder().statusCode(400).errorType("x").build()));
        this.calls.failed(new RateLimitException("slow", ApiError.builder()
            .statusCode(429)
            .errorType("x")
            .build(), null));
        this.calls.failed(new CancellationException("closed by its caller"));
        assertThat(this.indicator.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void fileOperationsLeaveHealthAsItWas() {
        this.calls.succeeded();
        MiniMaxObservationContext upload = new MiniMaxObservationContext(MiniMaxCall.builder()
            .api(MiniMaxCall.FILES)
            .operation("retrieve_file")
            .requestModel("")
            .build());
        upload.setError(new MiniMaxIoException("connection reset while uploading", null));
        this.clock.advance(Duration.ofSeconds(1));
        this.calls.onStop(upload);
        assertThat(this.indicator.health().getStatus()).isEqualTo(Status.UP);
        assertThat(this.calls.lastSuccess()).isBefore(this.clock.instant());
    }
}
