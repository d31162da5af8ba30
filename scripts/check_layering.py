#!/usr/bin/env python3
"""Checks every #include of the libraries and the CLI against the dependency table the build
links by (the wb_add_stage rows of src/CMakeLists.txt; cmake/WbStages.cmake says what a row means):

- a stage includes only itself and the stages its row names;
- its public headers (the .h files at the top of a library's folder) include only its PUBLIC stages, so
  a PRIVATE link really is private;
- another stage's headers are reached only through their public face (the top of the folder),
  never detail/ or a backend folder, unless the row names the header in ALSO_INCLUDES;
- the table claims nothing the code does not need: each PUBLIC stage is included by a public
  header, each PRIVATE one by some file.

Exit 1 with one line per violation."""
import os
import re
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
TABLE = os.path.join("src", "CMakeLists.txt")
INCLUDE = re.compile(r'\s*#\s*include\s+"([a-z_]+)/([^"]+)"')


def read_table():
    """The rows of the table, in order: name -> {dir, public, private}."""
    text = open(os.path.join(ROOT, TABLE), encoding="utf-8").read()
    text = re.sub(r"#[^\n]*", "", text)
    rows = {}
    for args in re.findall(r"\bwb_add_stage\s*\(([^)]*)\)", text):
        words = args.split()
        name, key = words[0], None
        row = {"dir": "src/" + name, "PUBLIC": [], "PRIVATE": [], "ALSO_INCLUDES": []}
        for w in words[1:]:
            if w in ("DIR", "PUBLIC", "PRIVATE", "USED_AS", "ALSO_INCLUDES"):
                key = w
            elif key == "DIR":
                row["dir"] = w
            elif key in ("PUBLIC", "PRIVATE", "ALSO_INCLUDES"):
                row[key].append(w)
        rows[name] = row
    return rows


def main():
    rows = read_table()
    bad = []
    if not rows:
        bad.append(f"{TABLE}: no wb_add_stage rows found")
    for stage, row in rows.items():
        public, private = set(row["PUBLIC"]), set(row["PRIVATE"])
        used = {"PUBLIC": set(), "PRIVATE": set()}
        folder = os.path.join(ROOT, row["dir"])
        for dirpath, _, files in sorted(os.walk(folder)):
            for f in sorted(files):
                if not f.endswith((".h", ".cc")):
                    continue
                path = os.path.join(dirpath, f)
                where = os.path.relpath(path, ROOT)
                # The CLI is a program: its headers are all its own.
                is_public_header = stage != "cli" and dirpath == folder and f.endswith(".h")
                for n, line in enumerate(open(path, encoding="utf-8"), 1):
                    m = INCLUDE.match(line)
                    if not m or m.group(1) not in rows or m.group(1) == stage:
                        continue
                    dep, rest = m.groups()
                    if dep not in public | private:
                        bad.append(f"{where}:{n}: {stage} may not include {dep}/ ({TABLE})")
                        continue
                    if "/" in rest and f"{dep}/{rest}" not in row["ALSO_INCLUDES"]:
                        bad.append(f"{where}:{n}: {stage} includes {dep}'s internals ({dep}/{rest})")
                    if is_public_header and dep not in public:
                        bad.append(f"{where}:{n}: public header includes {dep}/, a PRIVATE "
                                   f"dependency of {stage}")
                    used["PUBLIC" if is_public_header else "PRIVATE"].add(dep)
        for dep in sorted(public - used["PUBLIC"]):
            bad.append(f"{TABLE}: {stage} lists {dep} as PUBLIC but no public header of "
                       f"{row['dir']}/ includes it")
        for dep in sorted(private - used["PRIVATE"] - used["PUBLIC"]):
            bad.append(f"{TABLE}: {stage} lists {dep} but no file of {row['dir']}/ includes it")
    for b in bad:
        print(b)
    print(f"layering: {len(bad)} violations in {len(rows)} rows")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
