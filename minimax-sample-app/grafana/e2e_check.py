#!/usr/bin/env python3
"""End-to-end proof that the Grafana dashboard is real.

Starts the sample app (offline simulator mode, with prices configured) and Debian's Prometheus on 127.0.0.1,
drives known traffic, known errors (the simulator's #simulate-error=<status>) and multi-turn calls, then runs
every PromQL expression of dashboard.json with its variables substituted ($job, $instance, $model, $__range)
and checks that each returns data, that the Errors panel shows exactly the errors driven at their rates, and
that tokens and money in Prometheus equal what the simulator served at the configured prices.
Prints 'N passed, M failed' and exits non-zero on any failure.
Usage: e2e_check.py <sample-app jar>
"""
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))

JOB = "minimax-sample-app"
MODEL = "MiniMax-M3"
# Per million tokens: input, output, cache read, cache write (any figures do; these only have to be known here).
PRICES = {"input": 0.3, "output": 1.2, "cache-read": 0.06, "cache-write": 0.375}
# Errors the simulator is asked for, and how many of each: a rejected request and a rejected key.
ERRORS = {"BadRequestException": (400, 6), "AuthenticationException": (401, 4)}
ERROR_WINDOW_SECONDS = 300  # the Errors panel's rate() window


def prometheus_rate(samples, at_ms, window_seconds):
    """rate() of one counter as Prometheus 2.x computes it (promql extrapolatedRate), from its raw samples."""
    (first_t, first_v), (last_t, last_v) = samples[0], samples[-1]
    delta = last_v - first_v
    start_ms = at_ms - window_seconds * 1000
    to_start, to_end = (first_t - start_ms) / 1000, (at_ms - last_t) / 1000
    sampled = (last_t - first_t) / 1000
    average = sampled / (len(samples) - 1)
    if delta > 0 and first_v >= 0:
        to_start = min(to_start, sampled * (first_v / delta))
    threshold = average * 1.1
    interval = sampled + (to_start if to_start < threshold else average / 2) + (to_end if to_end < threshold else average / 2)
    return delta * (interval / sampled) / window_seconds


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http(url, body=None, timeout=30):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return response.read().decode()


def wait_for(what, check, seconds):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            if check():
                return
        except Exception:
            pass
        time.sleep(0.5)
    raise SystemExit(f"timed out waiting for {what}")


def post_expecting_failure(url, body):
    try:
        http(url, body)
    except urllib.error.HTTPError as error:
        return error.code
    raise RuntimeError(f"{url} did not fail for {body}")


def substitute(expr, app_port):
    """The dashboard's variables as Grafana would fill them in for this app."""
    return (expr.replace("$job", JOB).replace("$instance", f"127.0.0.1:{app_port}").replace("$model", MODEL)
            .replace("$__range", "1h"))


def query(prometheus, expr, at=None):
    url = f"{prometheus}/api/v1/query?" + urllib.parse.urlencode({"query": expr, **({"time": at} if at else {})})
    result = json.loads(http(url))
    if result.get("status") != "success":
        raise RuntimeError(f"query failed: {result}")
    return result["data"]["result"]


def main(jar):
    if shutil.which("prometheus") is None:
        print("SKIPPED: Debian's prometheus is not installed (apt-get install prometheus; .ci/run does)")
        print("0 passed, 0 failed, 1 skipped")
        return 0
    app_port, prom_port = free_port(), free_port()
    app_url, prom_url = f"http://127.0.0.1:{app_port}", f"http://127.0.0.1:{prom_port}"
    work = tempfile.mkdtemp(prefix="minimax-e2e-")
    config = os.path.join(work, "prometheus.yml")
    with open(config, "w") as f:
        f.write("global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: minimax-sample-app\n"
                f"    metrics_path: /actuator/prometheus\n    static_configs:\n      - targets: ['127.0.0.1:{app_port}']\n")
    pricing = [f"--minimax.pricing.models.{MODEL}.{kind}={price}" for kind, price in PRICES.items()]
    env = {k: v for k, v in os.environ.items() if k != "MINIMAX_API_KEY"}
    app = subprocess.Popen(["java", "-jar", jar, f"--server.port={app_port}", "--server.address=127.0.0.1",
                            "--sample.simulator.stream-delay=0ms", "--minimax.pricing.currency=USD", *pricing,
                            # the client-side rate limit on, far above this traffic: its panels need its meters
                            "--minimax.rate-limit.enabled=true", "--minimax.rate-limit.requests-per-minute=6000",
                            "--minimax.rate-limit.tokens-per-minute=10000000"],
                           env=env, stdout=open(os.path.join(work, "app.log"), "w"),
                           stderr=subprocess.STDOUT)
    prometheus = subprocess.Popen(["prometheus", f"--config.file={config}", f"--storage.tsdb.path={work}/data",
                                   f"--web.listen-address=127.0.0.1:{prom_port}"],
                                  stdout=open(os.path.join(work, "prometheus.log"), "w"), stderr=subprocess.STDOUT)
    passed, failed = 0, 0
    try:
        wait_for("the sample app", lambda: '"UP"' in http(f"{app_url}/actuator/health"), 90)
        wait_for("Prometheus", lambda: http(f"{prom_url}/-/ready") is not None, 60)
        # One error of each type first, scraped before the rest: the counters then grow under Prometheus's eyes,
        # so the Errors panel's rate covers every later error.
        driven = {name: 1 for name in ERRORS}
        for name, (status, _) in ERRORS.items():
            post_expecting_failure(f"{app_url}/api/chat", {"prompt": f"first failure #simulate-error={status}"})
        wait_for("Prometheus to scrape the first errors", lambda: all(query(
            prom_url, f'gen_ai_client_operation_duration_seconds_count{{job="{JOB}",error_type="{name}"}} == 1')
            for name in ERRORS), 30)
        for i in range(12):
            http(f"{app_url}/api/chat", {"prompt": f"Question number {i} about observability"})
            for name, (status, count) in ERRORS.items():
                if driven[name] < count:  # spread over the run, so rate() sees the counters grow
                    post_expecting_failure(f"{app_url}/api/chat", {"prompt": f"fail {i} #simulate-error={status}"})
                    driven[name] += 1
            http(f"{app_url}/api/chat/stream", {"prompt": f"Stream {i}, please", "thinking": i % 2 == 0})
            http(f"{app_url}/api/tokens", {"prompt": f"count {i}"})
            if i % 3 == 0:
                http(f"{app_url}/api/tools/weather", {"prompt": f"What is the weather in Paris? ({i})"})
            time.sleep(0.4)
            if i % 4 == 1:  # a follow-up with its history: the earlier turns are read from the prompt cache
                first = json.loads(http(f"{app_url}/api/chat", {"prompt": f"My name is Ada ({i})"}))
                history = [{"role": "user", "content": [{"type": "text", "text": f"My name is Ada ({i})"}]},
                           {"role": "assistant", "content": first["content"]}]
                http(f"{app_url}/api/chat", {"prompt": "What is my name?", "history": history})
        served = json.loads(http(f"{app_url}/api/simulator/totals"))["messages"]
        total_input = 'sum(gen_ai_client_token_usage_tokens_sum{gen_ai_operation_name="chat",gen_ai_token_type="input"})'
        total_output = 'sum(gen_ai_client_token_usage_tokens_sum{gen_ai_operation_name="chat",gen_ai_token_type="output"})'

        def scraped_all():
            result = query(prom_url, total_input)
            return result and float(result[0]["value"][1]) >= served["inputTokens"]
        wait_for("Prometheus to scrape the traffic", scraped_all, 60)
        time.sleep(3)  # a few more scrapes, so rate() windows hold several samples

        checks = []
        errors_panel = None
        with open(os.path.join(HERE, "dashboard.json")) as f:
            for panel in json.load(f)["panels"]:
                for target in panel["targets"]:
                    expr = substitute(target["expr"], app_port)
                    result = query(prom_url, expr)
                    checks.append((f"panel '{panel['title']}' ({target['refId']}) returns data", bool(result),
                                   f"{len(result)} series"))
                    if panel["title"].startswith("Errors"):
                        errors_panel = expr
        # The Errors panel: exactly the types driven (no padding row, no closed stream), each at the rate of
        # exactly the calls driven: its value equals rate() computed here from the counter's raw samples, whose
        # increase is the number of errors driven after the first.
        at_ms = int(time.time() * 1000)
        at = f"{at_ms / 1000:.3f}"
        rates = {series["metric"].get("error_type"): float(series["value"][1])
                 for series in query(prom_url, errors_panel, at)}
        checks.append(("the Errors panel shows exactly the error types driven", set(rates) == set(ERRORS),
                       f"panel={sorted(rates)} driven={sorted(ERRORS)}"))
        for name, (status, count) in ERRORS.items():
            series = query(prom_url, f'gen_ai_client_operation_duration_seconds_count{{job="{JOB}",error_type="{name}"}}'
                           f'[{ERROR_WINDOW_SECONDS}s]', at)
            samples = [(round(float(t) * 1000), float(v)) for t, v in series[0]["values"]] if len(series) == 1 else []
            counted = samples[-1][1] if samples else -1
            checks.append((f"{name}: every call driven is counted once", counted == count,
                           f"prometheus={counted:.0f} driven={count}"))
            expected = prometheus_rate(samples, at_ms, ERROR_WINDOW_SECONDS) if len(samples) > 1 else -1
            seen = rates.get(name, 0.0)
            checks.append((f"the Errors panel's rate of {name} is that of its {count - 1} errors after the first",
                           samples and samples[-1][1] - samples[0][1] == count - 1 and abs(seen - expected) <= 1e-12,
                           f"panel={seen:.6f}/s expected={expected:.6f}/s"))
        uncached = served["inputTokens"] - served["cacheReadInputTokens"]
        cost = (uncached * PRICES["input"] + served["cacheReadInputTokens"] * PRICES["cache-read"]
                + served["outputTokens"] * PRICES["output"]) / 1e6
        saved = served["cacheReadInputTokens"] * (PRICES["input"] - PRICES["cache-read"]) / 1e6
        for name, metric, expected in [("cost", "minimax_client_cost_total", cost),
                                       ("cache savings", "minimax_client_cache_savings_total", saved)]:
            result = query(prom_url, f'sum(minimax_client_cost_total{{job="{JOB}",currency="USD"}})'.replace(
                "minimax_client_cost_total", metric))
            value = float(result[0]["value"][1]) if result else -1.0
            checks.append((f"{name} in Prometheus equals the served tokens at the configured prices",
                           expected > 0 and abs(value - expected) <= 1e-9 * max(1.0, expected),
                           f"prometheus={value:.9f} expected={expected:.9f} USD"))
        for name, ok, detail in checks:
            print(f"{'PASS' if ok else 'FAIL'}: {name} [{detail}]")
            passed, failed = passed + ok, failed + (not ok)
    finally:
        for process in (app, prometheus):
            process.send_signal(signal.SIGTERM)
        for process in (app, prometheus):
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        if failed == 0:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"logs kept in {work}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
