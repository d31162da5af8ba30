#!/usr/bin/env python3
"""WARC files for the scale-out bench (bench/scale_out.sh) from the extraction kit's pages:
its 109 dev pages and 130 Readability test pages (third-party pages: read from the kit at bench
time, never committed). Archive k holds PER pages, starting at page k*PER of the 239 and
wrapping around; each pass after the first gives the pages another URL (?copy=N), so every
record is its own article (the texts repeat, as syndicated copies do, in copy families).

  bench/make_bench_warcs.py KIT_DIR OUT_DIR N PER
"""
import datetime as dt
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools", "distributed"))
import warcs  # noqa: E402


def kit_pages(kit):
    data = os.path.join(kit, "data")
    pages = []
    for line in open(os.path.join(data, "dev.jsonl"), encoding="utf-8"):
        r = json.loads(line)
        pages.append((r["url"], os.path.join(data, "dev", r["id"] + ".html")))
    for line in open(os.path.join(data, "readability.jsonl"), encoding="utf-8"):
        r = json.loads(line)
        # Every Readability page says http://fakehost/test/page.html: one URL each instead.
        pages.append((f"http://fakehost/test/{r['id']}.html",
                      os.path.join(data, "readability", r["id"], "source.html")))
    return [(u, p) for u, p in pages if os.path.exists(p)]


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    kit, out, n, per = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    pages = kit_pages(kit)
    os.makedirs(out, exist_ok=True)
    base = dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc)
    for k in range(n):
        chosen = []
        for j in range(per):
            at = k * per + j
            i = at % len(pages)
            url, path = pages[i]
            if at >= len(pages):
                url += ("&" if "?" in url else "?") + f"copy={at // len(pages)}"
            with open(path, "rb") as f:
                chosen.append((url, f.read(), base + dt.timedelta(minutes=7 * i)))
        warcs.write_warc(os.path.join(out, f"bench-{k:03d}.warc.gz"), chosen)
    print(f"{n} archives of {per} pages from {len(pages)} kit pages in {out}")


if __name__ == "__main__":
    main()
