package io.github.minimax4j.sample.web;

import java.util.List;
import java.util.Map;

import io.github.minimax4j.anthropic.Tool;
import org.springframework.stereotype.Component;

/** A tool the app executes for the model: made-up but stable weather, so replies are reproducible. */
@Component
class WeatherTool {

    static final Tool DEFINITION = Tool.of("get_weather", "Current weather in a city",
            Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string", "description",
                    "City name, e.g. Paris")), "required", List.of("city")));

    private static final List<String> SKIES = List.of("sunny", "cloudy", "light rain", "windy", "clear");

    String run(Map<String, Object> input) {
        Object city = input.get("city");
        if (!(city instanceof String name) || name.isBlank()) {
            return "error: the city is missing";
        }
        int seed = Math.abs(name.strip().toLowerCase().hashCode());
        return name.strip() + ": " + (8 + seed % 20) + "°C, " + SKIES.get(seed % SKIES.size());
    }
}
