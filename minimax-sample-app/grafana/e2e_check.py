#!/usr/bin/env python3
"""End-to-end proof that the Grafana dashboard is real.

Starts the sample app (offline simulator mode) and Debian's Prometheus on 127.0.0.1, drives known traffic,
then checks that every PromQL expression of dashboard.json returns data and that the token totals Prometheus
scraped equal what the simulator served. Prints 'N passed, M failed' and exits non-zero on any failure.
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
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))


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


def query(prometheus, expr):
    url = f"{prometheus}/api/v1/query?" + urllib.parse.urlencode({"query": expr})
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
    env = {k: v for k, v in os.environ.items() if k != "MINIMAX_API_KEY"}
    app = subprocess.Popen(["java", "-jar", jar, f"--server.port={app_port}", "--server.address=127.0.0.1",
                            "--sample.simulator.stream-delay=0ms"], env=env, stdout=open(os.path.join(work, "app.log"), "w"),
                           stderr=subprocess.STDOUT)
    prometheus = subprocess.Popen(["prometheus", f"--config.file={config}", f"--storage.tsdb.path={work}/data",
                                   f"--web.listen-address=127.0.0.1:{prom_port}"],
                                  stdout=open(os.path.join(work, "prometheus.log"), "w"), stderr=subprocess.STDOUT)
    passed, failed = 0, 0
    try:
        wait_for("the sample app", lambda: '"UP"' in http(f"{app_url}/actuator/health"), 90)
        wait_for("Prometheus", lambda: http(f"{prom_url}/-/ready") is not None, 60)
        for i in range(12):
            http(f"{app_url}/api/chat", {"prompt": f"Question number {i} about observability"})
            http(f"{app_url}/api/chat/stream", {"prompt": f"Stream {i}, please", "thinking": i % 2 == 0})
            http(f"{app_url}/api/tokens", {"prompt": f"count {i}"})
            if i % 3 == 0:
                http(f"{app_url}/api/tools/weather", {"prompt": f"What is the weather in Paris? ({i})"})
            time.sleep(0.4)
        served = json.loads(http(f"{app_url}/api/simulator/totals"))["messages"]
        total_input = 'sum(gen_ai_client_token_usage_tokens_sum{gen_ai_operation_name="chat",gen_ai_token_type="input"})'
        total_output = 'sum(gen_ai_client_token_usage_tokens_sum{gen_ai_operation_name="chat",gen_ai_token_type="output"})'

        def scraped_all():
            result = query(prom_url, total_input)
            return result and float(result[0]["value"][1]) >= served["inputTokens"]
        wait_for("Prometheus to scrape the traffic", scraped_all, 60)
        time.sleep(3)  # a few more scrapes, so rate() windows hold several samples

        checks = []
        with open(os.path.join(HERE, "dashboard.json")) as f:
            for panel in json.load(f)["panels"]:
                for target in panel["targets"]:
                    result = query(prom_url, target["expr"])
                    checks.append((f"panel '{panel['title']}' ({target['refId']}) returns data", bool(result),
                                   f"{len(result)} series"))
        for name, expr, expected in [("input tokens", total_input, served["inputTokens"]),
                                     ("output tokens", total_output, served["outputTokens"])]:
            value = float(query(prom_url, expr)[0]["value"][1])
            checks.append((f"{name} in Prometheus equal what the simulator served", value == expected,
                           f"prometheus={value:.0f} simulator={expected}"))
        cache = float(query(prom_url, 'sum(gen_ai_client_token_cache_read_tokens_total{gen_ai_operation_name="chat"})')[0]["value"][1])
        checks.append(("cache-read tokens in Prometheus equal what the simulator served",
                       cache == served["cacheReadInputTokens"], f"prometheus={cache:.0f} simulator={served['cacheReadInputTokens']}"))
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
