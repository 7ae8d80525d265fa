/**
 * Auto-configuration of the MiniMax health indicator.
 */
@NullMarked
package io.github.minimax4j.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
