package io.github.minimax4j.autoconfigure;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;

/**
 * Connection details from {@link MiniMaxProperties}, the key falling back to {@code MINIMAX_API_KEY}
 * (relaxed binding alone would look for {@code MINIMAX_APIKEY}).
 */
public class PropertiesMiniMaxConnectionDetails implements MiniMaxConnectionDetails {

    static final String API_KEY_VARIABLE = "MINIMAX_API_KEY";

    private final MiniMaxProperties properties;

    private final Environment environment;

    public PropertiesMiniMaxConnectionDetails(MiniMaxProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    @Override
    public String apiKey() {
        String key = this.properties.getApiKey();
        if (key == null || key.isBlank()) {
            key = this.environment.getProperty(API_KEY_VARIABLE, "");
        }
        return key;
    }

    @Override
    public URI baseUrl() {
        return this.properties.getBaseUrl();
    }

    @Override
    public @Nullable URI anthropicBaseUrl() {
        return this.properties.getAnthropicBaseUrl();
    }

    @Override
    public String toString() {
        return "PropertiesMiniMaxConnectionDetails[baseUrl=" + baseUrl() + ", apiKey=****]";
    }
}
