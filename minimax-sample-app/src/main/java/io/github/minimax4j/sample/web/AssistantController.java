package io.github.minimax4j.sample.web;

import io.github.minimax4j.model.ThinkingMode;
import io.github.minimax4j.springai.MiniMaxChatModel;
import io.github.minimax4j.springai.MiniMaxChatOptions;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.advisor.MessageChatMemoryAdvisor;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * An assistant on Spring AI's {@link ChatClient} (backed by the MiniMax chat model): it remembers each
 * conversation (chat memory, keyed by the caller's conversation id) and can look up the weather
 * ({@link WeatherTools}, through Spring AI's tool calling).
 */
@RestController
class AssistantController {

    private static final int MAX_CONVERSATION_ID_CHARS = 100;

    private final ChatClient chatClient;

    private final ChatMemory memory;

    AssistantController(ChatClient.Builder chatClient, ChatMemory memory, WeatherTools weather) {
        this.memory = memory;
        this.chatClient = chatClient
            .defaultSystem("You are a concise assistant. Use the weather tool for questions about the weather.")
            .defaultOptions(MiniMaxChatOptions.builder().thinking(ThinkingMode.ADAPTIVE).maxTokens(1024))
            .defaultTools(weather)
            .defaultAdvisors(MessageChatMemoryAdvisor.builder(memory).build())
            .build();
    }

    /**
     * @param conversationId the caller's id for this conversation (1 to 100 characters)
     * @param prompt the user's message
     */
    record AssistantRequest(@Nullable String conversationId, @Nullable String prompt) {
    }

    /**
     * @param conversationId the conversation this reply belongs to
     * @param answer the assistant's answer
     * @param thinking the model's reasoning for this answer, empty when it did not think
     * @param remembered messages the conversation's memory holds after this turn
     * @param usage tokens of this turn (every model call of it, tool rounds included)
     */
    record AssistantReply(String conversationId, String answer, String thinking, int remembered, UsageView usage) {
    }

    @PostMapping("/api/assistant")
    AssistantReply ask(@RequestBody AssistantRequest request) {
        String conversationId = validConversationId(request.conversationId());
        String prompt = new PromptRequest(request.prompt(), null).validPrompt();
        ChatResponse response = this.chatClient.prompt()
            .user(prompt)
            .advisors((advisors) -> advisors.param(ChatMemory.CONVERSATION_ID, conversationId))
            .call()
            .chatResponse();
        Object thinking = response.getResult().getOutput().getMetadata().get(MiniMaxChatModel.REASONING_CONTENT);
        var usage = response.getMetadata().getUsage();
        String answer = response.getResult().getOutput().getText();
        return new AssistantReply(conversationId, (answer != null) ? answer : "",
                (thinking != null) ? thinking.toString() : "", this.memory.get(conversationId).size(),
                new UsageView(usage.getPromptTokens(), usage.getCompletionTokens(),
                        (usage.getCacheReadInputTokens() != null) ? usage.getCacheReadInputTokens() : 0,
                        usage.getTotalTokens()));
    }

    private static String validConversationId(@Nullable String conversationId) {
        if (conversationId == null || conversationId.isBlank()) {
            throw new InvalidPromptException("conversationId must not be empty: send the same id on every turn of a "
                    + "conversation");
        }
        if (conversationId.length() > MAX_CONVERSATION_ID_CHARS) {
            throw new InvalidPromptException("conversationId is " + conversationId.length() + " characters; the "
                    + "limit is " + MAX_CONVERSATION_ID_CHARS);
        }
        return conversationId;
    }
}
