#!/usr/bin/env python3
"""Starts the packaged sample app in Spring AOT mode on the JVM (-Dspring.aot.enabled=true, the bean
definitions and hints process-aot generated at build time, as a native image would use them) in offline
simulator mode, then makes a create, a stream and a count_tokens call through it. Exits non-zero on failure.
Usage: aot_check.py <sample-app jar>
"""
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def post(url, body, timeout=30):
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return response.status, response.read().decode()


def main(jar):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if k != "MINIMAX_API_KEY"}  # offline: the simulator answers
    with tempfile.TemporaryFile(mode="w+") as log:
        app = subprocess.Popen(["java", "-Dspring.aot.enabled=true", "-jar", jar, f"--server.port={port}",
                                "--server.address=127.0.0.1"], stdout=log, stderr=subprocess.STDOUT, env=env)
        failures = []
        try:
            deadline = time.time() + 90
            while True:
                try:
                    with urllib.request.urlopen(f"{base}/actuator/health", timeout=5) as response:
                        if response.status == 200:
                            break
                except Exception:
                    pass
                if app.poll() is not None or time.time() > deadline:
                    raise SystemExit("the app did not start in AOT mode")
                time.sleep(0.5)

            status, body = post(f"{base}/api/chat", {"prompt": "Hello from AOT mode"})
            if status != 200 or not json.loads(body).get("text"):
                failures.append(f"create: {status} {body[:300]}")
            status, body = post(f"{base}/api/chat/stream", {"prompt": "Stream in AOT mode"})
            if status != 200 or "event:done" not in body.replace(" ", "") or "event:text" not in body.replace(" ", ""):
                failures.append(f"stream: {status} {body[:300]}")
            status, body = post(f"{base}/api/tokens", {"prompt": "count these tokens"})
            if status != 200 or not json.loads(body).get("inputTokens", 0) > 0:
                failures.append(f"count_tokens: {status} {body[:300]}")
        finally:
            app.terminate()
            try:
                app.wait(20)
            except subprocess.TimeoutExpired:
                app.kill()
            log.seek(0)
            output = log.read()
        if "AOT-processed" not in output:
            failures.append("the app did not say it started AOT-processed (is -Dspring.aot.enabled=true honoured?)")
        if failures:
            print(output[-4000:])
            for failure in failures:
                print("FAILED:", failure)
            sys.exit(1)
        print("AOT mode: started AOT-processed; create, stream and count_tokens answered by the simulator")


if __name__ == "__main__":
    main(sys.argv[1])
