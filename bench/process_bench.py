#!/usr/bin/env python3
"""Whole-process costs of the wirebrief binary, each next to a reference measured in the same run.

  1. Start: `wirebrief --version`, median of --starts runs (default 41), next to a C hello-world
     compiled here with cc, and the same hello-world linked to every library the binary
     needs (its DT_NEEDED list, so the floor those libraries set), interleaved so all three see
     the same machine. Then, when valgrind is installed, the instructions each start executes
     (callgrind): a figure the other processes on the machine do not move.
  2. `wirebrief extract --output-format jsonl` over the extraction kit's dev pages (109), one
     core (taskset -c 0), next to a bare lxml parse of the same pages (python3 + lxml.html,
     whole process: the interpreter's start is part of it, as wirebrief's is), interleaved,
     --rounds times (default 9); medians of wall time and of CPU time (user + sys), docs/s and
     the ratio to lxml. The bar (issue 23): >= 300 docs/s and <= 1.3x lxml.
  3. The extraction F1 of the same output (the kit's score.py), to show speed cost no accuracy.

usage: python3 bench/process_bench.py [--bin build/wirebrief] [--kit ../shared/bench/extraction]
                                      [--baseline OTHER/wirebrief] [--start-only]
--baseline times another build the same way, interleaved with the rest (before/after a change).
Run from the project root after building. Needs cc and Debian's python3-lxml (installed with apt
when missing and running as root). Standard library otherwise.
"""
import argparse, os, resource, shutil, statistics, subprocess, sys, tempfile, time

LXML_PARSE = r"""
import sys, time
import lxml.html
t = time.perf_counter()
for f in sys.argv[1:]:
    with open(f, 'rb') as fh:
        lxml.html.document_fromstring(fh.read())
sys.stderr.write('%f\n' % (time.perf_counter() - t))
"""

HELLO = '#include <stdio.h>\nint main(void) { puts("hello 0.1.0"); return 0; }\n'


def system_python():
    # Debian's python3-lxml is for Debian's interpreter, not a pyenv or venv one on PATH.
    return "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable


def ensure_lxml(py):
    if subprocess.run([py, "-c", "import lxml.html"], capture_output=True).returncode == 0:
        return
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        sys.exit("python3-lxml is missing: apt-get install python3-lxml")
    subprocess.run(["apt-get", "install", "-y", "-q", "python3-lxml"], check=True,
                   stdout=subprocess.DEVNULL)


def timed(cmd, stdout=subprocess.DEVNULL):
    """(wall seconds, CPU seconds of the child, stderr text)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    p = subprocess.run(cmd, stdout=stdout, stderr=subprocess.PIPE)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if p.returncode > 1:
        sys.exit(f"{' '.join(cmd[:4])}...: exit {p.returncode}: {p.stderr.decode()[-300:]}")
    return wall, cpu, p.stderr.decode()


def instructions(cmd):
    """Instructions `cmd` executes, loader included (callgrind), or None without valgrind."""
    if not shutil.which("valgrind"):
        return None
    with tempfile.TemporaryDirectory() as tmp:
        p = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/cg", *cmd],
                           capture_output=True, text=True)
    for line in p.stderr.splitlines():
        if "Collected :" in line:
            return int(line.split(":")[-1])
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="build/wirebrief")
    ap.add_argument("--kit", default=os.path.join("..", "shared", "bench", "extraction"))
    ap.add_argument("--starts", type=int, default=41)
    ap.add_argument("--rounds", type=int, default=9)
    ap.add_argument("--baseline", help="another wirebrief binary, timed the same way")
    ap.add_argument("--start-only", action="store_true", help="time the start (part 1) only")
    a = ap.parse_args()
    binary = os.path.abspath(a.bin)
    baseline = os.path.abspath(a.baseline) if a.baseline else None
    one_core = ["taskset", "-c", "0"] if shutil.which("taskset") else []
    load = os.getloadavg()[0]
    print(f"# {time.strftime('%Y-%m-%d %H:%M')}, load average {load:.1f}, "
          f"{os.cpu_count()} cores; medians; each figure next to its same-run reference")

    # 1. Start.
    with tempfile.TemporaryDirectory() as tmp:
        hello = os.path.join(tmp, "hello")
        with open(hello + ".c", "w") as f:
            f.write(HELLO)
        subprocess.run(["cc", "-O2", "-o", hello, hello + ".c"], check=True)
        needed = [l.split("[")[1].split("]")[0] for l in
                  subprocess.run(["readelf", "-d", binary], capture_output=True, text=True).stdout.splitlines()
                  if "(NEEDED)" in l]
        libs = [f"-l:{n}" for n in needed if not n.startswith(("libc.so", "ld-linux"))]
        subprocess.run(["cc", "-O2", "-o", hello + "_libs", hello + ".c", "-Wl,--no-as-needed", *libs],
                       check=True)
        wb, ref, ref_libs, base = [], [], [], []
        for _ in range(a.starts):
            wb.append(timed([binary, "--version"])[0])
            ref.append(timed([hello])[0])
            ref_libs.append(timed([hello + "_libs"])[0])
            if baseline:
                base.append(timed([baseline, "--version"])[0])
        wb_ms, ref_ms = statistics.median(wb) * 1e3, statistics.median(ref) * 1e3
        libs_ms = statistics.median(ref_libs) * 1e3
        print(f"start: wirebrief --version {wb_ms:.1f} ms; C hello-world {ref_ms:.1f} ms; the same "
              f"hello-world linked to the binary's {len(needed)} libraries {libs_ms:.1f} ms "
              f"(medians of {a.starts})   [bar: <= 10 ms]  {'OK' if wb_ms <= 10 else 'SHORT'}")
        if baseline:
            print(f"  baseline {a.baseline} --version: {statistics.median(base) * 1e3:.1f} ms "
                  f"({statistics.median(base) / statistics.median(wb):.2f}x this binary's)")
        counts = [instructions(c) for c in ([binary, "--version"], [hello + "_libs"],
                                            [baseline, "--version"] if baseline else None) if c]
        if counts[0]:
            print(f"  instructions (callgrind): --version {counts[0] / 1e6:.2f} M; hello-world + "
                  f"the same libraries {counts[1] / 1e6:.2f} M" +
                  (f"; baseline --version {counts[2] / 1e6:.2f} M" if baseline else ""))

    if a.start_only:
        return

    # 2. Extraction, whole process, one core.
    d = os.path.join(a.kit, "data", "dev")
    pages = sorted(os.path.join(d, f) for f in os.listdir(d) if f.endswith(".html"))
    py = system_python()
    ensure_lxml(py)
    out_path = os.path.join(tempfile.gettempdir(), f"wb-process-bench-{os.getpid()}.jsonl")
    wb_wall, wb_cpu, lx_wall, lx_cpu, lx_loop, b_wall, b_cpu = [], [], [], [], [], [], []
    for _ in range(a.rounds):
        with open(out_path, "wb") as out:
            w, c, _ = timed(one_core + [binary, "extract", "--output-format", "jsonl", *pages], out)
        wb_wall.append(w)
        wb_cpu.append(c)
        if baseline:
            w, c, _ = timed(one_core + [baseline, "extract", "--output-format", "jsonl", *pages])
            b_wall.append(w)
            b_cpu.append(c)
        w, c, err = timed(one_core + [py, "-c", LXML_PARSE, *pages])
        lx_wall.append(w)
        lx_cpu.append(c)
        lx_loop.append(float(err.strip().splitlines()[-1]))
    n = len(pages)
    mw, mc = statistics.median(wb_wall), statistics.median(wb_cpu)
    lw, lc = statistics.median(lx_wall), statistics.median(lx_cpu)
    ok = n / mw >= 300 and mw / lw <= 1.3
    print(f"extract --output-format jsonl, {n} pages, one core: {n / mw:.0f} docs/s wall "
          f"({mw:.3f} s), {n / mc:.0f} docs/s CPU ({mc:.3f} s)")
    print(f"  bare lxml parse, same pages, whole process: {n / lw:.0f} docs/s wall ({lw:.3f} s), "
          f"{n / lc:.0f} docs/s CPU ({lc:.3f} s); of which the parse loop {statistics.median(lx_loop):.3f} s")
    print(f"  ratio wirebrief / lxml: {mw / lw:.2f} wall, {mc / lc:.2f} CPU   "
          f"[bar: >= 300 docs/s, <= 1.3x lxml]  {'OK' if ok else 'SHORT'}")
    if baseline:
        bw, bc = statistics.median(b_wall), statistics.median(b_cpu)
        print(f"  baseline {a.baseline}: {n / bw:.0f} docs/s wall, {n / bc:.0f} docs/s CPU; "
              f"ratio to lxml {bw / lw:.2f} wall, {bc / lc:.2f} CPU")

    # 3. Accuracy of the same output.
    import json
    pred = os.path.join(tempfile.gettempdir(), f"wb-process-bench-{os.getpid()}-pred.jsonl")
    with open(out_path) as f, open(pred, "w") as p:
        for line in f:
            o = json.loads(line)
            p.write(json.dumps({"id": os.path.basename(o.get("source", ""))[:-5],
                                "text": o.get("text", "")}) + "\n")
    score = subprocess.run([sys.executable, os.path.join(a.kit, "score.py"),
                            os.path.join(a.kit, "data", "dev.jsonl"), pred],
                           capture_output=True, text=True).stdout.strip().splitlines()
    print(f"  accuracy of that output: {score[-1] if score else 'score.py printed nothing'}")
    os.unlink(out_path)
    os.unlink(pred)


if __name__ == "__main__":
    main()
