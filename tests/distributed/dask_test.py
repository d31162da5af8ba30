#!/usr/bin/env python3
"""The Dask driver end to end (issue 23): a real `dask scheduler` and two workers on 127.0.0.1,
tools/distributed/wirebrief_dask.py mapping `wirebrief process` over WARC files built from the
demo corpus, then reducing into a SQLite store, which must equal a single-process `wirebrief
run` on the same files (compare_stores.py). Also: a WARC that cannot be read fails its task
without stopping the others. Usage: dask_test.py WIREBRIEF_BINARY (tests/distributed/run.sh).
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tools", "distributed"))
import compare_stores  # noqa: E402
import warcs  # noqa: E402

try:
    from distributed import Client
except ImportError:
    print("SKIP: python3-distributed is not installed")
    sys.exit(77)


def wait_for(what, check, seconds=90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.2)
    raise SystemExit(f"FAIL: timed out waiting for {what}")


def main():
    binary = os.path.abspath(sys.argv[1])
    tmp = tempfile.mkdtemp(prefix="wb-dask-")
    procs = []
    try:
        archives = warcs.split_demo(ROOT, os.path.join(tmp, "warc"), 4)
        sched_file = os.path.join(tmp, "scheduler.json")
        log = open(os.path.join(tmp, "dask.log"), "wb")
        procs.append(subprocess.Popen(
            [sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1",
             "--port", "0", "--dashboard-address", "127.0.0.1:0", "--scheduler-file", sched_file],
            stdout=log, stderr=log, cwd=tmp))
        wait_for("the scheduler", lambda: os.path.exists(sched_file))
        for n in range(2):
            procs.append(subprocess.Popen(
                [sys.executable, "-m", "distributed.cli.dask_worker", "--scheduler-file", sched_file,
                 "--host", "127.0.0.1", "--nthreads", "1", "--no-dashboard", "--name", f"w{n}",
                 "--local-directory", os.path.join(tmp, f"w{n}")],
                stdout=log, stderr=log, cwd=tmp))
        with Client(scheduler_file=sched_file, timeout=60) as client:
            client.wait_for_workers(2, timeout=90)
            assert len(client.scheduler_info()["workers"]) == 2

        driver = [sys.executable, os.path.join(ROOT, "tools", "distributed", "wirebrief_dask.py"),
                  "--scheduler-file", sched_file, "--binary", binary, "-q"]
        dask_db = os.path.join(tmp, "dask.db")
        out = os.path.join(tmp, "processed")
        # Given in reverse: the reduce must not depend on the order of the files.
        done = subprocess.run(driver + ["--out", out, "--db", dask_db] + archives[::-1],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        print(done.stdout.decode(errors="replace"))
        assert done.returncode == 0, f"driver exit status {done.returncode}"
        outputs = sorted(os.listdir(out))
        assert len(outputs) == len(archives), outputs
        assert all(o.endswith(".jsonl.zst") for o in outputs), outputs

        one_db = os.path.join(tmp, "one.db")
        ref = subprocess.run([binary, "run", "-q", "-j", "2", "--db", one_db] + archives,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        assert ref.returncode == 0, ref.stdout.decode(errors="replace")
        assert compare_stores.main(["--binary", binary, one_db, dask_db]) == 0, \
            "the reduced store differs from a single-process run"
        lines = compare_stores.normalise(compare_stores.export_lines(binary, dask_db))
        assert len(lines.get("article", {})) >= 40, "too few articles: the corpus was not read"
        assert len(lines.get("story", {})) >= 5, "too few stories"

        # A broken archive: its task fails (after its retries), the others still run, and the
        # driver says so and does not reduce.
        broken = os.path.join(tmp, "warc", "broken.warc.gz")
        with open(archives[0], "rb") as f:
            data = f.read()
        with open(broken, "wb") as f:
            f.write(b"this is not a WARC file\n" * 3)
        bad = subprocess.run(driver + ["--retries", "1", "--out", os.path.join(tmp, "bad"),
                                       "--db", os.path.join(tmp, "bad.db"), broken, archives[1]],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        text = bad.stdout.decode(errors="replace")
        assert bad.returncode != 0, text
        assert "broken.warc.gz" in text, text
        # A truncated archive is read up to the damage: exit 1, its intact records stored.
        cut = os.path.join(tmp, "warc", "cut.warc.gz")
        with open(cut, "wb") as f:
            f.write(data[: len(data) * 2 // 3])
        partial = subprocess.run(driver + ["--out", os.path.join(tmp, "cut"),
                                           "--db", os.path.join(tmp, "cut.db"), cut],
                                 stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        text = partial.stdout.decode(errors="replace")
        assert partial.returncode == 1, f"exit {partial.returncode}: {text}"
        assert "cut.warc.gz" in text, text
        print("PASS: dask map + reduce equals a single-process run")
        return 0
    finally:
        for p in reversed(procs):
            p.terminate()
        for p in reversed(procs):
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
