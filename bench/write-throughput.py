#!/usr/bin/env python3
"""Write throughput: C concurrent clients create N published posts through the API.

Usage: bench/write-throughput.py BASE_URL TOKEN [N=400] [C=4] [WARMUP=100]
Posts are ~1 KB of Markdown with two links and two of ten shared tags, like an editor's. A warm-up
round runs first (JIT, pools), then the timed round; prints posts/s.
"""
import json
import sys
import threading
import time
import urllib.request
import uuid


def main():
    base, token = sys.argv[1].rstrip("/"), sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 400
    clients = int(sys.argv[4]) if len(sys.argv) > 4 else 4
    warmup = int(sys.argv[5]) if len(sys.argv) > 5 else 100
    run = uuid.uuid4().hex[:6]
    body = ("## Notes\n\nA paragraph about [consensus](/blog/raft) and [clocks](https://example.org/clocks), "
            "with *some* emphasis and `code`.\n\n" * 6)

    def create(i):
        data = {"title": f"Bench {run} {i}", "markdown": body, "status": "published",
                "tags": [f"bench-{i % 10}", f"bench-{(i + 3) % 10}"]}
        req = urllib.request.Request(base + "/api/posts", data=json.dumps(data).encode(), method="POST",
                                     headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
        with urllib.request.urlopen(req) as resp:
            if resp.status != 201:
                raise SystemExit(f"create {i}: {resp.status}")

    def round_of(count, offset):
        counter = iter(range(offset, offset + count))
        lock = threading.Lock()

        def worker():
            while True:
                with lock:
                    i = next(counter, None)
                if i is None:
                    return
                create(i)

        threads = [threading.Thread(target=worker) for _ in range(clients)]
        start = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        return time.perf_counter() - start

    round_of(warmup, 0)
    elapsed = round_of(n, warmup)
    print(f"{n} posts, {clients} clients: {n / elapsed:.0f} posts/s ({elapsed:.2f} s)")


if __name__ == "__main__":
    main()
