/**
 * Value types shared by both MiniMax APIs: the model catalog and thinking control.
 */
@NullMarked
package io.github.minimax4j.model;

import org.jspecify.annotations.NullMarked;
