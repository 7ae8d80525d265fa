package io.github.minimax4j.test.simulator;

/** A request the real API would reject with HTTP 400 {@code invalid_request_error}. */
final class BadRequestException extends RuntimeException {

    BadRequestException(String message) {
        super(message);
    }
}
