/**
 * Auto-configuration of the client-side rate limits ({@code minimax.rate-limit.*}), in this instance or on Redis.
 */
@NullMarked
package io.github.minimax4j.autoconfigure.ratelimit;

import org.jspecify.annotations.NullMarked;
