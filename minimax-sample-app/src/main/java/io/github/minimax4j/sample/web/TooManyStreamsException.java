package io.github.minimax4j.sample.web;

/** Every stream slot is taken: answered with 503 so the browser can retry, instead of queueing unseen. */
class TooManyStreamsException extends RuntimeException {

    TooManyStreamsException(int limit) {
        super("All " + limit + " reply streams are busy; try again in a moment (the limit is "
                + "sample.stream.max-concurrent, or the heap over sample.stream.heap-per-stream)");
    }
}
