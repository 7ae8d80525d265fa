/**
 * MiniMax for Spring AI: {@link io.github.minimax4j.springai.MiniMaxChatModel} on the MiniMax client.
 */
@NullMarked
package io.github.minimax4j.springai;

import org.jspecify.annotations.NullMarked;
