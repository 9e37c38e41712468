"""The web app's JSON API and pages, through FastAPI's TestClient, on a real store built by
ingesting the canonical example with the full pipeline."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from kronika.chronicle import Chronicle
from kronika.web.app import create_app
from tests.conftest import ON_POSTGRES, copy_db, new_db, sqlite_only

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "kursk-north-korean-pow-2025-01-20.txt"
LOCAL = ("127.0.0.1", 50000)

# A short report written for these tests (real-looking, not from any publisher).
REPORT = (
    "Ukrainian forces shot down 25 Russian drones over Kharkiv Oblast overnight, the Ukrainian Air Force "
    "said on 3 March 2025. Two civilians were wounded in Kharkiv when debris fell on a residential "
    "building, regional governor Oleh Syniehubov said."
)


@pytest.fixture(scope="session")
def web_db(tmp_path_factory) -> Path:
    db = new_db(tmp_path_factory.mktemp("web"), "kronika.db")
    ch = Chronicle(db)
    ch.ingest([str(EXAMPLE)])
    if not ON_POSTGRES:
        with ch.store.engine.connect() as conn:  # fold the WAL into the file so copies are complete
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    ch.store.engine.dispose()
    return db


@pytest.fixture(scope="session")
def pipeline():
    from kronika.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def client(web_db, pipeline) -> TestClient:
    return TestClient(create_app(web_db, pipeline=pipeline), client=LOCAL)


@pytest.fixture()
def writable(web_db, tmp_path, pipeline):
    """A copy of the store for tests that write, and a factory of clients over it."""
    db = copy_db(web_db, tmp_path)

    def make(token=None, client=LOCAL, **kw) -> TestClient:
        return TestClient(create_app(db, token=token, pipeline=pipeline, **kw), client=client)

    return make


@pytest.fixture(scope="session")
def doc_id(client) -> str:
    items = client.get("/api/documents").json()["items"]
    assert len(items) == 1
    return items[0]["id"]


def example_text() -> str:
    return EXAMPLE.read_text("utf-8")


# --- API: reading ------------------------------------------------------------------------


def test_stats_and_documents(client, doc_id):
    stats = client.get("/api/stats").json()
    assert stats["documents"] == 1 and stats["events"] > 0 and stats["claims"] > 0
    doc = client.get(f"/api/documents/{doc_id}").json()
    assert doc["document"]["published"] == "2025-01-20"
    assert "On 11 January, Ukrainian forces reported capturing" in doc["document"]["text"]
    assert client.get("/api/documents/0000000000000000").status_code == 404


def test_items_keep_offsets_into_the_text(client, doc_id):
    text = client.get(f"/api/documents/{doc_id}").json()["document"]["text"]
    for e in client.get("/api/events", params={"limit": 1000}).json()["items"]:
        assert e["text"] and e["text"] in text
    for c in client.get("/api/claims", params={"limit": 1000}).json()["items"]:
        assert c["text"] and c["text"] in text


def test_events_filters_sort_and_pages(client):
    all_ = client.get("/api/events", params={"limit": 1000}).json()
    assert all_["total"] == len(all_["items"]) > 0
    types = {e["event_type"] for e in all_["items"]}
    one = sorted(types)[0]
    typed = client.get("/api/events", params={"type": one, "limit": 1000}).json()
    assert typed["total"] == sum(e["event_type"] == one for e in all_["items"])
    assert all(e["event_type"] == one for e in typed["items"])
    # date range: August 2024 holds the incursion into Kursk Oblast (the example says so)
    aug = client.get("/api/events", params={"since": "2024-08-01", "until": "2024-08-31"}).json()["items"]
    assert aug, "the August 2024 incursion should be an event of August 2024"
    for e in aug:
        start = dt.date.fromisoformat(e["date_start"] or e["published"])
        end = dt.date.fromisoformat(e["date_end"] or e["date_start"] or e["published"])
        assert start <= dt.date(2024, 8, 31) and end >= dt.date(2024, 8, 1)
    # sorting and paging
    desc = client.get("/api/events", params={"sort": "-date", "limit": 1000}).json()["items"]
    keys = [e["date_start"] or e["published"] for e in desc]
    assert keys == sorted(keys, reverse=True)
    if all_["total"] >= 2:
        first_two = client.get("/api/events", params={"limit": 2}).json()["items"]
        second = client.get("/api/events", params={"limit": 1, "offset": 1}).json()
        assert second["total"] == all_["total"] and second["items"] == first_two[1:2]
    assert client.get("/api/events", params={"sort": "nonsense"}).status_code == 422
    assert client.get("/api/events", params={"since": "not a date"}).status_code == 422
    assert client.get("/api/events", params={"limit": 100000}).status_code == 422


def test_event_by_id_names_its_source(client):
    e = client.get("/api/events", params={"limit": 1}).json()["items"][0]
    one = client.get(f"/api/events/{e['doc_id']}/{e['id']}").json()
    assert one["id"] == e["id"] and one["text"] == e["text"] and one["published"] == "2025-01-20"
    assert client.get(f"/api/events/{e['doc_id']}/nope").status_code == 404


def test_claims_filters(client):
    cas = client.get("/api/claims", params={"measure": "casualties", "limit": 1000}).json()["items"]
    assert cas and all(c["measure"] == "casualties" for c in cas)
    assert 3800 in [c["value"] for c in cas], "Zelenskyy's 3,800 North Korean casualties"
    claimant = next(c["claimant"] for c in cas if c["value"] == 3800)
    assert claimant
    word = max(claimant.split(), key=len)
    by = client.get("/api/claims", params={"actor": word.upper(), "limit": 1000}).json()["items"]
    assert any(c["value"] == 3800 for c in by)
    assert all(word.lower() in ((c["claimant"] or "") + (c["subject"] or "")).lower() for c in by)
    values = [
        c["value"]
        for c in client.get("/api/claims", params={"sort": "-value", "limit": 1000}).json()["items"]
        if c["value"] is not None
    ]
    assert values == sorted(values, reverse=True)
    txt = client.get("/api/claims", params={"q": "3,800"}).json()["items"]
    assert txt and all("3,800" in c["text"] for c in txt)


def test_places_and_actors(client):
    places = client.get("/api/places", params={"limit": 1000}).json()["items"]
    ids = {p["geonameid"] for p in places}
    assert 538555 in ids, "Kursk Oblast (GeoNames 538555)"
    kursk = client.get("/api/places", params={"q": "Kursk"}).json()["items"]
    assert kursk and all("kursk" in p["place"].lower() for p in kursk)
    actors = client.get("/api/actors", params={"limit": 1000}).json()
    assert actors["total"] == len(actors["items"]) > 0
    counts = [a["events"] + a["claims"] for a in actors["items"]]
    assert counts == sorted(counts, reverse=True)


def test_series_point_to_their_sentences(client, doc_id):
    series = client.get("/api/series", params={"measure": "casualties", "limit": 50}).json()
    assert series["total"] >= 1
    doc = client.get(f"/api/documents/{doc_id}").json()
    sentences = {s["index"]: s["text"] for s in doc["sentences"]}
    points = [p for s in series["items"] for p in s["points"]]
    p3800 = [p for p in points if p["value"] == 3800]
    assert p3800, "the 3,800 casualties claim is a point of a casualties series"
    assert "3,800" in sentences[p3800[0]["sentence"]]
    assert all(s["measure"] == "casualties" for s in series["items"])


def test_openapi_lists_every_endpoint(client):
    spec = client.get("/openapi.json").json()
    for path in (
        "/api/documents",
        "/api/events",
        "/api/claims",
        "/api/series",
        "/api/places",
        "/api/actors",
        "/api/analyze",
    ):
        assert path in spec["paths"]
    params = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"since", "until", "type", "actor", "place", "source", "sort", "limit", "offset"} <= params
    page = client.get("/api")
    assert page.status_code == 200 and "/api/events" in page.text


# --- API: writing -------------------------------------------------------------------------


def test_analyze_does_not_store(writable):
    c = writable()
    before = c.get("/api/stats").json()
    r = c.post("/api/analyze", json={"text": REPORT, "published": "2025-03-03", "source": "Test Wire"})
    assert r.status_code == 200, r.text
    a = r.json()
    assert a["document"]["source"] == "Test Wire" and a["document"]["published"] == "2025-03-03"
    assert any("Kharkiv" in p["text"] for p in a["places"])
    assert c.get("/api/stats").json() == before


def test_ingest_stores_once(writable):
    c = writable()
    r = c.post("/api/documents", json={"text": REPORT, "published": "2025-03-03", "title": "Drones over Kharkiv"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["stored"] is True
    assert c.get("/api/stats").json()["documents"] == 2
    assert c.get(f"/api/documents/{body['id']}").json()["document"]["title"] == "Drones over Kharkiv"
    again = c.post("/api/documents", json={"text": REPORT, "published": "2025-03-03"}).json()
    assert again["stored"] is False and again["id"] == body["id"]
    assert c.get("/api/stats").json()["documents"] == 2


def test_bad_inputs_are_clear_errors(writable):
    c = writable()
    assert c.post("/api/analyze", json={"text": "   "}).status_code == 422
    assert c.post("/api/analyze", json={"text": REPORT, "published": "yesterday-ish"}).status_code == 422
    assert c.post("/api/analyze", json={"nope": 1}).status_code == 422


def test_writes_need_token_off_loopback(writable):
    remote = writable(client=("203.0.113.9", 40000))
    assert remote.get("/api/stats").status_code == 200  # reading is open
    assert remote.post("/api/documents", json={"text": REPORT}).status_code == 403
    guarded = writable(token="s3cret-token", client=("203.0.113.9", 40000))
    assert guarded.post("/api/analyze", json={"text": REPORT}).status_code == 401
    bad = guarded.post("/api/analyze", json={"text": REPORT}, headers={"Authorization": "Bearer wrong"})
    assert bad.status_code == 401
    ok = guarded.post("/api/analyze", json={"text": REPORT}, headers={"Authorization": "Bearer s3cret-token"})
    assert ok.status_code == 200
    ok2 = guarded.post("/api/analyze", json={"text": REPORT}, headers={"X-Kronika-Token": "s3cret-token"})
    assert ok2.status_code == 200
    form = guarded.post("/analyze", data={"text": REPORT, "action": "analyze"})
    assert form.status_code == 401 and "token" in form.text


def test_request_size_limits(writable):
    c = writable(max_body=20_000, max_text=5_000)
    big = c.post("/api/analyze", json={"text": "word " * 10_000})
    assert big.status_code == 413
    long_text = c.post("/api/analyze", json={"text": REPORT * 30})  # under the body cap, over the text cap
    assert long_text.status_code == 413
    upload = c.post(
        "/analyze", data={"action": "analyze"}, files={"file": ("a.txt", (REPORT * 30).encode(), "text/plain")}
    )
    assert upload.status_code == 413


def test_cross_origin_posts_refused(writable):
    c = writable()
    r = c.post("/api/analyze", json={"text": REPORT}, headers={"Origin": "http://evil.example"})
    assert r.status_code == 403


# --- pages --------------------------------------------------------------------------------


def test_article_view_highlights_from_offsets(client, doc_id):
    r = client.get(f"/doc/{doc_id}")
    assert r.status_code == 200
    assert "default-src 'self'" in r.headers["content-security-policy"]
    html = r.text
    spans = re.findall(r'<span class="hl k-(\w+)[^"]*" data-items="([^"]+)"[^>]*>([^<]*)</span>', html)
    kinds = {k for k, _, _ in spans}
    assert {"place", "time", "actor", "quantity"} <= kinds
    assert ("place", "Kursk Oblast") in {(k, t) for k, _, t in spans}
    assert ("time", "11 January") in {(k, t) for k, _, t in spans} or ("time", "On 11 January") in {
        (k, t) for k, _, t in spans
    }
    # the text shown is the document text, piece by piece (entities decoded back)
    shown = re.sub(r"<[^>]+>", "", html.split('id="text">', 1)[1].split("</div>", 1)[0])
    shown = (
        shown.replace("&#34;", '"')
        .replace("&#39;", "'")
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
    )
    assert shown == client.get(f"/api/documents/{doc_id}").json()["document"]["text"]
    assert "GeoNames" in html and "CC BY 4.0" in html


def test_pages_render(client, doc_id):
    ev = client.get("/events")
    assert (
        ev.status_code == 200
        and 'id="map"' in ev.text
        and "markers-data" in ev.text
        and "/static/vendor/leaflet/leaflet.js" in ev.text
    )
    assert '<svg class="timeline"' in ev.text
    e = client.get("/api/events", params={"limit": 1}).json()["items"][0]
    page = client.get(f"/event/{e['doc_id']}/{e['id']}")
    assert page.status_code == 200 and f"/doc/{e['doc_id']}#s{e['sentence']}" in page.text
    assert client.get("/claims", params={"measure": "casualties"}).status_code == 200
    assert client.get("/", params={"sort": "title"}).status_code == 200
    assert client.get("/analyze").status_code == 200
    assert client.get("/doc/nope").status_code == 404
    assert client.get("/static/vendor/world-atlas/countries-110m.json").json()["type"] == "Topology"
    s = client.get("/series")
    assert s.status_code == 200 and '<svg class="chart"' in s.text
    assert re.search(rf'<a class="point" href="/doc/{doc_id}#s\d+">', s.text)
    # every point is drawn inside its chart (the y axis reaches the largest figure)
    for m in re.finditer(r'<svg class="chart" viewBox="0 0 (\d+) (\d+)"(.*?)</svg>', s.text, re.S):
        w, h, body = int(m.group(1)), int(m.group(2)), m.group(3)
        for cx, cy in re.findall(r'<circle cx="([\d.-]+)" cy="([\d.-]+)"', body):
            assert 0 <= float(cx) <= w and 0 <= float(cy) <= h


def test_ingested_html_is_escaped(writable):
    c = writable()
    evil = (
        '<script>alert("x")</script> Ukrainian forces shot down 25 Russian drones over Kharkiv Oblast '
        "on 3 March 2025, the Ukrainian Air Force said. <img src=x onerror=alert(1)>"
    )
    r = c.post(
        "/api/documents",
        json={
            "text": evil,
            "title": "<b onmouseover=alert(2)>Drones</b>",
            "published": "2025-03-03",
            "url": "javascript:alert(3)",
        },
    )
    assert r.status_code == 200, r.text
    html = c.get(f"/doc/{r.json()['id']}").text
    assert "<script>alert" not in html and "<img src=x" not in html and "<b onmouseover" not in html
    assert "&lt;script&gt;alert(" in html and "&lt;img src=x onerror=alert(" in html
    assert "javascript:alert" not in html
    index = c.get("/").text
    assert "<b onmouseover" not in index and "&lt;b onmouseover=alert(2)&gt;Drones&lt;/b&gt;" in index


# --- the serve command --------------------------------------------------------------------


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def served(monkeypatch):
    """``kronika serve`` up to the point of serving: (app, bound socket) of each run."""
    import uvicorn

    calls = []

    def run(self, sockets=None):
        calls.append((self.config.app, sockets[0]))

    monkeypatch.setattr(uvicorn.Server, "run", run)
    monkeypatch.delenv("KRONIKA_TOKEN", raising=False)
    yield calls
    for _, sock in calls:
        sock.close()


def test_serve_command(web_db, served):
    from click.testing import CliRunner

    from kronika.cli import main

    port = _free_port()
    r = CliRunner().invoke(main, ["serve", "--db", str(web_db), "--port", str(port)])
    assert r.exit_code == 0, r.output
    app, sock = served[-1]
    assert sock.getsockname() == ("127.0.0.1", port) and app.state.token is None
    # off loopback, a token is generated and printed, and writes need it
    r = CliRunner().invoke(main, ["serve", "--db", str(web_db), "--host", "0.0.0.0", "--port", str(_free_port())])
    assert r.exit_code == 0, r.output
    app, sock = served[-1]
    token = app.state.token
    assert sock.getsockname()[0] == "0.0.0.0" and token and token in r.output
    c = TestClient(app, client=LOCAL)
    assert c.post("/api/analyze", json={"text": REPORT}).status_code == 401
    r = CliRunner().invoke(
        main, ["serve", "--db", str(web_db), "--host", "0.0.0.0", "--port", str(_free_port()), "--token", "given-token"]
    )
    assert served[-1][0].state.token == "given-token" and "given-token" not in r.output


@sqlite_only
def test_serve_refuses_a_missing_database(tmp_path, served):
    from click.testing import CliRunner

    from kronika.cli import main

    r = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "typo.db"), "--port", str(_free_port())])
    assert r.exit_code == 1 and served == []
    assert (
        r.stderr.strip() == f"kronika: error: {tmp_path / 'typo.db'}: no such database; "
        f"run `kronika ingest PATH --db {tmp_path / 'typo.db'}` first"
    )
    assert list(tmp_path.iterdir()) == []  # no database, no -wal, no -shm


@sqlite_only
def test_serve_leaves_no_wal_files(web_db, tmp_path, served):
    from click.testing import CliRunner

    from kronika.cli import main

    db = tmp_path / "k.db"
    shutil.copy(web_db, db)
    r = CliRunner().invoke(main, ["serve", "--db", str(db), "--port", str(_free_port())])
    assert r.exit_code == 0, r.output
    c = TestClient(served[-1][0], client=LOCAL)
    assert c.get("/api/stats").json()["documents"] == 1  # the store was opened and read
    served[-1][0].state.store.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["k.db"]


def test_serve_on_a_busy_port_is_one_line_before_serving(web_db, served):
    import socket

    from click.testing import CliRunner

    from kronika.cli import main

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        r = CliRunner().invoke(main, ["serve", "--db", str(web_db), "--port", str(port)])
    assert r.exit_code == 1 and served == []
    assert r.stderr.strip() == f"kronika: error: cannot serve on 127.0.0.1:{port}: Address already in use"
    assert "serving" not in r.output


# --- closed vocabularies: unknown values are 422 with the valid ones ------------------------


@pytest.mark.parametrize(
    "path, param, valid",
    [
        ("/api/claims", "measure", "killed"),
        ("/api/series", "measure", "captured"),
        ("/api/events", "type", "Battles"),
        ("/api/chronicle", "type", "Armed clash"),
        ("/api/events", "status", "occurred"),
        ("/api/claims", "modality", "asserted"),
    ],
)
def test_unknown_enum_values_are_422_with_the_valid_ones(client, path, param, valid):
    r = client.get(path, params={param: "<script>alert(1)</script>"})
    assert r.status_code == 422
    [error] = r.json()["detail"]  # shaped like FastAPI's own validation errors
    assert error["loc"] == ["query", param] and error["input"] == "<script>alert(1)</script>"
    assert (
        error["msg"].startswith(f"unknown {param} '<script>alert(1)</script>'; choose one of: ")
        and valid in error["msg"]
    )
    assert client.get(path, params={param: valid}).status_code == 200


def test_unknown_sort_is_422_with_the_valid_ones(client):
    r = client.get("/api/claims", params={"sort": "<b>"})
    assert r.status_code == 422 and "choose one of date, measure, value" in r.json()["detail"][0]["msg"]


def test_measure_filter_page_is_an_error_page(client):
    r = client.get("/claims", params={"measure": "<script>alert(1)</script>"})
    assert r.status_code == 422 and "<script>alert(1)" not in r.text and "choose one of" in r.text


# --- the chronicle: one real event, all its sources ----------------------------------------

CAPTURE_2 = Path(__file__).resolve().parent / "corpus" / "constructed" / "capture-second-report.txt"


@pytest.fixture(scope="module")
def chronicle_client(web_db, tmp_path_factory, pipeline) -> TestClient:
    """The example plus a second (constructed) report of the same capture, merged."""
    db = copy_db(web_db, tmp_path_factory.mktemp("chron"), "kronika.db")
    ch = Chronicle(db)
    ch.ingest([str(CAPTURE_2)], pipeline=pipeline)
    ch.store.engine.dispose()
    return TestClient(create_app(db, pipeline=pipeline), client=LOCAL)


def test_api_chronicle_merges_the_capture_from_two_sources(chronicle_client):
    body = chronicle_client.get("/api/chronicle", params={"min_sources": 2}).json()
    assert body["total"] >= 1
    capture = next(e for e in body["items"] if e["kind"] == "capture")
    assert capture["n_sources"] == 2 and str(capture["date_start"]) == "2025-01-11"
    assert capture["actor1"].startswith("Military Forces of Ukraine")
    sources = {r["source"] for r in capture["reports"]}
    assert sources == {"Euromaidan Press", "Test Wire (constructed)"}
    assert all(r["text"] and r["doc_id"] and r["event_id"] for r in capture["reports"])
    everything = chronicle_client.get("/api/chronicle").json()
    assert everything["total"] > body["total"]  # single-source events too
    # filters reach through the reports
    assert chronicle_client.get("/api/chronicle", params={"source": "Test Wire", "min_sources": 2}).json()["total"] >= 1
    assert chronicle_client.get("/api/chronicle", params={"source": "no such wire"}).json()["total"] == 0
    assert chronicle_client.get("/api/chronicle", params={"sort": "bogus"}).status_code == 422


def test_chronicle_page_lists_sources_escaped(chronicle_client):
    html = chronicle_client.get("/chronicle", params={"min_sources": 2}).text
    assert "Test Wire (constructed)" in html and "Euromaidan Press" in html
    assert 'href="/chronicle"' in html  # in the navigation
    rows = re.findall(r'<tr class="chronicle-event"', html)
    assert len(rows) >= 1
    assert "<script>alert" not in chronicle_client.get("/chronicle", params={"q": "<script>alert(1)</script>"}).text


def test_events_map_marks_region_points_and_credits_the_place_data(client):
    import json as _json
    import re as _re

    html = client.get("/events").text
    markers = _json.loads(
        _re.search(r'<script type="application/json" id="markers-data">(.*?)</script>', html, _re.S).group(1)
    )
    assert markers
    # the example's events in Kursk Oblast (an oblast's point) are regions; those in a town are not
    assert all(m["region"] == (m["level"] != "populated_place") for m in markers if m["level"])
    assert any(m["region"] for m in markers)
    assert "map-legend" in html
    for credit in ("GeoNames", "OpenWeatherMap", "Who's On First", "OCHA", "tochno.st"):
        assert credit in html, credit


# --- undated items, and the place filter as the CLI reads it ---------------------------------

UNDATED = Path(__file__).resolve().parent / "corpus" / "undated" / "undated-report.txt"


@pytest.fixture(scope="module")
def undated_client(web_db, tmp_path_factory, pipeline) -> TestClient:
    """The example plus a report that gives no date at all (no publication date either)."""
    db = copy_db(web_db, tmp_path_factory.mktemp("undated"), "kronika.db")
    ch = Chronicle(db)
    ch.ingest([str(UNDATED)], pipeline=pipeline)
    ch.store.engine.dispose()
    return TestClient(create_app(db, pipeline=pipeline), client=LOCAL)


def test_events_place_filter_finds_what_the_cli_finds(client, web_db):
    from click.testing import CliRunner

    from kronika.cli import main

    cli = CliRunner().invoke(main, ["events", "--db", str(web_db), "--place", "Kursk", "--format", "json"])
    wanted = {(r["doc_id"], r["id"]) for r in __import__("json").loads(cli.stdout)}
    api = client.get("/api/events", params={"place": "Kursk", "limit": 500}).json()
    assert {(r["doc_id"], r["id"]) for r in api["items"]} == wanted
    assert "Sudzha" in {r["place"] for r in api["items"]}  # in Kursk Oblast: matched by its region
    assert "Sudzha" in client.get("/events", params={"place": "Kursk"}).text


def test_undated_rows_come_last(undated_client):
    for path in ("/api/events", "/api/claims", "/api/chronicle"):
        items = undated_client.get(path, params={"limit": 500}).json()["items"]
        dated = [r["date_start"] is not None for r in items]
        assert False in dated and True in dated, path
        assert dated == sorted(dated, reverse=True), path  # every dated row before every undated one
    html = undated_client.get("/events").text
    assert html.index("Kursk Oblast") < html.index("Velyka Pysarivka")


def test_undated_chronicle_rows_are_not_said_to_be_dated_from_publication(undated_client):
    html = undated_client.get("/chronicle", params={"place": "Vovchansk"}).text
    rows = re.findall(r'<tr class="chronicle-event".*?</tr>', html, re.S)
    assert rows and all("date from publication" not in r for r in rows)
    # the example's proposal gives no date of its own: its row says it is dated from publication
    assert "date from publication" in undated_client.get("/chronicle", params={"type": "Agreement"}).text


def test_undated_series_is_not_drawn_on_an_invented_axis(undated_client):
    from kronika.web import render

    body = undated_client.get("/api/series", params={"max_points": 0, "limit": 500}).json()
    undated = [s for s in body["items"] if s["points"] and all(p["date"] is None for p in s["points"])]
    assert undated
    chart = render.series_chart(undated[0])
    assert chart.points == [] and chart.x_ticks == [] and chart.undated == len(undated[0]["points"])
    html = undated_client.get("/series", params={"key": undated[0]["key"]}).text
    assert "No dated figure to draw" in html and '<svg class="chart"' not in html
