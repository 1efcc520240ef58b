#!/usr/bin/env python3
"""Loads N published posts into a running Crosslink: the seed feed's four bodies, repeated.

Usage: bench/seed.py BASE_URL TOKEN [N]   (N defaults to 1000)
The seed's bodies are HTML; Markdown passes HTML blocks through, so they go in as the Markdown
and come out rendered and sanitized like any other post.
"""
import json
import sys
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"


def main():
    base, token = sys.argv[1].rstrip("/"), sys.argv[2]
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
    seed = Path(__file__).resolve().parent.parent / "src/test/resources/seed-feed.xml"
    items = ET.parse(seed).getroot().find("channel").findall("item")

    def call(method, path, body):
        req = urllib.request.Request(base + path, data=json.dumps(body).encode(), method=method,
                                     headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
        with urllib.request.urlopen(req) as resp:
            return json.load(resp)

    categories = {}
    for item in items:
        name = item.findall("category")[0].text
        if name not in categories:
            try:
                categories[name] = call("POST", "/api/categories", {"name": name})["slug"]
            except urllib.error.HTTPError as e:
                sys.exit(f"creating category {name}: {e.code} {e.read().decode()}")
    for i in range(count):
        item = items[i % len(items)]
        cats = [c.text for c in item.findall("category")]
        call("POST", "/api/posts", {
            "title": f"{item.find('title').text} #{i + 1}",
            "markdown": item.find(CONTENT).text,
            "excerpt": item.find("description").text,
            "status": "published",
            "publishedAt": f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}T{i % 24:02d}:00:00Z",
            "author": "Jocta Torres",
            "category": categories[cats[0]],
            "tags": cats[1:],
        })
    print(f"loaded {count} posts")


if __name__ == "__main__":
    main()
