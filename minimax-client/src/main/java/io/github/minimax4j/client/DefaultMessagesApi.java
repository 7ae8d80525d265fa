package io.github.minimax4j.client;

import java.net.URI;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.anthropic.MessageResponse;
import io.github.minimax4j.anthropic.TokenCount;
import io.github.minimax4j.anthropic.Usage;
import io.github.minimax4j.error.MalformedResponseException;
import io.github.minimax4j.model.BaseResp;
import io.github.minimax4j.model.Model;
import io.github.minimax4j.observation.MiniMaxCall;
import io.github.minimax4j.observation.TokenUsage;
import org.jspecify.annotations.Nullable;

/** The Messages API over {@link HttpTransport}. */
final class DefaultMessagesApi implements MessagesApi {

    private final HttpTransport transport;

    private final JsonBodies json;

    private final MessageRequestPreparer preparer;

    private final CallObservation.Observer observer;

    private final URI messagesUri;

    private final URI countTokensUri;

    DefaultMessagesApi(HttpTransport transport, RequestDefaults defaults, CallObservation.Observer observer,
            URI anthropicBaseUrl) {
        this.transport = transport;
        this.json = new JsonBodies(transport);
        this.preparer = new MessageRequestPreparer(defaults);
        this.observer = observer;
        this.messagesUri = Urls.resolve(anthropicBaseUrl, "/v1/messages");
        this.countTokensUri = Urls.resolve(anthropicBaseUrl, "/v1/messages/count_tokens");
    }

    @Override
    public MessageResponse create(MessageRequest request, RequestOptions options) {
        return createWithRawResponse(request, options).body();
    }

    @Override
    public RawResponse<MessageResponse> createWithRawResponse(MessageRequest request, RequestOptions options) {
        MessageRequest prepared = this.preparer.prepare(request, false);
        return this.observer.start(call(prepared, "chat", false), () -> TokenEstimate.of(prepared, prepared.maxTokens()))
            .observe(() -> this.json.postRaw(this.messagesUri, prepared, options, MessageResponse.class,
                    MessageResponse::baseResp),
                (raw) -> raw.body().model(), (raw) -> usage(raw.body().usage()));
    }

    @Override
    public MessageStream stream(MessageRequest request, RequestOptions options) {
        MessageRequest prepared = this.preparer.prepare(request, true);
        CallObservation observation = this.observer.start(call(prepared, "chat", true),
                () -> TokenEstimate.of(prepared, prepared.maxTokens()));
        JsonBodies.OpenStream open = observation.observe(() -> this.json.openStream(this.messagesUri, prepared, options),
                null, null);
        return new MessageStream(new SseEventIterator<>(new SseEventReader(open.body()),
                new AnthropicEventDecoder(this.transport, this.messagesUri)), open, new MessageProgress(observation));
    }

    @Override
    public TokenCount countTokens(MessageRequest request, RequestOptions options) {
        MessageRequest prepared = this.preparer.prepare(request, false);
        String model = (prepared.model() != null) ? prepared.model().value() : null;
        return this.observer.start(call(prepared, "count_tokens", false)).observe(() -> tokenCount(this.json.post(
                this.countTokensUri, prepared, options, CountTokensResponse.class, CountTokensResponse::baseResp)),
                (count) -> model, DefaultMessagesApi::usage);
    }

    static TokenCount tokenCount(CountTokensResponse counted) {
        if (counted.inputTokens() == null) {
            throw new MalformedResponseException("MiniMax's count_tokens answer has no input_tokens");
        }
        return new TokenCount(counted.inputTokens());
    }

    static TokenUsage usage(TokenCount count) {
        return TokenUsage.builder().inputTokens(count.inputTokens()).build();
    }

    static TokenUsage usage(@Nullable Usage usage) {
        return UsageMeters.of(usage);
    }

    static MiniMaxCall call(MessageRequest prepared, String operation, boolean streaming) {
        Model model = prepared.model();
        return MiniMaxCall.builder()
            .api(MiniMaxCall.MESSAGES)
            .operation(operation)
            .requestModel((model != null) ? model.value() : "")
            .streaming(streaming)
            .userId((prepared.metadata() != null) ? prepared.metadata().userId() : null)
            .build();
    }

    /** The count_tokens answer: {@code input_tokens}, and {@code base_resp} when MiniMax reports an error. */
    record CountTokensResponse(@Nullable Integer inputTokens, @Nullable BaseResp baseResp) {
    }
}
