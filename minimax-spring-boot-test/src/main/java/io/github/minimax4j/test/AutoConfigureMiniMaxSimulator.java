package io.github.minimax4j.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.minimax4j.test.simulator.MiniMaxSimulator;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.PropertyMapping;

/**
 * Runs the test's application against the offline {@link MiniMaxSimulator} instead of MiniMax: starts it on
 * a random loopback port and provides the {@code MiniMaxConnectionDetails} the starter's client uses, so no
 * API key or property is needed and nothing leaves the machine. Inject the simulator to script replies and
 * check what the app sent; it is reset (scripts, received requests, token totals) before each test method.
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigureMiniMaxSimulator
 * class AssistantTests {
 *
 *     @Autowired MiniMaxSimulator simulator;
 *
 *     @Test
 *     void fallsBackOnARateLimit() {
 *         simulator.replyNext(SimulatedReply.rateLimited(Duration.ofSeconds(1)));
 *         // ... call the app ...
 *         assertThat(simulator.lastRequest().prompt()).isEqualTo("Hello");
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration(MiniMaxSimulatorAutoConfiguration.class)
@PropertyMapping("minimax.simulator")
public @interface AutoConfigureMiniMaxSimulator {

    /**
     * Pause before each streamed delta, as a duration such as {@code 30ms}; {@code 0ms} (the default)
     * streams as fast as possible. A reply can set its own with {@code SimulatedReply.withDeltaDelay}.
     * @return the pause
     */
    String streamDelay() default "0ms";
}
