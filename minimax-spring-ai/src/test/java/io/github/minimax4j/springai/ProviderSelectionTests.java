package io.github.minimax4j.springai;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.ai.anthropic.AnthropicChatModel;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.model.anthropic.autoconfigure.AnthropicChatAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.github.minimax4j.springai.FakeMiniMax.answer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Spring AI's Anthropic starter on the same classpath, {@code spring.ai.model.chat} chooses the chat
 * model: {@code minimax} this module's, another provider's name makes this module back off.
 */
class ProviderSelectionTests {

    @RegisterExtension
    final FakeMiniMax miniMax = new FakeMiniMax();

    private final ApplicationContextRunner runner = this.miniMax.application(AnthropicChatAutoConfiguration.class)
        .withPropertyValues("spring.ai.anthropic.api-key=anthropic-test-key");

    @Test
    void minimaxChoosesThisModuleAndTheAnthropicModelBacksOff() {
        this.miniMax.replies(answer("MiniMax-M3", "t", "From MiniMax."));
        this.runner.withPropertyValues("spring.ai.model.chat=minimax").run((context) -> {
            assertThat(context).hasSingleBean(ChatModel.class).hasSingleBean(MiniMaxChatModel.class);
            assertThat(context).doesNotHaveBean(AnthropicChatModel.class);
            assertThat(context.getBean(ChatClient.Builder.class).build().prompt().user("Hi").call().content())
                .isEqualTo("From MiniMax.");
        });
        assertThat(this.miniMax.sent()).hasSize(1);
    }

    @Test
    void anotherProviderMakesThisModuleBackOff() {
        this.runner.withPropertyValues("spring.ai.model.chat=anthropic").run((context) -> {
            assertThat(context).hasSingleBean(ChatModel.class).hasSingleBean(AnthropicChatModel.class);
            assertThat(context).doesNotHaveBean(MiniMaxChatModel.class);
        });
        assertThat(this.miniMax.sent()).isEmpty();
    }

    @Test
    void noneMakesThisModuleBackOffToo() {
        this.runner.withPropertyValues("spring.ai.model.chat=none").run((context) -> {
            assertThat(context).doesNotHaveBean(ChatModel.class);
        });
    }
}
