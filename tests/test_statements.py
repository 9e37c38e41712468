"""Statements: who said what, with the reporting chain and the stance (issue 14)."""

from __future__ import annotations

import pytest

import kronika


def _statements(text: str):
    return kronika.analyze(text, published="2025-03-10").statements


def _by_cue(statements, cue: str):
    found = [s for s in statements if s.cue.text == cue]
    assert found, (cue, [s.cue.text for s in statements])
    return found[0]


def test_denial_and_assertion_in_one_sentence_are_two_statements():
    text = "The Kremlin denied targeting civilians and said it had hit a meeting of Ukrainian commanders."
    st = _statements(text)
    denied, said = _by_cue(st, "denied"), _by_cue(st, "said")
    assert denied.stance == "denies" and denied.content.text == "targeting civilians"
    assert said.stance == "asserts" and said.content.text == "it had hit a meeting of Ukrainian commanders"
    assert denied.source_actor.actor_id == said.source_actor.actor_id == "RUS.government"
    assert denied.reported_by is None and said.reported_by is None


@pytest.mark.parametrize(
    "text, first, second",
    [
        # the parse hangs the second "said" on the first content's verb: both are the governor's
        (
            "The governor said the strike killed four people and said rescuers were still searching the rubble.",
            "the strike killed four people",
            "rescuers were still searching the rubble",
        ),
        (
            "The ministry denied its troops had shelled the village and said the damage was caused by Ukrainian air defence.",
            "its troops had shelled the village",
            "the damage was caused by Ukrainian air defence",
        ),
    ],
)
def test_a_second_cue_of_the_same_source_is_its_own_statement(text, first, second):
    st = _statements(text)
    assert [s.content.text for s in st] == [first, second]
    assert st[0].source.text == st[1].source.text and st[1].reported_by is None
    assert st[1].stance == "asserts"


@pytest.mark.parametrize(
    "text, source",
    [
        # a participle clause is not part of its source
        ("A petition calling for sanctions on Moscow gathered 10,000 signatures.", "A petition"),
        # nor a clause set off by a dash
        ("Local officials — who had fled the town a week earlier — said the bridge was destroyed.", "Local officials"),
    ],
)
def test_source_phrase_without_its_clauses(text, source):
    [s] = _statements(text)
    assert s.source.text == source


def test_a_label_line_is_not_a_statement():
    st = _statements("Losses update:\nKilled: 14.\nWounded: 32.\nZaluzhnyi: the enemy has lost the initiative.")
    assert [s.source.text for s in st] == ["Zaluzhnyi"]


def test_continued_beside_a_quotation_is_a_cue():
    st = _statements("“We will hold the line,” the commander continued. The brigade continued fighting near Bakhmut.")
    [s] = st
    assert s.cue.text == "continued" and s.source.text == "the commander" and s.kind == "direct"


def test_statement_at_a_span_is_the_innermost():
    from kronika.statements import statement_at

    text = "The Kremlin denied targeting civilians and said it had hit a meeting of Ukrainian commanders."
    st = _statements(text)
    hit = text.index("hit")
    assert statement_at(st, hit, hit + 3).stance == "asserts"
    target = text.index("targeting")
    assert statement_at(st, target, target + 9).stance == "denies"
    assert statement_at(st, 0, 3) is None


def test_the_same_pattern_with_figures_keeps_the_assertion_asserted():
    text = "Moscow denied shelling the market and said its drones had destroyed 14 Ukrainian tanks."
    a = kronika.analyze(text, published="2025-03-10")
    said = _by_cue(a.statements, "said")
    [claim] = [c for c in a.claims if c.quantity.value == 14]
    assert said.stance == "asserts" and claim.modality == "asserted"
    assert claim.statement == said.id and said.claims == (claim.id,)


def test_headline_denial_is_the_denier_s_reported_by_the_outlet():
    st = _statements("ISW: Russia denies North Korean troops in Kursk to mask military dependence")
    denial = _by_cue(st, "denies")
    assert denial.stance == "denies" and denial.source.text == "Russia"
    assert denial.reported_by.text == "ISW" and "Institute for the Study of War" in denial.reported_by_actor.name
    outer = _by_cue(st, ":")
    assert denial.reported_in == outer.id and outer.reported_by is None and outer.form == "headline"


def test_reported_denial_of_a_figure_is_claimed_by_the_denier():
    text = "The Institute for the Study of War said Moscow denied that 300 of its soldiers were captured near Sudzha."
    a = kronika.analyze(text, published="2025-03-10")
    denial = _by_cue(a.statements, "denied")
    [claim] = [c for c in a.claims if c.quantity.value == 300]
    assert claim.modality == "denied" and claim.claimant_text == "Moscow"
    assert claim.statement == denial.id and claim.claimant.actor_id == denial.source_actor.actor_id
    assert denial.reported_by.text == "The Institute for the Study of War"


def test_headline_without_a_figure_gives_a_statement_and_no_claim():
    a = kronika.analyze(
        "Forbes: North Korean forces conduct large infantry assaults in Kursk Oblast", published="2025-03-10"
    )
    assert a.claims == ()
    [s] = a.statements
    assert s.source_name == "Forbes" and s.stance == "asserts" and s.content.text.startswith("North Korean forces")


@pytest.mark.parametrize(
    "text, cue, stance",
    [
        ("Hamas claimed responsibility for the rocket attack on Ashkelon.", "claimed", "claims_responsibility"),
        ("The UN secretary-general urged both sides to agree a ceasefire.", "urged", "calls_for"),
        ("Zelensky called for more air defence systems after the strike.", "called for", "calls_for"),
        ("Zelensky said the West must send more air defence systems.", "said", "calls_for"),
        ("The general said his troops must hold the bridge.", "said", "asserts"),
        ("Putin warned that Russia would strike Kyiv if the attacks continued.", "warned", "threatens"),
        ("Medvedev threatened to use nuclear weapons if Kyiv struck Crimea.", "threatened", "threatens"),
        ("The UN warned that the fighting would displace 50,000 people.", "warned", "forecasts"),
        ("The general staff said the offensive would stall by the spring.", "said", "forecasts"),
        ("The army denied that its units had entered the village.", "denied", "denies"),
        ("The ministry did not deny that the depot had been hit.", "did not deny", "asserts"),
        ("The governor said three people were injured in the attack.", "said", "asserts"),
    ],
)
def test_stance(text, cue, stance):
    assert _by_cue(_statements(text), cue).stance == stance


def test_direct_quotation_and_time_of_the_statement():
    text = "“We will not give up a single village,” the commander said on Monday. Officials said the road was closed."
    st = _statements(text)
    quoted = _by_cue(st, "said")
    assert quoted.kind == "direct" and quoted.source.text == "the commander"
    assert quoted.time is not None and str(quoted.time.start_date) == "2025-03-10"
    plain = [s for s in st if s.content.text == "the road was closed"][0]
    assert plain.kind == "paraphrase" and plain.source_kind == "anonymous"


@pytest.mark.parametrize(
    "text, value, defaulted",
    [
        (
            "Ukraine's General Staff said on Tuesday that Russian forces attacked Kupiansk on 3 March.",
            "2025-03-04",
            False,
        ),
        # the times a statement speaks of are not when it was made
        ("ISW said that Russian forces would likely reach the city by April.", "2025-W10", True),
        ("The governor said four people were killed on Sunday.", "2025-W10", True),
    ],
)
def test_time_of_the_statement(text, value, defaulted):
    [s] = kronika.analyze(text, published="2025-03-07").statements
    assert (s.time.value, s.time.defaulted) == (value, defaulted)


def test_example_statements(example_analysis):
    a = example_analysis
    denial = next(s for s in a.statements if s.cue.text == "denies")
    assert denial.source.text == "Russia" and denial.reported_by.text == "ISW" and denial.stance == "denies"
    lost = next(s for s in a.statements if s.content.text.startswith("All 12,000 North Korean troops"))
    assert lost.stance == "forecasts" and lost.source.text == "ISW"
    zelenskyy = [s for s in a.statements if s.form == "according" and "Zelenskyy" in s.source.text]
    assert zelenskyy and all(s.source_actor is not None for s in zelenskyy)
    assert any(
        s.source_name.startswith("Volodymyr Zelenskyy (") for s in zelenskyy
    )  # the person and whom they speak for
    # every claim with a claimant points to a statement whose source it shares
    by_id = {s.id: s for s in a.statements}
    for c in a.claims:
        if c.claimant_kind != "author":
            s = by_id[c.statement]
            assert s.content.start <= c.quantity.start and c.quantity.end <= s.content.end
            assert c.id in s.claims and c.claimant == s.source_actor


# --- stored, exported, asked -------------------------------------------------------------------

# Two short reports written for these tests (not from any publisher).
DENIAL = (
    "The Kremlin on Tuesday denied that its missiles had struck a hospital in Kharkiv and said "
    "its forces had hit a Ukrainian ammunition depot."
)
FORECAST = "ISW said on Friday that Russian forces would likely try to encircle Pokrovsk within weeks."


@pytest.fixture(scope="module")
def stored(tmp_path_factory, pipeline):
    from kronika.chronicle import Chronicle

    folder = tmp_path_factory.mktemp("reports")
    (folder / "denial.txt").write_text(DENIAL, "utf-8")
    (folder / "denial.txt.meta.json").write_text('{"source": "Test Wire", "published": "2025-02-14"}', "utf-8")
    (folder / "forecast.txt").write_text(FORECAST, "utf-8")
    (folder / "forecast.txt.meta.json").write_text('{"source": "Test Wire", "published": "2024-12-20"}', "utf-8")
    db = tmp_path_factory.mktemp("db") / "statements.db"
    ch = Chronicle(db)
    report = ch.ingest([folder], pipeline=pipeline)
    assert report.added == 2 and not report.failed
    return db, ch


def test_stored_statements_are_filtered_by_source_stance_and_date(stored):
    _, ch = stored
    denials = ch.statements(source="Kremlin", stance="denies", since="2025-01-01")
    assert [r["cue"] for r in denials] == ["denied"]
    assert denials[0]["source"].startswith("Government of Russia") and str(denials[0]["date_start"]) == "2025-02-11"
    assert [r["stance"] for r in ch.statements(source="Kremlin")] == ["denies", "asserts"]
    assert ch.statements(source="Kremlin", since="2025-03-01") == []
    forecasts = ch.statements(stance="forecasts")
    assert [r["source_text"] for r in forecasts] == ["ISW"] and str(forecasts[0]["date_start"]) == "2024-12-20"
    assert ch.count_statements() == len(ch.statements()) == 3


def test_statements_cli(stored):
    import json

    from click.testing import CliRunner

    from kronika.cli import main

    db, _ = stored
    runner = CliRunner()
    out = runner.invoke(
        main,
        [
            "statements",
            "--db",
            str(db),
            "--source",
            "Kremlin",
            "--stance",
            "denies",
            "--since",
            "2025-01-01",
            "--format",
            "json",
        ],
    )
    assert out.exit_code == 0, out.stderr
    rows = json.loads(out.stdout)
    assert len(rows) == 1 and rows[0]["content"].startswith("that its missiles had struck a hospital")
    bad = runner.invoke(main, ["statements", "--db", str(db), "--since", "yesterday-ish"])
    assert bad.exit_code == 1 and bad.stderr.startswith("kronika: error: --since")


def test_statements_export_csv_and_jsonl(stored):
    import csv
    import io
    import json

    from kronika.export import STATEMENT_COLUMNS

    _, ch = stored
    out = io.StringIO()
    assert ch.export("statements-csv", out) == 3
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == STATEMENT_COLUMNS and {r["stance"] for r in rows} == {"denies", "asserts", "forecasts"}
    out = io.StringIO()
    assert ch.export("statements-jsonl", out) == 3
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    denial = next(r for r in records if r["stance"] == "denies")
    assert denial["record"] == "statement" and denial["publisher"] == "Test Wire"
    assert DENIAL[denial["content"]["start"] : denial["content"]["end"]] == denial["content"]["text"]


def test_statements_api(stored, pipeline):
    from fastapi.testclient import TestClient

    from kronika.web.app import create_app

    db, _ = stored
    client = TestClient(create_app(db, pipeline=pipeline), client=("127.0.0.1", 5000))
    page = client.get("/api/statements", params={"source": "Kremlin", "stance": "denies", "since": "2025-01-01"}).json()
    assert page["total"] == 1 and page["items"][0]["cue"] == "denied"
    assert client.get("/api/statements", params={"limit": 1, "offset": 1}).json()["total"] == 3
    assert client.get("/api/statements", params={"stance": "whispers"}).status_code == 422


def test_statements_table_is_added_to_an_older_store(tmp_path, example_analysis):
    import sqlite3

    from kronika.store import SCHEMA_VERSION, Store

    db = tmp_path / "old.db"
    store = Store(db)
    store.add(example_analysis)
    con = sqlite3.connect(db)
    con.execute("DROP TABLE statements")  # as a schema-2 store had it
    con.execute("UPDATE kronika_meta SET value='2' WHERE key='schema_version'")
    con.commit()
    con.close()
    store = Store(db)  # migrates: the table is rebuilt from the stored analyses
    assert store.schema_version() == SCHEMA_VERSION
    assert store.count()["statements"] == len(example_analysis.statements)
    Store(db).migrate()  # again: nothing changes
    assert Store(db).count()["statements"] == len(example_analysis.statements)


def test_statements_pages(stored, pipeline):
    from fastapi.testclient import TestClient

    from kronika.web.app import create_app

    db, _ = stored
    client = TestClient(create_app(db, pipeline=pipeline), client=("127.0.0.1", 5000))
    all_page = client.get("/statements")
    assert all_page.status_code == 200 and 'id="statement-sources"' in all_page.text
    assert "Government of Russia" in all_page.text and "Institute for the Study of War" in all_page.text
    kremlin = client.get("/statements", params={"source": "Kremlin", "stance": "denies"})
    assert kremlin.status_code == 200 and "What “Kremlin” said" in kremlin.text
    assert "its missiles had struck a hospital" in kremlin.text and "ammunition depot" not in kremlin.text
    assert client.get("/statements", params={"stance": "mumbles"}).status_code == 422
    doc_id = client.get("/api/statements").json()["items"][0]["doc_id"]
    article = client.get(f"/doc/{doc_id}")
    assert article.status_code == 200 and "hl k-statement" in article.text
    assert 'id="doc-statements"' in article.text and "/statements?source=" in article.text


def test_a_cue_with_nothing_said_is_no_statement_and_no_crash():
    # an indented, hard-wrapped text whose second cue has nothing before it in its line
    text = (
        "Kharkiv has seen an average of 15 strikes a week, with dozens more deaths still under\n"
        "            investigation, Mr Syniehubov said.\n"
        "            The city's coroner said that morgues had reached capacity.\n       "
    )
    a = kronika.analyze(text, published="2025-03-10")
    assert a.statements and all(s.content.end > s.content.start for s in a.statements)


def test_a_speaker_goes_on_talking_in_a_participle_the_parse_hangs_on_what_they_denied():
    statements = _statements(
        "Ukraine's military denied that the village had fallen, saying fighting was continuing on its outskirts."
    )
    assert all(s.source_name != "the village" for s in statements)
    assert {s.source_name for s in statements} == {"Military Forces of Ukraine (2019-)"}


def test_what_is_said_does_not_open_with_the_wire_dateline():
    statements = _statements(
        "Russian drones hit Odesa\n\nKYIV, Oct 12 (AP) — Russia launched 42 drones at Ukraine overnight, the "
        "Ukrainian air force said on Sunday."
    )
    (said,) = [s for s in statements if s.cue.text == "said"]
    assert said.content.text.startswith("Russia launched 42 drones")
