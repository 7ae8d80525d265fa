package io.github.minimax4j.sample.web;

/** A prompt the app refuses before calling MiniMax (answered with 400). */
class InvalidPromptException extends RuntimeException {

    InvalidPromptException(String message) {
        super(message);
    }
}
