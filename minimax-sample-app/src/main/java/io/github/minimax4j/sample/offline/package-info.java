/**
 * Offline mode: the app runs on the built-in MiniMax simulator when no API key is configured.
 */
@NullMarked
package io.github.minimax4j.sample.offline;

import org.jspecify.annotations.NullMarked;
