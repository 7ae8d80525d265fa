package io.github.minimax4j.client;

import io.github.minimax4j.error.MiniMaxException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** What one call sends besides its URI and headers: the method, the body, and whether a failure may re-send it. */
interface Outgoing {

    /** A GET: no body. */
    Outgoing GET = new Outgoing() {

        @Override
        public HttpMethod method() {
            return HttpMethod.GET;
        }

        @Override
        public void write(RestClient.RequestBodySpec request, ReadWatchdog watchdog) {
        }
    };

    /** A JSON POST of {@code body}. */
    static Outgoing json(byte[] body) {
        return new Outgoing() {

            @Override
            public HttpMethod method() {
                return HttpMethod.POST;
            }

            @Override
            public void write(RestClient.RequestBodySpec request, ReadWatchdog watchdog) {
                request.contentType(MediaType.APPLICATION_JSON).body(body);
            }
        };
    }

    HttpMethod method();

    /** Sets the body and its headers on the request of one attempt, watched by {@code watchdog}. */
    void write(RestClient.RequestBodySpec request, ReadWatchdog watchdog);

    /**
     * The failure to throw at once instead of retrying it per the policy, or null to retry it: a body that
     * cannot be sent twice refuses.
     */
    default @Nullable MiniMaxException refuseRetry(MiniMaxException failure) {
        return null;
    }
}
