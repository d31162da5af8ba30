#!/usr/bin/env python3
"""Metadata agreement with Readability.js on the extraction kit's readability pages.

usage: python3 bench/metadata_agreement.py [--bin build/wirebrief] [--show title,byline,...]
(--show prints every raw disagreement of those fields, marked MISS or "normalised" when only the
normalisation below accepts it.)

Prints two rows per field. "raw" is the scoreboard's comparison (NFKC, non-word runs -> one
space, lower case; bylines agree when one contains the other). "normalised" also accepts the
differences that come from wirebrief's documented choices rather than from a wrong value:
  title   ours equals Readability's title with separator-delimited site/author affixes removed
          ("Headline | eHow", "Headline - Author - Medium", "Headline [LWN.net]", "Post @ Blog_Name
          :: Platform ::"): issue 6 asks for the title without the site suffix, Readability keeps
          it when it reads og:title. Separators: | - – — · • » / ~ @ between spaces, ::, _, [...].
  byline  issue 6's authors are people only; Readability's byline is whatever text sat in the
          byline slot. So the REFERENCE is first reduced to the people it names, from the
          reference and Readability's own siteName only (never from our output):
          - when it equals Readability's siteName it names the outlet ("BBC News") or, on a
            one-person site, its owner: no author and the raw match both agree;
          - it names no person when it starts with a UI label (Follow, Contributors to, Email,
            View, Share, Subscribe), when nothing capitalised is left after removing dates and times (month and weekday
            names, numbers, am/pm, updated/last/published/posted/modified/at/on), or when it
            reads as a phrase (as many lower-case words as capitalised ones, particles
            aside: "Dublin Core property author"); parentheses and URLs are left out of these
            tests and a word in a script without case counts as capitalised; then agreement
            means we report no author;
          - "Surname, Given" (one surname before a single comma: "Jong, Michiel de") also
            reads as "Given Surname";
          - otherwise it agrees as raw does, or when every name we give occurs in it
            ("Martin Untersinger (avec Damien Leloup et Morgane Tual)" vs three names: we
            split bylines into people).
  date    the same instant when both carry a time and an offset (2017-02-24T01:18:13Z is
          2017-02-23T17:18:13-08:00), else the same calendar day.
  site    equal after removing a tagline segment ("Mozilla Hacks – the Web developer blog").
  lang    primary subtag, as the scoreboard.
Pages where the extractor gave no article at all (body selection, not metadata) are counted
as disagreements in both rows and listed.
"""
import argparse, datetime, json, os, re, subprocess, sys, unicodedata

KIT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "bench", "extraction")
SEPARATORS = r"\s+[|\-–—·•»/~@]\s+|\s*::\s*|_|\s+\[|\]"


def norm(s):
    return re.sub(r"\W+", " ", unicodedata.normalize("NFKC", s or "")).strip().lower()


def segments_variants(text):
    """The text with leading and/or trailing separator-delimited segments removed."""
    parts = [p for p in re.split(SEPARATORS, text) if p and p.strip()]
    out = {norm(text)}
    for i in range(len(parts)):
        for j in range(i + 1, len(parts) + 1):
            out.add(norm(" ".join(parts[i:j])))
    return out


def instant(s):
    try:
        d = datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))
        return d.astimezone(datetime.timezone.utc) if d.tzinfo else None
    except ValueError:
        return None


MONTHS_DAYS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday "
    "saturday sunday janvier février mars avril mai juin juillet août septembre octobre novembre "
    "décembre januar februar märz juni juli oktober dezember enero febrero marzo abril mayo junio "
    "julio agosto septiembre octubre noviembre diciembre gennaio febbraio aprile maggio giugno "
    "luglio settembre ottobre dicembre").split()
STAMP_WORDS = set(MONTHS_DAYS) | {"am", "pm", "updated", "last", "published", "posted",
                                  "modified", "at", "on"}
UI_LABELS = re.compile(r"(?:follow|contributors to|email|view|share|subscribe)\b")
PARTICLES = {"de", "van", "von", "der", "den", "da", "di", "du", "des", "del", "dos", "la", "le",
             "bin", "ibn", "al", "el", "y", "e", "et", "and", "und", "&"}
LEAD_WORDS = r"^(?:by|par|por|von|di|door|av|af|written by|posted by)\s+"


def reference_people(exp):
    """Readability's byline reduced to the people it names: None when it names no person, else
    the spellings a name may take (as written, and "Surname, Given" turned round)."""
    text = re.sub(LEAD_WORDS, "", unicodedata.normalize("NFKC", exp).strip(), flags=re.I)
    if UI_LABELS.match(norm(text)):
        return None
    # Parentheses (handles, URLs, further names) and URLs do not decide whether it names a
    # person; a word in a script without case (Chinese, Japanese) counts as capitalised.
    bare = re.sub(r"\([^)]*\)|\S*(?:://|www\.|@)\S*", " ", text)
    words = re.findall(r"[^\W\d_][\w'’.-]*", bare)
    left = [w for w in words if w.lower().strip(".") not in STAMP_WORDS]
    capital = [not w[0].islower() for w in left]
    if not any(capital):
        return None
    upper = sum(capital)
    lower = sum(w[0].islower() and w.lower() not in PARTICLES for w in left)
    if lower and lower >= upper:
        return None
    spellings = [text]
    m = re.fullmatch(r"\s*([^\s,]+)\s*,\s*([^,]+?)\s*", text)
    if m and len(m.group(2).split()) <= 3:
        spellings.append(f"{m.group(2)} {m.group(1)}")
    return spellings


def byline_agree(exp, got, site):
    """(raw, normalised, reason) for a byline; `got` holds our authors joined by \u0001."""
    joined = norm(got.replace("\u0001", " "))
    def contains(ref):
        return bool(joined) and (joined in norm(ref) or norm(ref) in joined)
    raw_ok = contains(exp)
    if site and norm(re.sub(LEAD_WORDS, "", exp.strip(), flags=re.I)) == norm(site):
        return raw_ok, raw_ok or not joined, "reference is the site name"
    people = reference_people(exp)
    if people is None:
        return raw_ok, not joined, "reference names no person"
    names = [norm(n) for n in got.split("\u0001") if norm(n)]
    if any(contains(p) for p in people):
        return raw_ok, True, "" if raw_ok else "Surname, Given"
    if names and all(n in norm(exp) for n in names):
        return raw_ok, True, "we split the byline into people"
    return raw_ok, False, ""


def agree(field, exp, got):
    raw_ok = norm(exp) == norm(got) or (field == "byline" and norm(got) and
                                        (norm(got) in norm(exp) or norm(exp) in norm(got)))
    if field == "date":
        raw_ok = exp[:10] == got[:10]
    if raw_ok:
        return True, True
    if field in ("title", "site"):
        # "_" is a separator here, so it reads as a space on both sides.
        variants = {v.replace("_", " ") for v in segments_variants(exp)}
        return False, bool(got) and norm(got.replace("_", " ")) in variants

    if field == "date":
        a, b = instant(exp), instant(got)
        return False, a is not None and b is not None and a == b
    return False, False


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="build/wirebrief")
    ap.add_argument("--show", default="", help="comma-separated fields whose disagreements to print")
    a = ap.parse_args()
    data = os.path.join(KIT, "data")
    if not os.path.isdir(data):
        print(f"kit not found at {data}; nothing to score", file=sys.stderr)
        return 0
    rows = [json.loads(l) for l in open(os.path.join(data, "readability.jsonl"), encoding="utf-8")]
    paths = [os.path.join(data, "readability", r["id"], "source.html") for r in rows]
    p = subprocess.run([a.bin, "extract", "--output-format", "jsonl", "--base-url",
                        "http://fakehost/test/page.html", *paths], capture_output=True, text=True)
    got = {}
    for line in p.stdout.splitlines():
        try:
            o = json.loads(line)
        except json.JSONDecodeError:
            continue
        got[os.path.basename(os.path.dirname(o.get("source", "")))] = o
    fields = ("title", "byline", "date", "site", "lang")
    count = {f: [0, 0, 0] for f in fields}
    show = set(filter(None, a.show.split(",")))
    changed = []
    for r in rows:
        m, o = r["metadata"], got.get(r["id"], {})
        values = {
            "title": (m.get("title"), o.get("title") or ""),
            "byline": (m.get("byline"), "\u0001".join(o.get("authors") or [])),
            "date": (m.get("publishedTime") or "", o.get("date_published") or ""),
            "site": (m.get("siteName"), o.get("site_name") or ""),
            "lang": ((m.get("lang") or "").split("-")[0], (o.get("language") or "").split("-")[0]),
        }
        for f in fields:
            exp, val = values[f]
            if not exp:
                continue
            if f == "byline":
                raw_ok, norm_ok, why = byline_agree(exp, val, m.get("siteName") or "")
                if raw_ok != norm_ok:
                    changed.append(f"{r['id']:24} {'agrees' if norm_ok else 'disagrees':9} "
                                   f"exp={exp[:60]!r} got={val.replace(chr(1), '; ')[:40]!r}: {why}")
            else:
                raw_ok, norm_ok = agree(f, exp, val.replace("\u0001", " "))
                norm_ok = raw_ok or norm_ok
            count[f][0] += 1
            count[f][1] += raw_ok
            count[f][2] += norm_ok
            if f in show and not raw_ok:
                verdict = "normalised" if norm_ok else "MISS"
                print(f"{f:6} {r['id']:30} {verdict:10} exp={exp[:90]!r}\n{'':48}got={val[:90]!r} "
                      f"[{o.get({'byline': 'authors', 'date': 'date_published', 'site': 'site_name', 'lang': 'language'}.get(f, f) + '_source')}]")
    print(f"byline pages where the normalisation changed the outcome ({len(changed)}):")
    for line in changed:
        print("  " + line)
    missing = sorted(r["id"] for r in rows if r["id"] not in got)
    print("field   pages  raw            normalised")
    for f in fields:
        n, raw, nm = count[f]
        print(f"{f:7} {n:5}  {raw:3} = {raw / n:.2f}     {nm:3} = {nm / n:.2f}")
    print(f"no article extracted ({len(missing)}): {' '.join(missing)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
