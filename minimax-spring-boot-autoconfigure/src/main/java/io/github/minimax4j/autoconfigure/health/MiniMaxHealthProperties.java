package io.github.minimax4j.autoconfigure.health;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the MiniMax health check ({@code minimax.health.*}).
 */
@ConfigurationProperties("minimax.health")
public class MiniMaxHealthProperties {

    /**
     * How long a health result (or a successful real call) counts as current, so frequent polling neither
     * hits nor bills the API. Zero probes on every health request.
     */
    private Duration cacheTtl = Duration.ofSeconds(60);

    /**
     * Longest time a health probe may take, connecting and reading included, so the health endpoint never
     * hangs.
     */
    private Duration timeout = Duration.ofSeconds(3);

    /**
     * How health finds out: count-tokens probes the API's count_tokens endpoint (free, generates nothing);
     * none sends nothing and follows the application's real calls (UNKNOWN until the first). Use none for a
     * gateway that serves only /v1/messages.
     */
    private Probe probe = Probe.COUNT_TOKENS;

    public Probe getProbe() {
        return this.probe;
    }

    public void setProbe(Probe probe) {
        this.probe = probe;
    }

    public Duration getCacheTtl() {
        return this.cacheTtl;
    }

    public void setCacheTtl(Duration cacheTtl) {
        this.cacheTtl = cacheTtl;
    }

    public Duration getTimeout() {
        return this.timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    /** How health finds out whether MiniMax can be used. */
    public enum Probe {

        /** Probe {@code count_tokens} when no recent real call succeeded. */
        COUNT_TOKENS,

        /** Send nothing: health follows the application's real calls. */
        NONE
    }
}
