package io.github.minimax4j.client;

import java.util.TreeSet;

import io.github.minimax4j.anthropic.ImageBlock;
import io.github.minimax4j.error.InvalidRequestException;
import io.github.minimax4j.model.Model;
import io.github.minimax4j.model.Thinking;
import io.github.minimax4j.openai.ChatCompletionRequest;
import io.github.minimax4j.openai.ChatMessage;
import io.github.minimax4j.openai.ChatTool;
import io.github.minimax4j.openai.ContentPart;
import io.github.minimax4j.openai.ImagePart;
import io.github.minimax4j.openai.Role;
import io.github.minimax4j.openai.TextPart;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

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
        builder.extra(MessageRequestPreparer.withStream(request.extra(), stream));
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
            checkMessage(request.messages().get(i), i, model);
        }
        if (request.tools() != null) {
            for (int i = 0; i < request.tools().size(); i++) {
                checkTool(request.tools().get(i), i);
            }
        }
    }

    private static void checkMessage(ChatMessage message, int i, Model model) {
        if (message.role() == Role.TOOL && (message.toolCallId() == null || message.toolCallId().isBlank())) {
            throw new InvalidRequestException("messages[" + i + "] is a tool message without tool_call_id: set it "
                    + "to the id of the tool call it answers");
        }
        if (message.content() == null) {
            return;
        }
        for (ContentPart part : message.content().parts()) {
            if (part instanceof TextPart) {
                continue;
            }
            RequestRules.checkMultimodal(model, (part instanceof ImagePart) ? "image" : part.type());
            if (part instanceof ImagePart image) {
                checkImage(image.imageUrl(), "messages[" + i + "] image_url");
            }
        }
    }

    /** An image URL, or a data URL with a type and size MiniMax accepts (the same rules as the Messages API). */
    private static void checkImage(ImagePart.@Nullable ImageUrl image, String where) {
        String url = (image != null) ? image.url() : null;
        if (url == null || url.isBlank()) {
            throw new InvalidRequestException(where + " has an empty url");
        }
        if (!url.startsWith("data:")) {
            return;
        }
        int comma = url.indexOf(',');
        String header = (comma > 0) ? url.substring(5, comma) : "";
        String mediaType = header.split(";", 2)[0];
        if (!ImageBlock.MEDIA_TYPES.contains(mediaType) || !header.endsWith(";base64")) {
            throw new InvalidRequestException(where + " is a data URL of '" + mediaType + "'; MiniMax accepts "
                    + "base64 data URLs (data:<type>;base64,...) of " + new TreeSet<>(ImageBlock.MEDIA_TYPES));
        }
        long size = (url.length() - comma - 1) * 3L / 4;
        if (size > ImageBlock.MAX_BYTES) {
            throw new InvalidRequestException(where + " is about " + size + " bytes, over MiniMax's limit of "
                    + ImageBlock.MAX_BYTES + " bytes for inline images: send a URL instead");
        }
    }

    private static void checkTool(ChatTool tool, int i) {
        if (!"function".equals(tool.type())) {
            throw new InvalidRequestException("tools[" + i + "].type is '" + tool.type() + "': MiniMax supports "
                    + "only 'function' tools (use ChatTool.function(...))");
        }
        if (tool.function() == null || tool.function().name().isBlank()) {
            throw new InvalidRequestException("tools[" + i + "].function.name must not be blank");
        }
    }
}
