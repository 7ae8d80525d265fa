package io.github.minimax4j.springai;

import java.util.ArrayList;
import java.util.List;

import io.github.minimax4j.anthropic.ContentBlock;
import io.github.minimax4j.anthropic.ImageBlock;
import io.github.minimax4j.anthropic.Message;
import io.github.minimax4j.anthropic.Role;
import io.github.minimax4j.anthropic.TextBlock;
import io.github.minimax4j.anthropic.ToolResultBlock;
import io.github.minimax4j.anthropic.VideoBlock;
import org.jspecify.annotations.Nullable;

/** Which parts of a request a {@link MiniMaxCacheStrategy} marks with a cache breakpoint. */
final class CacheBreakpoints {

    private final MiniMaxCacheStrategy strategy;

    CacheBreakpoints(@Nullable MiniMaxCacheStrategy strategy) {
        this.strategy = (strategy != null) ? strategy : MiniMaxCacheStrategy.NONE;
    }

    boolean system() {
        return this.strategy == MiniMaxCacheStrategy.SYSTEM_ONLY || this.strategy == MiniMaxCacheStrategy.SYSTEM_AND_TOOLS
                || history();
    }

    boolean tools() {
        return this.strategy == MiniMaxCacheStrategy.TOOLS_ONLY || this.strategy == MiniMaxCacheStrategy.SYSTEM_AND_TOOLS
                || history();
    }

    boolean history() {
        return this.strategy == MiniMaxCacheStrategy.CONVERSATION_HISTORY;
    }

    /** The messages with a breakpoint on the last block of the last user turn that can carry one. */
    List<Message> onLastUserTurn(List<Message> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            Message message = messages.get(i);
            if (message.role() != Role.USER) {
                continue;
            }
            List<ContentBlock> content = new ArrayList<>(message.content());
            for (int j = content.size() - 1; j >= 0; j--) {
                ContentBlock cached = cached(content.get(j));
                if (cached != null) {
                    content.set(j, cached);
                    List<Message> marked = new ArrayList<>(messages);
                    marked.set(i, new Message(message.role(), content));
                    return marked;
                }
            }
            return messages;
        }
        return messages;
    }

    private static @Nullable ContentBlock cached(ContentBlock block) {
        if (block instanceof TextBlock text) {
            return text.cached();
        }
        if (block instanceof ToolResultBlock result) {
            return result.cached();
        }
        if (block instanceof ImageBlock image) {
            return image.cached();
        }
        if (block instanceof VideoBlock video) {
            return video.cached();
        }
        return null;
    }
}
