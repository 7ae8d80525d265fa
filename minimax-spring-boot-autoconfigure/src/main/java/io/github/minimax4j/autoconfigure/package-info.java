/**
 * Spring Boot auto-configuration of the MiniMax client.
 */
@NullMarked
package io.github.minimax4j.autoconfigure;

import org.jspecify.annotations.NullMarked;
