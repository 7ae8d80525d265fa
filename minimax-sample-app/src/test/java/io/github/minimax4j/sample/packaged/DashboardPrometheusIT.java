package io.github.minimax4j.sample.packaged;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end proof that the Grafana dashboard is real: the packaged app (offline, with prices) scraped by
 * Debian's Prometheus every second; known traffic, known errors (the simulator's
 * {@code #simulate-error=<status>}) and multi-turn calls; then every PromQL expression of dashboard.json, its
 * variables filled in as Grafana would, must return data, the Errors panel must show exactly the errors driven
 * at their rates, and tokens and money in Prometheus must equal what the simulator served at those prices.
 * Needs {@code prometheus} on the PATH; skipped, saying so, without it.
 */
class DashboardPrometheusIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final String JOB = "minimax-sample-app";

    private static final String MODEL = "MiniMax-M3";

    /** Per million tokens (any figures do; they only have to be known here). */
    private static final Map<String, Double> PRICES = Map.of("input", 0.3, "output", 1.2, "cache-read", 0.06,
            "cache-write", 0.375);

    /** Error type, its HTTP status and how many are driven: a rejected request and a rejected key. */
    private static final Map<String, int[]> ERRORS = new TreeMap<>(Map.of("BadRequestException", new int[] { 400, 6 },
            "AuthenticationException", new int[] { 401, 4 }));

    /** The Errors panel's rate() window. */
    private static final int ERROR_WINDOW_SECONDS = 300;

    @Test
    void everyPanelReturnsDataAndErrorsTokensAndCostAreExactlyWhatWasDriven() throws Exception {
        PackagedApp.assumeOnPath("apt-get install prometheus", "prometheus");
        List<String> arguments = new ArrayList<>(List.of("--sample.simulator.stream-delay=0ms",
                "--minimax.pricing.currency=USD",
                // the client-side rate limit on, far above this traffic: its panels need its meters
                "--minimax.rate-limit.enabled=true", "--minimax.rate-limit.requests-per-minute=6000",
                "--minimax.rate-limit.tokens-per-minute=10000000"));
        PRICES.forEach((kind, price) -> arguments.add("--minimax.pricing.models." + MODEL + "." + kind + "=" + price));
        Path work = Files.createDirectories(Path.of("target", "dashboard-e2e"));
        try (PackagedApp app = PackagedApp.start("dashboard-e2e-app", List.of(), arguments);
                Prometheus prometheus = Prometheus.start(work, app.port())) {
            drive(app, prometheus);
            check(app, prometheus);
        }
    }

    private void drive(PackagedApp app, Prometheus prometheus) throws Exception {
        // One error of each type first, scraped before the rest: the counters then grow under Prometheus's eyes,
        // so the Errors panel's rate covers every later error.
        Map<String, Integer> driven = new TreeMap<>();
        for (Map.Entry<String, int[]> error : ERRORS.entrySet()) {
            fail(app, "first failure #simulate-error=" + error.getValue()[0]);
            driven.put(error.getKey(), 1);
        }
        await("Prometheus to scrape the first errors", () -> {
            for (String name : ERRORS.keySet()) {
                if (prometheus.query("gen_ai_client_operation_duration_seconds_count{job=\"" + JOB + "\",error_type=\""
                        + name + "\"} == 1", null).isEmpty()) {
                    return false;
                }
            }
            return true;
        });
        for (int i = 0; i < 12; i++) {
            ok(app.post("/api/chat", prompt("Question number " + i + " about observability")));
            for (Map.Entry<String, int[]> error : ERRORS.entrySet()) {
                if (driven.get(error.getKey()) < error.getValue()[1]) { // spread over the run: rate() sees growth
                    fail(app, "fail " + i + " #simulate-error=" + error.getValue()[0]);
                    driven.merge(error.getKey(), 1, Integer::sum);
                }
            }
            ok(app.post("/api/chat/stream", "{\"prompt\":\"Stream " + i + ", please\",\"thinking\":" + (i % 2 == 0) + "}"));
            ok(app.post("/api/tokens", prompt("count " + i)));
            if (i % 3 == 0) {
                ok(app.post("/api/tools/weather", prompt("What is the weather in Paris? (" + i + ")")));
            }
            TimeUnit.MILLISECONDS.sleep(400); // pacing, so the counters grow across several scrapes
            if (i % 4 == 1) { // a follow-up with its history: the earlier turns are read from the prompt cache
                String first = "My name is Ada (" + i + ")";
                JsonNode answer = JSON.readTree(ok(app.post("/api/chat", prompt(first))));
                Map<String, Object> body = Map.of("prompt", "What is my name?", "history", List.of(
                        Map.of("role", "user", "content", List.of(Map.of("type", "text", "text", first))),
                        Map.of("role", "assistant", "content", answer.get("content"))));
                ok(app.post("/api/chat", JSON.writeValueAsString(body)));
            }
        }
    }

    private void check(PackagedApp app, Prometheus prometheus) throws Exception {
        JsonNode served = JSON.readTree(ok(app.get("/api/simulator/totals"))).path("messages");
        double servedInput = served.path("inputTokens").asDouble();
        await("Prometheus to scrape the traffic", () -> {
            JsonNode result = prometheus.query("sum(gen_ai_client_token_usage_tokens_sum{gen_ai_operation_name=\"chat\","
                    + "gen_ai_token_type=\"input\"})", null);
            return !result.isEmpty() && value(result.get(0)) >= servedInput;
        });
        TimeUnit.SECONDS.sleep(3); // a few more scrapes, so rate() windows hold several samples

        SoftAssertions softly = new SoftAssertions();
        String errorsPanel = null;
        for (JsonNode panel : JSON.readTree(Path.of("grafana", "dashboard.json").toFile()).path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                String expr = substitute(target.path("expr").asString(), app.port());
                softly.assertThat(prometheus.query(expr, null)).as("panel '%s' (%s) returns data: %s",
                        panel.path("title").asString(), target.path("refId").asString(), expr).isNotEmpty();
                if (panel.path("title").asString().startsWith("Errors")) {
                    errorsPanel = expr;
                }
            }
        }
        assertThat(errorsPanel).as("dashboard.json has an Errors panel").isNotNull();
        // The Errors panel: exactly the types driven, each at the rate of exactly the calls driven: its value equals
        // rate() computed here from the counter's raw samples, whose increase is the number driven after the first.
        long atMillis = System.currentTimeMillis();
        String at = String.format(java.util.Locale.ROOT, "%.3f", atMillis / 1000.0);
        // A scrape stamped just before `at` may still be in flight (a sample's time is its scrape's start): the panel
        // would then miss a sample the raw query below sees (in CI both rates differed by 1.1x). Scrapes of one target
        // run one after another, so once a later scrape is stored, every sample up to `at` is.
        await("a scrape stamped after the evaluation time", () -> {
            JsonNode result = prometheus.query("timestamp(up{job=\"" + JOB + "\"})", null);
            return !result.isEmpty() && value(result.get(0)) * 1000 > atMillis;
        });
        Map<String, Double> rates = new TreeMap<>();
        for (JsonNode series : prometheus.query(errorsPanel, at)) {
            rates.put(series.path("metric").path("error_type").asString(), value(series));
        }
        softly.assertThat(rates.keySet()).as("the Errors panel shows exactly the error types driven")
            .containsExactlyElementsOf(ERRORS.keySet());
        for (Map.Entry<String, int[]> error : ERRORS.entrySet()) {
            String name = error.getKey();
            int count = error.getValue()[1];
            JsonNode series = prometheus.query("gen_ai_client_operation_duration_seconds_count{job=\"" + JOB
                    + "\",error_type=\"" + name + "\"}[" + ERROR_WINDOW_SECONDS + "s]", at);
            List<double[]> samples = new ArrayList<>();
            if (series.size() == 1) {
                for (JsonNode sample : series.get(0).path("values")) {
                    samples.add(new double[] { Math.round(sample.get(0).asDouble() * 1000), sample.get(1).asDouble() });
                }
            }
            softly.assertThat(samples.isEmpty() ? -1 : samples.get(samples.size() - 1)[1])
                .as("%s: every call driven is counted once", name).isEqualTo(count);
            if (samples.size() > 1) {
                softly.assertThat(samples.get(samples.size() - 1)[1] - samples.get(0)[1])
                    .as("%s: errors after the first inside the window", name).isEqualTo(count - 1);
                softly.assertThat(rates.getOrDefault(name, 0.0))
                    .as("the Errors panel's rate of %s is that of its %d errors after the first", name, count - 1)
                    .isCloseTo(prometheusRate(samples, atMillis, ERROR_WINDOW_SECONDS), org.assertj.core.data.Offset.offset(1e-12));
            }
            else {
                softly.fail("%s: fewer than 2 samples in the window (%s)", name, series);
            }
        }
        double cacheRead = served.path("cacheReadInputTokens").asDouble();
        double cost = ((servedInput - cacheRead) * PRICES.get("input") + cacheRead * PRICES.get("cache-read")
                + served.path("outputTokens").asDouble() * PRICES.get("output")) / 1e6;
        double saved = cacheRead * (PRICES.get("input") - PRICES.get("cache-read")) / 1e6;
        Map<String, Double> money = new LinkedHashMap<>();
        money.put("minimax_client_cost_total", cost);
        money.put("minimax_client_cache_savings_total", saved);
        for (Map.Entry<String, Double> expected : money.entrySet()) {
            JsonNode result = prometheus.query("sum(" + expected.getKey() + "{job=\"" + JOB + "\",currency=\"USD\"})", null);
            softly.assertThat(expected.getValue()).as("%s expected from the served tokens", expected.getKey()).isPositive();
            softly.assertThat(result.isEmpty() ? -1.0 : value(result.get(0)))
                .as("%s in Prometheus equals the served tokens at the configured prices", expected.getKey())
                .isCloseTo(expected.getValue(), org.assertj.core.data.Offset.offset(1e-9 * Math.max(1.0, expected.getValue())));
        }
        softly.assertAll();
    }

    /** rate() of one counter as Prometheus 2.x computes it (promql extrapolatedRate), from its raw samples. */
    static double prometheusRate(List<double[]> samples, long atMillis, int windowSeconds) {
        double[] first = samples.get(0);
        double[] last = samples.get(samples.size() - 1);
        double delta = last[1] - first[1];
        double startMillis = atMillis - windowSeconds * 1000.0;
        double toStart = (first[0] - startMillis) / 1000;
        double toEnd = (atMillis - last[0]) / 1000;
        double sampled = (last[0] - first[0]) / 1000;
        double average = sampled / (samples.size() - 1);
        if (delta > 0 && first[1] >= 0) {
            toStart = Math.min(toStart, sampled * (first[1] / delta));
        }
        double threshold = average * 1.1;
        double interval = sampled + ((toStart < threshold) ? toStart : average / 2)
                + ((toEnd < threshold) ? toEnd : average / 2);
        return delta * (interval / sampled) / windowSeconds;
    }

    /** The dashboard's variables as Grafana would fill them in for this app. */
    private static String substitute(String expr, int appPort) {
        return expr.replace("$job", JOB).replace("$instance", "127.0.0.1:" + appPort).replace("$model", MODEL)
            .replace("$__range", "1h");
    }

    private static String prompt(String text) {
        return JSON.writeValueAsString(Map.of("prompt", text));
    }

    private static String ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("%s: %s", response.uri(), response.body()).isEqualTo(200);
        return response.body();
    }

    private static void fail(PackagedApp app, String prompt) throws Exception {
        HttpResponse<String> response = app.post("/api/chat", prompt(prompt));
        assertThat(response.statusCode()).as("'%s' must fail: %s", prompt, response.body()).isGreaterThanOrEqualTo(400);
    }

    private static double value(JsonNode series) {
        return series.path("value").get(1).asDouble();
    }

    private static void await(String what, Callable<Boolean> condition) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (condition.call()) {
                    return;
                }
            }
            catch (IOException notYet) {
                // Prometheus still starting
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new AssertionError("Timed out after 60 s waiting for " + what);
    }

    /** Debian's Prometheus scraping the app every second, its data and log under {@code work}. */
    private record Prometheus(Process process, int port) implements AutoCloseable {

        static Prometheus start(Path work, int appPort) throws Exception {
            Path config = work.resolve("prometheus.yml");
            Files.writeString(config, "global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: " + JOB + "\n"
                    + "    metrics_path: /actuator/prometheus\n    static_configs:\n      - targets: ['127.0.0.1:"
                    + appPort + "']\n");
            Path data = work.resolve("data");
            deleteRecursively(data);
            int port = PackagedApp.freePort();
            Process process = new ProcessBuilder("prometheus", "--config.file=" + config, "--storage.tsdb.path=" + data,
                    "--web.listen-address=127.0.0.1:" + port).redirectErrorStream(true)
                .redirectOutput(work.resolve("prometheus.log").toFile()).start();
            Prometheus prometheus = new Prometheus(process, port);
            await("Prometheus to be ready", () -> HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/-/ready")).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode() == 200);
            return prometheus;
        }

        JsonNode query(String expr, String at) throws IOException, InterruptedException {
            String url = "http://127.0.0.1:" + this.port + "/api/v1/query?query="
                    + URLEncoder.encode(expr, StandardCharsets.UTF_8) + ((at != null) ? "&time=" + at : "");
            JsonNode answer = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).body());
            assertThat(answer.path("status").asString()).as("query %s: %s", expr, answer).isEqualTo("success");
            return answer.path("data").path("result");
        }

        @Override
        public void close() throws InterruptedException {
            this.process.destroy();
            if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
                this.process.destroyForcibly();
            }
        }

        private static void deleteRecursively(Path path) throws IOException {
            if (Files.exists(path)) {
                try (var paths = Files.walk(path)) {
                    paths.sorted(java.util.Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
                }
            }
        }
    }
}
