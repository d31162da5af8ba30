#!/usr/bin/env python3
"""Do two wirebrief stores hold the same articles, stories and briefs? (issue 23: the store a
distributed run reduces into must equal a single-process `run` on the same WARC files.)

  tools/distributed/compare_stores.py [--binary build/wirebrief] STORE_A STORE_B

Each STORE is a SQLite file, a postgresql:// URI or a `db export` file (.jsonl). Compares, after
sorting: every article (all stored columns, annotations and every provenance record, as a set),
every story with its brief, copy families and older brief versions, merged story ids, settings.
Exit 0 when equal; 1 with the first differences listed; 2 when a store cannot be read.
Standard library only.
"""
import argparse
import json
import os
import subprocess
import sys


def export_lines(binary, store):
    if os.path.isfile(store) and store.endswith((".jsonl", ".json")):
        with open(store, encoding="utf-8") as f:
            return f.read().splitlines()
    done = subprocess.run([binary, "db", "export", "--db", store, "-o", "-"],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if done.returncode != 0:
        raise RuntimeError(f"{store}: db export failed: {done.stderr.decode(errors='replace')}")
    return done.stdout.decode("utf-8").splitlines()


def normalise(lines):
    """{kind: {key: canonical JSON}}, independent of the order rows were stored in."""
    out = {}
    for line in lines:
        if not line.strip():
            continue
        rec = json.loads(line)
        if "format" in rec:
            continue
        # A story line also holds "brief" and "copy_families": name it by its story.
        kind = "story" if "story" in rec else next(iter(rec))
        if kind == "article":
            a = dict(rec["article"])
            a["provenance"] = sorted(json.dumps(p, sort_keys=True) for p in a.get("provenance", []))
            key = a["id"]
            value = a
        elif kind == "story":
            key = rec["story"]["id"]
            value = rec
        elif kind == "alias":
            key = rec["alias"]["old_id"]
            value = rec
        elif kind == "setting":
            key = rec["setting"]["key"]
            value = rec
        else:
            key = json.dumps(rec[kind], sort_keys=True)
            value = rec
        out.setdefault(kind, {})[key] = json.dumps(value, sort_keys=True, ensure_ascii=False)
    return out


def differences(a, b, limit=10):
    diffs = []
    for kind in sorted(set(a) | set(b)):
        ka, kb = a.get(kind, {}), b.get(kind, {})
        for key in sorted(set(ka) | set(kb)):
            if ka.get(key) == kb.get(key):
                continue
            if key not in ka or key not in kb:
                diffs.append(f"{kind} {key}: only in {'B' if key not in ka else 'A'}")
            else:
                va, vb = json.loads(ka[key]), json.loads(kb[key])
                fields = sorted(f for f in set(_flat(va)) | set(_flat(vb)) if _flat(va).get(f) != _flat(vb).get(f))
                diffs.append(f"{kind} {key}: differs in {', '.join(fields[:8])}")
            if len(diffs) >= limit:
                return diffs
    return diffs


def _flat(v, prefix=""):
    if isinstance(v, dict):
        out = {}
        for k, x in v.items():
            out.update(_flat(x, f"{prefix}.{k}" if prefix else k))
        return out
    return {prefix: json.dumps(v, sort_keys=True)}


def counts(n):
    return ", ".join(f"{k}: {len(v)}" for k, v in sorted(n.items()))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--binary", default="wirebrief")
    ap.add_argument("a")
    ap.add_argument("b")
    args = ap.parse_args(argv)
    try:
        na = normalise(export_lines(args.binary, args.a))
        nb = normalise(export_lines(args.binary, args.b))
    except (RuntimeError, OSError, ValueError) as e:
        print(f"compare_stores: {e}", file=sys.stderr)
        return 2
    diffs = differences(na, nb)
    if diffs:
        print(f"compare_stores: stores differ (A: {counts(na)}; B: {counts(nb)}):", file=sys.stderr)
        for d in diffs:
            print("  " + d, file=sys.stderr)
        return 1
    print(f"compare_stores: equal ({counts(na)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
