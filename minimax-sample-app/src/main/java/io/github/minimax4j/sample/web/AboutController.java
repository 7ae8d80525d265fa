package io.github.minimax4j.sample.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.minimax4j.test.simulator.MiniMaxSimulator;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the page shows in its header: the model in use, and whether the offline simulator answers. */
@RestController
class AboutController {

    private final About about;

    AboutController(@Value("${minimax.model:}") String model, ObjectProvider<MiniMaxSimulator> simulator,
            @Value("${sample.pricing-label:}") String pricingLabel) {
        this.about = new About(model.isBlank() ? null : model, simulator.getIfAvailable() != null,
                pricingLabel.isBlank() ? null : pricingLabel);
    }

    @GetMapping("/api/about")
    About about() {
        return this.about;
    }

    /**
     * @param model the default model ({@code minimax.model}), or none
     * @param offlineSimulator whether replies come from the built-in offline simulator
     * @param pricingLabel what the cost figures are priced at ({@code sample.pricing-label}), or none
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record About(@Nullable String model, boolean offlineSimulator, @Nullable String pricingLabel) {
    }
}
