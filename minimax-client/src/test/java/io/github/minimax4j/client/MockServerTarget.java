package io.github.minimax4j.client;

import org.mockserver.client.MockServerClient;

/**
 * A MockServer to run scenarios against: embedded in the JVM (always) or in a Testcontainers container
 * (where a Docker engine exists).
 *
 * @param client client that sets expectations and reads recorded requests
 * @param baseUrl URL the MiniMax client under test is pointed at
 */
record MockServerTarget(MockServerClient client, String baseUrl) {
}
