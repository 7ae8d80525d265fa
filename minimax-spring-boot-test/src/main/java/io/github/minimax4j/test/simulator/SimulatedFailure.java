package io.github.minimax4j.test.simulator;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A failure the prompt asked for, so end-to-end checks can drive known errors: a user turn containing
 * {@code #simulate-error=<status>} (400, 401, 429, 500 or 529) is answered with that status and the API's
 * error type, and generates (and bills) nothing.
 */
final class SimulatedFailure extends RuntimeException {

    private static final Pattern MARKER = Pattern.compile("#simulate-error=(\\d{3})");

    private static final Set<Integer> STATUSES = Set.of(400, 401, 429, 500, 529);

    private final int status;

    private SimulatedFailure(int status) {
        super("Simulated HTTP " + status + " requested by the prompt (#simulate-error=" + status + ")", null, false,
                false);
        this.status = status;
    }

    /** The failure {@code userText} asks for, or null; an unsupported status is a bad request. */
    static @Nullable SimulatedFailure requestedBy(String userText) {
        Matcher marker = MARKER.matcher(userText);
        if (!marker.find()) {
            return null;
        }
        int status = Integer.parseInt(marker.group(1));
        if (!STATUSES.contains(status)) {
            throw new BadRequestException("#simulate-error supports " + STATUSES + ", not " + status);
        }
        return new SimulatedFailure(status);
    }

    int status() {
        return this.status;
    }
}
