package io.github.minimax4j.client;

import java.io.InputStream;
import java.net.URI;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.anthropic.MessageResponse;
import io.github.minimax4j.anthropic.MessageStream;
import io.github.minimax4j.anthropic.TokenCount;
import io.github.minimax4j.anthropic.Usage;
import io.github.minimax4j.model.Model;
import org.springframework.http.client.ClientHttpResponse;

/** The Messages API over {@link HttpTransport}. */
final class DefaultMessagesApi implements MessagesApi {

    private final HttpTransport transport;

    private final JsonBodies json;

    private final MessageRequestPreparer preparer;

    private final MiniMaxCallObserver observer;

    private final URI messagesUri;

    private final URI countTokensUri;

    DefaultMessagesApi(HttpTransport transport, RequestDefaults defaults, MiniMaxCallObserver observer,
            URI anthropicBaseUrl) {
        this.transport = transport;
        this.json = new JsonBodies(transport.errors());
        this.preparer = new MessageRequestPreparer(defaults);
        this.observer = observer;
        this.messagesUri = Urls.resolve(anthropicBaseUrl, "/v1/messages");
        this.countTokensUri = Urls.resolve(anthropicBaseUrl, "/v1/messages/count_tokens");
    }

    @Override
    public MessageResponse create(MessageRequest request) {
        MessageRequest prepared = this.preparer.prepare(request, false);
        byte[] body = JsonBodies.write(prepared);
        MiniMaxCallObserver.Observation observation = this.observer.start(call(prepared, "chat", false));
        try {
            MessageResponse response = this.transport.post(this.messagesUri, body, (http) -> {
                byte[] bytes = HttpTransport.readAll(http);
                MessageResponse parsed = this.json.read(bytes, MessageResponse.class, this.messagesUri);
                this.json.checkBaseResp(parsed.baseResp(), bytes);
                return parsed;
            });
            observation.success(response.model(),
                    (response.usage() != null) ? response.usage().toTokenUsage() : TokenUsage.NONE);
            return response;
        }
        catch (RuntimeException ex) {
            observation.failure(ex);
            throw ex;
        }
    }

    @Override
    public MessageStream stream(MessageRequest request) {
        MessageRequest prepared = this.preparer.prepare(request, true);
        byte[] body = JsonBodies.write(prepared);
        MiniMaxCallObserver.Observation observation = this.observer.start(call(prepared, "chat", true));
        try {
            ClientHttpResponse response = this.transport.post(this.messagesUri, body, (http) -> {
                this.json.rejectNonStream(http, this.messagesUri);
                return http;
            });
            InputStream events = response.getBody();
            AutoCloseable connection = () -> {
                // Close the body first: it aborts an unfinished response instead of reading it to the end.
                try (response) {
                    events.close();
                }
            };
            return new MessageStream(new AnthropicEventIterator(new SseEventReader(events), this.transport,
                    this.messagesUri), connection, observation);
        }
        catch (java.io.IOException ex) {
            RuntimeException failure = this.transport.ioFailure(this.messagesUri, ex);
            observation.failure(failure);
            throw failure;
        }
        catch (RuntimeException ex) {
            observation.failure(ex);
            throw ex;
        }
    }

    @Override
    public TokenCount countTokens(MessageRequest request) {
        MessageRequest prepared = this.preparer.prepare(request, false);
        byte[] body = JsonBodies.write(prepared);
        MiniMaxCallObserver.Observation observation = this.observer.start(call(prepared, "count_tokens", false));
        try {
            TokenCount count = this.transport.post(this.countTokensUri, body, (http) -> {
                byte[] bytes = HttpTransport.readAll(http);
                CountTokensResponse parsed = this.json.read(bytes, CountTokensResponse.class, this.countTokensUri);
                this.json.checkBaseResp(parsed.baseResp(), bytes);
                if (parsed.inputTokens() == null) {
                    throw new io.github.minimax4j.error.MalformedResponseException("MiniMax's count_tokens answer "
                            + "has no input_tokens");
                }
                return new TokenCount(parsed.inputTokens());
            });
            observation.success(prepared.model().value(), new Usage(count.inputTokens(), 0).toTokenUsage());
            return count;
        }
        catch (RuntimeException ex) {
            observation.failure(ex);
            throw ex;
        }
    }

    private static MiniMaxCall call(MessageRequest prepared, String operation, boolean streaming) {
        Model model = prepared.model();
        return new MiniMaxCall(MiniMaxCall.MESSAGES, operation, (model != null) ? model.value() : "",
                streaming, (prepared.metadata() != null) ? prepared.metadata().userId() : null);
    }

    /** The count_tokens answer: {@code input_tokens}, and {@code base_resp} when MiniMax reports an error. */
    record CountTokensResponse(@org.jspecify.annotations.Nullable Integer inputTokens,
            io.github.minimax4j.model.@org.jspecify.annotations.Nullable BaseResp baseResp) {
    }
}
