#!/usr/bin/env python3
"""Writes seed corpora for the ingest fuzzers (fuzz/corpus-{warc,feed,sitemap,charset,detect}/).

Run from the repository root. Everything is derived from the demo corpus (our own fictional
pages) plus a few small hand-written feeds, so the seeds reach every framing and label path:
  warc     the demo archive, its first record alone, plain / whole-file gzip / zstd / truncated
           variants, and a record with a wrong Content-Length
  feed     the demo RSS, an Atom feed with xml:base, an RDF (RSS 1.0) feed, JSON lines
  sitemap  the demo news sitemap, a sitemap index, a page with feed links, odd date strings
  charset  one page per legacy encoding, first byte picking the label as fuzz_charset expects
  detect   one file of each input kind
  robots-url  robots.txt files (groups, wildcards, crawl-delay) whose last lines are a base
           URL and a URL, as fuzz_robots_url reads them
  listing  the feed and sitemap seeds, gzip'ed and UTF-16 variants, a home page with feed links
"""
import glob
import gzip
import os
import shutil
import subprocess
import zlib

ROOT = os.getcwd()
OUT = os.path.join(ROOT, "fuzz")


def put(corpus, name, data):
    d = os.path.join(OUT, "corpus-" + corpus)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def gzip_members(raw):
    """Splits a multi-member gzip file into its members' compressed bytes."""
    members, pos = [], 0
    while pos < len(raw):
        d = zlib.decompressobj(wbits=31)
        d.decompress(raw[pos:])
        used = len(raw) - pos - len(d.unused_data)
        members.append(raw[pos:pos + used])
        pos += used
    return members


def main():
    warc_gz = open("data/demo/archive/demo.warc.gz", "rb").read()
    plain = gzip.decompress(warc_gz)
    members = gzip_members(warc_gz)
    put("warc", "demo.warc.gz", warc_gz)
    put("warc", "first-record.warc.gz", b"".join(members[:2]))
    put("warc", "plain.warc", plain[:60000])
    put("warc", "whole-file.warc.gz", gzip.compress(plain[:60000]))
    put("warc", "truncated.warc.gz", b"".join(members[:3])[:-100])
    zst = subprocess.run(["zstd", "-q", "-c"], input=plain[:60000], capture_output=True)
    if zst.returncode == 0:
        put("warc", "plain.warc.zst", zst.stdout)
    bad_len = plain[:20000].replace(b"Content-Length: ", b"Content-Length: 9", 1)
    put("warc", "bad-content-length.warc", bad_len)
    # Issue 26: folded headers, no reason phrase, chunked (broken), no Content-Length, redirect.
    def record(fields, block, length=None):
        n = str(len(block)).encode() if length is None else length
        return b"WARC/1.1\r\n" + fields + b"Content-Length: " + n + b"\r\n\r\n" + block + b"\r\n\r\n"
    resp = (b"WARC-Type: response\r\nWARC-Target-URI: https://quay.test/a\r\n"
            b"Content-Type: application/http;\r\n msgtype=response\r\n")
    lenient = (
        record(resp, b"HTTP/1.1 200\r\nContent-Type: text/html\r\n\r\n<p>no reason</p>")
        + record(resp, b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                       b"7;x=y\r\n<p>kept\r\n40\r\n cut chunk")
        + record(resp, b"HTTP/1.1 200 OK\r\n\r\n<p>no length</p>", b"")
        + record(resp, b"HTTP/1.1 301 Moved\r\nLocation: https://quay.test/b\r\n\r\n")
        + record(b"WARC-Type: resource\r\nWARC-Target-URI: urn:X-wpull:log\r\n"
                 b"Content-Type: text/plain\r\n", b"log line\r\n"))
    put("warc", "lenient.warc", lenient)
    put("warc", "lenient.warc.gz", gzip.compress(lenient))

    put("feed", "demo.rss", open("data/demo/feeds/demo.rss", "rb").read())
    put("feed", "atom.xml", """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://news.test/world/">
  <title>World desk</title>
  <entry><title type="html">Ferry &amp;amp; port talks resume</title>
    <link rel="alternate" href="2026/11/ferry-talks"/><id>tag:news.test,2026:1</id>
    <author><name>Ines Calder</name></author>
    <published>2026-11-02T08:00:00+01:00</published><updated>2026-11-02T09:30:00Z</updated>
    <content type="html">&lt;p&gt;Negotiators met again on Monday.&lt;/p&gt;</content></entry>
</feed>
""")
    put("feed", "rdf.xml", """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel rdf:about="https://wire.test/"><title>Wire</title><link>https://wire.test/</link></channel>
  <item rdf:about="https://wire.test/a/1"><title>Grain convoy reaches port</title>
    <link>https://wire.test/a/1</link><dc:date>Mon, 02 Nov 2026 10:00:00 GMT</dc:date>
    <dc:creator>Tomas Vell</dc:creator>
    <content:encoded><![CDATA[<p>The convoy of 14 trucks arrived.</p>]]></content:encoded></item>
</rdf:RDF>
""")
    put("feed", "lines.jsonl", '{"url":"https://a.test/1","html":"<p>One</p>","lang":"en"}\n'
        '{"url":"https://a.test/2","text":"Two paragraphs.\\n\\nOf text."}\n{"url":\n')

    put("sitemap", "news-sitemap.xml", open("data/demo/sitemap.xml", "rb").read())
    put("sitemap", "index.xml", """<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://site.test/sitemaps/news-1.xml.gz</loc><lastmod>2026-11-02</lastmod></sitemap>
  <sitemap><loc>/sitemaps/news-2.xml</loc></sitemap>
</sitemapindex>
""")
    put("sitemap", "page-with-feeds.html", """<!doctype html><html><head>
<link rel="alternate" type="application/rss+xml" title="World" href="/feeds/world.xml">
<link rel="alternate" type="application/atom+xml" href="https://site.test/atom">
</head><body><p>x</p></body></html>
""")
    put("sitemap", "dates.txt", "Mon, 2 Nov 2026 10:00:00 +0100")
    for kind, corpus in (("feeds", "feed"), ("sitemaps", "sitemap"), ("charset", "charset")):
        for path in sorted(glob.glob("tests/fixtures/ingest/%s/*" % kind)):
            data = open(path, "rb").read()
            put(corpus, "fixture-" + os.path.basename(path), b"\x00" + data if corpus == "charset" else data)

    labels = ["", "utf-8", "windows-1252", "shift_jis", "euc-kr", "gbk", "gb18030", "big5",
              "euc-jp", "iso-2022-jp", "windows-1251", "koi8-r", "utf-16le", "utf-16be",
              "iso-8859-2", "x-bogus", "x-user-defined", "iso-2022-kr", "macintosh", "ibm866"]
    samples = {
        "shift_jis": "<p>港の労働者が四十八時間のストライキを始めた。</p>",
        "euc-jp": "<p>港の労働者がストライキ。</p>",
        "iso-2022-jp": "<p>港の労働者。</p>",
        "euc-kr": "<p>항구 노동자들이 파업을 시작했다.</p>",
        "gbk": "<p>港口工人开始罢工四十八小时。</p>",
        "gb18030": "<p>港口工人罢工。</p>",
        "big5": "<p>港口工人罷工。</p>",
        "windows-1251": "<p>Портовые рабочие начали забастовку.</p>",
        "koi8-r": "<p>Портовые рабочие.</p>",
        "windows-1252": "<p>Les dockers ont cessé le travail à l'aube.</p>",
        "iso-8859-2": "<p>Dokowcy rozpoczęli strajk w środę.</p>",
        "utf-16le": "<p>Dockers struck at dawn.</p>",
        "utf-16be": "<p>Dockers struck at dawn.</p>",
        "utf-8": "<p>Dockers struck — “48 hours”.</p>",
    }
    for label, text in samples.items():
        put("charset", label, bytes([labels.index(label)]) + text.encode(label))
        # Undeclared: label index 0 sends the bytes to detection.
        put("charset", "undeclared-" + label, b"\x00" + text.encode(label))
        if label.startswith("utf-16"):  # without the byte-order mark Python writes for "utf-16"
            put("charset", "nobom-" + label, b"\x00" + ("<html><body>" + text).encode(label))

    for path in glob.glob("data/demo/pages/*")[:3] + glob.glob("data/demo/pasted/*")[:2]:
        if os.path.isfile(path):
            put("detect", os.path.basename(path), open(path, "rb").read())
    for corpus in ("feed", "sitemap"):
        for f in glob.glob(os.path.join(OUT, "corpus-" + corpus, "*")):
            shutil.copy(f, os.path.join(OUT, "corpus-detect", corpus + "-" + os.path.basename(f)))
    put("detect", "first-record.warc.gz", b"".join(members[:2]))

    put("robots-url", "groups.txt", "User-agent: *\nDisallow: /private/\nAllow: /private/ok$\n"
        "\nUser-agent: WireBrief/1.0\nDisallow: /*.pdf$\nDisallow: /search*q=\nCrawl-delay: 2.5\n"
        "Sitemap: https://h.test/sitemap.xml\nhttps://h.test/a/b/c?q=1\n../d/./e?utm_source=x#f")
    put("robots-url", "escapes.txt", "User-agent: *\nDisallow: /%7ejane/\nDisallow: /caf\u00e9\n"
        "HTTP://H.Test:80/x/%7e/\n//other.test/%2E%2E/y z")
    put("robots-url", "ipv6.txt", "useragent: wirebrief\ndisallow: private\n"
        "http://[::1]:8080/a/\nhttps://xn--caf-dma.test/caf%C3%A9?a=1&&fbclid=2")
    for corpus in ("feed", "sitemap"):
        for f in glob.glob(os.path.join(OUT, "corpus-" + corpus, "*")):
            data = open(f, "rb").read()
            name = os.path.basename(f)
            put("listing", name, data)
            put("listing", name + ".gz", gzip.compress(data))
    put("listing", "news-sitemap-utf16.xml",
        open("data/demo/sitemap.xml", "rb").read().decode("utf-8").encode("utf-16"))


if __name__ == "__main__":
    main()
