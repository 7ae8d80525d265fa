/**
 * Auto-configuration of MiniMax observations and token-usage meters.
 */
@NullMarked
package io.github.minimax4j.autoconfigure.observation;

import org.jspecify.annotations.NullMarked;
