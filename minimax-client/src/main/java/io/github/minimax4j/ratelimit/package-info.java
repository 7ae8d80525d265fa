/**
 * Client-side rate limits: requests and tokens per minute held by the client itself, in one JVM or shared by
 * every instance on Redis, so a fleet on one MiniMax account shapes its traffic instead of collecting 429s.
 * Built on Bucket4j (optional dependencies: {@code bucket4j_jdk17-core}, and {@code bucket4j_jdk17-lettuce} with
 * Lettuce for Redis).
 */
@NullMarked
package io.github.minimax4j.ratelimit;

import org.jspecify.annotations.NullMarked;
