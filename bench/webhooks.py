#!/usr/bin/env python3
"""Webhook benchmark (issue 11): what an enabled webhook adds to a write, and deliveries per second.

Starts the server on a fresh embedded database (webhooks allowed to loopback) and a receiver on
loopback (Python's threading HTTP server). Then:
  1. write latency: one client publishing small posts, in alternating rounds with no webhook and
     with one enabled webhook for post.published; median per round, and the difference;
  2. deliveries per second: N posts are published while the receiver answers 503, so N deliveries
     wait in the outbox; the receiver then answers 204, and the time from the first to the last
     success gives the rate one node delivers at.
Usage: bench/webhooks.py target/quarkus-app [ROUNDS=5] [N=1000]
"""
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TOKEN = "bench-admin-token-0123456789abcdefghijkl"
PORT = 8094
STATE = {"status": 204, "ok": [], "lock": threading.Lock()}


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        status = STATE["status"]
        if status < 300:
            with STATE["lock"]:
                STATE["ok"].append(time.perf_counter())
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def call(method, path, body=None, content_type="application/json"):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(f"http://127.0.0.1:{PORT}{path}", data=data, method=method,
                                 headers={"Authorization": "Bearer " + TOKEN, "Content-Type": content_type})
    t0 = time.perf_counter()
    with urllib.request.urlopen(req, timeout=60) as resp:
        payload = resp.read()
    return (time.perf_counter() - t0) * 1000, payload


def main():
    app = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
    # a listen backlog of 5 (the default) makes a burst of 20 connections wait out SYN retries (1 s)
    ThreadingHTTPServer.request_queue_size = 128
    receiver = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=receiver.serve_forever, daemon=True).start()
    hook = f"http://127.0.0.1:{receiver.server_address[1]}/hook"
    work = "/tmp/crosslink-webhook-bench"
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    env = dict(os.environ, CMS_AUTH_ADMIN_TOKEN=TOKEN, QUARKUS_HTTP_PORT=str(PORT), CMS_WEBHOOKS_ALLOW_PRIVATE="true",
               CMS_WEBHOOKS_INITIAL_BACKOFF="1s", CMS_WEBHOOKS_MAX_BACKOFF="1s")
    server = subprocess.Popen(["java", "-Xmx512m", "-jar", os.path.abspath(os.path.join(app, "quarkus-run.jar"))],
                              cwd=work, env=env, stdout=open(work + "/server.log", "w"), stderr=subprocess.STDOUT)
    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}/q/health/ready", timeout=2)
                break
            except Exception:
                time.sleep(0.1)
        seq = [0]

        def write_round(count=200):
            times = []
            for _ in range(count):
                seq[0] += 1
                ms, _ = call("POST", "/api/posts", {"title": f"Bench hook {seq[0]}", "markdown": "A short post.",
                                                     "status": "published"})
                times.append(ms)
            return statistics.median(times)

        write_round(300)  # warm-up
        hook_id = None
        without, with_hook = [], []
        for r in range(rounds):
            for enabled in (False, True):
                if enabled and hook_id is None:
                    _, body = call("POST", "/api/webhooks", {"url": hook, "events": ["post.published"]})
                    hook_id = json.loads(body)["id"]
                elif hook_id is not None:
                    call("PATCH", f"/api/webhooks/{hook_id}", {"enabled": enabled}, "application/merge-patch+json")
                (with_hook if enabled else without).append(write_round())
        print(f"write latency, median of {rounds} rounds of 200 writes each (one client):")
        print(f"  without a webhook: {statistics.median(without):.2f} ms  (rounds: {', '.join(f'{x:.2f}' for x in without)})")
        print(f"  with one webhook:  {statistics.median(with_hook):.2f} ms  (rounds: {', '.join(f'{x:.2f}' for x in with_hook)})")
        paired = [w - o for o, w in zip(without, with_hook)]
        print(f"  difference, median of the rounds' paired differences: {statistics.median(paired):+.2f} ms "
              f"(each: {', '.join(f'{d:+.2f}' for d in paired)})")

        time.sleep(3)
        call("PATCH", f"/api/webhooks/{hook_id}", {"enabled": True}, "application/merge-patch+json")
        STATE["status"] = 503
        time.sleep(1)
        before = len(STATE["ok"])
        for _ in range(n):
            seq[0] += 1
            call("POST", "/api/posts", {"title": f"Queued {seq[0]}", "markdown": "Waits.", "status": "published"})
        STATE["status"] = 204
        deadline = time.time() + 600
        while len(STATE["ok"]) - before < n and time.time() < deadline:
            time.sleep(0.05)
        ok = STATE["ok"][before:]
        span = ok[-1] - ok[0] if len(ok) > 1 else float("nan")
        gaps = sorted(b - a for a, b in zip(ok, ok[1:]))
        if gaps:
            print(f"  gaps between successes: median {gaps[len(gaps) // 2] * 1000:.1f} ms, p90 {gaps[int(len(gaps) * 0.9)] * 1000:.1f} ms, "
                  f"max {gaps[-1] * 1000:.0f} ms; {sum(1 for g in gaps if g > 0.2)} gaps over 200 ms")
        print(f"deliveries: {len(ok)} of {n} queued delivered in {span:.1f} s from the first success: "
              f"{(len(ok) - 1) / span:.0f} deliveries/s from one node")
    finally:
        server.terminate()
        server.wait(30)
        receiver.shutdown()


if __name__ == "__main__":
    main()
