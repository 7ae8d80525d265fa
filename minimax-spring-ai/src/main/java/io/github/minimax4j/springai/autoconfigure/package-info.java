/**
 * Spring Boot auto-configuration of the MiniMax chat model for Spring AI.
 */
@NullMarked
package io.github.minimax4j.springai.autoconfigure;

import org.jspecify.annotations.NullMarked;
