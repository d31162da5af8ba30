#!/usr/bin/env python3
"""Writes WARC/1.0 files in the CC-NEWS layout (request + response pairs, one gzip member per
record), for tests and benchmarks that need many archives: `write_warc(path, pages)` with
pages = [(url, html_bytes, crawl_datetime)]. Deterministic (uuid5 record ids, gzip mtime 0).

Also a command: split the demo corpus (data/demo/pages, fictional) into N archives,
  tools/distributed/warcs.py demo OUT_DIR N
page i going to archive i mod N, so every archive holds several outlets and days.
Standard library only.
"""
import datetime as dt
import gzip
import json
import os
import re
import sys
import uuid

_NS = uuid.UUID("6b0a3c9e-3f56-4a55-9d0e-5f1d7c0a2b11")


def _record(headers, block):
    head = "WARC/1.0\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers)
    head += f"Content-Length: {len(block)}\r\n\r\n"
    return gzip.compress(head.encode("utf-8") + block + b"\r\n\r\n", compresslevel=6, mtime=0)


def _date(t):
    return t.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def write_warc(path, pages):
    name = os.path.basename(path)
    info_id = f"<urn:uuid:{uuid.uuid5(_NS, 'warcinfo|' + name)}>"
    out = [_record([("WARC-Type", "warcinfo"),
                    ("WARC-Date", _date(min((p[2] for p in pages), default=dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)))),
                    ("WARC-Record-ID", info_id), ("WARC-Filename", name),
                    ("Content-Type", "application/warc-fields")],
                   b"software: wirebrief tools/distributed/warcs.py\r\nformat: WARC File Format 1.0\r\n")]
    for url, body, when in pages:
        m = re.match(r"https?://([^/]+)(/.*)?$", url)
        host, target = (m.group(1), m.group(2) or "/") if m else ("example.invalid", "/")
        req_id = f"<urn:uuid:{uuid.uuid5(_NS, 'request|' + name + '|' + url)}>"
        resp_id = f"<urn:uuid:{uuid.uuid5(_NS, 'response|' + name + '|' + url)}>"
        req = f"GET {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode("ascii", "replace")
        out.append(_record([("WARC-Type", "request"), ("WARC-Date", _date(when)),
                            ("WARC-Record-ID", req_id), ("WARC-Warcinfo-ID", info_id),
                            ("WARC-Target-URI", url),
                            ("Content-Type", "application/http; msgtype=request")], req))
        resp = (f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {len(body)}\r\n\r\n"
                .encode("ascii") + body)
        out.append(_record([("WARC-Type", "response"), ("WARC-Date", _date(when)),
                            ("WARC-Record-ID", resp_id), ("WARC-Warcinfo-ID", info_id),
                            ("WARC-Concurrent-To", req_id), ("WARC-Target-URI", url),
                            ("Content-Type", "application/http; msgtype=response")], resp))
    with open(path, "wb") as f:
        f.write(b"".join(out))


def demo_pages(root):
    """(url, bytes, crawl time) of every page of the demo corpus, crawled an hour after it was
    published."""
    exp = json.load(open(os.path.join(root, "data", "demo", "expected.json"), encoding="utf-8"))
    pages = []
    for d in exp["documents"]:
        with open(os.path.join(root, "data", "demo", d["path"]), "rb") as f:
            body = f.read()
        when = dt.datetime.fromisoformat(d["date_published"]) + dt.timedelta(hours=1)
        pages.append((d["url"], body, when))
    return pages


def split_demo(root, out_dir, n):
    pages = demo_pages(root)
    os.makedirs(out_dir, exist_ok=True)
    paths = []
    for k in range(n):
        path = os.path.join(out_dir, f"demo-{k:02d}.warc.gz")
        write_warc(path, [p for i, p in enumerate(pages) if i % n == k])
        paths.append(path)
    return paths


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] != "demo":
        sys.exit(__doc__)
    root = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    for p in split_demo(root, sys.argv[2], int(sys.argv[3])):
        print(p)
