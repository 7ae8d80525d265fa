package io.github.minimax4j.sample.web;

import java.util.Map;

import io.github.minimax4j.error.InvalidRequestException;
import io.github.minimax4j.error.MiniMaxException;
import io.github.minimax4j.error.RateLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Errors as JSON {@code {"error": "..."}} with a status that says whose fault it was. */
@RestControllerAdvice
class ApiErrors {

    @ExceptionHandler({ InvalidPromptException.class, InvalidRequestException.class })
    ResponseEntity<Map<String, String>> badPrompt(RuntimeException ex) {
        return error(HttpStatus.BAD_REQUEST, ex.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException ex) {
        return error(HttpStatus.BAD_REQUEST, "send JSON like {\"prompt\": \"Hello\"}");
    }

    @ExceptionHandler(RateLimitException.class)
    ResponseEntity<Map<String, String>> rateLimited(RateLimitException ex) {
        return error(HttpStatus.TOO_MANY_REQUESTS, ex.getMessage());
    }

    @ExceptionHandler(TooManyStreamsException.class)
    ResponseEntity<Map<String, String>> busy(TooManyStreamsException ex) {
        return error(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
    }

    @ExceptionHandler(MiniMaxException.class)
    ResponseEntity<Map<String, String>> upstream(MiniMaxException ex) {
        return error(HttpStatus.BAD_GATEWAY, ex.getMessage());
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
        // JSON even when the request asked only for text/event-stream (the page's stream request does):
        // a preset content type skips negotiation, which would otherwise fail and turn a 400 into a 500.
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("error", message));
    }
}
