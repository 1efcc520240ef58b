#!/usr/bin/env python3
"""Growth benchmark (issue 12): realistic posts, then the same reads timed at each size.

Seeds a site through the API up to each size in SIZES: posts of 3-10 KB with headings, code and
2-6 internal links each, 20 categories, 500 tags, four client threads. At each size it times,
as the editor (the path the response cache never answers) and with a write between rounds so
no cache of any kind answers twice:

    search      ?q= two words (a different pair each time), and with sort=relevance
    list        page 1, and the last page (also anonymously, uncached)
    tag         ?tag= page 1 (also anonymously, uncached)
    post        one post by slug
    backlinks   /api/posts/{slug}/backlinks, /related
    graph       /api/graph (uncached: editor)

and prints median and p90 in ms per read, the growth ratio against the first size, and the
server's RSS (pass its pid). Usage:

    bench/growth.py BASE_URL TOKEN SERVER_PID 1000 10000 [100000]
    MEASURE_ONLY=1 bench/growth.py BASE_URL TOKEN SERVER_PID 20000   (reads only, on a seeded site)
"""
import json
import os
import random
import statistics
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

WORDS = ("consensus deadline leader election quorum replica timeout raft paxos log commit snapshot "
         "partition network latency clock drift lease heartbeat failure detector gossip vector "
         "ordering causal linearizable serializable isolation transaction index query planner "
         "cache eviction memory heap collector pause throughput backpressure queue stream").split()


def request(base, token, method, path, body=None):
    headers = {"Authorization": "Bearer " + token} if token else {}
    data = None
    if body is not None:
        headers["Content-Type"] = "application/json"
        data = json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method, headers=headers)
    start = time.perf_counter()
    with urllib.request.urlopen(req, timeout=120) as resp:
        payload = resp.read()
    return (time.perf_counter() - start) * 1000, payload


def markdown(rng, i, n_total):
    parts = []
    while sum(len(p) for p in parts) < rng.randint(3000, 10000):
        parts.append("## " + " ".join(rng.choice(WORDS) for _ in range(4)).title())
        parts.append(" ".join(rng.choice(WORDS) for _ in range(rng.randint(60, 140))) + ".")
        if rng.random() < 0.3:
            parts.append("```java\nvar x = " + str(rng.randint(0, 999)) + ";\n```")
    for _ in range(rng.randint(2, 6)):
        t = rng.randrange(max(n_total, 1))
        parts.insert(rng.randrange(len(parts)), f"See [post {t}](/blog/g-{t}).")
    return "\n\n".join(parts)


def seed(base, token, start, end, target_total):
    def create(i):
        rng = random.Random(i)
        body = {"title": " ".join(rng.choice(WORDS) for _ in range(5)).title() + f" {i}",
                "slug": f"g-{i}", "status": "published", "publishedAt": "2025-01-01T00:00:00Z",
                "markdown": markdown(rng, i, target_total), "category": f"c{i % 20}",
                "tags": [f"t{rng.randrange(500)}" for _ in range(3)]}
        request(base, token, "POST", "/api/posts", body)
    t0 = time.perf_counter()
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(create, range(start, end)))
    return (end - start) / (time.perf_counter() - t0)


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) // 1024
    return -1


def measure(base, token, n, rounds=15):
    rng = random.Random(n)
    times = {}

    def timed(name, path, as_editor=True):
        ms, payload = request(base, token if as_editor else None, "GET", path)
        times.setdefault(name, []).append(ms)
        return payload

    last_page = max(1, (n + 19) // 20)
    for r in range(rounds):
        # a write between rounds: nothing the database or the server kept answers twice
        request(base, token, "POST", "/api/posts", {"title": f"Between {n} {r}", "markdown": "x"})
        a, b = rng.sample(WORDS, 2)
        slug = f"g-{rng.randrange(n)}"
        timed("search", f"/api/posts?q={a}%20{b}")
        timed("search relevance", f"/api/posts?q={a}%20{b}&sort=relevance")
        timed("list page 1", "/api/posts")
        timed("list last page", f"/api/posts?page={last_page}")
        timed("tag", f"/api/posts?tag=t{rng.randrange(500)}")
        timed("post", f"/api/posts/{slug}")
        timed("backlinks", f"/api/posts/{slug}/backlinks")
        timed("related", f"/api/posts/{slug}/related")
        # anonymous, with a page size no earlier round asked for: the response cache cannot answer
        # (a draft write leaves what anonymous readers see, and so the cache, as it was)
        size = 30 + r
        timed("anonymous list page 1", f"/api/posts?size={size}", as_editor=False)
        timed("anonymous last page", f"/api/posts?size={size}&page={max(1, (n + size - 1) // size)}", as_editor=False)
        timed("anonymous tag", f"/api/posts?size={size}&tag=t{rng.randrange(500)}", as_editor=False)
        if r < 5:
            timed("graph", "/api/graph")
    return {k: (statistics.median(v), sorted(v)[int(len(v) * 0.9) - 1 if len(v) > 1 else 0]) for k, v in times.items()}


def main():
    base, token, pid = sys.argv[1].rstrip("/"), sys.argv[2], int(sys.argv[3])
    sizes = [int(s) for s in sys.argv[4:]] or [1000, 10000]
    for c in range(20):
        try:
            request(base, token, "POST", "/api/categories", {"name": f"c{c}"})
        except Exception:
            pass
    done, first = 0, None
    for n in sizes:
        # MEASURE_ONLY=1: the site already holds n posts (a server restarted on the same data)
        rate = 0 if os.environ.get("MEASURE_ONLY") else seed(base, token, done, n, sizes[-1])
        done = n
        result = measure(base, token, n)
        first = first or result
        print(f"\n## {n} posts (seeded at {rate:.0f} posts/s), server RSS {rss_mib(pid)} MiB")
        print("| read | median ms | p90 ms | growth |")
        print("|---|---|---|---|")
        for k, (med, p90) in result.items():
            print(f"| {k} | {med:.1f} | {p90:.1f} | {med / first[k][0]:.2f}x |")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
