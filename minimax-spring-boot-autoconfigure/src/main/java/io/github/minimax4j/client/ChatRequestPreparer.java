package io.github.minimax4j.client;

import io.github.minimax4j.error.InvalidRequestException;
import io.github.minimax4j.model.Model;
import io.github.minimax4j.model.Thinking;
import io.github.minimax4j.openai.ChatCompletionRequest;
import io.github.minimax4j.openai.ChatMessage;
import io.github.minimax4j.openai.ContentPart;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Fills a Chat Completions request's unset fields from the client's defaults and checks it against MiniMax's
 * documented rules (the same model catalog and ranges as the Messages API).
 */
final class ChatRequestPreparer {

    private static final Log logger = LogFactory.getLog(ChatRequestPreparer.class);

    private final RequestDefaults defaults;

    ChatRequestPreparer(RequestDefaults defaults) {
        this.defaults = defaults;
    }

    @SuppressWarnings("deprecation")
    ChatCompletionRequest prepare(ChatCompletionRequest request, boolean stream) {
        ChatCompletionRequest.Builder builder = request.toBuilder();
        Model model = (request.model() != null) ? request.model() : this.defaults.model();
        builder.model(model);
        Integer maxTokens = request.maxCompletionTokens();
        if (maxTokens == null && request.maxTokens() != null) {
            logger.warn("max_tokens is deprecated by MiniMax's Chat Completions API: sending it as "
                    + "max_completion_tokens (set maxCompletionTokens instead)");
            maxTokens = request.maxTokens();
        }
        builder.maxCompletionTokens((maxTokens != null) ? maxTokens : this.defaults.maxTokens()).maxTokens(null);
        if (request.temperature() == null) {
            builder.temperature(this.defaults.temperature());
        }
        if (request.topP() == null) {
            builder.topP(this.defaults.topP());
        }
        if (request.thinking() == null && this.defaults.thinking() != null) {
            builder.thinking(Thinking.of(this.defaults.thinking()));
        }
        builder.stream(stream ? Boolean.TRUE : null);
        if (stream && request.streamOptions() == null) {
            builder.streamOptions(new ChatCompletionRequest.StreamOptions(true)); // usage for the meters
        }
        ChatCompletionRequest prepared = builder.build();
        validate(prepared, model);
        return prepared;
    }

    private static void validate(ChatCompletionRequest request, Model model) {
        if (request.messages().isEmpty()) {
            throw new InvalidRequestException("messages must not be empty: add at least one user message");
        }
        RequestRules.checkMaxTokens("max_completion_tokens", request.maxCompletionTokens(), model);
        RequestRules.checkSampling(request.temperature(), request.topP());
        for (int i = 0; i < request.messages().size(); i++) {
            ChatMessage message = request.messages().get(i);
            if (message.role().equals("tool") && (message.toolCallId() == null || message.toolCallId().isBlank())) {
                throw new InvalidRequestException("messages[" + i + "] is a tool message without tool_call_id: set it "
                        + "to the id of the tool call it answers");
            }
            if (message.content() != null) {
                for (ContentPart part : message.content().parts()) {
                    if (!part.type().equals("text")) {
                        RequestRules.checkMultimodal(model, part.type().equals("image_url") ? "image" : part.type());
                    }
                }
            }
        }
    }
}
