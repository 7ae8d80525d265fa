package io.github.minimax4j.springai;

import io.github.minimax4j.autoconfigure.InvalidMiniMaxPropertyException;
import io.github.minimax4j.client.MiniMaxClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.github.minimax4j.springai.FakeMiniMax.answer;
import static org.assertj.core.api.Assertions.assertThat;

/** The chat model's auto-configuration: when it applies, what it is built on, when it backs off. */
class MiniMaxChatModelAutoConfigurationTests {

    @RegisterExtension
    final FakeMiniMax miniMax = new FakeMiniMax();

    private final ApplicationContextRunner runner = this.miniMax.application();

    @Test
    void appliesWithSpringAiAndServesChatClientThroughTheMiniMaxClient() {
        this.miniMax.replies(answer("MiniMax-M2.7", "t", "Hello from the auto-configured model."));
        this.runner.withPropertyValues("minimax.model=MiniMax-M2.7", "minimax.temperature=0.4").run((context) -> {
            assertThat(context).hasSingleBean(MiniMaxChatModel.class);
            assertThat(context.getBean(MiniMaxChatModel.class)).extracting("toolCallingManager")
                .isSameAs(context.getBean(ToolCallingManager.class));
            ChatClient chatClient = context.getBean(ChatClient.Builder.class).build();
            assertThat(chatClient.prompt().user("Hi").call().content())
                .isEqualTo("Hello from the auto-configured model.");
        });
        assertThat(this.miniMax.sent()).hasSize(1);
        assertThat(this.miniMax.sent().get(0).get("model").asString()).as("minimax.model").isEqualTo("MiniMax-M2.7");
        assertThat(this.miniMax.sent().get(0).get("temperature").asDouble()).as("minimax.temperature").isEqualTo(0.4);
    }

    @Test
    void usesTheApplicationsMiniMaxClientBean() {
        FakeMiniMax other = new FakeMiniMax();
        try (other) {
            other.replies(answer("MiniMax-M3", "t", "from the user's client"));
            this.runner.withBean("myClient", MiniMaxClient.class, other::client).run((context) -> {
                assertThat(context).hasSingleBean(MiniMaxClient.class);
                assertThat(context.getBean(ChatModel.class).call(new Prompt("Hi")).getResult().getOutput().getText())
                    .isEqualTo("from the user's client");
            });
            assertThat(other.sent()).hasSize(1);
            assertThat(this.miniMax.sent()).isEmpty();
        }
    }

    @Test
    void backsOffForTheApplicationsChatModel() {
        ChatModel own = (prompt) -> new ChatResponse(java.util.List.of());
        this.runner.withBean("ownChatModel", ChatModel.class, () -> own).run((context) -> {
            assertThat(context).doesNotHaveBean(MiniMaxChatModel.class);
            assertThat(context.getBean(ChatModel.class)).isSameAs(own);
        });
    }

    @Test
    void doesNotApplyWithoutSpringAisModelApi() {
        this.runner.withClassLoader(new FilteredClassLoader(ChatModel.class)).run((context) -> {
            assertThat(context).hasSingleBean(MiniMaxClient.class);
            assertThat(context).doesNotHaveBean(MiniMaxChatModel.class);
        });
    }

    @Test
    void badOptionsFailStartupWithOurTypedErrorNamingTheProperty() {
        this.runner.withPropertyValues("minimax.temperature=3").run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                .isInstanceOf(InvalidMiniMaxPropertyException.class)
                .hasMessageContaining("minimax.temperature");
        });
        this.runner.withPropertyValues("minimax.model=MiniMax-M2.7", "minimax.max-tokens=300000").run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                .isInstanceOf(InvalidMiniMaxPropertyException.class)
                .hasMessageContaining("minimax.max-tokens");
        });
        assertThat(this.miniMax.sent()).isEmpty();
    }
}
