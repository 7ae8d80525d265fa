package io.github.minimax4j.client;

import java.net.URI;
import java.util.Map;

import io.github.minimax4j.error.MalformedResponseException;
import io.github.minimax4j.openai.ChatCompletionChunk;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectReader;

/**
 * Decodes Chat Completions Server-Sent Events into chunks. Ends at {@code [DONE]} (the
 * server's own word that it is over), or at the end of the body once a finish reason has come; throws a typed
 * exception for an error in the stream, a cut connection, a body that ends before {@code [DONE]} and before any
 * finish reason (the reply is incomplete), or a reply the content filter blanked.
 */
final class ChatEventDecoder extends SseEventDecoder<ChatCompletionChunk> {

    /** Resolved once: a reader per call would look the type up again for every event. */
    private static final ObjectReader CHUNKS = Json.MAPPER.readerFor(ChatCompletionChunk.class);

    private boolean finished;

    private boolean sawContent;

    private @Nullable Boolean sensitiveInput;

    private @Nullable Integer sensitiveType;

    ChatEventDecoder(HttpTransport transport, URI uri) {
        super(transport, uri);
    }

    @Override
    @Nullable ChatCompletionChunk decode(SseEventParser.@Nullable SseEvent sse) {
        if (sse == null || sse.isDone()) {
            return end(sse != null);
        }
        ChatCompletionChunk chunk = parse(sse.data(), CHUNKS);
        check(chunk, sse);
        return chunk;
    }

    /** Throws what the chunk reports as an error; the event's text is only decoded then. */
    private void check(ChatCompletionChunk chunk, SseEventParser.SseEvent sse) {
        if (chunk.baseResp() != null && chunk.baseResp().isError()) {
            throw this.transport.errors().fromBaseResp(chunk.baseResp().statusCode(), chunk.baseResp().statusMsg(),
                    sse.data());
        }
        if (chunk.extra().get("error") instanceof Map<?, ?> error) {
            throw this.transport.errors().fromStreamError(String.valueOf(error.get("type")),
                    String.valueOf(error.get("message")), sse.text());
        }
        if (Boolean.TRUE.equals(chunk.inputSensitive()) || Boolean.TRUE.equals(chunk.outputSensitive())) {
            this.sensitiveInput = Boolean.TRUE.equals(chunk.inputSensitive());
            this.sensitiveType = this.sensitiveInput ? chunk.inputSensitiveType() : chunk.outputSensitiveType();
        }
        for (ChatCompletionChunk.Choice choice : chunk.choices()) {
            this.finished |= choice.finishReason() != null;
            ChatCompletionChunk.Delta delta = choice.delta();
            this.sawContent |= delta != null && ((delta.content() != null && !delta.content().isEmpty())
                    || delta.toolCalls() != null);
        }
    }

    private @Nullable ChatCompletionChunk end(boolean doneLine) {
        if (this.sensitiveInput != null && !this.sawContent) {
            throw this.transport.errors().sensitive(this.sensitiveInput, this.sensitiveType, "");
        }
        if (!this.finished && !doneLine) {
            throw new MalformedResponseException("MiniMax's stream from " + this.uri + " ended before any finish_reason: "
                    + "the reply is incomplete (connection cut or server failure). Retry the request.");
        }
        return null;
    }
}
