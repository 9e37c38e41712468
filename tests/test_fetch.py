"""Fetching a URL: only http(s), never a private or local address, at any hop of a redirect.

No outside traffic: names are resolved by a patched ``socket.getaddrinfo`` and connections to
the one "public" address below go to a loopback server started by the test."""

from __future__ import annotations

import http.server
import socket
import threading

import pytest
from click.testing import CliRunner

from kronika.cli import main
from kronika.errors import FetchError
from kronika.ingest import fetch_url

PUBLIC = "93.184.216.34"  # stands for a public web server; routed to the loopback server below
NAMES = {
    "news.example": PUBLIC,
    "inside.example": "127.0.0.1",
    "lan.example": "10.1.2.3",
    "mapped.example": "::ffff:127.0.0.1",
    "meta.example": "169.254.169.254",
}

ARTICLE = (
    b"<html><head><title>Drones over Kharkiv</title></head><body><article><h1>Drones over Kharkiv</h1>"
    b"<p>Ukrainian forces shot down 25 Russian drones over Kharkiv Oblast overnight, the Ukrainian Air "
    b"Force said on 3 March 2025.</p><p>Two civilians were wounded in Kharkiv when debris fell on a "
    b"residential building, regional governor Oleh Syniehubov said.</p></article></body></html>"
)


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        self.server.hosts.append(self.headers.get("Host"))
        if self.path.startswith("/to/"):
            self.send_response(302)
            self.send_header("Location", "http://" + self.path[4:])
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(ARTICLE)

    def log_message(self, *args):
        pass


@pytest.fixture
def web(monkeypatch):
    """A loopback server that 'news.example' (a public address) leads to; requests it saw."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.hosts = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    real_getaddrinfo, real_connect = socket.getaddrinfo, socket.create_connection

    rebinds = []

    def getaddrinfo(host, port, *args, **kw):
        if host == "rebind.example":  # public when checked, loopback the next time it is resolved
            rebinds.append(host)
            return real_getaddrinfo(PUBLIC if len(rebinds) == 1 else "127.0.0.1", port, *args, **kw)
        if host in NAMES or host.replace(".", "").isdigit() or ":" in host:
            address = NAMES.get(host, host)
            return real_getaddrinfo(address, port, *args, **kw)
        raise socket.gaierror(socket.EAI_NONAME, "not resolvable in this test")

    def create_connection(address, *args, **kw):
        if address[0] in (PUBLIC, "news.example"):
            return real_connect(("127.0.0.1", server.server_address[1]), *args, **kw)
        raise AssertionError(f"a connection to {address} was attempted")

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket, "create_connection", create_connection)
    yield server
    server.shutdown()


def test_a_public_page_is_fetched(web):
    doc = fetch_url("http://news.example/a")
    assert "25 Russian drones" in doc.text and doc.url == "http://news.example/a"
    assert web.hosts[-1] == "news.example"  # the name is sent, the vetted address connected to


def test_a_name_is_resolved_once_and_connected_to_as_checked(web):
    """DNS rebinding: the connection goes to the address that was checked, not a new answer."""
    doc = fetch_url("http://rebind.example/a")
    assert "25 Russian drones" in doc.text and web.hosts[-1] == "rebind.example"


@pytest.mark.parametrize(
    "url, message",
    [
        ("http://inside.example/", "refusing to fetch a private or local address (127.0.0.1)"),
        ("http://lan.example/", "refusing to fetch a private or local address (10.1.2.3)"),
        ("http://meta.example/latest", "refusing to fetch a private or local address (169.254.169.254)"),
        ("http://mapped.example/", "refusing to fetch a private or local address (::ffff:7f00:1)"),
        ("http://[::ffff:127.0.0.1]/", "refusing to fetch a private or local address (::ffff:7f00:1)"),
        ("http://[::1]:8000/", "refusing to fetch a private or local address (::1)"),
        ("http://127.0.0.1/", "refusing to fetch a private or local address (127.0.0.1)"),
        ("http://2130706433/", "refusing an IPv4 address written as '2130706433'"),
        ("http://0177.0.0.1/", "refusing an IPv4 address written as '0177.0.0.1'"),
        ("http://0x7f.0.0.1/", "refusing an IPv4 address written as '0x7f.0.0.1'"),
        ("http://127.1/", "refusing an IPv4 address written as '127.1'"),
        (
            "http://news.example/to/inside.example/x",
            "http://inside.example/x: refusing to fetch a private or local address",
        ),
        ("http://news.example/to/127.0.0.1:9/x", "http://127.0.0.1:9/x: refusing to fetch a private or local address"),
        ("http://news.example/to/[::ffff:10.0.0.1]/", "refusing to fetch a private or local address (::ffff:a00:1)"),
        ("http://news.example/to/2130706433/", "refusing an IPv4 address written as '2130706433'"),
        ("ftp://example.com/a", "ftp://example.com/a: only http:// and https:// URLs can be fetched, not ftp:"),
        ("file:///etc/passwd", "file:///etc/passwd: only http:// and https:// URLs can be fetched, not file:"),
    ],
)
def test_refused(web, url, message):
    with pytest.raises(FetchError) as info:
        fetch_url(url)
    assert message in str(info.value) and "\n" not in str(info.value)


@pytest.mark.parametrize("url", ["ftp://example.com/a", "file:///etc/passwd", "http://2130706433/"])
def test_refused_urls_are_one_line_in_the_cli(url, tmp_path):
    for args in (["analyze", url], ["ingest", url, "--db", str(tmp_path / "k.db"), "-q"]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 1
        errors = [l for l in result.stderr.splitlines() if l.startswith("kronika: error: ")]
        assert len(errors) == 1 and url in errors[0] and "no such file" not in errors[0]
