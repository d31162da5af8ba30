#!/usr/bin/env python3
"""One story across languages through `wirebrief run` (issue 27).

  python3 bench/stories/cross_language.py [--bin build/wirebrief] [--kit ../shared/bench/nlp]
                                          [--langs en,de,pt,sv,zh] [--seed 27] [--folds 3]
                                          [--min 0.85] [--keep DIR]

The nlp kit's dev sets hold the same 143 news snippets in English, German, Portuguese, Swedish
and Chinese, with one `id` across languages: the five versions of a document report one event.
Every version becomes a `{"url", "text"}` record, all of them shuffled with a fixed seed, the
url a digest of (language, id) so it carries no id or language hint. They go through `run`
(the product path, default settings) into a temporary store; the stories are read back with
`show --output-format jsonl`. The gold story of a document is its id (never passed on).

Prints BCubed P/R/F over all documents (a document not stored counts as its own story), the
number of stories, stored and dropped documents, the recall of each language pair (of the ids
present in both, the share whose two versions share a story), and F per fold: the ids, sorted,
dealt round-robin into --folds folds, each fold's documents run on their own through `run` into
a store of their own (so a setting must hold on each third of dev, not only on the whole).
Exit status 0 iff F >= --min and none dropped.
"""
import argparse
import hashlib
import itertools
import json
import os
import random
import subprocess
import sys
import tempfile
from collections import defaultdict


def bcubed(docs, pred, gold):
    """BCubed precision, recall and F over `docs` (clusters restricted to them)."""
    pc, gc = defaultdict(set), defaultdict(set)
    for d in docs:
        pc[pred[d]].add(d)
        gc[gold[d]].add(d)
    p = r = 0.0
    for d in docs:
        a, b = pc[pred[d]], gc[gold[d]]
        i = len(a & b)
        p += i / len(a)
        r += i / len(b)
    p /= len(docs)
    r /= len(docs)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def run_stories(bin_, recs, folder, name):
    """Runs `recs` through `run` into a new store; returns {url: story id}, None on failure."""
    inp, db = os.path.join(folder, name + ".jsonl"), os.path.join(folder, name + ".db")
    if os.path.exists(db):
        os.remove(db)
    with open(inp, "w", encoding="utf-8") as f:
        f.write("\n".join(recs) + "\n")
    p = subprocess.run([bin_, "run", "-q", "--db", db, inp], capture_output=True, text=True)
    if p.returncode not in (0, 1):
        print("run failed rc %d: %s" % (p.returncode, p.stderr.strip().splitlines()[-1:]))
        return None
    p = subprocess.run([bin_, "show", "--db", db, "--output-format", "jsonl", "--limit", "0"],
                       capture_output=True, text=True)
    if p.returncode != 0:
        print("show failed rc %d: %s" % (p.returncode, p.stderr.strip().splitlines()[-1:]))
        return None
    pred = {}
    for line in p.stdout.splitlines():
        s = json.loads(line)
        for a in s.get("articles", []):
            pred[a.get("url")] = s["id"]
    return pred


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default="build/wirebrief")
    ap.add_argument("--kit", default="../shared/bench/nlp")
    ap.add_argument("--langs", default="en,de,pt,sv,zh")
    ap.add_argument("--seed", type=int, default=27)
    ap.add_argument("--folds", type=int, default=3)
    ap.add_argument("--min", type=float, default=0.85)
    ap.add_argument("--keep", help="write the records and the store here instead of a temporary folder")
    args = ap.parse_args()

    langs = args.langs.split(",")
    gold, lang_of, recs = {}, {}, []
    for lang in langs:
        name = "uner-pud-news-dev.jsonl" if lang == "en" else "uner-pud-news-%s-dev.jsonl" % lang
        path = os.path.join(args.kit, "data", name)
        if not os.path.exists(path):
            print("cross_language: %s not found (the nlp kit, --kit); nothing measured" % path)
            return 2
        for line in open(path, encoding="utf-8"):
            d = json.loads(line)
            url = "https://news.invalid/a/" + hashlib.sha1(("%s/%s" % (lang, d["id"])).encode()).hexdigest()[:16]
            gold[url] = d["id"]
            lang_of[url] = lang
            recs.append(json.dumps({"url": url, "text": d["text"]}, ensure_ascii=False))
    random.Random(args.seed).shuffle(recs)

    tmp = args.keep or tempfile.mkdtemp(prefix="xlang-")
    os.makedirs(tmp, exist_ok=True)
    pred = run_stories(args.bin, recs, tmp, "run")
    if pred is None:
        return 1
    pred = {u: pred[u] for u in gold if u in pred}
    dropped = [u for u in gold if u not in pred]
    for u in dropped:
        pred[u] = "dropped:" + u
    stories = len(set(pred.values())) - len(dropped)

    docs = sorted(gold)
    P, R, F = bcubed(docs, pred, gold)
    print("cross-language stories via run (%s, %d documents, seed %d): BCubed F %.3f P %.3f R %.3f; "
          "stories %d; stored %d, dropped %d" % ("/".join(langs), len(docs), args.seed, F, P, R, stories,
                                                 len(docs) - len(dropped), len(dropped)))

    by_id = defaultdict(dict)
    for u in docs:
        by_id[gold[u]][lang_of[u]] = u
    cells = []
    for a, b in itertools.combinations(langs, 2):
        both = [v for v in by_id.values() if a in v and b in v]
        joined = sum(pred[v[a]] == pred[v[b]] for v in both)
        cells.append("%s-%s %.2f" % (a, b, joined / len(both) if both else 0.0))
    print("pair recall: " + ", ".join(cells))

    ids = sorted(by_id)
    figures = []
    for k in range(args.folds):
        fold = set(ids[k::args.folds])
        fold_recs = [r for r in recs if gold[json.loads(r)["url"]] in fold]
        fold_pred = run_stories(args.bin, fold_recs, tmp, "fold%d" % k)
        if fold_pred is None:
            return 1
        fold_docs = [u for u in docs if gold[u] in fold]
        for u in fold_docs:
            fold_pred.setdefault(u, "dropped:" + u)
        fp, fr, ff = bcubed(fold_docs, fold_pred, gold)
        figures.append("fold %d (%d ids) F %.3f P %.3f R %.3f" % (k, len(fold), ff, fp, fr))
    print("; ".join(figures))
    return 0 if F >= args.min and not dropped else 1


if __name__ == "__main__":
    sys.exit(main())
