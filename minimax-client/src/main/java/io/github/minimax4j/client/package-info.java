/**
 * The MiniMax client: {@link io.github.minimax4j.client.MiniMaxClient} and what it is built from.
 */
@NullMarked
package io.github.minimax4j.client;

import org.jspecify.annotations.NullMarked;
