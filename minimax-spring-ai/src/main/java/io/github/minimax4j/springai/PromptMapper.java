package io.github.minimax4j.springai;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.minimax4j.anthropic.ContentBlock;
import io.github.minimax4j.anthropic.Message;
import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.anthropic.SystemPrompt;
import io.github.minimax4j.anthropic.TextBlock;
import io.github.minimax4j.anthropic.ThinkingBlock;
import io.github.minimax4j.anthropic.Tool;
import io.github.minimax4j.anthropic.ToolChoice;
import io.github.minimax4j.anthropic.ToolResultBlock;
import io.github.minimax4j.anthropic.ToolUseBlock;
import io.github.minimax4j.client.MiniMaxJson;
import io.github.minimax4j.error.InvalidRequestException;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.content.Media;
import org.springframework.ai.tool.definition.ToolDefinition;

/**
 * Turns a Spring AI {@link Prompt} into a Messages API request. One of the two classes that build the
 * client's request types (with {@link ResponseMapper} reading its replies), so a change of the client's
 * request API stays here. An assistant turn goes back with the content list it arrived with, unchanged and in
 * its order (thinking blocks interleaved with tool calls included), as MiniMax requires to keep the reasoning
 * chain; the prompt-cache breakpoints of the options' {@link MiniMaxCacheStrategy} are placed last.
 */
final class PromptMapper {

    private PromptMapper() {
    }

    static MessageRequest toRequest(Prompt prompt, MiniMaxChatOptions options, List<ToolDefinition> tools) {
        options.rejectUnsupported();
        MessageRequest.Builder request = MessageRequest.builder();
        List<TextBlock> system = new ArrayList<>();
        List<Message> messages = new ArrayList<>();
        for (org.springframework.ai.chat.messages.Message message : prompt.getInstructions()) {
            if (message instanceof SystemMessage systemMessage) {
                if (systemMessage.getText() != null && !systemMessage.getText().isBlank()) {
                    system.add(ContentBlock.text(systemMessage.getText()));
                }
            }
            else if (message instanceof UserMessage user) {
                messages.add(userMessage(user));
            }
            else if (message instanceof AssistantMessage assistant) {
                messages.add(assistantMessage(assistant));
            }
            else if (message instanceof ToolResponseMessage toolResponse) {
                messages.add(toolResults(toolResponse));
            }
            else {
                throw new InvalidRequestException("Messages of type " + message.getMessageType() + " cannot be sent "
                        + "to MiniMax: use system, user, assistant or tool response messages");
            }
        }
        CacheBreakpoints cache = new CacheBreakpoints(options.getCacheStrategy());
        if (cache.system() && !system.isEmpty()) {
            system.set(system.size() - 1, system.get(system.size() - 1).cached());
            request.system(SystemPrompt.of(system));
        }
        else if (system.size() == 1) {
            request.system(system.get(0).text());
        }
        else if (!system.isEmpty()) {
            request.system(SystemPrompt.of(system));
        }
        request.messages(cache.history() ? cache.onLastUserTurn(messages) : messages);
        if (options.getModel() != null) {
            request.model(options.getModel());
        }
        request.maxTokens(options.getMaxTokens())
            .temperature(options.getTemperature())
            .topP(options.getTopP());
        if (options.getThinking() != null) {
            request.thinking(options.getThinking());
        }
        if (options.getToolChoice() != null) {
            request.toolChoice((options.getToolChoice() == MiniMaxChatOptions.ToolChoiceMode.NONE) ? ToolChoice.NONE
                    : ToolChoice.AUTO);
        }
        if (options.getUserId() != null) {
            request.userId(options.getUserId());
        }
        for (int i = 0; i < tools.size(); i++) {
            ToolDefinition tool = tools.get(i);
            Tool wire = Tool.of(tool.name(), tool.description(), MiniMaxJson.readObject(tool.inputSchema()));
            request.addTool((cache.tools() && i == tools.size() - 1) ? wire.cached() : wire);
        }
        return request.build();
    }

    private static Message userMessage(UserMessage user) {
        List<ContentBlock> blocks = new ArrayList<>();
        for (Media media : user.getMedia()) {
            blocks.add(MediaBlocks.of(media));
        }
        if (user.getText() != null && !user.getText().isEmpty()) {
            blocks.add(ContentBlock.text(user.getText()));
        }
        return Message.user(blocks.toArray(ContentBlock[]::new));
    }

    private static Message assistantMessage(AssistantMessage assistant) {
        List<ContentBlock> asReceived = ReplyContent.of(assistant);
        if (!asReceived.isEmpty()) {
            return Message.assistant(asReceived.toArray(ContentBlock[]::new));
        }
        // a message MiniMax did not write (built by the application, or stored without its metadata)
        List<ContentBlock> blocks = new ArrayList<>(ThinkingBlocks.of(assistant));
        if (assistant.getText() != null && !assistant.getText().isEmpty()) {
            blocks.add(ContentBlock.text(assistant.getText()));
        }
        for (AssistantMessage.ToolCall call : assistant.getToolCalls()) {
            Map<String, Object> input = (call.arguments() == null || call.arguments().isBlank()) ? Map.of()
                    : MiniMaxJson.readObject(call.arguments());
            blocks.add(ToolUseBlock.of(call.id(), call.name(), input));
        }
        if (blocks.isEmpty()) {
            blocks.add(ContentBlock.text(""));
        }
        return Message.assistant(blocks.toArray(ContentBlock[]::new));
    }

    private static Message toolResults(ToolResponseMessage toolResponse) {
        return Message.user(toolResponse.getResponses()
            .stream()
            .map((response) -> ToolResultBlock.of(response.id(), response.responseData()))
            .toArray(ContentBlock[]::new));
    }

    /** The thinking blocks a reply carried, as kept in its assistant message's metadata. */
    static final class ThinkingBlocks {

        private ThinkingBlocks() {
        }

        static List<ThinkingBlock> of(AssistantMessage message) {
            Object kept = message.getMetadata().get(MiniMaxChatModel.THINKING_BLOCKS);
            if (!(kept instanceof List<?> list)) {
                return List.of();
            }
            List<ThinkingBlock> blocks = new ArrayList<>();
            for (Object item : list) {
                if (item instanceof ThinkingBlock block) {
                    blocks.add(block);
                }
                else if (item instanceof Map<?, ?> map && map.get("thinking") instanceof String thinking) {
                    // a chat memory repository that stored the metadata as JSON gives the block back as a map
                    Object signature = map.get("signature");
                    blocks.add(ThinkingBlock.of(thinking, (signature != null) ? signature.toString() : null));
                }
            }
            return blocks;
        }
    }
}
