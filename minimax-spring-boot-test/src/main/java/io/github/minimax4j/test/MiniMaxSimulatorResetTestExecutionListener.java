package io.github.minimax4j.test;

import io.github.minimax4j.test.simulator.MiniMaxSimulator;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Resets the simulator of a test annotated with {@link AutoConfigureMiniMaxSimulator} before each test
 * method, so scripts, received requests and token totals left by another test (the application context,
 * and with it the simulator, is shared between test classes) or by the application's start-up never leak
 * into the next one.
 */
public final class MiniMaxSimulatorResetTestExecutionListener extends AbstractTestExecutionListener {

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 100;
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        if (testContext.hasApplicationContext() && TestContextAnnotationUtils
            .hasAnnotation(testContext.getTestClass(), AutoConfigureMiniMaxSimulator.class)) {
            testContext.getApplicationContext().getBeanProvider(MiniMaxSimulator.class).forEach(MiniMaxSimulator::reset);
        }
    }
}
