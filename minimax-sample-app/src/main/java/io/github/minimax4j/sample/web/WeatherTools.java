package io.github.minimax4j.sample.web;

import java.util.Map;

import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;
import org.springframework.stereotype.Component;

/** {@link WeatherTool} as a Spring AI {@code @Tool}, for the assistant endpoint's ChatClient. */
@Component
class WeatherTools {

    private final WeatherTool weather;

    WeatherTools(WeatherTool weather) {
        this.weather = weather;
    }

    @Tool(name = "get_weather", description = "Current weather in a city")
    String getWeather(@ToolParam(description = "City name, e.g. Paris") String city) {
        return this.weather.run(Map.of("city", city));
    }
}
