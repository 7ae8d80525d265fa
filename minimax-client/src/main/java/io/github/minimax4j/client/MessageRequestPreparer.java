package io.github.minimax4j.client;

import io.github.minimax4j.anthropic.ContentBlock;
import io.github.minimax4j.anthropic.ImageBlock;
import io.github.minimax4j.anthropic.MediaSource;
import io.github.minimax4j.anthropic.Message;
import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.anthropic.ToolResultBlock;
import io.github.minimax4j.anthropic.VideoBlock;
import io.github.minimax4j.error.InvalidRequestException;
import io.github.minimax4j.model.Model;
import io.github.minimax4j.model.Thinking;

/**
 * Fills a Messages request's unset fields from the client's defaults and checks it against MiniMax's
 * documented rules, so a request the server would reject fails here, naming the field and the rule.
 */
final class MessageRequestPreparer {

    private static final long MAX_BODY_BYTES = 64L * 1024 * 1024;

    private final RequestDefaults defaults;

    MessageRequestPreparer(RequestDefaults defaults) {
        this.defaults = defaults;
    }

    MessageRequest prepare(MessageRequest request, boolean stream) {
        MessageRequest.Builder builder = request.toBuilder();
        Model model = (request.model() != null) ? request.model() : this.defaults.model();
        builder.model(model);
        if (request.maxTokens() == null) {
            builder.maxTokens(this.defaults.maxTokens());
        }
        if (request.temperature() == null) {
            builder.temperature(this.defaults.temperature());
        }
        if (request.topP() == null) {
            builder.topP(this.defaults.topP());
        }
        if (request.thinking() == null && this.defaults.thinking() != null) {
            builder.thinking(Thinking.of(this.defaults.thinking()));
        }
        builder.extra(withStream(request.extra(), stream));
        MessageRequest prepared = builder.build();
        validate(prepared, model);
        return prepared;
    }

    /**
     * The request's extra fields with {@code stream} set by the client: true for a stream, absent otherwise
     * (the wire type has no stream field, so a caller cannot ask a create call for a stream body).
     */
    static java.util.Map<String, Object> withStream(java.util.Map<String, Object> extra, boolean stream) {
        if (!stream && !extra.containsKey("stream")) {
            return extra;
        }
        java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
        if (stream) {
            fields.put("stream", Boolean.TRUE);
        }
        extra.forEach((name, value) -> {
            if (!name.equals("stream")) {
                fields.put(name, value);
            }
        });
        return fields;
    }

    private static void validate(MessageRequest request, Model model) {
        if (request.messages().isEmpty()) {
            throw new InvalidRequestException("messages must not be empty: add at least one user message");
        }
        RequestRules.checkMaxTokens("max_tokens", request.maxTokens(), model);
        RequestRules.checkSampling(request.temperature(), request.topP());
        if (request.toolChoice() != null && !request.toolChoice().type().equals("auto")
                && !request.toolChoice().type().equals("none")) {
            throw new InvalidRequestException("tool_choice must be 'auto' or 'none' (MiniMax supports no other) but "
                    + "was '" + request.toolChoice().type() + "'");
        }
        long mediaBytes = 0;
        for (int i = 0; i < request.messages().size(); i++) {
            Message message = request.messages().get(i);
            if (message.content().isEmpty()) {
                throw new InvalidRequestException("messages[" + i + "].content must not be empty");
            }
            for (ContentBlock block : message.content()) {
                mediaBytes += checkBlock(block, model, i);
            }
        }
        if (mediaBytes > MAX_BODY_BYTES) {
            throw new InvalidRequestException("Inline media add up to " + mediaBytes + " bytes, over MiniMax's 64 MB "
                    + "request limit: upload large videos through the Files API and send mm_file:// ids");
        }
    }

    private static long checkBlock(ContentBlock block, Model model, int messageIndex) {
        if (block instanceof ImageBlock image) {
            RequestRules.checkMultimodal(model, "image");
            return checkSource(image.source(), "image", ImageBlock.MEDIA_TYPES, ImageBlock.MAX_BYTES, messageIndex);
        }
        if (block instanceof VideoBlock video) {
            RequestRules.checkMultimodal(model, "video");
            return checkSource(video.source(), "video", VideoBlock.MEDIA_TYPES, VideoBlock.MAX_BYTES, messageIndex);
        }
        if (block instanceof ToolResultBlock result && result.toolUseId().isBlank()) {
            throw new InvalidRequestException("messages[" + messageIndex + "] has a tool_result without tool_use_id: "
                    + "set it to the id of the tool_use block it answers");
        }
        return 0;
    }

    private static long checkSource(MediaSource source, String kind, java.util.Set<String> mediaTypes, long maxBytes,
            int messageIndex) {
        String where = "messages[" + messageIndex + "] " + kind;
        if (source.type().equals("url")) {
            if (source.url() == null || source.url().isBlank()) {
                throw new InvalidRequestException(where + " has an empty url");
            }
            return 0;
        }
        if (source.type().equals("base64")) {
            if (source.mediaType() == null || !mediaTypes.contains(source.mediaType())) {
                throw new InvalidRequestException(where + " has media type '" + source.mediaType() + "'; MiniMax "
                        + "accepts " + new java.util.TreeSet<>(mediaTypes));
            }
            if (source.data() == null || source.data().isEmpty()) {
                throw new InvalidRequestException(where + " has no base64 data");
            }
            long size = source.decodedSize();
            if (size > maxBytes) {
                throw new InvalidRequestException(where + " is " + size + " bytes, over MiniMax's limit of " + maxBytes
                        + " bytes for base64 " + kind + "s" + (kind.equals("video")
                                ? ": upload it through the Files API and send VideoBlock.file(id)" : ""));
            }
            return size;
        }
        return 0;
    }
}
