package io.github.minimax4j.sample.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.anthropic.MessageResponse;
import io.github.minimax4j.anthropic.StopReason;
import io.github.minimax4j.anthropic.ToolUseBlock;
import io.github.minimax4j.client.MiniMaxClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A tool-call round trip: the model asks for the weather, the app runs {@link WeatherTool}, the model
 * answers with the result. The assistant turn goes back unchanged, as MiniMax requires.
 */
@RestController
class ToolController {

    private static final int MAX_ROUNDS = 4;

    private final MiniMaxClient minimax;

    private final WeatherTool weather;

    ToolController(MiniMaxClient minimax, WeatherTool weather) {
        this.minimax = minimax;
        this.weather = weather;
    }

    /**
     * @param answer the model's final text
     * @param toolCalls the calls the app executed
     * @param usage tokens of all the calls of the round trip, added up (each call is billed)
     */
    record ToolReply(String answer, List<ToolCallView> toolCalls, UsageView usage) {
    }

    /**
     * @param name tool name
     * @param input arguments the model gave
     * @param result what the tool returned
     */
    record ToolCallView(String name, Map<String, Object> input, String result) {
    }

    @PostMapping("/api/tools/weather")
    ToolReply weather(@RequestBody PromptRequest prompt) {
        MessageRequest.Builder conversation = MessageRequest.builder()
            .addUserMessage(prompt.validPrompt())
            .addTool(WeatherTool.DEFINITION)
            .maxTokens(1024);
        List<ToolCallView> calls = new ArrayList<>();
        MessageResponse reply = this.minimax.messages().create(conversation.build());
        UsageView usage = UsageView.of(reply.usage());
        for (int round = 0; StopReason.TOOL_USE.equals(reply.stopReason()) && round < MAX_ROUNDS; round++) {
            conversation.addAssistantMessage(reply);
            for (ToolUseBlock call : reply.toolUses()) {
                String result = this.weather.run(call.input());
                calls.add(new ToolCallView(call.name(), call.input(), result));
                conversation.addToolResult(call.id(), result);
            }
            reply = this.minimax.messages().create(conversation.build());
            usage = usage.plus(UsageView.of(reply.usage()));
        }
        return new ToolReply(reply.text(), calls, usage);
    }
}
