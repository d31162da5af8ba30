#!/usr/bin/env python3
"""Do stories that gained no article keep their id and members through a run? (issue 20)

  python3 bench/stories/id_stability.py [--bin build/wirebrief] [--kit ../shared/bench/clustering]
                                        [--set dev|ecbplus-dev|both] [--chunks 6] [--per-day 1]

Feeds a kit set to `wirebrief run` in successive runs into one store, with the records
run_path.py builds (headlines: {"url", "title", "date", "site_name"}, --per-day runs per day, each a slice of the day in
the file's order, as a feed poller stores them; ECB+: {"url", "text"}, in --chunks runs of the
file's order). After each run it takes every story
stored before the run that gained no article (the story its id names after the run, through
merged ids, holds no article it did not hold before) and checks that its id is still a live
story, and whether with exactly its former articles. Prints per run and in total: such stories,
how many kept their id, how many id and members, how the others changed (lost articles to
another story, gone), and apart from the figure the stories merged into another (their id
names a story that holds other articles). The bar (issue 20): at least 99% keep their id (exit
status 1 below it). The gold labels are not read.
"""
import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
from collections import defaultdict


def records(gold_path, mode):
    """The run_path.py records of a kit file, with each record's date ('' when undated)."""
    out = []
    for line in open(gold_path, encoding="utf-8"):
        d = json.loads(line)
        url = "https://%s.invalid/%s" % (
            (d.get("host") or d.get("source") or "example").replace(" ", "-").lower(), d["id"])
        if mode == "fulltext":
            rec = {"url": url, "text": d["text"]}
        else:
            rec = {"url": url, "title": d["title"]}
            if d.get("date"):
                rec["date"] = d["date"]
            if d.get("source"):
                rec["site_name"] = d["source"]
        out.append((d.get("date") or "", json.dumps(rec)))
    return out


def slices(lines, n):
    size = max(1, (len(lines) + n - 1) // n)
    return [lines[i:i + size] for i in range(0, len(lines), size)]


def batches(recs, mode, chunks, per_day):
    if mode == "headlines":
        by_day = defaultdict(list)
        for day, line in recs:
            by_day[day].append(line)
        return [s for d in sorted(by_day) for s in slices(by_day[d], per_day)]
    return slices([line for _, line in recs], chunks)


def snapshot(db):
    con = sqlite3.connect(db)
    members = defaultdict(set)
    for sid, aid in con.execute("SELECT story_id, article_id FROM story_articles"):
        members[sid].add(aid)
    articles = {aid for (aid,) in con.execute("SELECT id FROM articles")}
    aliases = dict(con.execute("SELECT old_id, survivor_id FROM story_aliases"))
    con.close()
    return members, articles, aliases


FAILURES = ("lost articles", "merged into a part of itself", "gone")


def resolve(sid, live, aliases):
    """The live story an id names after a run (through merged ids), or None."""
    for _ in range(64):
        if sid in live:
            return sid
        if sid not in aliases:
            return None
        sid = aliases[sid]
    return None


def run_set(bin_, name, gold, mode, chunks, per_day):
    runs = batches(records(gold, mode), mode, chunks, per_day)
    tmp = tempfile.mkdtemp()
    db = os.path.join(tmp, "stories.db")
    total = defaultdict(int)
    before, known, _ = {}, set(), {}
    print("%s: %d runs" % (name, len(runs)))
    for k, lines in enumerate(runs):
        path = os.path.join(tmp, "run%d.jsonl" % k)
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        p = subprocess.run([bin_, "run", "-q", "--db", db, path], capture_output=True, text=True)
        if p.returncode not in (0, 1):
            sys.exit("run %d failed (%d): %s" % (k, p.returncode, p.stderr.strip()[-400:]))
        after, articles, aliases = snapshot(db)
        new = articles - known
        c = defaultdict(int)
        for sid, m in before.items():
            at = resolve(sid, after, aliases)
            if at is not None and after[at] - m:
                # It gained an article, or its id now names a story that holds others.
                c["merged" if at != sid else "grew"] += 1
                continue
            c["untouched"] += 1
            if at == sid and after[sid] == m:
                c["kept"] += 1
            elif at == sid:
                c["lost articles"] += 1
            elif at is not None:
                c["merged into a part of itself"] += 1
            else:
                c["gone"] += 1
        for key, n in c.items():
            total[key] += n
        print("  run %d: %5d new articles, %5d stories before, %5d gained nothing, %5d kept id "
              "and members%s" % (k + 1, len(new), len(before), c["untouched"], c["kept"],
                                 "".join("; %d %s" % (c[x], x) for x in FAILURES if c[x])),
              flush=True)
        before, known = after, articles
    n = total["untouched"] or 1
    kept_id = total["kept"] + total["lost articles"]  # still a live story under its id
    print("%s: %d stories gained no article: %d kept their id (%.2f%%), %d id and members (%.2f%%)%s; "
          "%d stories merged into another"
          % (name, total["untouched"], kept_id, 100 * kept_id / n, total["kept"],
             100 * total["kept"] / n,
             "".join("; %d %s" % (total[x], x) for x in FAILURES if total[x]),
             total["merged"]))
    return kept_id / n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="build/wirebrief")
    ap.add_argument("--kit", default=os.environ.get("WB_CLUSTER_KIT", "../shared/bench/clustering"))
    ap.add_argument("--set", default="both", choices=["dev", "ecbplus-dev", "both"])
    ap.add_argument("--chunks", type=int, default=6, help="runs for the undated ECB+ set")
    ap.add_argument("--per-day", type=int, default=1, help="runs per day for the headline set")
    args = ap.parse_args()
    if not os.path.isdir(os.path.join(args.kit, "data")):
        print("id_stability.py: %s/data missing (set WB_CLUSTER_KIT or --kit); skipped" % args.kit)
        return 0
    sets = {"dev": "headlines", "ecbplus-dev": "fulltext"}
    names = list(sets) if args.set == "both" else [args.set]
    ok = True
    for name in names:
        share = run_set(args.bin, name, os.path.join(args.kit, "data", name + ".jsonl"), sets[name],
                        args.chunks, args.per_day)
        ok = ok and share >= 0.99
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
