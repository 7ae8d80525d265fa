package io.github.minimax4j.client;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import io.github.minimax4j.observation.MiniMaxCall;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * Opens a stream for a subscriber, the same for both protocols: validates the request (a failure goes to the
 * subscriber's {@code onError}, nothing sent), starts the call's observation, sends through {@link AsyncTransport}
 * (retried as a blocking stream is, before its events start) and reads the events through a
 * {@link SseSubscription}. Thread-safe.
 */
final class AsyncStreams {

    private final AsyncTransport transport;

    private final JsonBodies json;

    private final CallObservation.Observer observer;

    AsyncStreams(AsyncTransport transport, CallObservation.Observer observer) {
        this.transport = transport;
        this.json = new JsonBodies(transport.blocking());
        this.observer = observer;
    }

    /**
     * What one protocol's stream needs.
     * @param uri where its stream requests go
     * @param decoder decodes its events (one per stream)
     * @param progress accumulates and observes its events (one per stream)
     * @param <T> event type
     */
    record Protocol<T>(URI uri, Supplier<SseEventDecoder<T>> decoder,
            Function<CallObservation, StreamProgress<T>> progress) {
    }

    /**
     * One stream request, not sent yet.
     * @param prepare validates and completes the request; throws InvalidRequestException
     * @param describe the call, for its observation
     * @param estimate the tokens the call may use, for the client's rate limiter
     * @param options the call's options
     * @param parent the observation current where the stream was made, or null
     * @param <P> request type
     */
    record Request<P>(Supplier<P> prepare, Function<P, MiniMaxCall> describe, ToLongFunction<P> estimate,
            RequestOptions options, @Nullable Observation parent) {
    }

    /** The observation current on the calling thread, for a stream made here and subscribed elsewhere. */
    @Nullable Observation currentObservation() {
        return this.observer.current();
    }

    java.util.concurrent.Executor completions() {
        return this.transport.completions();
    }

    /**
     * Opens the stream for {@code subscriber}: it gets {@code onSubscribe} first (on this thread, or on the rate
     * limiter's timer when the client's limiter makes the stream wait for capacity), then its events
     * or the failure. {@code onTerminate} hears once how it ended: null after completion, else the failure (a
     * {@link CancellationException} after {@code cancel()}).
     */
    <P, T> void open(Flow.Subscriber<? super T> subscriber, Protocol<T> protocol, Request<P> request,
            boolean discardText, BiConsumer<StreamProgress<T>, @Nullable Throwable> onTerminate) {
        P prepared = null;
        byte[] body = null;
        RuntimeException invalid = null;
        try {
            prepared = request.prepare().get();
            body = JsonBodies.write(prepared, request.options());
            this.transport.blocking().rejectKeyInHeaders(request.options());
        }
        catch (RuntimeException ex) {
            invalid = ex;
        }
        if (invalid != null) {
            open(subscriber, protocol, request.options(), body, CallObservation.none(), invalid, discardText,
                    onTerminate);
            return;
        }
        P admitted = prepared;
        byte[] sending = body;
        // No thread waits for the client's rate limiter: the stream opens when its timer grants capacity.
        this.observer.admit(request.describe().apply(admitted), () -> request.estimate().applyAsLong(admitted),
                request.parent()).whenComplete((observation, refused) -> {
                    if (refused != null) {
                        open(subscriber, protocol, request.options(), sending, CallObservation.none(),
                                AsyncTransport.unwrap(refused), discardText, onTerminate);
                    }
                    else {
                        open(subscriber, protocol, request.options(), sending, observation, null, discardText,
                                onTerminate);
                    }
                });
    }

    private <T> void open(Flow.Subscriber<? super T> subscriber, Protocol<T> protocol, RequestOptions options,
            byte @Nullable [] body, CallObservation observation, @Nullable Throwable invalid,
            boolean discardText, BiConsumer<StreamProgress<T>, @Nullable Throwable> onTerminate) {
        StreamProgress<T> progress = protocol.progress().apply(observation);
        if (discardText) {
            progress.discardText();
        }
        SseEventDecoder<T> decoder = protocol.decoder().get();
        AtomicReference<AsyncTransport.@Nullable Call<Object>> call = new AtomicReference<>();
        SseSubscription<T> subscription = new SseSubscription<>(subscriber, decoder, progress, (failure) -> {
            AsyncTransport.Call<Object> sending = call.get();
            if (sending != null) {
                sending.cancel(); // before the answer: aborts the exchange or a retry still to come
            }
            onTerminate.accept(progress, failure);
        });
        if (invalid != null) {
            subscriber.onSubscribe(subscription);
            subscription.fail(invalid);
            return;
        }
        AsyncTransport.Call<Object> sending = streamCall(protocol.uri(), Objects.requireNonNull(body), options,
                subscription);
        call.set(sending);
        subscriber.onSubscribe(subscription);
        this.transport.start(sending).whenComplete((ignored, failure) -> {
            if (failure != null && !sending.cancelled()) {
                subscription.fail(AsyncTransport.unwrap(failure));
            }
        });
    }

    /** The call whose event stream the subscription reads; a JSON answer instead carries an error. */
    private AsyncTransport.Call<Object> streamCall(URI uri, byte[] body, RequestOptions options,
            SseSubscription<?> subscription) {
        JsonBodies json = this.json;
        return new AsyncTransport.Call<>(uri, body, options) {
            @Override
            HttpResponse.BodySubscriber<Object> streaming(String contentType, ReadWatchdog watchdog) {
                return subscription.body(watchdog);
            }

            @Override
            Object whole(int status, HttpHeaders headers, byte[] answer) {
                throw json.jsonInsteadOfEvents(answer, uri);
            }

            @Override
            Object streamed(HttpResponse<?> response) {
                return response;
            }

            @Override
            boolean waiting() {
                return subscription.waiting();
            }

            @Override
            void expired(ReadWatchdog watchdog) {
                super.expired(watchdog);
                subscription.expired(watchdog);
            }
        };
    }
}
