"""The command line: thin over the library; every user error is one line and a non-zero exit."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from kronika.cli import main


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args, input=None):
        return runner.invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)

    return invoke


def one_line_error(result, fragment: str) -> None:
    assert result.exit_code != 0
    lines = [l for l in result.stderr.splitlines() if l.strip()]
    assert any(l.startswith("kronika: error: ") and fragment in l for l in lines), result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_analyze_missing_file(run, tmp_path):
    one_line_error(run("analyze", tmp_path / "nope.txt"), "no such file or folder")


def test_analyze_empty_file(run, tmp_path):
    (tmp_path / "e.txt").write_text("")
    one_line_error(run("analyze", tmp_path / "e.txt"), "the file is empty")


def test_analyze_binary_file(run, tmp_path):
    (tmp_path / "b.txt").write_bytes(bytes(range(256)))
    one_line_error(run("analyze", tmp_path / "b.txt"), "binary data, not text")


def test_analyze_bad_date(run, example_path):
    one_line_error(run("analyze", example_path, "--published", "2025-02-30"), "impossible date")


def test_analyze_non_english_stdin(run):
    result = run("analyze", "-", input="Украинские военные взяли в плен двух северокорейских солдат в Курской области.")
    one_line_error(result, "not in English")


def test_queries_need_a_database(run, tmp_path):
    one_line_error(run("events", "--db", tmp_path / "none.db"), "no such database")


def test_unknown_export_format(run, tmp_path):
    result = run("export", "--db", tmp_path / "x.db", "--format", "xlsx")
    assert result.exit_code == 2 and "Invalid value" in result.stderr


def test_schema(run):
    schema = json.loads(run("schema").stdout)
    assert {"Claim", "Event", "Place", "TimeSpan", "Quantity"} <= set(schema["$defs"])


def test_analyze_example_json(run, example_path):
    result = run("analyze", example_path, "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["document"]["published"] == "2025-01-20"
    assert data["document"]["source"] == "Euromaidan Press"
    places = {p["geonameid"] for p in data["places"] if p["role"] == "location"}
    assert {538555, 486816, 703448} <= places
    measures = {c["measure"] for c in data["claims"]}
    assert {"casualties", "troops", "area", "captured"} <= measures


def test_ingest_query_export(run, tmp_path, example_path):
    db = tmp_path / "cli.db"
    result = run("ingest", example_path, "--db", db, "-q")
    assert result.exit_code == 0, result.stderr
    assert "1 added, 0 already stored, 0 failed" in result.stderr
    again = run("ingest", example_path, "--db", db, "-q")
    assert "0 added, 1 already stored" in again.stderr

    claims = json.loads(run("claims", "--db", db, "--measure", "casualties", "--format", "json").stdout)
    assert any(c["value"] == 3800 and "Zelenskyy" in (c["claimant"] or "") for c in claims)
    events = json.loads(run("events", "--db", db, "--place", "Kursk", "--format", "json").stdout)
    assert events and all("Kursk" in (e["place"] or "") or "Kursk" in (e["admin1"] or "") for e in events)
    since = json.loads(run("events", "--db", db, "--since", "2025-01-01", "--format", "json").stdout)
    assert since and all(str(e["date_end"] or e["date_start"] or e["published"]) >= "2025-01-01" for e in since)

    out = run("export", "--db", db, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert rows and len(rows[0]) == 31 and all(r["event_type"] for r in rows)
    gj = json.loads(run("export", "--db", db, "--format", "geojson").stdout)
    assert gj["type"] == "FeatureCollection" and gj["features"]
    assert all(-180 <= f["geometry"]["coordinates"][0] <= 180 for f in gj["features"])
    lines = run("export", "--db", db, "--format", "jsonl").stdout.splitlines()
    records = [json.loads(line) for line in lines]
    docs = [r for r in records if r["record"] == "document"]
    assert len(docs) == 1 and docs[0]["document"]["id"]
    assert {"event", "series"} <= {r["record"] for r in records}

    chron = run("chronicle", "--db", db)
    assert chron.exit_code == 0
    assert "2025-01-11" in chron.stdout and "Euromaidan Press" in chron.stdout

    # series into a pipe: plain lines, a header per series and one line per figure
    series = run("series", "--db", db, "--measure", "casualties")
    assert series.exit_code == 0
    head = next(l for l in series.stdout.splitlines() if l.startswith("casualties: Military Forces of North Korea"))
    assert "low " in head and "best " in head and "inconsistency" in head
    assert any(l.startswith("  ") and "Volodymyr Zelenskyy: 3,800" in l for l in series.stdout.splitlines())
    assert "┃" not in series.stdout and "│" not in series.stdout  # no table borders in a pipe
