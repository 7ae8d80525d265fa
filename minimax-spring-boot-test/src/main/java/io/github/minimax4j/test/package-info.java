/**
 * Test support for Spring Boot apps using minimax4j: {@link io.github.minimax4j.test.AutoConfigureMiniMaxSimulator}
 * runs a test's application against the offline MiniMax simulator.
 */
@NullMarked
package io.github.minimax4j.test;

import org.jspecify.annotations.NullMarked;
