/**
 * Wire model of MiniMax's OpenAI-compatible Chat Completions API: requests, replies, stream chunks, the
 * accumulator, and the splitting of {@code <think>} reasoning out of content.
 */
@NullMarked
package io.github.minimax4j.openai;

import org.jspecify.annotations.NullMarked;
