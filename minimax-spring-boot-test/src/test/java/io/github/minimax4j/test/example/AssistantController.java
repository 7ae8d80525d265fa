package io.github.minimax4j.test.example;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.anthropic.MessageResponse;
import io.github.minimax4j.client.MessageStream;
import io.github.minimax4j.anthropic.Tool;
import io.github.minimax4j.anthropic.ToolUseBlock;
import io.github.minimax4j.client.MiniMaxClient;
import io.github.minimax4j.error.MiniMaxException;
import io.github.minimax4j.error.RateLimitException;
import io.github.minimax4j.model.Model;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The user's controller: a plain answer, a weather assistant with a tool loop, a streamed answer that
 * reports a cut, and a friendly 503 when MiniMax rate-limits.
 */
@RestController
class AssistantController {

    static final Tool WEATHER = Tool.of("get_weather", "Current weather for a city",
            Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string")), "required",
                    List.of("city")));

    private final MiniMaxClient miniMax;

    AssistantController(MiniMaxClient miniMax) {
        this.miniMax = miniMax;
    }

    @PostMapping("/ask")
    Map<String, Object> ask(@RequestBody Question question) {
        MessageResponse reply = this.miniMax.messages().create(request(question.prompt()).build());
        return Map.of("answer", reply.text(), "outputTokens", reply.usage().outputTokens());
    }

    @PostMapping("/weather")
    Map<String, Object> weather(@RequestBody Question question) {
        MessageRequest.Builder conversation = request(question.prompt()).addTool(WEATHER);
        List<String> cities = new ArrayList<>();
        MessageResponse reply = this.miniMax.messages().create(conversation.build());
        while (!reply.toolUses().isEmpty()) {
            conversation.addAssistantMessage(reply);
            for (ToolUseBlock call : reply.toolUses()) {
                String city = String.valueOf(call.input().get("city"));
                cities.add(city);
                conversation.addToolResult(call.id(), "Sunny, 21 C in " + city);
            }
            reply = this.miniMax.messages().create(conversation.build());
        }
        return Map.of("answer", reply.text(), "cities", cities);
    }

    @PostMapping("/ask/stream")
    Map<String, Object> askStreamed(@RequestBody Question question) {
        StringBuilder text = new StringBuilder();
        try (MessageStream stream = this.miniMax.messages().stream(request(question.prompt()).build())) {
            stream.readToEnd(text::append);
            return Map.of("answer", text.toString(), "complete", true);
        }
        catch (MiniMaxException ex) {
            return Map.of("answer", text.toString(), "complete", false);
        }
    }

    @ExceptionHandler(RateLimitException.class)
    ResponseEntity<Map<String, String>> busy(RateLimitException ex) {
        String retry = ex.retryAfter().map((after) -> "retry in " + after.toSeconds() + " s").orElse("retry later");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("error", "Assistant busy: " + retry));
    }

    private static MessageRequest.Builder request(String prompt) {
        return MessageRequest.builder().model(Model.MINIMAX_M3).maxTokens(1024).addUserMessage(prompt);
    }

    record Question(String prompt) {
    }
}
