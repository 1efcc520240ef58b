#!/usr/bin/env python3
"""Creates N published posts through the API, each linking to 5 others (some not created yet,
which is fine: links resolve when their target appears). Four client threads.

Usage: bench/seed_graph.py BASE_URL TOKEN [N]   (N defaults to 10000)
"""
import json
import sys
import urllib.request
from concurrent.futures import ThreadPoolExecutor


def main():
    base, token = sys.argv[1].rstrip("/"), sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 10000
    categories = ["graphs", "systems", "writing", "data", "craft"]
    headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}

    def post(path, body):
        req = urllib.request.Request(base + path, data=json.dumps(body).encode(), method="POST", headers=headers)
        with urllib.request.urlopen(req) as resp:
            return resp.status

    for c in categories:
        post("/api/categories", {"name": c})

    def create(i):
        targets = [(i * 7 + k * 131) % n for k in range(1, 6)]
        links = " ".join(f"[post {t}](/blog/node-{t})" for t in targets)
        return post("/api/posts", {
            "title": f"Node {i}", "slug": f"node-{i}", "status": "published",
            "publishedAt": "2025-01-01T00:00:00Z",
            "markdown": f"Post {i} of a generated graph. It links to {links}.\n\nSee also [the topic](/topics/{categories[i % 5]}).",
            "category": categories[i % 5], "tags": [f"t{i % 50}", f"u{i % 7}"],
        })

    with ThreadPoolExecutor(4) as pool:
        for done, _ in enumerate(pool.map(create, range(n)), 1):
            if done % 1000 == 0:
                print(f"{done} posts", flush=True)


if __name__ == "__main__":
    main()
