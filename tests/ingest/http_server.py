#!/usr/bin/env python3
"""A local HTTP server for the ingest fetch tests: binds 127.0.0.1 on a free port, prints the
port on its first line of output, and serves the fixed routes below until killed."""
import gzip
import http.server
import sys
import time


def urlset(port, paths):
    locs = "".join(f"<url><loc>http://127.0.0.1:{port}{p}</loc></url>" for p in paths)
    return ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            + locs + "</urlset>").encode()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, body, ctype="text/html; charset=utf-8", extra=None):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        port = self.server.server_address[1]
        p = self.path
        if p == "/page.html":
            body = "<html><body><p>Новости гавани: причал откроется весной.</p></body></html>"
            self.send(200, body.encode("cp1251"), "text/html; charset=windows-1251")
        elif p == "/ua":
            self.send(200, f"<p>{self.headers.get('User-Agent', '')}</p>".encode())
        elif p.startswith("/redirect/"):
            n = int(p.rsplit("/", 1)[1])
            if n == 0:
                self.send(200, b"<p>arrived</p>")
            else:
                self.send(302, b"", extra={"Location": f"/redirect/{n - 1}"})
        elif p == "/loop":
            self.send(302, b"", extra={"Location": "/loop"})
        elif p == "/big":
            self.send(200, b"<p>" + b"x" * (3 << 20) + b"</p>")
        elif p == "/slow":
            time.sleep(3)
            self.send(200, b"<p>late</p>")
        elif p == "/paywall":
            self.send(403, b"<html><body><p>Subscribe to keep reading.</p></body></html>")
        elif p == "/legal":
            self.send(451, b"<html><body><p>Unavailable in your region.</p></body></html>")
        elif p == "/sitemap_index.xml":
            body = ('<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                    f"<sitemap><loc>http://127.0.0.1:{port}/sitemap-1.xml</loc></sitemap>"
                    f"<sitemap><loc>http://127.0.0.1:{port}/sitemap-2.xml.gz</loc></sitemap></sitemapindex>")
            self.send(200, body.encode(), "application/xml")
        elif p == "/sitemap-1.xml":
            self.send(200, urlset(port, ["/news/a", "/news/b"]), "application/xml")
        elif p == "/sitemap-2.xml.gz":
            self.send(200, gzip.compress(urlset(port, ["/news/c"])), "application/x-gzip")
        else:
            self.send(404, b"<p>no such page</p>")


def main():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    # Clients that give up (size cap, timeout) reset their connection; that is expected here.
    server.handle_error = lambda request, address: None
    sys.stdout.write(f"{server.server_address[1]}\n")
    sys.stdout.flush()
    server.serve_forever()


if __name__ == "__main__":
    main()
