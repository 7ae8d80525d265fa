/**
 * Offline MiniMax API simulator, for tests and for running an app locally without an API key:
 * {@link io.github.minimax4j.test.simulator.MiniMaxSimulator}.
 */
@NullMarked
package io.github.minimax4j.test.simulator;

import org.jspecify.annotations.NullMarked;
