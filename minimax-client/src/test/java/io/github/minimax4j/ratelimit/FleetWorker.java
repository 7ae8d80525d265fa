package io.github.minimax4j.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.client.MiniMaxClient;
import io.github.minimax4j.client.RetryPolicy;
import io.github.minimax4j.error.ClientRateLimitException;
import io.github.minimax4j.error.RateLimitException;

/**
 * One instance of the fleet in {@link FleetRateLimitTests}, run in its own JVM: from a shared start time, a few
 * threads call the fake as fast as they are let through for a fixed time, with no retries (so every 429 is seen),
 * then it prints what happened on one line: {@code RESULT ok=.. 429=.. refused=.. errors=..}.
 * It warms up first (a few calls to the fake's uncounted path, a few permits under another Redis key), prints
 * {@code READY}, and reads the start time (epoch millis) from its standard input, so slow JVM starts on a loaded
 * machine do not eat into the measured run.
 * Arguments: baseUrl redisPort|none requestsPerPeriod tokensPerPeriod periodMillis runMillis threads.
 */
public final class FleetWorker {

    static final String PROMPT = "Tell me about rate limits. ".repeat(4);

    static final int MAX_TOKENS = 150;

    private FleetWorker() {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        String redisPort = args[1];
        long requests = Long.parseLong(args[2]);
        long tokens = Long.parseLong(args[3]);
        Duration period = Duration.ofMillis(Long.parseLong(args[4]));
        long run = Long.parseLong(args[5]);
        int threads = Integer.parseInt(args[6]);

        ClientRateLimiter limiter = null;
        RedisServerProcess.Connection connection = null;
        if (!"none".equals(redisPort)) {
            connection = RedisServerProcess.connect(Integer.parseInt(redisPort));
            RateLimits limits = RateLimits.builder().requestsPerMinute(requests).tokensPerMinute(tokens).period(period)
                .maxWait(period).build();
            limiter = ClientRateLimiter.builder(limits).redis(connection.connection()).keyPrefix("fleet").build();
        }
        MiniMaxClient client = MiniMaxClient.builder().apiKey("fleet-key").baseUrl(baseUrl)
            .retryPolicy(RetryPolicy.none()).rateLimiter(limiter).build();
        MessageRequest request = MessageRequest.builder().model("MiniMax-M3").maxTokens(MAX_TOKENS)
            .addUserMessage(PROMPT).build();

        warmUp(baseUrl, connection, request);
        System.out.println("READY");
        System.out.flush();
        long start = Long.parseLong(new java.io.BufferedReader(new java.io.InputStreamReader(System.in)).readLine());
        long end = start + run;

        AtomicLong ok = new AtomicLong();
        AtomicLong tooMany = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        Thread.sleep(Math.max(0, start - System.currentTimeMillis()));
        List<Thread> running = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread thread = new Thread(() -> {
                while (System.currentTimeMillis() < end) {
                    try {
                        client.messages().create(request);
                        ok.incrementAndGet();
                    }
                    catch (RateLimitException ex) {
                        tooMany.incrementAndGet();
                    }
                    catch (ClientRateLimitException ex) {
                        refused.incrementAndGet();
                    }
                    catch (RuntimeException ex) {
                        errors.incrementAndGet();
                        System.err.println("error: " + ex);
                    }
                }
            });
            thread.start();
            running.add(thread);
        }
        for (Thread thread : running) {
            thread.join();
        }
        System.out.println("RESULT ok=" + ok + " 429=" + tooMany + " refused=" + refused + " errors=" + errors);
        if (limiter != null) {
            limiter.close();
        }
        if (connection != null) {
            connection.close();
        }
        System.exit(0);
    }

    private static void warmUp(String baseUrl, RedisServerProcess.Connection connection, MessageRequest request) {
        ClientRateLimiter limiter = (connection == null) ? null
                : ClientRateLimiter.builder(RateLimits.builder().requestsPerMinute(1000).tokensPerMinute(100_000).build())
                    .redis(connection.connection()).keyPrefix("fleet-warm-up").build();
        MiniMaxClient client = MiniMaxClient.builder().apiKey("fleet-key").baseUrl(baseUrl + "/warm-up")
            .retryPolicy(RetryPolicy.none()).rateLimiter(limiter).build();
        for (int i = 0; i < 20; i++) {
            client.messages().create(request);
        }
        if (limiter != null) {
            limiter.close();
        }
    }
}
