package io.github.minimax4j.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.minimax4j.error.MiniMaxIoException;
import io.github.minimax4j.observation.TokenUsage;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Sends one JSON POST to MiniMax through the JDK {@link HttpClient} with no thread waiting for it: the same headers,
 * key check, retry rule ({@link HttpTransport#retryWait}), read timeout between bytes ({@link ReadWatchdog}'s
 * sweeper) and error mapping as the blocking {@link HttpTransport}, whose decisions it calls rather than copies. A
 * retry waits on a timer, not on a thread. Thread-safe.
 */
final class AsyncTransport {

    private final HttpTransport transport;

    private final HttpClient httpClient;

    /** Where the caller's futures complete: never the client's I/O thread, which a blocking callback would stall. */
    private final Executor completions;

    AsyncTransport(HttpTransport transport, HttpClient httpClient) {
        this.transport = transport;
        this.httpClient = httpClient;
        this.completions = httpClient.executor().filter((executor) -> executor != JdkHttpRequestFactory.INLINE)
            .orElse(ForkJoinPool.commonPool());
    }

    HttpTransport blocking() {
        return this.transport;
    }

    /**
     * One call: what it sends, and how it reads a 2xx answer. Cancelling it aborts the exchange in flight and any
     * retry still to come.
     *
     * @param <T> what the call produces
     */
    abstract static class Call<T> {

        final URI uri;

        final byte[] body;

        final RequestOptions options;

        /** Completes with the call's result or its typed failure, on the client's I/O thread. */
        final CompletableFuture<T> result = new CompletableFuture<>();

        private volatile boolean cancelled;

        private volatile @Nullable CompletableFuture<?> inFlight;

        Call(URI uri, byte[] body, RequestOptions options) {
            this.uri = uri;
            this.body = body;
            this.options = options;
        }

        /**
         * The subscriber for a 2xx answer that is read as it arrives, or null to read it whole.
         * @param contentType the answer's {@code Content-Type}
         */
        HttpResponse.@Nullable BodySubscriber<Object> streaming(String contentType, ReadWatchdog watchdog) {
            return null;
        }

        /** The result of a 2xx answer read whole; throws {@link RetryableFailure} to send again. */
        abstract T whole(int status, HttpHeaders headers, byte[] body);

        /** The result once a 2xx answer's headers have arrived and {@link #streaming} reads its body. */
        T streamed(HttpResponse<?> response) {
            throw new IllegalStateException("not a streaming call");
        }

        /** Whether the call is waiting for bytes now: silence counts towards the read timeout only then. */
        boolean waiting() {
            return true;
        }

        /** The read timeout expired: the exchange in flight is aborted. */
        void expired(ReadWatchdog watchdog) {
            CompletableFuture<?> sent = this.inFlight;
            if (sent != null) {
                sent.cancel(true);
            }
        }

        /** Stops the call: no retry follows, and the exchange in flight is aborted. */
        void cancel() {
            this.cancelled = true;
            CompletableFuture<?> sent = this.inFlight;
            if (sent != null) {
                sent.cancel(true);
            }
            this.result.cancel(false);
        }

        final boolean cancelled() {
            return this.cancelled;
        }
    }

    /** Starts the call; its {@link Call#result} completes once it is answered, finally failed or cancelled. */
    <T> CompletableFuture<T> start(Call<T> call) {
        try {
            this.transport.rejectKeyInHeaders(call.options);
            attempt(call, 0);
        }
        catch (RuntimeException ex) {
            call.result.completeExceptionally(ex);
        }
        return call.result;
    }

    /**
     * The call's result ({@code source}: its {@link Call#result}, observed) for the caller: completed on
     * {@link #completions}, so a caller's dependent stage never runs
     * on the client's I/O thread; cancelling it cancels the call.
     */
    <T> CompletableFuture<T> forCaller(Call<T> call, CompletableFuture<T> source) {
        CompletableFuture<T> caller = new CompletableFuture<>();
        source.whenCompleteAsync((value, failure) -> {
            if (failure != null) {
                caller.completeExceptionally(unwrap(failure));
            }
            else {
                caller.complete(value);
            }
        }, this.completions);
        caller.whenComplete((value, failure) -> {
            if (caller.isCancelled()) {
                call.cancel();
            }
        });
        return caller;
    }

    /**
     * A whole call as the caller sees it: {@code prepare} validates and completes the request (its failure fails
     * the future and nothing is sent), {@code admit} starts its observation once the client's rate limiter lets it
     * go (a refusal fails the future, nothing sent), the call is observed from start to result, and the future
     * completes on {@link #completions}.
     */
    <P, T> CompletableFuture<T> call(Supplier<P> prepare, Function<P, CompletableFuture<CallObservation>> admit,
            Function<P, Call<T>> call, BiFunction<P, T, @Nullable String> model, Function<T, TokenUsage> usage) {
        P prepared;
        Call<T> started;
        try {
            prepared = prepare.get();
            started = call.apply(prepared);
        }
        catch (RuntimeException ex) {
            return CompletableFuture.failedFuture(ex);
        }
        // The observation stops before the caller hears: a caller reading meters after the future sees the call.
        CompletableFuture<T> observed = admit.apply(prepared)
            .thenCompose((observation) -> observation.observe(start(started),
                    (result) -> model.apply(prepared, result), usage));
        return forCaller(started, observed);
    }

    /** {@code source} mapped by {@code mapping}; cancelling the result cancels {@code source} (and so the call). */
    static <T, R> CompletableFuture<R> map(CompletableFuture<T> source, Function<T, R> mapping) {
        CompletableFuture<R> mapped = source.thenApply(mapping);
        mapped.whenComplete((value, failure) -> {
            if (mapped.isCancelled()) {
                source.cancel(false);
            }
        });
        return mapped;
    }

    /** Where futures handed to the caller complete. */
    Executor completions() {
        return this.completions;
    }

    private <T> void attempt(Call<T> call, int retry) {
        if (call.cancelled()) {
            return;
        }
        ReadWatchdog[] holder = new ReadWatchdog[1];
        ReadWatchdog watchdog = ReadWatchdog.startAsync(this.transport.readTimeout(call.options),
                () -> call.expired(holder[0]), call::waiting);
        holder[0] = watchdog;
        HttpHeaders headers = new HttpHeaders();
        call.options.headers().forEach(headers::set);
        this.transport.authenticate(headers);
        headers.setContentType(MediaType.APPLICATION_JSON);
        HttpRequest request = JdkHttpRequestFactory.request(call.uri, headers)
            .POST(HttpRequest.BodyPublishers.ofByteArray(call.body))
            .build();
        CompletableFuture<HttpResponse<Object>> sent;
        try {
            sent = this.httpClient.sendAsync(request, (info) -> subscriber(call, info, watchdog));
        }
        catch (RuntimeException ex) {
            watchdog.stop();
            throw ex;
        }
        call.inFlight = sent;
        if (call.cancelled()) {
            sent.cancel(true);
        }
        sent.whenComplete((response, failure) -> answered(call, retry, watchdog, response, failure));
    }

    /** A 2xx answer the call streams goes to its subscriber; anything else is read whole. */
    private static HttpResponse.BodySubscriber<Object> subscriber(Call<?> call, HttpResponse.ResponseInfo info,
            ReadWatchdog watchdog) {
        watchdog.headArrived(); // from here on, RetryRule sends nothing again after an I/O failure
        int status = info.statusCode();
        String contentType = info.headers().firstValue("content-type").orElse("");
        if (status >= 200 && status < 300 && !WholeBodySubscriber.isJson(contentType)) {
            HttpResponse.BodySubscriber<Object> streaming = call.streaming(contentType, watchdog);
            if (streaming != null) {
                return streaming;
            }
        }
        return new WatchedBytes(watchdog);
    }

    /**
     * A body gathered whole, the future completing once all of it has come (nothing waits for it), each piece
     * counted as activity for the watchdog, so the read timeout bounds the silence between pieces. Not
     * {@link WholeBodySubscriber}, whose body is read by a blocking caller.
     */
    private static final class WatchedBytes implements HttpResponse.BodySubscriber<Object> {

        private final HttpResponse.BodySubscriber<byte[]> whole = HttpResponse.BodySubscribers.ofByteArray();

        private final ReadWatchdog watchdog;

        WatchedBytes(ReadWatchdog watchdog) {
            this.watchdog = watchdog;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.whole.onSubscribe(subscription);
        }

        @Override
        public void onNext(List<ByteBuffer> piece) {
            this.watchdog.activity();
            this.whole.onNext(piece);
        }

        @Override
        public void onError(Throwable failure) {
            this.whole.onError(failure);
        }

        @Override
        public void onComplete() {
            this.whole.onComplete();
        }

        @Override
        public CompletionStage<Object> getBody() {
            return this.whole.getBody().thenApply((bytes) -> bytes);
        }
    }

    private <T> void answered(Call<T> call, int retry, ReadWatchdog watchdog, @Nullable HttpResponse<Object> response,
            @Nullable Throwable failure) {
        try {
            if (response == null) {
                watchdog.stop();
                throw ioFailure(call, watchdog, (failure != null) ? failure : new IOException("no response"));
            }
            int status = response.statusCode();
            if (response.body() instanceof byte[] body) {
                watchdog.stop();
                HttpHeaders headers = headersOf(response);
                if (status < 200 || status >= 300) {
                    throw this.transport.failure(status, headers, body);
                }
                call.result.complete(call.whole(status, headers, body));
            }
            else {
                if (!watchdog.bodyStarted()) { // timed out as the headers came: too late to send again
                    throw this.transport.ioFailure(call.uri, watchdog.expiredFailure(null), true);
                }
                call.result.complete(call.streamed(response));
            }
        }
        catch (RetryableFailure ex) {
            Optional<Duration> wait = call.cancelled() ? Optional.empty() : this.transport.retryWait(call.uri, retry, ex);
            if (wait.isEmpty()) {
                call.result.completeExceptionally(ex.failure());
            }
            else {
                CompletableFuture.delayedExecutor(wait.get().toNanos(), TimeUnit.NANOSECONDS)
                    .execute(() -> attemptQuietly(call, retry + 1));
            }
        }
        catch (RuntimeException | Error ex) {
            call.result.completeExceptionally(ex);
        }
    }

    private <T> void attemptQuietly(Call<T> call, int retry) {
        try {
            attempt(call, retry);
        }
        catch (RuntimeException ex) {
            call.result.completeExceptionally(ex);
        }
    }

    /**
     * An exchange that failed before its answer was read: an I/O failure or a timeout when the watchdog aborted it
     * (sent again only when {@link RetryRule} says no byte of a response arrived), or the caller's cancellation.
     */
    private RuntimeException ioFailure(Call<?> call, ReadWatchdog watchdog, Throwable failure) {
        Throwable cause = unwrap(failure);
        IOException io = null;
        if (watchdog.expired()) {
            io = watchdog.expiredFailure(cause);
        }
        else if (call.cancelled() || cause instanceof CancellationException) {
            return new CancellationException("The call was cancelled");
        }
        else if (cause instanceof IOException ex) {
            io = ex;
        }
        if (io != null) {
            boolean began = watchdog.responseBegan();
            return this.transport.retryRule().afterIoFailure(this.transport.ioFailure(call.uri, io, began), io, began);
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        return new MiniMaxIoException("MiniMax call to " + call.uri + " failed: " + cause, cause);
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    static HttpHeaders headersOf(HttpResponse<?> response) {
        HttpHeaders headers = new HttpHeaders();
        response.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":")) { // HTTP/2 pseudo-headers
                headers.addAll(name, values);
            }
        });
        return headers;
    }
}
