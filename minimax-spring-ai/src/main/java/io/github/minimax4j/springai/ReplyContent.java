package io.github.minimax4j.springai;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.minimax4j.anthropic.ContentBlock;
import io.github.minimax4j.anthropic.Message;
import io.github.minimax4j.anthropic.TextBlock;
import io.github.minimax4j.anthropic.ToolUseBlock;
import io.github.minimax4j.client.MiniMaxJson;
import org.springframework.ai.chat.messages.AssistantMessage;

/**
 * The content list a MiniMax reply arrived with, as kept in its assistant message's metadata under
 * {@link MiniMaxChatModel#CONTENT_BLOCKS}: sent back as it is, so that several thinking blocks interleaved
 * with tool calls and text keep their order and signatures. Not used (empty) when the message no longer
 * matches it: its text or tool calls were changed after the reply, so the kept list would contradict it.
 */
final class ReplyContent {

    private ReplyContent() {
    }

    static List<ContentBlock> of(AssistantMessage message) {
        Object kept = message.getMetadata().get(MiniMaxChatModel.CONTENT_BLOCKS);
        if (!(kept instanceof List<?> list) || list.isEmpty()) {
            return List.of();
        }
        List<ContentBlock> blocks = blocks(list);
        return matches(blocks, message) ? blocks : List.of();
    }

    private static List<ContentBlock> blocks(List<?> list) {
        if (list.stream().allMatch(ContentBlock.class::isInstance)) {
            return list.stream().map(ContentBlock.class::cast).toList();
        }
        if (list.stream().allMatch(Map.class::isInstance)) {
            // a chat memory repository that stored the metadata as JSON gives the blocks back as maps
            return MiniMaxJson.read("{\"role\":\"assistant\",\"content\":" + MiniMaxJson.write(list) + "}",
                    Message.class).content();
        }
        return List.of();
    }

    private static boolean matches(List<ContentBlock> blocks, AssistantMessage message) {
        StringBuilder text = new StringBuilder();
        List<String> toolUseIds = new ArrayList<>();
        for (ContentBlock block : blocks) {
            if (block instanceof TextBlock textBlock) {
                text.append(textBlock.text());
            }
            else if (block instanceof ToolUseBlock use) {
                toolUseIds.add(use.id());
            }
        }
        String messageText = (message.getText() != null) ? message.getText() : "";
        List<String> toolCallIds = message.getToolCalls().stream().map(AssistantMessage.ToolCall::id).toList();
        return text.toString().equals(messageText) && toolUseIds.equals(toolCallIds);
    }
}
