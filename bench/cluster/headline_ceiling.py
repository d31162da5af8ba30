#!/usr/bin/env python3
"""How far title-only features can go on the kit's headline set, and where our errors are.

  python3 bench/cluster/headline_ceiling.py PRED.jsonl [--kit ../shared/bench/clustering]

PRED.jsonl is `wirebrief cluster` output on data/dev.jsonl. Prints:
  1. PRED's BCubed F1 / precision / recall.
  2. An oracle that knows the gold stories: every headline goes to the same-day gold story
     whose centroid (without the headline itself) it scores best with, by the score
     `wirebrief cluster` uses for headlines (centroid cosine x (1 + 0.5 ln size)). Its F1 is
     what perfect story centroids would give with these features; the gap between it and 1 is
     what the features cannot tell apart.
  3. PRED's precision loss split by how similar the gold stories it merged are (cosine of
     their gold centroids): low cosine = different events merged; high = sibling story ids of
     one event, which titles cannot separate.
The features approximate src/cluster/detail/terms.cc (title words x2, capitalised words
inside a sentence x2 more, figures x2, URL slug words x1, plural folding, the same stop
words), with the idf of the day. Analysis only: it reads the gold labels, nothing in
wirebrief does.
"""
import argparse
import collections
import json
import math
import re

STOP = set("""a about above after again against all also am an and any are as at be became because
been before being below between both but by can could did do does doing down during each few for
from further had has have having he her here hers him his how i if in into is it its itself just
me more most my no nor not now of off on once only or other our out over own same she should so
some such than that the their them then there these they this those through to too under until up
very was we were what when where which while who whom why will with would you your said says say
told according via amid new news report reports update inc ltd html htm php aspx index www""".split())
WORD = re.compile(r"[A-Za-z0-9\u0080-\uffff]+(?:[.,][0-9]+)*|[.!?:|]")


def fold(w):
    if w[0].isdigit():
        return w.replace(",", "")
    w = w.lower()
    if len(w) <= 3 or not w.endswith("s") or w.endswith(("ss", "us", "is")):
        return w
    return w[:-3] + "y" if w.endswith("ies") and len(w) > 4 else w[:-1]


def bag(row):
    out = collections.Counter()
    title = re.sub(r"['’]s\b", "", row["title"])
    words = [m.group(0) for m in WORD.finditer(title) if m.group(0)[0].isalpha()]
    title_case = len(words) >= 3 and sum(w[0].isupper() for w in words) * 10 >= len(words) * 6
    start = True
    for m in WORD.finditer(title):
        tok = m.group(0)
        if tok in ".!?:|":
            start = True
            continue
        term = fold(tok)
        if len(term) >= 2 and term not in STOP:
            capital = tok[0].isupper() and not start and not title_case
            out[term] += 4.0 if tok[0].isdigit() or capital else 2.0
        start = False
    url = row.get("url", "")
    path = url[url.find("/", url.find("://") + 3):] if "://" in url else ""
    for tok in re.findall(r"[A-Za-z\u0080-\uffff]+", path[:512])[:40]:
        term = fold(tok)
        if 2 <= len(term) < 25 and term not in STOP:
            out[term] += 1.0
    return out


def unit_vectors(rows):
    bags = [bag(r) for r in rows]
    df = collections.Counter(k for b in bags for k in b)
    n = len(rows)
    vecs = []
    for b in bags:
        v = {k: (1 + math.log(max(1.0, w))) * (math.log((n + 1) / (df[k] + 1)) + 1) for k, w in b.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vecs.append({k: x / norm for k, x in v.items()})
    return vecs


def bcubed(gold, pred):
    members_p, members_g = collections.defaultdict(set), collections.defaultdict(set)
    for i in gold:
        members_p[pred.get(i, "missing:" + i)].add(i)
        members_g[gold[i]].add(i)
    p = r = 0.0
    for i in gold:
        a, b = members_p[pred.get(i, "missing:" + i)], members_g[gold[i]]
        p += len(a & b) / len(a)
        r += len(a & b) / len(b)
    p, r = p / len(gold), r / len(gold)
    return 2 * p * r / (p + r), p, r


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pred")
    ap.add_argument("--kit", default="../shared/bench/clustering")
    ap.add_argument("--prior", type=float, default=0.5)
    args = ap.parse_args()
    rows = [json.loads(l) for l in open(args.kit + "/data/dev.jsonl", encoding="utf-8")]
    gold = {r["id"]: r["cluster"] for r in rows}
    pred = {o["id"]: o["cluster"] for o in map(json.loads, open(args.pred, encoding="utf-8"))}
    print("prediction      F1 %.3f precision %.3f recall %.3f" % bcubed(gold, pred))

    days = collections.defaultdict(list)
    for r in rows:
        days[r["date"]].append(r)
    oracle, centroid = {}, {}
    for day_rows in days.values():
        vecs = unit_vectors(day_rows)
        sums, size = collections.defaultdict(lambda: collections.defaultdict(float)), collections.Counter()
        for r, v in zip(day_rows, vecs):
            size[r["cluster"]] += 1
            for k, x in v.items():
                sums[r["cluster"]][k] += x
        sq = {g: sum(x * x for x in s.values()) for g, s in sums.items()}
        for g, s in sums.items():
            centroid[g] = {k: x / math.sqrt(sq[g]) for k, x in s.items()}
        postings = collections.defaultdict(list)
        for g, s in sums.items():
            for k, x in s.items():
                postings[k].append((g, x))
        for r, v in zip(day_rows, vecs):
            dots = collections.defaultdict(float)
            for k, x in v.items():
                for g, y in postings[k]:
                    dots[g] += x * y
            best, best_score = r["id"], 0.1
            for g, dot in dots.items():
                n, s2 = size[g], sq[g]
                if g == r["cluster"]:  # leave the headline out of its own story
                    dot, s2, n = dot - 1, s2 - 2 * (dot - 1) - 1, n - 1
                    if n == 0:
                        continue
                score = dot / math.sqrt(max(s2, 1e-12)) * (1 + args.prior * math.log(n))
                if score > best_score:
                    best, best_score = g, score
            oracle[r["id"]] = best
    print("oracle          F1 %.3f precision %.3f recall %.3f" % bcubed(gold, oracle)
          + "  (nearest gold centroid, same features)")

    by_pred = collections.defaultdict(list)
    for i, c in pred.items():
        if i in gold:
            by_pred[c].append(gold[i])
    loss = collections.Counter()
    for stories in by_pred.values():
        count = collections.Counter(stories)
        for g1, n1 in count.items():
            for g2, n2 in count.items():
                if g1 != g2:
                    a, b = sorted((centroid[g1], centroid[g2]), key=len)
                    cos = sum(x * b.get(k, 0.0) for k, x in a.items())
                    loss[min(int(cos * 10), 9)] += n1 * n2 / len(stories) / len(gold)
    print("precision lost by merging gold stories whose centroids have cosine:")
    for b in range(10):
        print("  %.1f-%.1f  %.3f" % (b / 10, b / 10 + 0.1, loss[b]))
    print("  total    %.3f" % sum(loss.values()))


if __name__ == "__main__":
    main()
