/**
 * Exceptions of the MiniMax client: {@link io.github.minimax4j.error.MiniMaxException} is the root.
 */
@NullMarked
package io.github.minimax4j.error;

import org.jspecify.annotations.NullMarked;
