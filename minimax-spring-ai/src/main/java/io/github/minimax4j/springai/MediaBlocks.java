package io.github.minimax4j.springai;

import java.util.Base64;

import io.github.minimax4j.anthropic.ContentBlock;
import io.github.minimax4j.anthropic.ImageBlock;
import io.github.minimax4j.anthropic.VideoBlock;
import io.github.minimax4j.error.InvalidRequestException;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.content.Media;

/**
 * A Spring AI {@link Media} as a Messages API block: an image or a video (MiniMax-M3), by URL (a video also by
 * {@code mm_file://} id, a file uploaded through MiniMax's Files API) or inline as base64. The client checks
 * model, media type and size before sending; an inline video over MiniMax's limit is refused here already,
 * before it is base64-encoded.
 */
final class MediaBlocks {

    private MediaBlocks() {
    }

    static ContentBlock of(Media media) {
        String type = media.getMimeType().getType();
        String mimeType = type + "/" + media.getMimeType().getSubtype();
        if (type.equals("image")) {
            String url = url(media);
            return (url != null) ? ImageBlock.url(url)
                    : ImageBlock.base64(mimeType, Base64.getEncoder().encodeToString(media.getDataAsByteArray()));
        }
        if (type.equals("video")) {
            String url = url(media);
            return (url != null) ? VideoBlock.url(url) : VideoBlock.base64(mimeType, inlineVideo(media));
        }
        throw new InvalidRequestException("Media of type " + mimeType + " cannot be sent to MiniMax: its Messages "
                + "API takes images and video (MiniMax-M3)");
    }

    private static @Nullable String url(Media media) {
        Object data = media.getData();
        if (data instanceof String text) {
            return text;
        }
        if (data instanceof java.net.URI || data instanceof java.net.URL) {
            return data.toString();
        }
        return null;
    }

    private static String inlineVideo(Media media) {
        byte[] bytes = media.getDataAsByteArray();
        if (bytes.length > VideoBlock.MAX_BYTES) {
            throw new InvalidRequestException("The video is " + bytes.length + " bytes; MiniMax takes inline video up "
                    + "to " + VideoBlock.MAX_BYTES + " bytes: send a URL, or upload it through MiniMax's Files API and "
                    + "send mm_file://<file id>");
        }
        return Base64.getEncoder().encodeToString(bytes);
    }
}
