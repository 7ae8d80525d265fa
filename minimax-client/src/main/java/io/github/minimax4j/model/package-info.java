/**
 * Value types shared by both MiniMax APIs: the model catalog, thinking control, and the Files API's file and purpose.
 */
@NullMarked
package io.github.minimax4j.model;

import org.jspecify.annotations.NullMarked;
