package io.github.minimax4j.client;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.anthropic.MessageResponse;
import io.github.minimax4j.anthropic.MessageStreamEvent;
import io.github.minimax4j.anthropic.TokenCount;

/**
 * The Messages API over {@link AsyncTransport}: the blocking {@link DefaultMessagesApi}'s preparation, reading and
 * observation, with futures and publishers.
 */
final class DefaultAsyncMessagesApi implements AsyncMessagesApi {

    private final AsyncTransport transport;

    private final JsonBodies json;

    private final MessageRequestPreparer preparer;

    private final CallObservation.Observer observer;

    private final AsyncStreams streams;

    private final AsyncStreams.Protocol<MessageStreamEvent> protocol;

    private final URI messagesUri;

    private final URI countTokensUri;

    DefaultAsyncMessagesApi(AsyncTransport transport, RequestDefaults defaults, CallObservation.Observer observer,
            URI anthropicBaseUrl) {
        this.transport = transport;
        this.json = new JsonBodies(transport.blocking());
        this.preparer = new MessageRequestPreparer(defaults);
        this.observer = observer;
        this.streams = new AsyncStreams(transport, observer);
        this.messagesUri = Urls.resolve(anthropicBaseUrl, "/v1/messages");
        this.countTokensUri = Urls.resolve(anthropicBaseUrl, "/v1/messages/count_tokens");
        this.protocol = new AsyncStreams.Protocol<>(this.messagesUri,
                () -> new AnthropicEventDecoder(transport.blocking(), this.messagesUri), MessageProgress::new);
    }

    @Override
    public CompletableFuture<MessageResponse> create(MessageRequest request, RequestOptions options) {
        return AsyncTransport.map(createWithRawResponse(request, options), RawResponse::body);
    }

    @Override
    public CompletableFuture<RawResponse<MessageResponse>> createWithRawResponse(MessageRequest request,
            RequestOptions options) {
        return this.transport.call(() -> this.preparer.prepare(request, false),
                (prepared) -> this.observer.admit(DefaultMessagesApi.call(prepared, "chat", false),
                        () -> TokenEstimate.of(prepared, prepared.maxTokens()), this.observer.current()),
                (prepared) -> this.json.postAsync(this.messagesUri, prepared, options, MessageResponse.class,
                        MessageResponse::baseResp, Function.identity()),
                (prepared, raw) -> raw.body().model(), (raw) -> DefaultMessagesApi.usage(raw.body().usage()));
    }

    @Override
    public MessagePublisher stream(MessageRequest request, RequestOptions options) {
        AsyncStreams.Request<MessageRequest> call = new AsyncStreams.Request<>(
                () -> this.preparer.prepare(request, true), (prepared) -> DefaultMessagesApi.call(prepared, "chat", true),
                (prepared) -> TokenEstimate.of(prepared, prepared.maxTokens()), options,
                this.streams.currentObservation());
        return new MessagePublisher((subscriber, discardText, onTerminate) -> this.streams.open(subscriber,
                this.protocol, call, discardText, onTerminate), this.streams.completions());
    }

    @Override
    public CompletableFuture<TokenCount> countTokens(MessageRequest request, RequestOptions options) {
        return this.transport.call(() -> this.preparer.prepare(request, false),
                (prepared) -> CompletableFuture.completedFuture(
                        this.observer.start(DefaultMessagesApi.call(prepared, "count_tokens", false))),
                (prepared) -> this.json.postAsync(this.countTokensUri, prepared, options,
                        DefaultMessagesApi.CountTokensResponse.class, DefaultMessagesApi.CountTokensResponse::baseResp,
                        (raw) -> DefaultMessagesApi.tokenCount(raw.body())),
                (prepared, count) -> (prepared.model() != null) ? prepared.model().value() : null,
                DefaultMessagesApi::usage);
    }
}
