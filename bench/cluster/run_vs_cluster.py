#!/usr/bin/env python3
"""Does `wirebrief run` store the stories `wirebrief cluster` labels, on the same records?

  python3 bench/cluster/run_vs_cluster.py [--bin build/wirebrief] [--kit ../shared/bench/clustering]
                                          [--set dev|ecbplus-dev]

Stores the kit set with `run` as run_path.py builds its records (headlines: {"url":
"https://HOST.invalid/ID", "title", "date", "site_name"}; ECB+: {"url", "text"}), then writes
the stored articles back as a kit file (the ids, URLs, titles, texts, dates and outlets `run`
stored, in stored order) and labels it with `wirebrief cluster`. Prints how many documents sit
in the same story in both (the partitions, whatever the story ids), and the BCubed F1 of each,
of `cluster` on the kit file as it is, and of `cluster` on the kit file with run_path.py's
URLs in place of the real ones. Reads the gold labels only to score.
"""
import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
from collections import defaultdict


def bcubed(gold, pred):
    pc, gc = defaultdict(set), defaultdict(set)
    for i in gold:
        pc[pred.get(i, "missing:" + i)].add(i)
        gc[gold[i]].add(i)
    p = r = 0.0
    for i in gold:
        a, b = pc[pred.get(i, "missing:" + i)], gc[gold[i]]
        n = len(a & b)
        p += n / len(a)
        r += n / len(b)
    p, r = p / len(gold), r / len(gold)
    return 2 * p * r / (p + r)


def cluster(bin_, path):
    out = subprocess.run([bin_, "cluster", path], capture_output=True, text=True,
                         check=True).stdout
    return {d["id"]: str(d["cluster"]) for d in map(json.loads, out.splitlines())}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="build/wirebrief")
    ap.add_argument("--kit", default=os.environ.get("WB_CLUSTER_KIT", "../shared/bench/clustering"))
    ap.add_argument("--set", default="dev", choices=["dev", "ecbplus-dev"])
    args = ap.parse_args()
    gold_path = os.path.join(args.kit, "data", args.set + ".jsonl")
    if not os.path.exists(gold_path):
        print("run_vs_cluster.py: %s missing; skipped" % gold_path)
        return 0
    tmp = tempfile.mkdtemp()
    rows = [json.loads(line) for line in open(gold_path, encoding="utf-8")]
    gold, kit_id_of_url = {}, {}
    with open(os.path.join(tmp, "run.jsonl"), "w") as run_in, \
            open(os.path.join(tmp, "runurl.jsonl"), "w") as runurl:
        for d in rows:
            gold[d["id"]] = d.pop("cluster")
            url = "https://%s.invalid/%s" % (
                (d.get("host") or d.get("source") or "example").replace(" ", "-").lower(), d["id"])
            kit_id_of_url[url] = d["id"]
            if args.set == "dev":
                rec = {"url": url, "title": d["title"]}
                if d.get("date"):
                    rec["date"] = d["date"]
                if d.get("source"):
                    rec["site_name"] = d["source"]
            else:
                rec = {"url": url, "text": d["text"]}
            run_in.write(json.dumps(rec) + "\n")
            runurl.write(json.dumps(dict(d, url=url, host=url.split("/")[2])) + "\n")
    db = os.path.join(tmp, "run.db")
    subprocess.run([args.bin, "run", "-q", "--db", db, os.path.join(tmp, "run.jsonl")],
                   capture_output=True, check=False)
    con = sqlite3.connect(db)
    stored = con.execute("SELECT id, url, title, text, date_published, site_name, host FROM articles "
                         "ORDER BY rowid").fetchall()
    by_run = dict(con.execute("SELECT article_id, story_id FROM story_articles"))
    con.close()
    kit_of_article = {aid: kit_id_of_url.get(url, url) for aid, url, *_ in stored}
    with open(os.path.join(tmp, "stored.jsonl"), "w") as f:
        for aid, url, title, text, date, site, host in stored:
            f.write(json.dumps({"id": aid, "date": date, "title": title, "text": text,
                                "source": site, "host": host, "url": url}) + "\n")
    by_cluster = cluster(args.bin, os.path.join(tmp, "stored.jsonl"))
    groups = defaultdict(lambda: (set(), set()))
    for aid in by_run:
        groups[by_run[aid]][0].add(aid)
    other = defaultdict(set)
    for aid, label in by_cluster.items():
        other[label].add(aid)
    same = sum(1 for aid in by_run if aid in by_cluster and other[by_cluster[aid]] == groups[by_run[aid]][0])
    print("%s: %d of %d documents in the same story through `run` and through `cluster` on the "
          "records `run` stored" % (args.set, same, len(gold)))
    as_kit = lambda pred: {kit_of_article[a]: s for a, s in pred.items()}
    print("BCubed F1: run %.4f | cluster on the stored records %.4f | cluster on the kit file %.4f | "
          "cluster on the kit file with run_path.py's URLs %.4f" % (
              bcubed(gold, as_kit(by_run)), bcubed(gold, as_kit(by_cluster)),
              bcubed(gold, cluster(args.bin, gold_path)),
              bcubed(gold, cluster(args.bin, os.path.join(tmp, "runurl.jsonl")))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
