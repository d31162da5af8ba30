#!/usr/bin/env python3
"""Run wirebrief over many WARC files on a Dask distributed cluster (issue 23).

Map: one Dask task per WARC file runs `wirebrief process` on a worker and writes the file's
articles as compressed JSON lines into --out (a folder every worker and this driver can reach:
a shared file system, or one machine). A task whose process is killed or fails as a whole is
retried (--retries); its output appears whole or not at all (process writes FILE.part and
renames it), and the same input gives the same bytes, so a retry is harmless. Progress is on
the scheduler's dashboard (its address is printed) and, on a terminal, as a bar here.

Reduce: `wirebrief run --db DB OUT...` on this machine stores the lines in publication order
through the incremental story engine (SQLite file or postgresql://... URI).

Usage:
  dask scheduler &                      # or an existing cluster
  dask worker tcp://HOST:8786 &         # on each machine
  tools/distributed/wirebrief_dask.py --scheduler tcp://HOST:8786 --binary build/wirebrief \\
      --out /shared/processed --db news.db WARC... [-i WARC_LIST.txt]

WARC inputs are paths the workers can read, or http(s) URLs (a worker streams the archive into
`wirebrief process -`, and the provenance names the URL). The binary must exist at the same
path on every worker (install the package, or put it on the shared file system).
Exit status: 0 when every task succeeded and the reduce stored everything; 1 when some WARC
records or files failed (listed) but the rest was stored; 2 when a task failed after its
retries or the reduce failed.

Requires Debian's python3-distributed (dask.distributed 2022.12 or later).
"""
import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import urllib.request


def output_name(index, path):
    """The task's output file: stable for one input, distinct across inputs."""
    base = re.sub(r"[^A-Za-z0-9._-]", "_", os.path.basename(path.rstrip("/")))[:80] or "input"
    digest = hashlib.sha1(path.encode("utf-8")).hexdigest()[:10]
    return f"{index:06d}-{digest}-{base}.jsonl.zst"


def process_one(binary, path, out_path, jobs):
    """Runs `wirebrief process` on one WARC file (on a worker). Raises on a whole-task failure
    so Dask retries it; returns what the process said (exit 1: some records failed)."""
    cmd = [binary, "process", "-q", "-j", str(jobs), "-o", out_path]
    if re.match(r"https?://", path):
        cmd += ["--source-name", path, "-"]
        with urllib.request.urlopen(path, timeout=300) as resp:
            proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stderr=subprocess.PIPE)
            try:
                shutil.copyfileobj(resp, proc.stdin, 1 << 20)
            finally:
                proc.stdin.close()
            err = proc.stderr.read()
            rc = proc.wait()
    else:
        done = subprocess.run(cmd + [path], stderr=subprocess.PIPE)
        rc, err = done.returncode, done.stderr
    err = err.decode("utf-8", "replace")
    if rc not in (0, 1) or not os.path.exists(out_path):
        raise RuntimeError(f"wirebrief process {path}: exit status {rc}\n{err[-4000:]}")
    return {"path": path, "output": out_path, "status": rc, "stderr": err}


def read_list(files):
    out = []
    for f in files:
        with open(f, encoding="utf-8") as fh:
            for line in fh:
                line = line.strip()
                if line and not line.startswith("#"):
                    out.append(line)
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="*", help="WARC files (paths the workers can read) or URLs")
    ap.add_argument("-i", "--input-file", action="append", default=[],
                    help="file listing one WARC path or URL per line")
    where = ap.add_mutually_exclusive_group(required=True)
    where.add_argument("--scheduler", help="scheduler address, e.g. tcp://10.0.0.1:8786")
    where.add_argument("--scheduler-file", help="file `dask scheduler --scheduler-file` wrote")
    where.add_argument("--local", type=int, metavar="N",
                       help="start a local cluster of N single-threaded workers instead")
    ap.add_argument("--binary", default="wirebrief", help="wirebrief on the workers (default: from PATH)")
    ap.add_argument("--out", required=True, help="folder for the map outputs, shared by workers and driver")
    ap.add_argument("--db", help="store to reduce into (SQLite file or postgresql:// URI); "
                                 "without it only the map runs")
    ap.add_argument("--retries", type=int, default=3, help="retries of a failed task (default 3)")
    ap.add_argument("--task-jobs", type=int, default=1,
                    help="threads of each process task (default 1: one task per worker thread)")
    ap.add_argument("--reduce-jobs", type=int, default=0, help="-j of the reduce (default 0: all cores)")
    ap.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    args = ap.parse_args(argv)
    inputs = args.inputs + read_list(args.input_file)
    if not inputs:
        ap.error("give WARC files or -i LIST")
    binary = shutil.which(args.binary) or args.binary
    # Workers run elsewhere: relative paths would name other files there.
    inputs = [p if re.match(r"https?://", p) else os.path.abspath(p) for p in inputs]

    from distributed import Client, LocalCluster, progress, wait

    cluster = None
    if args.local:
        cluster = LocalCluster(n_workers=args.local, threads_per_worker=1, host="127.0.0.1",
                               dashboard_address=":0", processes=True)
        client = Client(cluster)
    elif args.scheduler_file:
        client = Client(scheduler_file=args.scheduler_file)
    else:
        client = Client(args.scheduler)
    try:
        print(f"wirebrief_dask: {len(inputs)} files on {len(client.scheduler_info()['workers'])} "
              f"workers; dashboard {client.dashboard_link}", file=sys.stderr)
        os.makedirs(args.out, exist_ok=True)
        out_dir = os.path.abspath(args.out)
        outputs = [os.path.join(out_dir, output_name(i, p)) for i, p in enumerate(inputs)]
        # One task per file; keys name the file, so the dashboard says which file is running.
        futures = [client.submit(process_one, binary, p, o, args.task_jobs, retries=args.retries,
                                 key=f"process-{os.path.basename(o)}", pure=False)
                   for p, o in zip(inputs, outputs)]
        if not args.quiet and sys.stderr.isatty():
            progress(futures)
        wait(futures)
        failed_tasks = 0
        partial = 0
        for p, f in zip(inputs, futures):
            if f.status != "finished":
                failed_tasks += 1
                print(f"wirebrief_dask: {p}: {f.exception()}", file=sys.stderr)
                continue
            r = f.result()
            if r["status"] != 0:
                partial += 1
                sys.stderr.write(r["stderr"])
    finally:
        client.close()
        if cluster:
            cluster.close()
    if failed_tasks:
        print(f"wirebrief_dask: {failed_tasks} of {len(inputs)} files failed after "
              f"{args.retries} retries; not reducing", file=sys.stderr)
        return 2
    print(f"wirebrief_dask: map done: {len(outputs)} files in {out_dir}"
          + (f" ({partial} with failed records)" if partial else ""), file=sys.stderr)
    if not args.db:
        return 1 if partial else 0
    cmd = [binary, "run", "-q", "-j", str(args.reduce_jobs), "--db", args.db] + outputs
    rc = subprocess.run(cmd).returncode
    if rc == 2:
        return 2
    return 1 if (rc or partial) else 0


if __name__ == "__main__":
    sys.exit(main())
