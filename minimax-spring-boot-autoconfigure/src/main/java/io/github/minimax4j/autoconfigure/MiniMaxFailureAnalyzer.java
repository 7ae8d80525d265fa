package io.github.minimax4j.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a bad {@code minimax.*} property at startup: which one, what is wrong, how to fix it. */
class MiniMaxFailureAnalyzer extends AbstractFailureAnalyzer<InvalidMiniMaxPropertyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidMiniMaxPropertyException cause) {
        return new FailureAnalysis("The MiniMax client could not be configured: " + cause.getMessage(), cause.fix(),
                cause);
    }
}
