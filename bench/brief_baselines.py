#!/usr/bin/env python3
"""Extractive baselines for the brief kit's stories, written for bench/run_brief_bench.sh.

The kit's README names its runner (anchors/brief/baselines.py) but does not ship it, so these
are our own implementations of the systems its table lists: lead (article 0 up to the word
budget), a TF-IDF centroid with a redundancy filter, and TextRank (cosine sentence graph,
PageRank). Tokens are the kit scorer's content tokens (imported from score.py, not copied), so
similarity and scoring see the same words. Each output sentence cites itself.

usage: brief_baselines.py --kit ../shared/bench/brief --data STORIES.jsonl --out DIR
writes DIR/lead.jsonl, DIR/centroid.jsonl, DIR/textrank.jsonl
"""
import argparse, json, math, os, sys
from collections import Counter

BUDGET = 250        # words, whitespace-counted like the scorer
REDUNDANT_AT = 0.5  # cosine to an already chosen sentence above which a sentence is skipped


def vectors(sents, content_tokens):
    """TF-IDF vectors with sentences as documents (the story is the collection)."""
    toks = [Counter(content_tokens(s)) for s in sents]
    df = Counter(t for c in toks for t in c)
    n = len(sents)
    vecs = []
    for c in toks:
        v = {t: tf * math.log((1 + n) / (1 + df[t])) + 0.0 for t, tf in c.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vecs.append({t: x / norm for t, x in v.items()})
    return vecs


def cos(a, b):
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(t, 0.0) for t, x in a.items())


def pick(order, sents, vecs, redundancy=True):
    chosen, words = [], 0
    for i in order:
        w = len(sents[i][2].split())
        if w < 4 or words + w > BUDGET:
            continue
        if redundancy and any(cos(vecs[i], vecs[j]) > REDUNDANT_AT for j in chosen):
            continue
        chosen.append(i)
        words += w
    return chosen


def pagerank(vecs, d=0.85, iters=30):
    n = len(vecs)
    w = [[cos(vecs[i], vecs[j]) if i != j else 0.0 for j in range(n)] for i in range(n)]
    out = [sum(r) or 1.0 for r in w]
    r = [1.0 / n] * n
    for _ in range(iters):
        r = [(1 - d) / n + d * sum(w[j][i] * r[j] / out[j] for j in range(n)) for i in range(n)]
    return r


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kit", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    sys.path.insert(0, a.kit)
    from score import content_tokens  # the kit's scorer, Python stdlib only

    outs = {name: open(os.path.join(a.out, name + ".jsonl"), "w") for name in ("lead", "centroid", "textrank")}
    for line in open(a.data, encoding="utf-8"):
        st = json.loads(line)
        sents = [(art["idx"], k, s) for art in st["articles"] for k, s in enumerate(art["sentences"])]
        if not sents:
            for f in outs.values():
                f.write(json.dumps({"id": st["id"], "sentences": []}) + "\n")
            continue
        vecs = vectors([s for _, _, s in sents], content_tokens)
        first = st["articles"][0]["idx"] if st["articles"] else None
        lead = pick([i for i, s in enumerate(sents) if s[0] == first], sents, vecs, redundancy=False)
        centroid = Counter()
        for v in vecs:
            centroid.update(v)
        by_centroid = sorted(range(len(sents)), key=lambda i: -cos(vecs[i], centroid))
        rank = pagerank(vecs)
        by_rank = sorted(range(len(sents)), key=lambda i: -rank[i])
        for name, chosen in (("lead", lead), ("centroid", pick(by_centroid, sents, vecs)),
                             ("textrank", pick(by_rank, sents, vecs))):
            outs[name].write(json.dumps({"id": st["id"], "sentences": [
                {"text": sents[i][2], "cites": [[sents[i][0], sents[i][1]]]} for i in chosen]}) + "\n")
    for f in outs.values():
        f.close()


if __name__ == "__main__":
    main()
