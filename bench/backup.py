#!/usr/bin/env python3
"""Export and restore benchmark (issue 10): a site of N realistic posts, exported, restored.

Starts server A on a fresh embedded database, seeds it through the API with growth.py's posts
(3-10 KB, 2-6 internal links, 20 categories, 500 tags), gives half the posts two more revisions,
then times GET /api/export into a file while sampling A's RSS. Starts server B on another fresh
database and times POST /api/restore of that file, sampling B's RSS. Both run with the heap bound
given (default 256m): a server that held the document in memory could not finish. Checks that both
sites then answer a sample of posts with the same ETag. Usage:

    bench/backup.py target/quarkus-app 10000 [256m]

PostgreSQL: set QUARKUS_DATASOURCE_JDBC_URL_A / _B (and QUARKUS_DATASOURCE_USERNAME) to two empty
databases, with a jar built with -Ppostgresql.
"""
import os
import random
import shutil
import subprocess
import sys
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import growth  # noqa: E402

TOKEN = "bench-admin-token-0123456789abcdefghijkl"
ROOT = "/tmp/crosslink-backup-bench"


def start(app, name, port, xmx):
    work = os.path.join(ROOT, name)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    env = dict(os.environ, CMS_AUTH_ADMIN_TOKEN=TOKEN, QUARKUS_HTTP_PORT=str(port))
    url = os.environ.get("QUARKUS_DATASOURCE_JDBC_URL_" + name.upper())
    if url:
        env["QUARKUS_DATASOURCE_JDBC_URL"] = url
    log = open(os.path.join(work, "server.log"), "w")
    proc = subprocess.Popen(["java", "-Xmx" + xmx, "-jar", os.path.abspath(os.path.join(app, "quarkus-run.jar"))],
                            cwd=work, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            urllib.request.urlopen(base + "/q/health/ready", timeout=2)
            return proc, base
        except Exception:
            time.sleep(0.1)
    raise SystemExit(f"{name} did not start; see {work}/server.log")


class PeakRss(threading.Thread):
    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid, self.peak, self.running = pid, 0, True

    def run(self):
        while self.running:
            self.peak = max(self.peak, growth.rss_mib(self.pid))
            time.sleep(0.05)

    def stop(self):
        self.running = False
        self.join()
        return self.peak


def timed(pid, work):
    sampler = PeakRss(pid)
    sampler.start()
    t0 = time.perf_counter()
    result = work()
    return time.perf_counter() - t0, sampler.stop(), result


def main():
    app, n = sys.argv[1], int(sys.argv[2])
    xmx = sys.argv[3] if len(sys.argv) > 3 else "256m"
    a, base_a = start(app, "a", 8091, xmx)
    b = None
    try:
        for c in range(20):
            growth.request(base_a, TOKEN, "POST", "/api/categories", {"name": f"c{c}"})
        rate = growth.seed(base_a, TOKEN, 0, n, n)

        def revise(i):
            for r in (1, 2):
                req = urllib.request.Request(base_a + f"/api/posts/g-{i}", method="PATCH",
                                             data=('{"title": "Revised %d of post %d"}' % (r, i)).encode(),
                                             headers={"Authorization": "Bearer " + TOKEN,
                                                      "Content-Type": "application/merge-patch+json"})
                urllib.request.urlopen(req, timeout=120).read()
        with ThreadPoolExecutor(4) as pool:
            list(pool.map(revise, range(0, n, 2)))
        document = os.path.join(ROOT, "export.json")

        def export():
            req = urllib.request.Request(base_a + "/api/export", headers={"Authorization": "Bearer " + TOKEN})
            with urllib.request.urlopen(req, timeout=3600) as resp, open(document, "wb") as out:
                shutil.copyfileobj(resp, out, 1 << 20)
        export_s, export_rss, _ = timed(a.pid, export)
        size_mib = os.path.getsize(document) / (1 << 20)

        b, base_b = start(app, "b", 8092, xmx)
        rss_b_idle = growth.rss_mib(b.pid)

        def restore():
            with open(document, "rb") as body:
                req = urllib.request.Request(base_b + "/api/restore", data=body, method="POST",
                                             headers={"Authorization": "Bearer " + TOKEN,
                                                      "Content-Type": "application/json",
                                                      "Content-Length": str(os.path.getsize(document))})
                with urllib.request.urlopen(req, timeout=3600) as resp:
                    return resp.read().decode()
        restore_s, restore_rss, report = timed(b.pid, restore)

        rng = random.Random(7)
        for i in rng.sample(range(n), 20):
            tags = []
            for base in (base_a, base_b):
                with urllib.request.urlopen(base + f"/api/posts/g-{i}", timeout=30) as resp:
                    tags.append(resp.headers["ETag"])
            assert tags[0] == tags[1], f"g-{i}: {tags}"
        print(f"{n} posts seeded at {rate:.0f} posts/s; heap bound -Xmx{xmx}")
        print(f"export:  {export_s:.1f} s, {size_mib:.0f} MiB document ({size_mib / export_s:.1f} MiB/s), peak RSS {export_rss} MiB")
        print(f"restore: {restore_s:.1f} s ({n / restore_s:.0f} posts/s), peak RSS {restore_rss} MiB (idle before: {rss_b_idle} MiB)")
        print(f"restore report: {report}; 20 sampled posts have the same ETag on both")
    finally:
        for p in (a, b):
            if p:
                p.terminate()
                p.wait(30)


if __name__ == "__main__":
    main()
