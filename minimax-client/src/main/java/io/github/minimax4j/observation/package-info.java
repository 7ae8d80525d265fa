/**
 * Micrometer observations and meters of MiniMax calls, after the OpenTelemetry GenAI conventions.
 */
@NullMarked
package io.github.minimax4j.observation;

import org.jspecify.annotations.NullMarked;
