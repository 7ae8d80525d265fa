package io.github.minimax4j.client;

import java.io.EOFException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The redacted copy of an exception chain keeps its shape: causes, suppressed ones and how it prints. */
class RedactedThrowableTests {

    private static final UnaryOperator<String> REDACT = (text) -> text.replace("sk-secret", "[redacted]");

    @Test
    void aChainWhoseOuterMessageHoldsTheKeyIsCopiedWithItsCauseAndPrintsNoKey() {
        IOException outer = new IOException("chunked body cut, key sk-secret", new EOFException("EOF reached"));
        outer.addSuppressed(new IllegalStateException("also sk-secret"));

        Throwable copy = RedactedThrowable.of(outer, REDACT);

        assertThat(copy).isNotSameAs(outer).hasToString("java.io.IOException: chunked body cut, key [redacted]");
        assertThat(copy.getCause()).hasToString("java.io.EOFException: EOF reached");
        assertThat(copy.getSuppressed()).singleElement()
            .hasToString("java.lang.IllegalStateException: also [redacted]");
        StringWriter printed = new StringWriter();
        copy.printStackTrace(new PrintWriter(printed));
        assertThat(printed.toString()).doesNotContain("sk-secret").contains("Caused by: java.io.EOFException");
    }

    @Test
    void aChainWithoutTheKeyIsAttachedAsItIs() {
        IOException failure = new IOException("reset", new EOFException("EOF reached"));

        assertThat(RedactedThrowable.of(failure, REDACT)).isSameAs(failure);
    }
}
