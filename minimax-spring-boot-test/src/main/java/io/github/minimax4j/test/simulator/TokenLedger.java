package io.github.minimax4j.test.simulator;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Running totals of tokens served, per API. Synchronized (not per-field atomics) so that a snapshot is
 * always consistent: tests compare all fields at once against client-side meters.
 */
final class TokenLedger {

    private TokenTotals messages = TokenTotals.EMPTY;

    private TokenTotals chatCompletions = TokenTotals.EMPTY;

    private final AtomicLong countTokensRequests = new AtomicLong();

    synchronized void recordMessages(Usage usage) {
        this.messages = this.messages.plus(usage);
    }

    synchronized void recordChatCompletions(Usage usage) {
        this.chatCompletions = this.chatCompletions.plus(usage);
    }

    void recordCountTokens() {
        this.countTokensRequests.incrementAndGet();
    }

    synchronized TokenTotals messages() {
        return this.messages;
    }

    synchronized TokenTotals chatCompletions() {
        return this.chatCompletions;
    }

    long countTokensRequests() {
        return this.countTokensRequests.get();
    }

    synchronized void reset() {
        this.messages = TokenTotals.EMPTY;
        this.chatCompletions = TokenTotals.EMPTY;
        this.countTokensRequests.set(0);
    }
}
