package io.github.minimax4j.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.anthropic.MessageResponse;
import io.github.minimax4j.anthropic.MessageStreamEvent;
import io.github.minimax4j.anthropic.TokenCount;
import io.github.minimax4j.openai.ChatCompletion;
import io.github.minimax4j.openai.ChatCompletionChunk;
import io.github.minimax4j.openai.ChatCompletionRequest;
import org.jspecify.annotations.Nullable;

/**
 * The two ways to call the client, for scenarios that must hold on both: the blocking API, and the non-blocking
 * one waited for here (its failure rethrown as the typed exception it carries, as the blocking call throws it).
 */
enum CallMode {

    BLOCKING {
        @Override
        MessageResponse create(MiniMaxClient client, MessageRequest request, RequestOptions options) {
            return client.messages().create(request, options);
        }

        @Override
        TokenCount countTokens(MiniMaxClient client, MessageRequest request, RequestOptions options) {
            return client.messages().countTokens(request, options);
        }

        @Override
        MessageResponse stream(MiniMaxClient client, MessageRequest request, RequestOptions options,
                List<MessageStreamEvent> events) {
            try (MessageStream stream = client.messages().stream(request, options)) {
                stream.forEach(events::add);
                return stream.finalMessage();
            }
        }

        @Override
        ChatCompletion create(MiniMaxClient client, ChatCompletionRequest request, RequestOptions options) {
            return client.chatCompletions().create(request, options);
        }

        @Override
        ChatCompletion stream(MiniMaxClient client, ChatCompletionRequest request, RequestOptions options,
                List<ChatCompletionChunk> chunks) {
            try (ChatCompletionStream stream = client.chatCompletions().stream(request, options)) {
                stream.forEach(chunks::add);
                return stream.finalCompletion();
            }
        }
    },

    ASYNC {
        @Override
        MessageResponse create(MiniMaxClient client, MessageRequest request, RequestOptions options) {
            return await(client.async().messages().create(request, options));
        }

        @Override
        TokenCount countTokens(MiniMaxClient client, MessageRequest request, RequestOptions options) {
            return await(client.async().messages().countTokens(request, options));
        }

        @Override
        MessageResponse stream(MiniMaxClient client, MessageRequest request, RequestOptions options,
                List<MessageStreamEvent> events) {
            MessagePublisher publisher = client.async().messages().stream(request, options);
            Collecting<MessageStreamEvent> subscriber = new Collecting<>(events);
            publisher.subscribe(subscriber);
            MessageResponse message = await(publisher.finalMessage());
            await(subscriber.done);
            return message;
        }

        @Override
        ChatCompletion create(MiniMaxClient client, ChatCompletionRequest request, RequestOptions options) {
            return await(client.async().chatCompletions().create(request, options));
        }

        @Override
        ChatCompletion stream(MiniMaxClient client, ChatCompletionRequest request, RequestOptions options,
                List<ChatCompletionChunk> chunks) {
            ChatCompletionPublisher publisher = client.async().chatCompletions().stream(request, options);
            Collecting<ChatCompletionChunk> subscriber = new Collecting<>(chunks);
            publisher.subscribe(subscriber);
            ChatCompletion completion = await(publisher.finalCompletion());
            await(subscriber.done);
            return completion;
        }
    };

    abstract MessageResponse create(MiniMaxClient client, MessageRequest request, RequestOptions options);

    MessageResponse create(MiniMaxClient client, MessageRequest request) {
        return create(client, request, RequestOptions.NONE);
    }

    abstract TokenCount countTokens(MiniMaxClient client, MessageRequest request, RequestOptions options);

    TokenCount countTokens(MiniMaxClient client, MessageRequest request) {
        return countTokens(client, request, RequestOptions.NONE);
    }

    /** Streams the reply, adding each event to {@code events}, and returns the final message. */
    abstract MessageResponse stream(MiniMaxClient client, MessageRequest request, RequestOptions options,
            List<MessageStreamEvent> events);

    MessageResponse stream(MiniMaxClient client, MessageRequest request) {
        return stream(client, request, RequestOptions.NONE, new ArrayList<>());
    }

    abstract ChatCompletion create(MiniMaxClient client, ChatCompletionRequest request, RequestOptions options);

    ChatCompletion create(MiniMaxClient client, ChatCompletionRequest request) {
        return create(client, request, RequestOptions.NONE);
    }

    abstract ChatCompletion stream(MiniMaxClient client, ChatCompletionRequest request, RequestOptions options,
            List<ChatCompletionChunk> chunks);

    ChatCompletion stream(MiniMaxClient client, ChatCompletionRequest request, List<ChatCompletionChunk> chunks) {
        return stream(client, request, RequestOptions.NONE, chunks);
    }

    /** The future's value, or the exception it failed with, thrown as it is; a test waits at most a minute. */
    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(60, TimeUnit.SECONDS);
        }
        catch (ExecutionException | CompletionException ex) {
            Throwable cause = ex.getCause();
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new AssertionError(cause);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
        catch (TimeoutException ex) {
            throw new AssertionError("no answer within a minute", ex);
        }
    }

    /** Takes the first event, then cancels; {@link #first} completes with that event, or the failure. */
    static final class CancelAfterFirst<T> implements Flow.Subscriber<T> {

        final CompletableFuture<T> first = new CompletableFuture<>();

        private Flow.@Nullable Subscription subscription;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(T item) {
            this.subscription.cancel();
            this.first.complete(item);
        }

        @Override
        public void onError(Throwable throwable) {
            this.first.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            this.first.completeExceptionally(new AssertionError("the stream completed (after its first event, "
                    + "a cancel must end it without a signal)"));
        }
    }

    /** Takes every event into a list; {@link #done} completes with the terminal signal. */
    static final class Collecting<T> implements Flow.Subscriber<T> {

        final List<T> items;

        final CompletableFuture<Void> done = new CompletableFuture<>();

        Collecting(List<T> items) {
            this.items = items;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(T item) {
            synchronized (this.items) {
                this.items.add(item);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            this.done.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            this.done.complete(null);
        }
    }
}
