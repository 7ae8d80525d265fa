/**
 * Offline MiniMax API simulator for the sample app and its tests:
 * {@link io.github.minimax4j.sample.simulator.MiniMaxSimulator}.
 */
@NullMarked
package io.github.minimax4j.sample.simulator;

import org.jspecify.annotations.NullMarked;
