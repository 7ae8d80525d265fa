/**
 * Actuator health of the MiniMax API, with no dependency on auto-configuration.
 */
@NullMarked
package io.github.minimax4j.health;

import org.jspecify.annotations.NullMarked;
