package io.github.minimax4j.springai.autoconfigure;

import io.github.minimax4j.autoconfigure.MiniMaxAutoConfiguration;
import io.github.minimax4j.client.MiniMaxClient;
import io.github.minimax4j.springai.MiniMaxChatModel;
import io.github.minimax4j.springai.MiniMaxChatOptions;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.observation.ChatModelObservationConvention;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures a {@link MiniMaxChatModel} on the application's {@link MiniMaxClient} bean when Spring
 * AI's model API is on the classpath. Backs off when the application defines its own {@link ChatModel}, or
 * when {@code spring.ai.model.chat} names another provider (Spring AI's way to choose among several on the
 * classpath; {@code minimax} chooses this one). Model, max tokens, temperature, top-p and thinking default to
 * the client's {@code minimax.*} properties (checked at startup), the cache strategy to
 * {@code minimax.spring-ai.cache-strategy}; per call, pass {@link MiniMaxChatOptions}. Spring AI's chat-model
 * observations go to the application's {@link ObservationRegistry}.
 */
@AutoConfiguration(after = MiniMaxAutoConfiguration.class,
        afterName = { "org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration",
                "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration" },
        beforeName = "org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration")
@ConditionalOnClass({ ChatModel.class, MiniMaxClient.class })
@ConditionalOnProperty(name = MiniMaxChatModelAutoConfiguration.CHAT_MODEL_PROPERTY,
        havingValue = MiniMaxChatModelAutoConfiguration.PROVIDER, matchIfMissing = true)
@EnableConfigurationProperties(MiniMaxSpringAiProperties.class)
public final class MiniMaxChatModelAutoConfiguration {

    /** Spring AI's property naming the chat model provider to use ({@code SpringAIModelProperties.CHAT_MODEL}). */
    static final String CHAT_MODEL_PROPERTY = "spring.ai.model.chat";

    /** This module's value of {@code spring.ai.model.chat}. */
    static final String PROVIDER = "minimax";

    @Bean
    @ConditionalOnBean(MiniMaxClient.class)
    @ConditionalOnMissingBean(ChatModel.class)
    MiniMaxChatModel miniMaxChatModel(MiniMaxClient client, MiniMaxSpringAiProperties properties,
            ObjectProvider<ToolCallingManager> toolCallingManager,
            ObjectProvider<ObservationRegistry> observationRegistry,
            ObjectProvider<ChatModelObservationConvention> observationConvention) {
        MiniMaxChatModel chatModel = new MiniMaxChatModel(client,
                MiniMaxChatOptions.builder().cacheStrategy(properties.getCacheStrategy()).build(),
                toolCallingManager.getIfAvailable(() -> ToolCallingManager.builder().build()),
                observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP));
        observationConvention.ifAvailable(chatModel::setObservationConvention);
        return chatModel;
    }
}
