package io.github.minimax4j.sample.offline;

import java.util.Map;

import io.github.minimax4j.test.simulator.MiniMaxSimulator;
import io.github.minimax4j.test.simulator.TokenTotals;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the offline simulator has served, so the metrics end-to-end check can compare Prometheus with it.
 * Present only in offline mode.
 */
@RestController
@ConditionalOnBean(name = OfflineSimulatorEnvironmentPostProcessor.SIMULATOR_BEAN)
class SimulatorController {

    private final MiniMaxSimulator simulator;

    SimulatorController(MiniMaxSimulator simulator) {
        this.simulator = simulator;
    }

    @GetMapping("/api/simulator/totals")
    Map<String, TokenTotals> totals() {
        return Map.of("messages", this.simulator.messagesTotals(), "chatCompletions",
                this.simulator.chatCompletionsTotals());
    }
}
