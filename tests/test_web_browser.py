"""The web UI in a real browser: Playwright driving Debian's chromium against a server on
127.0.0.1 started by the test, over a store built by ingesting the canonical example.

Screenshots go to docs/screenshots/ (the README shows them) only when asked for with
KRONIKA_SCREENSHOTS=1, so that running the tests leaves the git tree clean."""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="Debian's chromium is not installed (/usr/bin/chromium; apt-get install chromium)"
    ),
]
playwright_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "kursk-north-korean-pow-2025-01-20.txt"
SHOTS = ROOT / "docs" / "screenshots"
CAPTURE_2 = ROOT / "tests" / "corpus" / "constructed" / "capture-second-report.txt"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    from kronika.chronicle import Chronicle
    from kronika.web.app import create_app

    db = tmp_path_factory.mktemp("webui") / "kronika.db"
    # the example and a second (constructed) report of its capture: the chronicle merges the two
    Chronicle(db).ingest([str(EXAMPLE), str(CAPTURE_2)])
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    ctx = browser.new_context(viewport={"width": 1200, "height": 820})
    pg = ctx.new_page()
    pg.errors = []
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
    yield pg
    ctx.close()


def shot(page, name: str) -> bool:
    """Save the README's screenshot ``name`` when KRONIKA_SCREENSHOTS=1; True if saved."""
    if os.environ.get("KRONIKA_SCREENSHOTS") != "1":
        return False
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))
    return True


def test_screenshots_only_on_request(server, page, monkeypatch):
    monkeypatch.delenv("KRONIKA_SCREENSHOTS", raising=False)
    before = {p.name: p.stat().st_mtime_ns for p in SHOTS.glob("*.png")}
    page.goto(server + "/chronicle")
    assert shot(page, "chronicle") is False
    assert {p.name: p.stat().st_mtime_ns for p in SHOTS.glob("*.png")} == before


def doc_id(base: str, page) -> str:
    page.goto(base + "/")
    href = page.locator("#documents a[href^='/doc/']").first.get_attribute("href")
    return href.rsplit("/", 1)[1]


def test_article_view_highlights(server, page):
    did = doc_id(server, page)
    page.goto(f"{server}/doc/{did}")
    kursk = page.locator("#text .hl.k-place", has_text=re.compile(r"^Kursk Oblast$")).first
    kursk.wait_for()
    for kind in ("place", "time", "actor", "quantity"):
        assert page.locator(f"#text .hl.k-{kind}").count() > 0, kind
    assert page.locator("#text .hl.in-claim").count() > 0
    assert page.locator("#text .hl.k-time", has_text="11 January").count() >= 1
    kursk.click()
    details = page.locator("#details-body")
    assert "538555" in details.inner_text()  # Kursk Oblast's GeoNames entry
    assert "admin1" in details.inner_text()
    casualties = page.locator("#text .hl.k-quantity", has_text="3,800").first
    casualties.click()
    text = details.inner_text()
    assert "casualties" in text and "3,800" in text  # the claim covering the figure is shown too
    assert page.locator("#details-body a[href='https://www.geonames.org/538555']").count() == 0  # panel replaced
    kursk.scroll_into_view_if_needed()
    kursk.click()
    assert page.locator("#details-body a[href='https://www.geonames.org/538555']").count() == 1
    page.evaluate("window.scrollTo(0, 0)")
    shot(page, "article")
    assert not page.errors


def test_event_on_the_map_shows_its_sources(server, page):
    page.goto(f"{server}/events")
    page.wait_for_selector("#map[data-basemap='loaded']")
    assert page.locator("#map path.leaflet-interactive, #map path").count() > 100  # country outlines
    markers = page.locator("#map path.event-marker")
    assert markers.count() >= 1
    markers.last.click()  # the marker drawn last is on top of any it overlaps (a village beside its town)
    body = page.locator("#event-body")
    body.locator(".event-item").first.wait_for()
    src = body.locator(".source a").first
    assert re.fullmatch(r"/doc/[0-9a-f]+#s\d+", src.get_attribute("href"))
    sentence = body.locator("blockquote.sentence").first.inner_text()
    assert len(sentence) > 20
    assert page.locator("svg.timeline circle").count() >= 1
    shot(page, "events")
    src.click()
    page.wait_for_url(re.compile(r"/doc/[0-9a-f]+#s\d+$"))
    target = page.locator(".sent:target")
    assert target.count() == 1
    assert sentence.strip()[:40] in target.inner_text()
    assert not page.errors


def test_chronicle_lists_each_real_event_with_its_sources(server, page):
    page.goto(f"{server}/chronicle")
    table = page.locator("#chronicle-table")
    table.wait_for()
    merged = page.locator("tr.chronicle-event", has_text="2 sources")
    assert merged.count() >= 1
    reports = merged.first.locator("xpath=following-sibling::tr[1]").locator("ul.reports li")
    assert reports.count() == 2
    assert "Test Wire (constructed)" in reports.all_inner_texts()[0] + reports.all_inner_texts()[1]
    shot(page, "chronicle")
    link = reports.first.locator("a")
    href = link.get_attribute("href")
    assert re.fullmatch(r"/event/[0-9a-f]+/[\w-]+", href)
    link.click()
    page.wait_for_url(re.compile(re.escape(href) + "$"))
    assert not page.errors


def test_series_chart(server, page):
    page.goto(f"{server}/series?measure=casualties")
    chart = page.locator("svg.chart").first
    chart.wait_for()
    points = chart.locator("a.point")
    assert points.count() >= 1
    assert page.locator("section.series .meta").first.inner_text().startswith("low")
    shot(page, "series")
    href = points.first.get_attribute("href")
    m = re.fullmatch(r"/doc/([0-9a-f]+)#s(\d+)", href)
    assert m
    points.first.locator("circle").click()
    page.wait_for_url(re.compile(re.escape(href) + "$"))
    assert page.locator(f".sent#s{m.group(2)}:target").count() == 1
    assert not page.errors


def test_pasted_script_is_inert(server, page):
    page.goto(f"{server}/analyze")
    text = (
        "Russian forces struck Kharkiv with 12 drones overnight on 4 March 2025, regional governor "
        "Oleh Syniehubov said. <script>window.__pwned = 1; document.title = 'pwned'</script> "
        'Two people were wounded, he added. <img src=x onerror="window.__pwned = 2">'
    )
    page.fill("textarea[name=text]", text)
    page.fill("input[name=title]", "<b>Strike on Kharkiv</b><script>window.__pwned = 3</script>")
    page.fill("input[name=published]", "2025-03-04")
    page.click("button[value=analyze]")
    page.wait_for_selector("#text")
    assert page.evaluate("window.__pwned") is None
    assert page.title() != "pwned"
    assert page.locator("#text script, #text img, h1 script, h1 b").count() == 0
    shown = page.locator("#text").inner_text()
    assert "<script>window.__pwned = 1;" in shown and '<img src=x onerror="window.__pwned = 2">' in shown
    assert "<b>Strike on Kharkiv</b>" in page.locator("h1").inner_text()
    assert page.locator(".unsaved").count() == 1  # analysed, not stored
    assert page.locator("#text .hl.k-place", has_text="Kharkiv").count() >= 1
    shot(page, "analyze")
    page.click("#store-form button[value=add]")  # store it: the stored view is just as inert
    page.wait_for_url(re.compile(r"/doc/[0-9a-f]{16}$"))
    assert page.locator(".unsaved").count() == 0
    assert page.evaluate("window.__pwned") is None
    assert "<script>window.__pwned = 1;" in page.locator("#text").inner_text()
    page.goto(f"{server}/")
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#documents a", has_text="<b>Strike on Kharkiv</b>").count() == 1
    assert not page.errors


# A few vectors in the manner of OWASP's XSS filter-evasion cheat sheet (written for these tests):
# each would set window.__xss or open a dialog if the page ran it.
XSS = [
    "<script>window.__xss=1;alert(1)</script>",
    '<img src=x onerror="window.__xss=2;alert(2)">',
    "<svg/onload=window.__xss=3>",
    '"><iframe src="javascript:window.parent.__xss=4"></iframe>',
    '<a href="jav&#x09;ascript:alert(5)">x</a>',
    "<body onload=window.__xss=6>",
    "';window.__xss=7;//",
    '<math><mi xlink:href="javascript:alert(8)">m</mi></math>',
]


def test_xss_corpus_is_inert_on_every_page(server, page):
    """Payloads in the text, title, source and URL of a stored article: on every page, no dialog,
    no script run, no Content-Security-Policy violation."""
    import json
    import urllib.request

    dialogs, violations = [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    text = (
        "Russian forces struck Kharkiv with 12 drones on 4 March 2025, regional governor Oleh Syniehubov "
        "said. " + " ".join(XSS) + " Two people were wounded in Kharkiv, he added."
    )
    body = {
        "text": text,
        "title": "Strike " + XSS[0] + XSS[1],
        "source": "Wire " + XSS[2] + XSS[6],
        "url": "javascript:alert(9)//" + XSS[3],
        "published": "2025-03-04",
    }
    request = urllib.request.Request(
        f"{server}/api/documents", data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
    )
    stored = json.loads(urllib.request.urlopen(request, timeout=60).read())
    doc = stored.get("id") or stored.get("doc_id") or stored["document"]["id"]
    for path in (
        "/",
        f"/doc/{doc}",
        "/events",
        "/chronicle",
        "/claims",
        "/series",
        "/claims?q=Kharkiv",
        f"/events?q={XSS[0]}",
        f"/chronicle?source={XSS[2]}",
        f"/claims?place={XSS[1]}",
    ):
        page.goto(server + path)
        page.wait_for_load_state("load")
        assert page.evaluate("window.__xss") is None, path
    assert not dialogs and not violations and not page.errors
    page.goto(f"{server}/doc/{doc}")
    assert "<script>window.__xss=1;alert(1)</script>" in page.locator("#text").inner_text()
    assert page.locator("a[href^='javascript:']").count() == 0
