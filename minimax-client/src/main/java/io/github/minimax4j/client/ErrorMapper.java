package io.github.minimax4j.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.github.minimax4j.error.ApiError;
import io.github.minimax4j.error.AuthenticationException;
import io.github.minimax4j.error.BadRequestException;
import io.github.minimax4j.error.InsufficientBalanceException;
import io.github.minimax4j.error.MiniMaxApiException;
import io.github.minimax4j.error.NotFoundException;
import io.github.minimax4j.error.OverloadedException;
import io.github.minimax4j.error.PermissionDeniedException;
import io.github.minimax4j.error.RateLimitException;
import io.github.minimax4j.error.SensitiveContentException;
import io.github.minimax4j.error.ServerException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Turns what the server said into one typed exception, whatever the way it said it: an HTTP status with
 * an Anthropic-, OpenAI- or MiniMax-shaped body, a {@code base_resp} code inside an HTTP 200, or a stream
 * {@code error} event. Every message says what happened and what to do, with the API key redacted.
 */
final class ErrorMapper {

    private static final int MAX_RAW_BODY = 4096;

    private final ApiKey apiKey;

    private final AccountWarnings warnings = new AccountWarnings(java.time.Clock.systemUTC());

    ErrorMapper(ApiKey apiKey) {
        this.apiKey = apiKey;
    }

    /** An HTTP error status, with whatever body came with it. */
    MiniMaxApiException fromStatus(int status, byte[] body, @Nullable Duration retryAfter) {
        String raw = raw(body);
        JsonNode json = parse(body);
        String type = (json != null) ? redact(errorType(json)) : "";
        String serverMessage = (json != null) ? errorMessage(json) : "";
        Integer baseCode = (json != null && json.has("base_resp")) ? json.path("base_resp").path("status_code").asInt()
                : null;
        ApiError error = ApiError.builder()
            .statusCode(status)
            .errorType(type)
            .message(serverMessage)
            .baseRespCode(baseCode)
            .rawBody(raw)
            .build();
        String said = (json != null) ? (serverMessage.isEmpty() ? "" : ": " + serverMessage)
                : (body.length == 0) ? "" : " with a non-JSON body (likely from a proxy or gateway in front of MiniMax)";
        String what = "MiniMax answered HTTP " + status + said;
        return this.warnings.check(switch (status) {
            case 400, 422 -> new BadRequestException(what + ". Fix the request as the message says.", error);
            case 401 -> new AuthenticationException(what + ". The API key was rejected: check minimax.api-key "
                    + "(or MINIMAX_API_KEY) and minimax.base-url (keys from api.minimaxi.com work only there).", error);
            case 403 -> new PermissionDeniedException(what + ". The API key may not use this model or endpoint.",
                    error);
            case 404 -> new NotFoundException(what + ". Check minimax.base-url and the model name.", error);
            case 429 -> new RateLimitException(what + ". Rate limit reached: slow down or retry after "
                    + ((retryAfter != null) ? retryAfter.toMillis() + " ms" : "a while") + ".", error, retryAfter);
            case 529 -> new OverloadedException(what + ". MiniMax is overloaded: retry later.", error);
            default -> (status >= 500) ? new ServerException(what + ". A server-side failure: retry later.", error)
                    : new MiniMaxApiException(what + ".", error);
        });
    }

    /** A redirect: never followed for a POST, so the key cannot travel to the host it points at. */
    MiniMaxApiException redirect(int status, @Nullable String location) {
        ApiError error = ApiError.builder().statusCode(status).errorType("redirect").build();
        return new MiniMaxApiException("MiniMax answered HTTP " + status + " redirecting to "
                + ((location != null) ? redact(location) : null)
                + ". The client does not follow redirects (the API key must not travel to another host): set "
                + "minimax.base-url to the final address.", error);
    }

    /** A {@code base_resp.status_code} other than 0 in an otherwise successful response. */
    MiniMaxApiException fromBaseResp(int code, @Nullable String statusMsg, byte[] body) {
        String serverMessage = redact((statusMsg != null) ? statusMsg : "");
        ApiError error = ApiError.builder()
            .statusCode(200)
            .errorType("base_resp_" + code)
            .message(serverMessage)
            .baseRespCode(code)
            .rawBody(raw(body))
            .build();
        String what = "MiniMax reported error " + code + " (" + serverMessage + ")";
        return this.warnings.check(switch (code) {
            case 1004, 2049 -> new AuthenticationException(what + ". The API key was rejected: check "
                    + "minimax.api-key (or MINIMAX_API_KEY) and minimax.base-url.", error);
            case 1008 -> new InsufficientBalanceException(what + ". The account balance is used up: top it up "
                    + "in the MiniMax console.", error);
            case 1026 -> new SensitiveContentException(what + ". The input was blocked by MiniMax's content "
                    + "filter: change the prompt.", error);
            case 1027 -> new SensitiveContentException(what + ". The output was blocked by MiniMax's content "
                    + "filter: rephrase the request.", error);
            case 2013 -> new BadRequestException(what + ". Invalid parameters: fix the request.", error);
            case 1002, 1039 -> new RateLimitException(what + ". Rate limit reached (" + ((code == 1002) ? "requests"
                    : "tokens") + " per minute): slow down or retry later.", error, null);
            case 1000, 1001, 1013 -> new ServerException(what + ". A server-side failure: retry later.", error);
            default -> new MiniMaxApiException(what + ".", error);
        });
    }

    /** An {@code error} event in a stream. */
    MiniMaxApiException fromStreamError(@Nullable String type, @Nullable String message, String rawData) {
        String serverMessage = redact((message != null) ? message : "");
        String errorType = (type != null) ? redact(type) : "";
        ApiError error = ApiError.builder()
            .statusCode(200)
            .errorType(errorType)
            .message(serverMessage)
            .rawBody(truncate(redact(rawData)))
            .build();
        String what = "MiniMax stopped the stream with an error event (" + errorType + ": " + serverMessage + ")";
        return this.warnings.check(switch (errorType) {
            case "overloaded_error" -> new OverloadedException(what + ". MiniMax is overloaded: retry later.", error);
            case "rate_limit_error" -> new RateLimitException(what + ". Rate limit reached: retry later.", error, null);
            case "authentication_error" -> new AuthenticationException(what + ". Check minimax.api-key.", error);
            case "permission_error" -> new PermissionDeniedException(what + ".", error);
            case "invalid_request_error" -> new BadRequestException(what + ". Fix the request.", error);
            case "not_found_error" -> new NotFoundException(what + ".", error);
            case "api_error" -> new ServerException(what + ". A server-side failure: retry the request.", error);
            default -> new MiniMaxApiException(what + ". Retry the request.", error);
        });
    }

    /** A reply blanked by MiniMax's content filter (a sensitive flag with empty content). */
    SensitiveContentException sensitive(boolean input, @Nullable Integer category, String rawBody) {
        ApiError error = ApiError.builder()
            .statusCode(200)
            .errorType(input ? "input_sensitive" : "output_sensitive")
            .rawBody(truncate(redact(rawBody)))
            .build();
        return new SensitiveContentException("MiniMax's content filter blocked the " + (input ? "input" : "output")
                + ((category != null) ? " (category " + category + ")" : "") + " and returned no content: "
                + (input ? "change the prompt." : "rephrase the request."), error);
    }

    /** Whether a {@code base_resp} code is transient (rate limit, timeout, internal error). */
    static boolean isRetriableBaseResp(int code) {
        return code == 1000 || code == 1001 || code == 1002 || code == 1013 || code == 1039;
    }

    String redact(String text) {
        return this.apiKey.redact(text);
    }

    /**
     * What a JSON parser found wrong, with the key masked and the position, for a message. The parser's exception
     * itself is never attached as a cause: its location snippet quotes the input, which may hold the key.
     */
    String parseProblem(JacksonException failure) {
        String problem = redact(String.valueOf(failure.getOriginalMessage()));
        var location = failure.getLocation();
        return (location != null && location.getLineNr() > 0)
                ? problem + " at line " + location.getLineNr() + ", column " + location.getColumnNr() : problem;
    }

    /** {@code failure}, or a copy of it with the key masked where its chain quotes it, to attach as a cause. */
    Throwable redactedCause(Throwable failure) {
        return RedactedThrowable.of(failure, this.apiKey::redact);
    }

    private String raw(byte[] body) {
        return truncate(redact(new String(body, 0, Math.min(body.length, MAX_RAW_BODY * 2), StandardCharsets.UTF_8)));
    }

    private static String truncate(String text) {
        return (text.length() > MAX_RAW_BODY) ? text.substring(0, MAX_RAW_BODY) + "…" : text;
    }

    private @Nullable JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            return (node != null && node.isObject()) ? node : null;
        }
        catch (JacksonException ex) {
            return null;
        }
    }

    private static String errorType(JsonNode json) {
        JsonNode error = json.path("error");
        if (error.isObject()) {
            return error.path("type").asString(error.path("code").asString(""));
        }
        return json.path("type").asString("");
    }

    private String errorMessage(JsonNode json) {
        JsonNode error = json.path("error");
        String message = error.isObject() ? error.path("message").asString("")
                : error.isString() ? error.asString() : json.path("message").asString("");
        if (message.isEmpty()) {
            message = json.path("base_resp").path("status_msg").asString("");
        }
        return redact(message);
    }
}
