#!/usr/bin/env python3
"""Build the archive forms of the wirebrief demo corpus, and check the corpus.

Reads data/demo/pages/**.html and data/demo/expected.json (the ground truth), and writes:

  data/demo/feeds/demo.rss        RSS 2.0 (content:, dc:), one <item> per page; the pages of two
                                  outlets also carry the article body in <content:encoded>
  data/demo/sitemap.xml           Google News sitemap, one <url> per page
  data/demo/archive/demo.warc.gz  WARC/1.0 in the CC-NEWS layout: warcinfo, then request+response
                                  pairs, one gzip member per record

Output is deterministic (fixed dates, uuid5 record ids, gzip mtime=0): running it twice gives
byte-identical files.

Usage:
  python3 tools/make_demo_archives.py            # build, then check
  python3 tools/make_demo_archives.py --check    # check only (exit status 1 on any problem)

Standard library only.
"""
import argparse
import base64
import datetime as dt
import email.utils
import gzip
import hashlib
import html
import json
import os
import re
import sys
import uuid
import zlib
from html.parser import HTMLParser
from xml.etree import ElementTree
from xml.sax.saxutils import escape as xml_escape

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "demo")
ROOT = os.path.normpath(ROOT)

# Outlets whose feed items carry the full body in <content:encoded>.
FULL_CONTENT_OUTLETS = ("harborline", "pulse")

# Where the article body lives in each outlet's template: (tag, attribute, substring of its value).
# Several matching elements (a body split by an ad slot) are all collected, in document order.
BODY_CONTAINERS = {
    "cws": ("div", "class", "story-body"),
    "harborline": ("div", "class", "entry-content"),
    "meridian": ("div", "itemprop", "articleBody"),
    "northvale": ("td", "class", "storytext"),
    "pulse": ("div", "data-component", "text-block"),
    "eastbridge": ("section", "class", "article-body"),
    "ledger": ("div", "class", "field--name-body"),
    "metro": ("div", "class", "Article_body__"),
    "tribune": ("div", "id", "article-body"),
}
# Paragraphs inside elements whose class contains one of these are chrome, not body.
SKIP_CLASS_PARTS = ("ad-slot", "related", "newsletter", "share", "promo", "caption")

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

CRAWLER_UA = "wirebrief-demo-crawler/1.0 (+https://wirebrief.invalid/demo)"
UUID_NS = uuid.uuid5(uuid.NAMESPACE_URL, "https://wirebrief.invalid/demo-corpus/v1")
CRAWL_DELAY = dt.timedelta(hours=3, minutes=7)
ABBREVIATIONS = ("Mr.", "Mrs.", "Ms.", "Dr.", "Capt.", "Gov.", "Sen.", "St.", "Jan.", "Feb.", "Aug.", "Sept.",
                 "Oct.", "Nov.", "Dec.", "U.S.", "U.K.", "a.m.", "p.m.", "No.", "Co.", "Inc.", "Ltd.")


# ------------------------------------------------------------------------------------- reading

def load_expected():
    with open(os.path.join(ROOT, "expected.json"), encoding="utf-8") as f:
        return json.load(f)


def read_bytes(rel):
    with open(os.path.join(ROOT, rel), "rb") as f:
        return f.read()


def declared_charset(data):
    m = re.search(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_-]+)""", data[:4096], re.I)
    return m.group(1).decode("ascii").lower() if m else None


def decode_page(data):
    cs = declared_charset(data) or "utf-8"
    return data.decode("cp1252" if cs in ("windows-1252", "cp1252") else cs), cs


def canonical_url(text):
    m = re.search(r"""<link\s+rel=["']canonical["']\s+href=["']([^"']+)["']""", text, re.I)
    return html.unescape(m.group(1)) if m else None


def h1_title(text):
    m = re.search(r"<h1[^>]*>(.*?)</h1>", text, re.I | re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", m.group(1))).strip() if m else None


def meta_dates(text):
    """datePublished values declared in JSON-LD, OpenGraph or microdata (may be empty)."""
    found = re.findall(r'"datePublished"\s*:\s*"([^"]+)"', text)
    found += re.findall(r'<meta property="article:published_time" content="([^"]+)"', text)
    found += re.findall(r'<meta itemprop="datePublished" content="([^"]+)"', text)
    return set(found)


class BodyParser(HTMLParser):
    def __init__(self, rule):
        super().__init__(convert_charrefs=True)
        self.rule = rule
        self.stack = []  # (tag, is_container, is_skip)
        self.paras = []
        self.cur = None

    def _in_body(self):
        """Inside a body container and not inside chrome nested in it."""
        for i, e in enumerate(self.stack):
            if e[1]:
                return not any(x[2] for x in self.stack[i + 1:])
        return False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in VOID:
            return
        tag_r, attr_r, sub_r = self.rule
        is_cont = tag == tag_r and sub_r in (a.get(attr_r) or "")
        cls = a.get("class") or ""
        is_skip = (not is_cont) and any(s in cls for s in SKIP_CLASS_PARTS)
        self.stack.append((tag, is_cont, is_skip))
        if tag == "p" and self._in_body():
            self.cur = []

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if tag == "p" and self.cur is not None:
            t = re.sub(r"\s+", " ", "".join(self.cur)).strip()
            if t:
                self.paras.append(t)
            self.cur = None
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if self.cur is not None:
            self.cur.append(data)


def body_paragraphs(outlet, text):
    p = BodyParser(BODY_CONTAINERS[outlet])
    p.feed(text)
    p.close()
    return p.paras


def first_sentence(par):
    for m in re.finditer(r"[.!?][\"\u201d']?(?=\s+[A-Z\"\u201c])", par):
        cand = par[:m.end()]
        if not cand.endswith(ABBREVIATIONS):
            return cand
    return par


def page_records(exp):
    outlets = {o["slug"]: o for o in exp["outlets"]}
    recs = []
    for d in exp["documents"]:
        data = read_bytes(d["path"])
        text, cs = decode_page(data)
        paras = body_paragraphs(d["outlet"], text)
        recs.append(dict(doc=d, outlet=outlets[d["outlet"]], data=data, text=text, charset=cs, paras=paras,
                         published=dt.datetime.fromisoformat(d["date_published"])))
    return recs


# ------------------------------------------------------------------------------------- writers

def build_rss(recs):
    items = []
    for r in sorted(recs, key=lambda r: (r["published"], r["doc"]["url"]), reverse=True):
        d, o = r["doc"], r["outlet"]
        creator = ", ".join(d["authors"]) if d["authors"] else (d["wire"] or o["name"])
        lines = [
            "    <item>",
            f"      <title>{xml_escape(d['title'])}</title>",
            f"      <link>{xml_escape(d['url'])}</link>",
            f'      <guid isPermaLink="true">{xml_escape(d["url"])}</guid>',
            f"      <pubDate>{email.utils.format_datetime(r['published'])}</pubDate>",
            f"      <dc:creator>{xml_escape(creator)}</dc:creator>",
            f"      <source url=\"https://{xml_escape(o['domain'])}/\">{xml_escape(o['name'])}</source>",
            f"      <description>{xml_escape(first_sentence(r['paras'][0]))}</description>",
        ]
        if d["outlet"] in FULL_CONTENT_OUTLETS:
            body = "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in r["paras"])
            assert "]]>" not in body
            lines.append(f"      <content:encoded><![CDATA[{body}]]></content:encoded>")
        lines.append("    </item>")
        items.append("\n".join(lines))
    last = max(r["published"] for r in recs).astimezone(dt.timezone.utc)
    head = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>wirebrief demo corpus: all outlets (fictional)</title>
    <link>https://wirebrief.invalid/demo/</link>
    <description>Headlines from the nine fictional outlets of the wirebrief demo corpus.</description>
    <language>en</language>
    <lastBuildDate>{email.utils.format_datetime(last)}</lastBuildDate>
    <generator>tools/make_demo_archives.py</generator>
"""
    return head + "\n".join(items) + "\n  </channel>\n</rss>\n"


def build_sitemap(recs):
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
           'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">']
    for r in sorted(recs, key=lambda r: (r["published"], r["doc"]["url"])):
        d, o = r["doc"], r["outlet"]
        out += [
            "  <url>",
            f"    <loc>{xml_escape(d['url'])}</loc>",
            "    <news:news>",
            "      <news:publication>",
            f"        <news:name>{xml_escape(o['name'])}</news:name>",
            "        <news:language>en</news:language>",
            "      </news:publication>",
            f"      <news:publication_date>{d['date_published']}</news:publication_date>",
            f"      <news:title>{xml_escape(d['title'])}</news:title>",
            "    </news:news>",
            "  </url>",
        ]
    out.append("</urlset>")
    return "\n".join(out) + "\n"


def sha1_b32(data):
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode("ascii")


def warc_date(t):
    return t.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def warc_record(headers, block):
    head = "WARC/1.0\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers) + f"Content-Length: {len(block)}\r\n\r\n"
    return head.encode("utf-8") + block + b"\r\n\r\n"


def record_id(*parts):
    return f"<urn:uuid:{uuid.uuid5(UUID_NS, '|'.join(parts))}>"


def build_warc(exp, recs):
    by_path = {r["doc"]["path"]: r for r in recs}
    chosen = [by_path[p] for p in exp["archives"]["warc_pages"]]
    crawl = {r["doc"]["path"]: r["published"] + CRAWL_DELAY + dt.timedelta(seconds=17 * i)
             for i, r in enumerate(chosen)}
    start = min(crawl.values()) - dt.timedelta(minutes=5)
    info_id = record_id("warcinfo", "demo.warc.gz")
    info = (
        "software: wirebrief tools/make_demo_archives.py\r\n"
        "format: WARC File Format 1.0\r\n"
        "conformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.0/\r\n"
        "description: wirebrief demo corpus (fictional outlets and events), CC-NEWS style layout\r\n"
        "isPartOf: wirebrief-demo-news-2026-11\r\n"
        "operator: wirebrief demo\r\n"
        f"http-header-user-agent: {CRAWLER_UA}\r\n"
        "robots: checked\r\n"
    ).encode("utf-8")
    out = [gzip.compress(warc_record([
        ("WARC-Type", "warcinfo"),
        ("WARC-Date", warc_date(start)),
        ("WARC-Record-ID", info_id),
        ("WARC-Filename", "demo.warc.gz"),
        ("Content-Type", "application/warc-fields"),
    ], info), compresslevel=9, mtime=0)]
    for i, r in enumerate(chosen):
        d = r["doc"]
        url = d["url"]
        m = re.match(r"https?://([^/]+)(/.*)?$", url)
        host, path = m.group(1), m.group(2) or "/"
        when = warc_date(crawl[d["path"]])
        req_id, resp_id = record_id("request", url), record_id("response", url)
        ip = f"192.0.2.{10 + 7 * i}"
        req = (f"GET {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: {CRAWLER_UA}\r\n"
               "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r\n"
               "Accept-Language: en-US,en;q=0.5\r\nConnection: close\r\n\r\n").encode("ascii")
        out.append(gzip.compress(warc_record([
            ("WARC-Type", "request"),
            ("WARC-Date", when),
            ("WARC-Record-ID", req_id),
            ("Content-Type", "application/http; msgtype=request"),
            ("WARC-Warcinfo-ID", info_id),
            ("WARC-IP-Address", ip),
            ("WARC-Target-URI", url),
            ("WARC-Block-Digest", sha1_b32(req)),
        ], req), compresslevel=9, mtime=0))
        page = r["data"]
        resp = (f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset={r['charset']}\r\n"
                f"Content-Length: {len(page)}\r\n\r\n").encode("ascii") + page
        out.append(gzip.compress(warc_record([
            ("WARC-Type", "response"),
            ("WARC-Date", when),
            ("WARC-Record-ID", resp_id),
            ("Content-Type", "application/http; msgtype=response"),
            ("WARC-Warcinfo-ID", info_id),
            ("WARC-Concurrent-To", req_id),
            ("WARC-IP-Address", ip),
            ("WARC-Target-URI", url),
            ("WARC-Payload-Digest", sha1_b32(page)),
            ("WARC-Block-Digest", sha1_b32(resp)),
            ("WARC-Identified-Payload-Type", "text/html"),
        ], resp), compresslevel=9, mtime=0))
    return b"".join(out)


def write(rel, data):
    path = os.path.join(ROOT, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data.encode("utf-8") if isinstance(data, str) else data)


def build():
    exp = load_expected()
    recs = page_records(exp)
    write(exp["archives"]["feed"], build_rss(recs))
    write(exp["archives"]["sitemap"], build_sitemap(recs))
    write(exp["archives"]["warc"], build_warc(exp, recs))
    print(f"wrote {exp['archives']['feed']}, {exp['archives']['sitemap']}, {exp['archives']['warc']} "
          f"({len(recs)} pages)")


# ------------------------------------------------------------------------------------- check

def gunzip_members(data):
    members = []
    while data:
        d = zlib.decompressobj(wbits=31)
        members.append(d.decompress(data) + d.flush())
        if not d.eof:
            raise ValueError("truncated gzip member")
        data = d.unused_data
    return members


def parse_warc_record(raw):
    head, sep, rest = raw.partition(b"\r\n\r\n")
    if not sep:
        raise ValueError("no end of WARC headers")
    lines = head.decode("utf-8").split("\r\n")
    if lines[0] != "WARC/1.0":
        raise ValueError(f"bad version line {lines[0]!r}")
    hdr = dict(line.split(": ", 1) for line in lines[1:])
    n = int(hdr["Content-Length"])
    block, trailer = rest[:n], rest[n:]
    if len(block) != n or trailer != b"\r\n\r\n":
        raise ValueError(f"Content-Length {n} is not exact (block {len(block)}, trailer {trailer[:8]!r})")
    return hdr, block


def check():
    problems = []

    def bad(msg):
        problems.append(msg)

    exp = load_expected()
    docs = exp["documents"]
    outlets = {o["slug"]: o for o in exp["outlets"]}
    events = {e["id"]: e for e in exp["events"]}

    # files on disk vs documents
    on_disk = set()
    for dirpath, _, files in os.walk(ROOT):
        for fn in files:
            rel = os.path.relpath(os.path.join(dirpath, fn), ROOT).replace(os.sep, "/")
            if rel.startswith("pages/"):
                on_disk.add(rel)
            if not re.search(r"\.(html|txt|json|rss|xml|warc\.gz)$", fn):
                bad(f"unexpected file type under data/demo: {rel}")
    listed = [d["path"] for d in docs]
    for p in set(listed):
        if listed.count(p) != 1:
            bad(f"page listed {listed.count(p)} times: {p}")
    for p in sorted(on_disk - set(listed)):
        bad(f"page not listed in expected.json: {p}")
    for p in sorted(set(listed) - on_disk):
        bad(f"listed page missing: {p}")
    urls = [d["url"] for d in docs]
    if len(set(urls)) != len(urls):
        bad("duplicate canonical URLs")

    # corpus shape
    if len(docs) < 44:
        bad(f"only {len(docs)} pages (< 44)")
    if len(outlets) < 9 or {d["outlet"] for d in docs} != set(outlets):
        bad("outlets: need >= 9, each with pages")
    for s in outlets:
        n = sum(1 for d in docs if d["outlet"] == s)
        if not 4 <= n <= 6:
            bad(f"outlet {s} has {n} pages (want 4-6)")
    days = {e["date"] for e in events.values()}
    if len(days) < 5:
        bad(f"events on only {len(days)} distinct days")
    for e in events.values():
        if not "2026-11-02" <= e["date"] <= "2026-11-09":
            bad(f"event {e['id']} date {e['date']} out of range")
        ed = [d for d in docs if d["event"] == e["id"]]
        if len(ed) < 5 or len({d["outlet"] for d in ed}) < 4:
            bad(f"event {e['id']}: {len(ed)} pages from {len({d['outlet'] for d in ed})} outlets")
    if sum(1 for e in events.values() if e["kind"] == "earthquake") < 2:
        bad("need two earthquakes")
    if not any(e["figure_conflicts"] for e in events.values()):
        bad("no figure conflict")
    wire_events = {d["event"] for d in docs if d["wire_copy_of"]}
    if len(wire_events) < 2:
        bad("need at least two events with wire copies")
    encs = [d["encoding"] for d in docs]
    if encs.count("windows-1252") != 1 or set(encs) - {"utf-8", "windows-1252"}:
        bad(f"encodings: {sorted(set(encs))}, windows-1252 x{encs.count('windows-1252')}")

    # each page
    recs = {}
    for d in docs:
        if d["path"] not in on_disk:
            continue
        if d["event"] not in events:
            bad(f"{d['path']}: unknown event {d['event']}")
        data = read_bytes(d["path"])
        cs = declared_charset(data)
        if cs != d["encoding"]:
            bad(f"{d['path']}: declared charset {cs}, expected {d['encoding']}")
        if d["encoding"] == "windows-1252":
            try:
                data.decode("utf-8")
                bad(f"{d['path']}: windows-1252 page is also valid UTF-8 (no visible mojibake)")
            except UnicodeDecodeError:
                pass
            text = data.decode("cp1252")
        else:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                bad(f"{d['path']}: not valid UTF-8")
                continue
        if canonical_url(text) != d["url"]:
            bad(f"{d['path']}: canonical {canonical_url(text)} != {d['url']}")
        if h1_title(text) != d["title"]:
            bad(f"{d['path']}: <h1> {h1_title(text)!r} != title {d['title']!r}")
        title_tag = re.search(r"<title>(.*?)</title>", text, re.S)
        if not title_tag or d["title"] not in html.unescape(title_tag.group(1)):
            bad(f"{d['path']}: headline not repeated in <title>")
        md = meta_dates(text)
        if md and md != {d["date_published"]}:
            bad(f"{d['path']}: metadata dates {md} != {d['date_published']}")
        o = outlets[d["outlet"]]
        if ('application/ld+json' in text and '"datePublished"' in text) != o["has_jsonld"]:
            bad(f"{d['path']}: JSON-LD presence does not match outlet flag")
        if ('property="og:title"' in text) != o["has_opengraph"]:
            bad(f"{d['path']}: OpenGraph presence does not match outlet flag")
        paras = body_paragraphs(d["outlet"], text)
        words = sum(len(p.split()) for p in paras)
        if not 250 <= words <= 700 or len(paras) < 4:
            bad(f"{d['path']}: body has {words} words in {len(paras)} paragraphs")
        if d["wire_copy_of"]:
            src = next((x for x in docs if x["path"] == d["wire_copy_of"]), None)
            if not src or not outlets[src["outlet"]]["is_wire_agency"] or src["event"] != d["event"]:
                bad(f"{d['path']}: bad wire_copy_of {d['wire_copy_of']}")
            if d["wire"] is None:
                bad(f"{d['path']}: wire copy without wire name")
        recs[d["path"]] = dict(data=data, paras=paras)
    for p in exp["pasted"]:
        if not os.path.exists(os.path.join(ROOT, p["path"])):
            bad(f"pasted file missing: {p['path']}")
        elif p["event"] not in events:
            bad(f"pasted {p['path']}: unknown event")

    # feed
    arc = exp["archives"]
    try:
        rss = ElementTree.parse(os.path.join(ROOT, arc["feed"])).getroot()
        items = rss.findall("./channel/item")
        if len(items) != len(docs) or {i.findtext("link") for i in items} != set(urls):
            bad(f"feed: {len(items)} items, links differ from documents")
        ce = "{http://purl.org/rss/1.0/modules/content/}encoded"
        full = {next(d["outlet"] for d in docs if d["url"] == i.findtext("link")) for i in items if i.find(ce) is not None}
        if len(full) != 2:
            bad(f"feed: content:encoded present for outlets {sorted(full)} (want exactly two)")
    except (OSError, ElementTree.ParseError) as e:
        bad(f"feed: {e}")

    # sitemap
    try:
        sm = ElementTree.parse(os.path.join(ROOT, arc["sitemap"])).getroot()
        ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "n": "http://www.google.com/schemas/sitemap-news/0.9"}
        locs = [u.findtext("s:loc", namespaces=ns) for u in sm.findall("s:url", ns)]
        if sorted(locs) != sorted(urls):
            bad("sitemap: <loc> set differs from documents")
        if len(sm.findall(".//n:title", ns)) != len(docs):
            bad("sitemap: missing news:title")
    except (OSError, ElementTree.ParseError) as e:
        bad(f"sitemap: {e}")

    # warc
    try:
        members = gunzip_members(read_bytes(arc["warc"]))
        recs_w = [parse_warc_record(m) for m in members]
        types = [h["WARC-Type"] for h, _ in recs_w]
        if types[0] != "warcinfo" or types[1:] != ["request", "response"] * ((len(types) - 1) // 2) \
                or len(types) != 1 + 2 * len(arc["warc_pages"]):
            bad(f"warc: record types {types}")
        if len(arc["warc_pages"]) != 8 or len({p.split('/')[1] for p in arc["warc_pages"]}) < 3:
            bad("warc: want 8 pages from >= 3 outlets")
        if not any(d["encoding"] == "windows-1252" and d["path"] in arc["warc_pages"] for d in docs):
            bad("warc: windows-1252 page not included")
        ids = set()
        for (h, block), path in zip([r for r in recs_w if r[0]["WARC-Type"] == "response"], arc["warc_pages"]):
            d = next(x for x in docs if x["path"] == path)
            if h["WARC-Target-URI"] != d["url"]:
                bad(f"warc: target {h['WARC-Target-URI']} != {d['url']}")
            head, _, payload = block.partition(b"\r\n\r\n")
            m = re.search(rb"Content-Length: (\d+)", head)
            if not m or int(m.group(1)) != len(payload) or payload != recs.get(path, {}).get("data"):
                bad(f"warc: HTTP payload of {path} is not the page's exact bytes")
            if f"charset={d['encoding']}".encode() not in head:
                bad(f"warc: HTTP Content-Type charset of {path} wrong")
            if h.get("WARC-Payload-Digest") != sha1_b32(payload):
                bad(f"warc: payload digest of {path} wrong")
        for h, _ in recs_w:
            if not re.fullmatch(r"<urn:uuid:[0-9a-f-]{36}>", h["WARC-Record-ID"]) or h["WARC-Record-ID"] in ids:
                bad(f"warc: bad or duplicate record id {h['WARC-Record-ID']}")
            ids.add(h["WARC-Record-ID"])
    except (OSError, ValueError, KeyError) as e:
        bad(f"warc: {e}")

    for p in problems:
        print("CHECK FAILED:", p)
    if not problems:
        per_event = ", ".join(f"{e}={sum(1 for d in docs if d['event'] == e)}" for e in events)
        print(f"check ok: {len(docs)} pages, {len(outlets)} outlets, {len(events)} events on {len(days)} days "
              f"({per_event}); feed, sitemap and WARC ({len(arc['warc_pages'])} pages) consistent")
    return not problems


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="only check the corpus and the generated archives")
    args = ap.parse_args()
    if not args.check:
        build()
    sys.exit(0 if check() else 1)


if __name__ == "__main__":
    main()
