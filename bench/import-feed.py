#!/usr/bin/env python3
"""Times one import of a generated feed of N items (default 1000, the import's item limit).

Usage: bench/import-feed.py BASE_URL ADMIN_TOKEN [N=1000]    (BODY_REPEAT=12: 5.5 KB items)
Each item carries about 1.5 KB of HTML (headings, paragraphs, a list, a code block, links), a
category and two tags, like the seed feed's posts. Prints the size, the answer and the time.
"""
import os
import sys
import time
import urllib.request

base, token = sys.argv[1], sys.argv[2]
n = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
run = str(int(time.time()))
body = ("<h2>Section</h2><p>Consensus protocols are mostly about <strong>when to stop waiting</strong>. "
        "A leader that hears nothing calls an election; see <a href=\"/blog/other\">the other post</a>.</p>"
        "<ul><li>a timeout is a guess</li><li>a guess can be wrong</li></ul>"
        "<pre><code class=\"language-python\">def elect():\n    return max(votes)\n</code></pre>") * int(os.environ.get("BODY_REPEAT", "3"))
items = []
for i in range(n):
    items.append(f"""<item><title>Imported {run} {i}</title><link>https://bench.example/blog/imp-{run}-{i}</link>
<guid>https://bench.example/blog/imp-{run}-{i}</guid><pubDate>Fri, 04 Apr 2025 10:00:00 GMT</pubDate>
<description>Post {i}.</description><category>Bench Imports</category><category>tag-{i % 10}</category>
<category>tag-{(i + 3) % 10}</category><content:encoded><![CDATA[{body}]]></content:encoded></item>""")
doc = ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
       '<channel><title>bench</title><link>https://bench.example/</link><description>d</description>'
       + "".join(items) + "</channel></rss>").encode()
req = urllib.request.Request(base + "/api/import/rss", data=doc, method="POST",
                             headers={"Authorization": "Bearer " + token, "Content-Type": "application/rss+xml"})
started = time.time()
with urllib.request.urlopen(req, timeout=600) as resp:
    answer = resp.read().decode()[:120]
print(f"{n} items, {len(doc) / 1024:.0f} KiB: {time.time() - started:.1f} s -> {answer}")
