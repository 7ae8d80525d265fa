package io.github.minimax4j.client;

import java.util.Set;
import java.util.stream.Collectors;

/** The JDK {@code HttpClient}'s pool threads (named {@code HttpClient-N-Worker-M}) that some calls started. */
final class JdkClientThreads {

    private JdkClientThreads() {
    }

    /** Names of the JDK client pool threads that appeared while {@code calls} ran. */
    static Set<String> workersStartedDuring(Runnable calls) {
        Set<Long> before = Thread.getAllStackTraces().keySet().stream().map(Thread::getId).collect(Collectors.toSet());
        calls.run();
        return Thread.getAllStackTraces().keySet().stream()
            .filter((thread) -> !before.contains(thread.getId()))
            .map(Thread::getName)
            .filter((name) -> name.matches("HttpClient-\\d+-Worker-\\d+"))
            .collect(Collectors.toSet());
    }
}
