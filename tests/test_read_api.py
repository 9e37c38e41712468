"""One read API: the CLI, the Python API (``Chronicle``) and the web API return the same items,
in the same order, for every filter — and ``_`` and ``%`` in a filter are characters, not
wildcards."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from kronika.chronicle import Chronicle
from kronika.cli import main
from kronika.filters import FilterError, Filters
from kronika.web.app import create_app

ROOT = Path(__file__).resolve().parents[1]
INPUTS = [
    ROOT / "examples" / "kursk-north-korean-pow-2025-01-20.txt",
    ROOT / "tests" / "corpus" / "constructed" / "capture-second-report.txt",
    ROOT / "tests" / "corpus" / "undated" / "undated-report.txt",
]
# A report of our own whose publisher and sentence hold '_' and '%' (what LIKE reads as wildcards).
WILD = (
    "Ukrainian forces shelled Russian positions near Sudzha in Kursk Oblast on 5 February 2025, "
    "destroying 40% of a column, the Front_Line_100% Wire reported."
)


@pytest.fixture(scope="module")
def db(tmp_path_factory, pipeline) -> Path:
    folder = tmp_path_factory.mktemp("read-api")
    for p in INPUTS:
        shutil.copy(p, folder / p.name)
        if Path(f"{p}.meta.json").exists():
            shutil.copy(f"{p}.meta.json", folder / f"{p.name}.meta.json")
    (folder / "wild.txt").write_text(WILD, "utf-8")
    (folder / "wild.txt.meta.json").write_text(
        json.dumps({"source": "Front_Line_100% Wire", "published": "2025-02-06"}), "utf-8"
    )
    path = folder / "kronika.db"
    ch = Chronicle(path)
    report = ch.ingest([str(folder)], pipeline=pipeline)
    assert report.added == 4 and not report.failed
    ch.close()
    return path


@pytest.fixture(scope="module")
def client(db) -> TestClient:
    return TestClient(create_app(db), client=("127.0.0.1", 50000))


def _key(kind: str, row: dict) -> tuple:
    return (row["id"],) if kind == "chronicle" else (row["doc_id"], row["id"])


def python_ids(db: Path, kind: str, given: dict) -> list[tuple]:
    ch = Chronicle(db)
    try:
        if kind == "chronicle":
            return [(e.id,) for e in ch.chronicle(Filters.of(**given))]
        return [_key(kind, r) for r in getattr(ch, kind)(Filters.of(**given))]
    finally:
        ch.close()


CLI_OPTIONS = {"event_type": "--type", "text": "--text"}
WEB_PARAMS = {"event_type": "type", "text": "q"}


def cli_ids(db: Path, kind: str, given: dict) -> list[tuple]:
    args = [kind, "--db", str(db), "--format", "json"]
    for name, value in given.items():
        args += [CLI_OPTIONS.get(name, f"--{name}"), value]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    return [_key(kind, r) for r in json.loads(result.stdout)]


def web_ids(client: TestClient, kind: str, given: dict) -> list[tuple]:
    params = {WEB_PARAMS.get(k, k): v for k, v in given.items()}
    body = client.get(f"/api/{kind}", params={**params, "limit": 1000}).json()
    assert body["total"] == len(body["items"])
    return [_key(kind, r) for r in body["items"]]


FILTERS = [
    {},
    {"place": "Kursk"},
    {"place": "kursk oblast"},
    {"place": "Sudzha"},
    {"place": "_"},
    {"place": "%"},
    {"actor": "Ukrain"},
    {"actor": "north korea"},
    {"actor": "_"},
    {"source": "Euromaidan"},
    {"source": "Front_Line"},
    {"source": "_"},
    {"source": "100%"},
    {"source": "%"},
    {"source": "e_m"},
    {"text": "captured"},
    {"text": "40%"},
    {"text": "%"},
    {"text": "_"},
    {"since": "2025-01-15"},
    {"until": "2025-01-10"},
    {"since": "2025-01-01", "until": "2025-01-31"},
    {"event_type": "capture"},
    {"event_type": "Battles"},
    {"event_type": "armed clash"},
    {"event_type": "Explosions/Remote violence", "place": "Kursk"},
]
CASES = [
    (kind, f)
    for kind in ("events", "claims", "chronicle")
    for f in FILTERS
    if not (kind == "claims" and "event_type" in f)
]


@pytest.mark.parametrize(
    "kind, given", CASES, ids=[f"{k}-{'-'.join(f'{n}={v}' for n, v in f.items()) or 'all'}" for k, f in CASES]
)
def test_cli_python_and_web_return_the_same_items(db, client, kind, given):
    expected = python_ids(db, kind, given)
    assert cli_ids(db, kind, given) == expected
    assert web_ids(client, kind, given) == expected


def test_the_filters_find_what_they_say(db):
    """The parity above is not parity of empty answers: each filter selects a real subset."""
    every = {kind: set(python_ids(db, kind, {})) for kind in ("events", "claims", "chronicle")}
    assert all(len(v) >= 3 for v in every.values())
    wild = set(python_ids(db, "events", {"source": "Front_Line"}))
    assert wild and wild < every["events"]
    # '_' and '%' are literal: only the publisher that has them, not every row
    assert set(python_ids(db, "events", {"source": "_"})) == wild
    assert set(python_ids(db, "events", {"source": "100%"})) == wild
    assert python_ids(db, "events", {"source": "e_m"}) == []  # '_' is no wildcard: "Euromaidan" has no "e_m"
    assert python_ids(db, "events", {"place": "_"}) == [] and python_ids(db, "chronicle", {"place": "%"}) == []
    assert set(python_ids(db, "events", {"text": "40%"})) <= wild and python_ids(db, "events", {"text": "40%"})
    # a place matches its region: Sudzha is in Kursk Oblast (events and claims alike)
    for kind in ("events", "claims", "chronicle"):
        sudzha = set(python_ids(db, kind, {"place": "Sudzha"}))
        assert sudzha and sudzha < set(python_ids(db, kind, {"place": "Kursk"})), kind
    captures = python_ids(db, "events", {"event_type": "capture"})
    assert captures and set(captures) < every["events"]


def test_a_filter_that_can_match_nothing_is_refused_with_the_valid_values(db, client):
    with pytest.raises(FilterError, match="unknown event type 'Bogus type'; choose one of: Battles"):
        Chronicle(db).events(event_type="Bogus type")
    with pytest.raises(FilterError, match="--since: cannot read date"):
        Filters.of(since="yesterday")
    result = CliRunner().invoke(main, ["chronicle", "--db", str(db), "--type", "Bogus type"])
    assert result.exit_code == 1 and result.output.count("\n") == 1 and "choose one of: Battles" in result.output
    r = client.get("/api/chronicle", params={"type": "Bogus type"})
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["query", "type"]
    assert client.get("/api/events", params={"since": "yesterday"}).json()["detail"][0]["loc"] == ["query", "since"]


def test_exporters_take_records_so_a_filtered_chronicle_exports(db, tmp_path):
    import io

    from kronika import export

    ch = Chronicle(db)
    whole, part = io.StringIO(), io.StringIO()
    n_all = ch.export("geojson", whole)
    kursk = ch.chronicle(place="Kursk")
    n_kursk = export.write_geojson(kursk, part)
    assert 0 < n_kursk < n_all
    ids = {f["properties"]["id"] for f in json.loads(part.getvalue())["features"]}
    assert ids <= {e.id for e in kursk}
    assert export.write_acled([], io.StringIO()) == 0
    with pytest.raises(Exception, match="binary: give an output file"):
        ch.export("parquet", io.StringIO())
    ch.close()
