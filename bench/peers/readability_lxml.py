"""Peers from Debian: readability-lxml (python3-readability) with html-text (python3-html-text)
turning its summary HTML into text, and html-text alone (all visible text, the floor).
Reads every page first, then times parse + extraction; writes {"id","text"} lines and prints
"docs_per_s N" for each peer."""
import json, os, sys, time

import html_text
from readability import Document

list_file, out_prefix, id_from = sys.argv[1:4]
files = [l for l in open(list_file).read().split("\n") if l]
def page_id(f):
    return os.path.basename(os.path.dirname(f)) if id_from == "dir" else os.path.basename(f)[:-5]
pages = [(page_id(f), open(f, encoding="utf-8", errors="replace").read()) for f in files]

def run(name, fn):
    out, t0 = [], time.perf_counter()
    for pid, html in pages:
        try:
            text = fn(html)
        except Exception:
            text = ""
        out.append(json.dumps({"id": pid, "text": text}))
    secs = time.perf_counter() - t0
    with open(f"{out_prefix}.{name}.jsonl", "w") as f:
        f.write("\n".join(out) + "\n")
    print(f"{name} docs_per_s {len(pages) / secs:.1f}")

run("readability-lxml", lambda h: html_text.extract_text(Document(h).summary(html_partial=True)))
run("html-text", lambda h: html_text.extract_text(h))
