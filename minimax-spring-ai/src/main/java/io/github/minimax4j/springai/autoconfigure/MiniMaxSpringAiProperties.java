package io.github.minimax4j.springai.autoconfigure;

import io.github.minimax4j.springai.MiniMaxCacheStrategy;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Defaults of the MiniMax chat model through Spring AI that the client's {@code minimax.*} properties do not
 * cover. A prompt's {@code MiniMaxChatOptions} override them.
 */
@ConfigurationProperties("minimax.spring-ai")
public class MiniMaxSpringAiProperties {

    /**
     * Where prompt-cache breakpoints go on every call: none, system-only, tools-only, system-and-tools or
     * conversation-history.
     */
    private @Nullable MiniMaxCacheStrategy cacheStrategy;

    public @Nullable MiniMaxCacheStrategy getCacheStrategy() {
        return this.cacheStrategy;
    }

    public void setCacheStrategy(@Nullable MiniMaxCacheStrategy cacheStrategy) {
        this.cacheStrategy = cacheStrategy;
    }
}
