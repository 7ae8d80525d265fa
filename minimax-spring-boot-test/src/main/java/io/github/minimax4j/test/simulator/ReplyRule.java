package io.github.minimax4j.test.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A condition on requests, waiting for the replies to give when it holds: returned by
 * {@link MiniMaxSimulator#when} and {@link MiniMaxSimulator#whenPromptContains}.
 */
public final class ReplyRule {

    private final MiniMaxSimulator simulator;

    private final Predicate<ReceivedRequest> condition;

    private final String description;

    ReplyRule(MiniMaxSimulator simulator, Predicate<ReceivedRequest> condition, String description) {
        this.simulator = simulator;
        this.condition = condition;
        this.description = description;
    }

    /**
     * Answers matching requests with these replies, one per request in order; the last one is given again
     * to every further match (so one reply answers all of them). Until {@link MiniMaxSimulator#reset()}.
     * @param first the reply to the first matching request
     * @param then replies to the following matching requests
     * @return the simulator, to script more
     */
    public MiniMaxSimulator thenReply(SimulatedReply first, SimulatedReply... then) {
        Objects.requireNonNull(first, "first must not be null");
        List<SimulatedReply> replies = new ArrayList<>();
        replies.add(first);
        for (SimulatedReply reply : then) {
            replies.add(Objects.requireNonNull(reply, "replies must not be null"));
        }
        this.simulator.addRule(new Rule(this.condition, List.copyOf(replies), this.description));
        return this.simulator;
    }

    /** A scripted condition and its replies; thread-safe. */
    static final class Rule {

        private final Predicate<ReceivedRequest> condition;

        private final List<SimulatedReply> replies;

        private final String description;

        private final AtomicInteger matched = new AtomicInteger();

        Rule(Predicate<ReceivedRequest> condition, List<SimulatedReply> replies, String description) {
            this.condition = condition;
            this.replies = replies;
            this.description = description;
        }

        boolean matches(ReceivedRequest request) {
            return this.condition.test(request);
        }

        SimulatedReply nextReply() {
            int index = this.matched.getAndIncrement();
            return this.replies.get(Math.min(index, this.replies.size() - 1));
        }

        @Override
        public String toString() {
            return this.description + " -> " + this.replies;
        }
    }
}
