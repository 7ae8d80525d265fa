/**
 * Wire model of MiniMax's Anthropic-compatible Messages API: requests, responses, content blocks,
 * stream events and the accumulator that turns a stream back into a response.
 */
@NullMarked
package io.github.minimax4j.anthropic;

import org.jspecify.annotations.NullMarked;
