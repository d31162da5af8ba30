#!/usr/bin/env python3
"""Checks that each stage includes only the stages it may depend on (src/README.md's table,
the same one src/*/CMakeLists.txt links), and that no stage includes another's detail/ headers.
Exit 1 with one line per violation."""
import os, re, sys

ALLOWED = {
    "core": set(),
    "ingest": {"core"},
    "extract": {"core", "ingest"},
    "nlp": {"core", "extract"},
    "cluster": {"core", "nlp"},
    "brief": {"core", "cluster", "nlp"},
    "render": {"core"},
    "store": {"core", "render"},
    "pipeline": {"core", "ingest", "extract", "nlp", "cluster", "brief", "render", "store"},
    "server": {"core", "pipeline", "render", "store"},
}
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src")
bad = []
for stage, allowed in ALLOWED.items():
    for dirpath, _, files in os.walk(os.path.join(root, stage)):
        for f in files:
            if not f.endswith((".h", ".cc")):
                continue
            path = os.path.join(dirpath, f)
            for n, line in enumerate(open(path, encoding="utf-8"), 1):
                m = re.match(r'\s*#include "([a-z_]+)/([^"]+)"', line)
                if not m:
                    continue
                dep, rest = m.groups()
                if dep == stage:
                    continue
                if dep not in allowed:
                    bad.append(f"{os.path.relpath(path, root)}:{n}: {stage} may not include {dep}/")
                elif rest.startswith("detail/"):
                    bad.append(f"{os.path.relpath(path, root)}:{n}: {stage} includes {dep}'s internals")
for b in bad:
    print(b)
print(f"layering: {len(bad)} violations")
sys.exit(1 if bad else 0)
