package io.github.minimax4j.test.simulator;

/** A request the real API would reject with HTTP 400 {@code bad_request_error} (MiniMax code 2013). */
final class BadRequestException extends RuntimeException {

    BadRequestException(String message) {
        super(message);
    }
}
