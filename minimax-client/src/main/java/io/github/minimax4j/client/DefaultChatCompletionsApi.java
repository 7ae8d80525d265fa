package io.github.minimax4j.client;

import java.net.URI;

import io.github.minimax4j.observation.MiniMaxCall;
import io.github.minimax4j.observation.TokenUsage;
import io.github.minimax4j.openai.ChatCompletion;
import io.github.minimax4j.openai.ChatCompletionRequest;
import io.github.minimax4j.openai.ChatUsage;

/** The Chat Completions API over {@link HttpTransport}. */
final class DefaultChatCompletionsApi implements ChatCompletionsApi {

    private final HttpTransport transport;

    private final JsonBodies json;

    private final ChatRequestPreparer preparer;

    private final CallObservation.Observer observer;

    private final URI uri;

    DefaultChatCompletionsApi(HttpTransport transport, RequestDefaults defaults, CallObservation.Observer observer,
            URI baseUrl) {
        this.transport = transport;
        this.json = new JsonBodies(transport);
        this.preparer = new ChatRequestPreparer(defaults);
        this.observer = observer;
        this.uri = Urls.resolve(baseUrl, "/v1/chat/completions");
    }

    @Override
    public ChatCompletion create(ChatCompletionRequest request, RequestOptions options) {
        return createWithRawResponse(request, options).body();
    }

    @Override
    public RawResponse<ChatCompletion> createWithRawResponse(ChatCompletionRequest request, RequestOptions options) {
        ChatCompletionRequest prepared = this.preparer.prepare(request, false);
        return this.observer.start(call(prepared, false), () -> estimate(prepared)).observe(() -> {
            RawResponse<ChatCompletion> reply = this.json.postRaw(this.uri, prepared, options, ChatCompletion.class,
                    ChatCompletion::baseResp);
            rejectBlanked(reply.body());
            return reply;
        }, (reply) -> reply.body().model(), (reply) -> usage(reply.body().usage()));
    }

    @Override
    public ChatCompletionStream stream(ChatCompletionRequest request, RequestOptions options) {
        ChatCompletionRequest prepared = this.preparer.prepare(request, true);
        CallObservation observation = this.observer.start(call(prepared, true), () -> estimate(prepared));
        JsonBodies.OpenStream open = observation.observe(() -> this.json.openStream(this.uri, prepared, options), null,
                null);
        return new ChatCompletionStream(new SseEventIterator<>(new SseEventReader(open.body()),
                new ChatEventDecoder(this.transport, this.uri)), open, new ChatProgress(observation));
    }

    /** A sensitive flag with nothing returned is an error, not an empty success. */
    private void rejectBlanked(ChatCompletion reply) {
        rejectBlanked(this.transport, reply);
    }

    static void rejectBlanked(HttpTransport transport, ChatCompletion reply) {
        boolean input = Boolean.TRUE.equals(reply.inputSensitive());
        boolean output = Boolean.TRUE.equals(reply.outputSensitive());
        if ((input || output) && reply.message().rawContent().isEmpty() && reply.toolCalls().isEmpty()) {
            throw transport.errors().sensitive(input, input ? reply.inputSensitiveType() : reply.outputSensitiveType(),
                    reply.toString());
        }
    }

    static TokenUsage usage(@org.jspecify.annotations.Nullable ChatUsage usage) {
        return UsageMeters.of(usage);
    }

    static long estimate(ChatCompletionRequest prepared) {
        return TokenEstimate.of(prepared,
                (prepared.maxCompletionTokens() != null) ? prepared.maxCompletionTokens() : prepared.maxTokens());
    }

    static MiniMaxCall call(ChatCompletionRequest prepared, boolean streaming) {
        return MiniMaxCall.builder()
            .api(MiniMaxCall.CHAT_COMPLETIONS)
            .operation("chat")
            .requestModel((prepared.model() != null) ? prepared.model().value() : "")
            .streaming(streaming)
            .build();
    }
}
