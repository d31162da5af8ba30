#!/usr/bin/env python3
"""What adding 50 articles costs as the store grows (issue 20): `wirebrief run` time and peak RSS.

  python3 bench/stories/incremental_cost.py [--bin build/wirebrief] [--sizes 2000,20000,200000,1000000]
        [--per-day 200] [--batch 20000] [--add 50] [--repeats 3] [--work DIR] [--keep]

Builds one store from bench/stories/make_stream.py's synthetic fictional articles (--per-day a
day, 15% headline-only), by `wirebrief run` over batches of --batch articles in stream order,
as a user's runs would, and copies it aside at each size. Each size ends at a day's end, so the
measured articles (of the next day) meet the same kind of open window whatever the store holds.
Each store is opened once by the measured binary (`db migrate`), so a schema migration is not
timed. Then, --repeats times, for each size in turn: a fresh copy of its store, and `wirebrief
run` storing, clustering and briefing --add articles of the next day (repeat r takes the r-th
--add of them: which stories a handful of articles reach varies): wall seconds, CPU seconds and
peak RSS (/usr/bin/time). Prints the medians and their ratios to the smallest size, measured in
the same session (the machine is shared and noisy), how long the build took, and a Markdown
table. Issue 20's bar: the 20,000 case within 1.5x of the 2,000 case, and flat up to 1,000,000.
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
    """`wirebrief run` on `path`: (wall seconds, peak RSS in MB, CPU seconds), measured by
    /usr/bin/time around the child (a child forked from this script would count the script's
    pages in its own peak until it execs)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as out:
        p = subprocess.run(["/usr/bin/time", "-o", out.name, "-f", "%e %M %U %S", bin_, "run", "-q",
                            "--db", db, path], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           text=True)
        fields = out.read().split()
    if p.returncode not in (0, 1) or len(fields) < 4:
        sys.exit("wirebrief run failed (%d) on %s: %s" % (p.returncode, path, p.stderr.strip()[-400:]))
    wall, kib, user, system = (float(x) for x in fields[-4:])
    return wall, kib / 1024.0, user + system


def settle(db):
    """Folds the WAL into the database file, so the file alone is the store."""
    con = sqlite3.connect(db)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="build/wirebrief")
    ap.add_argument("--sizes", default="2000,20000,200000,1000000")
    ap.add_argument("--per-day", type=int, default=200)
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
    total = sizes[-1] + args.per_day  # and the day after, for the measured articles
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
                    secs, rss, _ = run(bin_, db, part)
                    done += take
                    print("  built %d articles (%.0f s for the last %d, peak %.0f MB; %.0f s so far)"
                          % (done, secs, take, rss, time.monotonic() - t), flush=True)
                settle(db)
                shutil.copyfile(db, stores[n])
        print("build: %d articles in %.0f s (%.1f min)" % (done, time.monotonic() - t,
                                                            (time.monotonic() - t) / 60), flush=True)
    if args.repeats <= 0:
        return
    # Repeat r adds the r-th --add articles of the next day: which stories a handful of
    # articles reach varies, so each size is measured over several of them.
    if args.add * args.repeats > args.per_day:
        sys.exit("--add x --repeats must fit in one day (--per-day)")
    add = os.path.join(work, "add_%d_%d.jsonl")
    wanted = {n + r * args.add + i: (n, r) for n in sizes for r in range(args.repeats)
              for i in range(args.add)}
    outs = {key: open(add % key, "w") for key in set(wanted.values())}
    with open(stream) as src:
        for i, line in enumerate(src):
            if i in wanted:
                outs[wanted[i]].write(line)
    for f in outs.values():
        f.close()

    # Each store is opened once by the measured binary first (`db migrate`), so a schema
    # migration is not timed as part of adding articles.
    ready = {n: os.path.join(work, "ready_%d.db" % n) for n in sizes}
    for n in sizes:
        shutil.copyfile(stores[n], ready[n])
        subprocess.run([bin_, "db", "migrate", "--db", ready[n]], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        settle(ready[n])
    results = {n: [] for n in sizes}
    scratch = os.path.join(work, "scratch.db")
    for r in range(args.repeats):
        for n in sizes:
            for f in (scratch, scratch + "-wal", scratch + "-shm"):
                if os.path.exists(f):
                    os.remove(f)
            shutil.copyfile(ready[n], scratch)
            # On disk before the clock starts: the run's first fsync would otherwise write back
            # the whole fresh copy, a cost that grows with the store but is the bench's, not the
            # run's.
            with open(scratch, "rb+") as f:
                os.fsync(f.fileno())
            secs, rss, cpu = run(bin_, scratch, add % (n, r))
            results[n].append((secs, rss, cpu))
            print("  repeat %d, store %d: %.2f s (CPU %.2f s), peak %.1f MB" % (r + 1, n, secs, cpu, rss),
                  flush=True)
    base = sizes[0]
    med = {n: [statistics.median(x[k] for x in results[n]) for k in range(3)] for n in sizes}
    print("\n| store (articles) | seconds, median of %d (each) | CPU seconds | peak RSS MB "
          "| time ratio to %s | CPU ratio | RSS ratio |" % (args.repeats, "{:,}".format(base)))
    print("|---|---|---|---|---|---|---|")
    for n in sizes:
        secs, rss, cpu = med[n]
        print("| %s | %.2f (%s) | %.2f | %.1f | %.2f | %.2f | %.2f |" % (
            "{:,}".format(n), secs, " ".join("%.2f" % x[0] for x in results[n]), cpu, rss,
            secs / med[base][0], cpu / med[base][2], rss / med[base][1]))
    for n in sizes:
        os.remove(ready[n])
    if not args.keep and not args.work:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
