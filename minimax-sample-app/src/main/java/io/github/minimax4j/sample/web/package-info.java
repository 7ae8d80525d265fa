/**
 * The sample's HTTP API and its web page.
 */
@NullMarked
package io.github.minimax4j.sample.web;

import org.jspecify.annotations.NullMarked;
