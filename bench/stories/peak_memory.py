#!/usr/bin/env python3
"""Peak memory of a command, split as the kernel counts it.

  python3 bench/stories/peak_memory.py build/wirebrief recluster --db COPY.db

Samples /proc/PID/status every 20 ms and prints the peaks of RssAnon (the heap the process
holds), RssFile (file pages mapped in: SQLite's memory map of the database, which the kernel
may drop) and VmRSS, with the wall time. `time -f %M` reports only the last, which for a
command that reads a whole database through a 1 GiB map mostly measures the map.
"""
import subprocess
import sys
import time

t = time.time()
p = subprocess.Popen(sys.argv[1:])
peak = {"RssAnon": 0, "RssFile": 0, "VmRSS": 0}
while p.poll() is None:
    try:
        with open(f"/proc/{p.pid}/status") as f:
            for line in f:
                key = line.split(":")[0]
                if key in peak:
                    peak[key] = max(peak[key], int(line.split()[1]))
    except OSError:
        pass
    time.sleep(0.02)
print(f"rc {p.returncode} wall {time.time() - t:.2f} s  peak anon {peak['RssAnon'] / 1024:.1f} MB  "
      f"file {peak['RssFile'] / 1024:.1f} MB  rss {peak['VmRSS'] / 1024:.1f} MB", file=sys.stderr)
sys.exit(p.returncode)
