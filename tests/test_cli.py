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


# --- what a new user hits (issue 16) ------------------------------------------------------------

REPORT = (
    "Ukrainian forces shot down 25 Russian drones over Kharkiv Oblast overnight, the Ukrainian Air "
    "Force said on 3 March 2025. Two civilians were wounded in Kharkiv when debris fell on a "
    "residential building, regional governor Oleh Syniehubov said."
)


def test_truncated_feed_is_an_error(run, tmp_path):
    feed = tmp_path / "feed.rss"
    feed.write_text("<rss><channel><item><title>x", "utf-8")
    result = run("ingest", feed, "--db", tmp_path / "k.db", "-q")
    one_line_error(result, f"{feed}: not a readable RSS/Atom feed (broken or truncated XML")
    assert "0 added, 0 already stored, 1 failed" in result.stderr


def test_feed_without_any_text_is_an_error(run, tmp_path):
    feed = tmp_path / "feed.rss"
    feed.write_text(
        "<rss version='2.0'><channel><title>W</title><item><title>x</title></item></channel></rss>", "utf-8"
    )
    one_line_error(run("ingest", feed, "--db", tmp_path / "k.db", "-q"), "no item with text in this feed (1 items)")


def test_jsonl_bad_second_line_keeps_the_first(run, tmp_path):
    p = tmp_path / "two.jsonl"
    p.write_text(json.dumps({"text": REPORT, "source": "Test Wire"}) + '\n{"text": "cut off\n', "utf-8")
    db = tmp_path / "k.db"
    result = run("ingest", p, "--db", db, "-q")
    one_line_error(result, f"{p}:2: not valid JSON")
    assert "1 added, 0 already stored, 1 failed" in result.stderr
    docs = json.loads(run("export", "--db", db, "--format", "jsonl").stdout.splitlines()[0])
    assert docs["document"]["source"] == "Test Wire" and docs["document"]["path"] == f"{p}:1"


def test_json_named_file_of_json_lines_is_read_with_its_source_fields(run, tmp_path):
    p = tmp_path / "documents.json"
    row = {
        "_id": "1",
        "sourceName": "Test Wire",
        "sourceUrl": "https://example.org/a",
        "title": "Drones",
        "text": REPORT,
    }
    p.write_text(json.dumps(row) + "\n", "utf-8")
    db = tmp_path / "k.db"
    assert run("ingest", tmp_path, "--db", db, "-q").exit_code == 0  # found in a folder, too
    doc = json.loads(run("export", "--db", db, "--format", "jsonl").stdout.splitlines()[0])["document"]
    assert (doc["source"], doc["url"], doc["title"]) == ("Test Wire", "https://example.org/a", "Drones")


def test_ingest_into_a_missing_folder_is_one_line(run, tmp_path):
    result = run("ingest", tmp_path / "nope.txt", "--db", "/no/such/dir/x.db")
    assert result.exit_code == 1
    assert result.stderr.strip() == "kronika: error: /no/such/dir/x.db: no such folder '/no/such/dir'; create it first"


def test_unknown_event_type_lists_the_valid_ones(run, tmp_path, example_path):
    db = tmp_path / "k.db"
    run("ingest", example_path, "--db", db, "-q")
    for command in ("events", "chronicle"):
        result = run(command, "--db", db, "--type", "Bogus type")
        one_line_error(result, "unknown event type 'Bogus type'; choose one of: Battles, Explosions/Remote violence")
        assert "Air/drone strike" in result.stderr and "capture" in result.stderr
    one_line_error(run("claims", "--db", db, "--measure", "bodies"), "unknown measure 'bodies'; choose one of: area")
    ok = run("events", "--db", db, "--type", "armed clash", "--format", "json")  # any case
    assert ok.exit_code == 0 and json.loads(ok.stdout)
    assert {
        e["kind"] for e in json.loads(run("events", "--db", db, "--type", "capture", "--format", "json").stdout)
    } == {"capture"}


def test_chronicle_prints_the_first_events_and_says_how_to_see_the_rest(run, tmp_path, example_path, monkeypatch):
    """Without --limit or --all, `kronika chronicle` prints the first CHRONICLE_SHOWN events and
    a line saying how many more there are and how to see them (fast over 10^5 documents)."""
    import kronika.cli

    db = tmp_path / "k.db"
    run("ingest", example_path, "--db", db, "-q")
    every = run("chronicle", "--db", db, "--all").stdout
    n = every.count("  EVENT ")
    assert n >= 3 and "more events" not in every
    monkeypatch.setattr(kronika.cli, "CHRONICLE_SHOWN", 2)
    first = run("chronicle", "--db", db)
    assert first.stdout.count("  EVENT ") == 2
    assert first.stdout.rstrip().endswith(
        f"… and {n - 2:,} more events (the first 2 of {n:,} shown): --limit N for "
        "more, --all for every one, or --since/--until/--place to choose"
    )
    assert "more events" not in run("chronicle", "--db", db, "--limit", "2").stdout
    as_json = run("chronicle", "--db", db, "--format", "json")
    assert len(json.loads(as_json.stdout)) == 2 and "more events" in as_json.stderr
    assert len(json.loads(run("chronicle", "--db", db, "--format", "json", "--all").stdout)) == n


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda d: d, "is a folder; give a GeoNames dump file"),
        (lambda d: d / "missing.zip", "missing.zip: no such file"),
    ],
)
def test_gazetteer_dump_errors_are_worded_like_the_others(run, tmp_path, make, message):
    result = run("gazetteer", "build", "--geonames", make(tmp_path))
    assert result.exit_code == 1
    assert result.stderr.strip().startswith("kronika: error: ") and message in result.stderr
    assert "Error:" not in result.stderr and "Usage:" not in result.stderr


def test_missing_input_is_told_before_the_model_loads(tmp_path):
    import subprocess
    import sys
    import time

    code = (
        "import sys; from click.testing import CliRunner; from kronika.cli import main; "
        f"r = CliRunner().invoke(main, ['analyze', {str(tmp_path / 'nope.txt')!r}]); "
        "print(r.exit_code, 'spacy' in sys.modules, r.stderr.strip())"
    )
    t0 = time.monotonic()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60).stdout.strip()
    assert out == f"1 False kronika: error: {tmp_path / 'nope.txt'}: no such file or folder"
    assert time.monotonic() - t0 < 5  # about 0.2 s on an idle machine; the model alone takes 2-3 s
    code = code.replace("'analyze',", f"'ingest', '--db', {str(tmp_path / 'k.db')!r}, '-q',")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60).stdout
    assert out.startswith("1 False kronika: error: ") and "no such file or folder" in out


def test_rows_into_a_pipe_are_plain_short_lines(run, tmp_path, example_path):
    db = tmp_path / "k.db"
    run("ingest", example_path, "--db", db, "-q")
    for command in ("events", "claims"):
        out = run(command, "--db", db).stdout
        lines = out.splitlines()
        assert len(lines) > 10 and max(map(len, lines)) <= 200, command
        assert "┃" not in out and "│" not in out
    assert any(
        l.startswith("2025-01-11 · Battles / Armed clash (capture)")
        for l in run("events", "--db", db).stdout.splitlines()
    )


def test_rows_in_a_terminal_fit_without_cutting_words(tmp_path, example_path, run):
    from rich.console import Console

    from kronika.chronicle import Chronicle
    from kronika.cli.show import _claim_fields, _event_fields, _print_rows_table

    db = tmp_path / "k.db"
    run("ingest", example_path, "--db", db, "-q")
    ch = Chronicle(db)
    for kind, fields, words in (
        ("events", [_event_fields(r) for r in ch.events()], ("Battles", "developments", "surprise", "Euromaidan")),
        ("claims", [_claim_fields(r) for r in ch.claims()], ("casualties", "Zelenskyy", "suffered")),
    ):
        for width in (100, 120):
            con = Console(width=width, force_terminal=True, color_system=None, record=True)
            _print_rows_table(kind, fields, con)
            lines = con.export_text().splitlines()
            assert max(map(len, lines)) <= width
            cells = [w.strip("│┃ ") for line in lines for w in line.split("│")]
            for word in words:  # whole in some cell, never "Battle" then "s" on the next line
                assert any(word in cell for cell in cells), (kind, width, word)
            for word in ("Battle", "casualtie"):
                assert not any(cell.strip() in ("s", "es") for cell in cells)
