#!/usr/bin/env python3
"""How much a dev score owes to the order of the file: BCubed F1 over shuffled copies.

  python3 bench/cluster/orders.py [--bin build/wirebrief] [--shuffles 16] [--seed 5000]
                                  [--set dev|ecbplus-dev|both] [-- EXTRA CLUSTER FLAGS]

Each kit file is in "a fixed pseudo-random order within a day" (kit README), and the held-out
split is in another such order. An online clusterer's labels depend on that order, so one
file's score is one draw: on ECB+ dev the file's order scored 0.939 while 20 shuffles of the
same documents gave 0.882-0.934 (mean 0.908) with the same settings. This script runs
`wirebrief cluster` on the file as it is and on N copies with each day's lines shuffled (days
stay in order; the seed makes the copies reproducible), scores each with the kit's score.py and
prints the file's score, the mean, min and max over the shuffles. Settings are compared by the
mean, which is what a held-out file in another order should expect.
"""
import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile


def score(kit, gold, pred):
    out = subprocess.run([sys.executable, os.path.join(kit, "score.py"), gold, pred],
                         capture_output=True, text=True, check=True).stdout
    return float(out.strip().splitlines()[-1].split()[1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="build/wirebrief")
    ap.add_argument("--kit", default=os.environ.get("WB_CLUSTER_KIT", "../shared/bench/clustering"))
    ap.add_argument("--shuffles", type=int, default=16)
    ap.add_argument("--seed", type=int, default=5000)
    ap.add_argument("--set", default="both", choices=["dev", "ecbplus-dev", "both"])
    ap.add_argument("extra", nargs="*", help="flags passed to `wirebrief cluster` (after --)")
    args = ap.parse_args()
    if not os.path.isdir(os.path.join(args.kit, "data")):
        sys.exit("orders.py: %s/data missing (set WB_CLUSTER_KIT or --kit)" % args.kit)
    sets = ["dev", "ecbplus-dev"] if args.set == "both" else [args.set]
    with tempfile.TemporaryDirectory() as tmp:
        for name in sets:
            gold = os.path.join(args.kit, "data", name + ".jsonl")
            rows = []
            for line in open(gold, encoding="utf-8"):
                row = json.loads(line)
                row.pop("cluster", None)  # what the system reads: never the label
                rows.append(row)
            scores = []
            for k in range(args.shuffles + 1):
                order = list(range(len(rows)))
                if k > 0:
                    rng = random.Random(args.seed + k)
                    key = {i: rng.random() for i in order}
                    order.sort(key=lambda i: (rows[i].get("date", ""), key[i]))
                path = os.path.join(tmp, "in.jsonl")
                with open(path, "w", encoding="utf-8") as f:
                    for i in order:
                        f.write(json.dumps(rows[i]) + "\n")
                pred = os.path.join(tmp, "pred.jsonl")
                with open(pred, "w", encoding="utf-8") as out:
                    subprocess.run([args.bin, "cluster", path] + args.extra,
                                   stdout=out, stderr=subprocess.DEVNULL, check=True)
                scores.append(score(args.kit, gold, pred))
            shuffled = scores[1:]
            print("%-12s file order %.3f | %d shuffles of each day: mean %.4f min %.3f max %.3f"
                  % (name, scores[0], len(shuffled), statistics.mean(shuffled), min(shuffled),
                     max(shuffled)) if shuffled else "%-12s file order %.3f" % (name, scores[0]),
                  flush=True)


if __name__ == "__main__":
    main()
