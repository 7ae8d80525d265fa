package io.github.minimax4j.client;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

import io.github.minimax4j.openai.ChatCompletion;
import io.github.minimax4j.openai.ChatCompletionChunk;
import io.github.minimax4j.openai.ChatCompletionRequest;

/**
 * The Chat Completions API over {@link AsyncTransport}: the blocking {@link DefaultChatCompletionsApi}'s preparation,
 * reading and observation, with futures and publishers.
 */
final class DefaultAsyncChatCompletionsApi implements AsyncChatCompletionsApi {

    private final AsyncTransport transport;

    private final JsonBodies json;

    private final ChatRequestPreparer preparer;

    private final CallObservation.Observer observer;

    private final AsyncStreams streams;

    private final AsyncStreams.Protocol<ChatCompletionChunk> protocol;

    private final URI uri;

    DefaultAsyncChatCompletionsApi(AsyncTransport transport, RequestDefaults defaults,
            CallObservation.Observer observer, URI baseUrl) {
        this.transport = transport;
        this.json = new JsonBodies(transport.blocking());
        this.preparer = new ChatRequestPreparer(defaults);
        this.observer = observer;
        this.streams = new AsyncStreams(transport, observer);
        this.uri = Urls.resolve(baseUrl, "/v1/chat/completions");
        this.protocol = new AsyncStreams.Protocol<>(this.uri, () -> new ChatEventDecoder(transport.blocking(), this.uri),
                ChatProgress::new);
    }

    @Override
    public CompletableFuture<ChatCompletion> create(ChatCompletionRequest request, RequestOptions options) {
        return AsyncTransport.map(createWithRawResponse(request, options), RawResponse::body);
    }

    @Override
    public CompletableFuture<RawResponse<ChatCompletion>> createWithRawResponse(ChatCompletionRequest request,
            RequestOptions options) {
        HttpTransport blocking = this.transport.blocking();
        return this.transport.call(() -> this.preparer.prepare(request, false),
                (prepared) -> this.observer.admit(DefaultChatCompletionsApi.call(prepared, false),
                        () -> DefaultChatCompletionsApi.estimate(prepared), this.observer.current()),
                (prepared) -> this.json.postAsync(this.uri, prepared, options, ChatCompletion.class,
                        ChatCompletion::baseResp, (reply) -> {
                            DefaultChatCompletionsApi.rejectBlanked(blocking, reply.body());
                            return reply;
                        }),
                (prepared, reply) -> reply.body().model(),
                (reply) -> DefaultChatCompletionsApi.usage(reply.body().usage()));
    }

    @Override
    public ChatCompletionPublisher stream(ChatCompletionRequest request, RequestOptions options) {
        AsyncStreams.Request<ChatCompletionRequest> call = new AsyncStreams.Request<>(
                () -> this.preparer.prepare(request, true), (prepared) -> DefaultChatCompletionsApi.call(prepared, true),
                DefaultChatCompletionsApi::estimate, options, this.streams.currentObservation());
        return new ChatCompletionPublisher((subscriber, discardText, onTerminate) -> this.streams.open(subscriber,
                this.protocol, call, discardText, onTerminate), this.streams.completions());
    }
}
