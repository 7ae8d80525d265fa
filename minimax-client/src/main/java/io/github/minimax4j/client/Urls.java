package io.github.minimax4j.client;

import java.net.URI;

/** Joins a configured base URL and an API path, whatever trailing slashes the base has. */
final class Urls {

    private Urls() {
    }

    static URI resolve(URI base, String path) {
        String text = base.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text + path);
    }
}
