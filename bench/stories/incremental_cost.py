#!/usr/bin/env python3
"""What adding 50 articles costs as the store grows (issue 20): `wirebrief run` time and peak RSS.

  python3 bench/stories/incremental_cost.py [--bin build/wirebrief] [--sizes 2000,20000,200000,1000000]
        [--per-day 1000] [--batch 20000] [--add 50] [--repeats 3] [--work DIR] [--keep]

Builds one store from bench/stories/make_stream.py's synthetic fictional articles (--per-day a
day, 15% headline-only), by `wirebrief run` over batches of --batch articles in stream order,
as a user's runs would, and copies it aside at each size. Each size ends at a day's end, so the
next articles (the --add measured ones, the next day's first) meet the same kind of open window
whatever the store holds. Then, --repeats times, for each size in turn: a fresh copy of its
store, and `wirebrief run` storing, clustering and briefing the next --add articles of the
stream: wall seconds and the child's peak RSS (getrusage). Prints the medians, the ratio to
the smallest size measured in the same session (the machine is shared and noisy), how long the
build took, and a Markdown table. Issue 20's bar: the 20,000 case within 1.5x of the 2,000
case, and flat up to 1,000,000.
"""
import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def run(bin_, db, path):
    """`wirebrief run` on `path`: (wall seconds, peak RSS in MB)."""
    start = time.monotonic()
    p = subprocess.Popen([bin_, "run", "-q", "--db", db, path], stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    secs = time.monotonic() - start
    err = p.stderr.read().decode(errors="replace")
    p.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit("wirebrief run failed (%d) on %s: %s" % (code, path, err.strip()[-400:]))
    return secs, usage.ru_maxrss / 1024.0


def settle(db):
    """Folds the WAL into the database file, so the file alone is the store."""
    con = sqlite3.connect(db)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="build/wirebrief")
    ap.add_argument("--sizes", default="2000,20000,200000,1000000")
    ap.add_argument("--per-day", type=int, default=1000)
    ap.add_argument("--batch", type=int, default=20000)
    ap.add_argument("--add", type=int, default=50)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--work", help="directory for the stream and stores (default: a temp dir)")
    ap.add_argument("--keep", action="store_true", help="keep --work's stores and reuse them")
    args = ap.parse_args()
    bin_ = os.path.abspath(args.bin)
    sizes = sorted(int(x) for x in args.sizes.split(","))
    if any(n % args.per_day for n in sizes):
        sys.exit("every size must be a multiple of --per-day (a store ends at a day's end)")
    work = args.work or tempfile.mkdtemp(prefix="wb_incremental_")
    os.makedirs(work, exist_ok=True)
    stream = os.path.join(work, "stream.jsonl")
    total = sizes[-1] + args.add
    stores = {n: os.path.join(work, "store_%d.db" % n) for n in sizes}

    if not (args.keep and all(os.path.exists(s) for s in stores.values())
            and os.path.exists(stream)):
        t = time.monotonic()
        with open(stream, "w") as out:
            subprocess.run([sys.executable, os.path.join(HERE, "make_stream.py"), "--articles",
                            str(total), "--per-day", str(args.per_day), "--seed", str(args.seed)],
                           stdout=out, check=True)
        print("stream: %d articles in %.0f s" % (total, time.monotonic() - t), flush=True)
        db = os.path.join(work, "building.db")
        for f in (db, db + "-wal", db + "-shm"):
            if os.path.exists(f):
                os.remove(f)
        t = time.monotonic()
        done = 0
        with open(stream) as src:
            for n in sizes:
                while done < n:
                    take = min(args.batch, n - done)
                    part = os.path.join(work, "part.jsonl")
                    with open(part, "w") as out:
                        for _ in range(take):
                            out.write(src.readline())
                    secs, rss = run(bin_, db, part)
                    done += take
                    print("  built %d articles (%.0f s for the last %d, peak %.0f MB; %.0f s so far)"
                          % (done, secs, take, rss, time.monotonic() - t), flush=True)
                settle(db)
                shutil.copyfile(db, stores[n])
        print("build: %d articles in %.0f s (%.1f min)" % (done, time.monotonic() - t,
                                                            (time.monotonic() - t) / 60), flush=True)
    if args.repeats <= 0:
        return
    add = os.path.join(work, "add_%d.jsonl")
    with open(stream) as src:
        lines = src.readlines()
    for n in sizes:
        with open(add % n, "w") as out:
            out.writelines(lines[n:n + args.add])
    del lines

    results = {n: [] for n in sizes}
    scratch = os.path.join(work, "scratch.db")
    for r in range(args.repeats):
        for n in sizes:
            for f in (scratch, scratch + "-wal", scratch + "-shm"):
                if os.path.exists(f):
                    os.remove(f)
            shutil.copyfile(stores[n], scratch)
            secs, rss = run(bin_, scratch, add % n)
            results[n].append((secs, rss))
            print("  repeat %d, store %d: %.2f s, peak %.1f MB" % (r + 1, n, secs, rss), flush=True)
    base = sizes[0]
    med = {n: (statistics.median(s for s, _ in results[n]), statistics.median(m for _, m in results[n]))
           for n in sizes}
    print("\n| store (articles) | seconds (median of %d) | peak RSS MB | time ratio to %s | RSS ratio |"
          % (args.repeats, "{:,}".format(base)))
    print("|---|---|---|---|---|")
    for n in sizes:
        s, m = med[n]
        print("| %s | %.2f (%s) | %.1f | %.2f | %.2f |" % (
            "{:,}".format(n), s, " ".join("%.2f" % x for x, _ in results[n]), m,
            s / med[base][0], m / med[base][1]))
    if not args.keep and not args.work:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
