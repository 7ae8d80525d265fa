package io.github.minimax4j.sample.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the streamed replies ({@code sample.stream.*}).
 *
 * @param maxConcurrent replies streamed at once; each holds a thread while MiniMax generates, and a
 * request beyond the limit is answered 503 at once rather than waiting unseen in a queue
 */
@ConfigurationProperties("sample.stream")
public record StreamProperties(@DefaultValue("32") int maxConcurrent) {

    public StreamProperties {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException(
                    "sample.stream.max-concurrent must be at least 1, was " + maxConcurrent);
        }
    }
}
