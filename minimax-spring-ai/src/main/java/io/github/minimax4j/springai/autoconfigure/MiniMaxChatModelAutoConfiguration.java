package io.github.minimax4j.springai.autoconfigure;

import io.github.minimax4j.autoconfigure.MiniMaxAutoConfiguration;
import io.github.minimax4j.client.MiniMaxClient;
import io.github.minimax4j.springai.MiniMaxChatModel;
import io.github.minimax4j.springai.MiniMaxChatOptions;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures a {@link MiniMaxChatModel} on the application's {@link MiniMaxClient} bean when Spring
 * AI's model API is on the classpath. Backs off when the application defines its own {@link ChatModel}.
 * Model, max tokens, temperature, top-p and thinking default to the client's {@code minimax.*} properties
 * (checked at startup); per call, pass {@link MiniMaxChatOptions}.
 */
@AutoConfiguration(after = MiniMaxAutoConfiguration.class,
        afterName = "org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration",
        beforeName = "org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration")
@ConditionalOnClass({ ChatModel.class, MiniMaxClient.class })
public final class MiniMaxChatModelAutoConfiguration {

    @Bean
    @ConditionalOnBean(MiniMaxClient.class)
    @ConditionalOnMissingBean(ChatModel.class)
    MiniMaxChatModel miniMaxChatModel(MiniMaxClient client, ObjectProvider<ToolCallingManager> toolCallingManager) {
        return new MiniMaxChatModel(client, MiniMaxChatOptions.builder().build(),
                toolCallingManager.getIfAvailable(() -> ToolCallingManager.builder().build()));
    }
}
