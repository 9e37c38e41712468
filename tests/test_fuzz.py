"""Fuzzing with Hypothesis: whatever the input, kronika raises nothing but KronikaError (and its
subclasses), its readings keep their offsets inside the text, and the store holds only whole
documents.

Bounded and deterministic in CI: ``KRONIKA_FUZZ_EXAMPLES`` examples per target (default 200;
the issue's 2,000 with ``KRONIKA_FUZZ_EXAMPLES=2000``), derandomized, no deadline."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import sqlite3

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from kronika.errors import KronikaError  # noqa: E402

N = int(os.environ.get("KRONIKA_FUZZ_EXAMPLES", "200"))
settings.register_profile(
    "kronika",
    max_examples=N,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large],
)
settings.load_profile("kronika")
FEW = settings(max_examples=max(10, N // 10))  # targets that run the whole pipeline per example

# Pieces of news text, markup and numbers, so that examples reach deep into the parsers.
WORDS = [
    "killed",
    "wounded",
    "at least",
    "more than",
    "some",
    "about",
    "between",
    "and",
    "to",
    "from",
    "rose",
    "troops",
    "soldiers",
    "civilians",
    "drones",
    "km",
    "square kilometers",
    "hryvnias",
    "$",
    "%",
    "million",
    "dozens",
    "hundreds",
    "Kursk",
    "Kharkiv Oblast",
    "said",
    "on",
    "in",
    "January",
    "last week",
    "2025",
    "yesterday",
    "Monday",
    "3 March",
    "early",
    "mid-",
    "1,200",
    "12.5",
    "3-4",
    "½",
    "—",
    "–",
    "(",
    ")",
    "[",
    "]",
    '"',
    "“",
    "”",
    "'",
    ",",
    ".",
    "\n",
    "\n\n",
    " ",
    "-",
    "the",
    "Russian",
    "Ukrainian",
    "forces",
    "captured",
    "0",
    "00",
    "1e9",
    "10,000,000,000,000",
    "IV",
    "a.m.",
    "p.m.",
    "24/7",
    "2024-13-45",
]
news = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=12)), max_size=60).map(" ".join)
texts = st.one_of(news, st.text(max_size=400))
MARKUP = [
    "<html>",
    "<body>",
    "<article>",
    "<p>",
    "</p>",
    "<script>alert(1)</script>",
    "<title>",
    "</title>",
    "<rss>",
    "<channel>",
    "<item>",
    "<description>",
    "<![CDATA[",
    "]]>",
    "<feed>",
    "<entry>",
    "&amp;",
    "&#0;",
    "<!--",
    "-->",
    "<?xml version='1.0'?>",
    "<content>",
    "<summary>",
    "<link>",
    "<pubDate>",
    "Mon, 3 Mar 2025",
]
markup = st.lists(st.one_of(st.sampled_from(MARKUP), news), max_size=40).map("".join)


def only_kronika_errors(fn, *args, **kw):
    try:
        return fn(*args, **kw)
    except KronikaError as exc:
        assert str(exc) and "\n" not in str(exc), repr(exc)  # one line
        return None


# --- ingest -------------------------------------------------------------------------------------


@given(text=texts)
def test_read_text(text):
    from kronika.ingest import read_text

    doc = only_kronika_errors(read_text, text, name="fuzz")
    if doc is not None:
        assert doc.text and doc.text == doc.text.strip()


SUFFIXES = [".txt", ".md", ".html", ".jsonl", ".json", ".rss", ".atom", ".xml", ""]


json_rows = st.lists(
    st.one_of(
        st.fixed_dictionaries(
            {"text": texts},
            optional={
                "title": st.text(max_size=20),
                "sourceName": st.text(max_size=10),
                "sourceUrl": st.text(max_size=20),
                "published": st.text(max_size=12),
                "html": markup,
            },
        ).map(json.dumps),
        st.text(max_size=60),
        st.just("{"),
        st.just("[]"),
        st.just("null"),
    ),
    max_size=6,
).map("\n".join)
file_bodies = st.one_of(
    texts.map(str.encode), markup.map(str.encode), json_rows.map(str.encode), st.binary(max_size=300)
)
sidecars = st.one_of(
    st.none(),
    st.binary(max_size=80),
    st.dictionaries(
        st.sampled_from(["title", "url", "source", "published", "author"]),
        st.one_of(st.text(max_size=15), st.integers(), st.none()),
        max_size=4,
    ).map(lambda d: json.dumps(d).encode()),
)


@given(body=file_bodies, suffix=st.sampled_from(SUFFIXES), sidecar=sidecars)
def test_read_file(tmp_path_factory, body, suffix, sidecar):
    from kronika.ingest import read_file

    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / f"input{suffix}"
    path.write_bytes(body)
    if sidecar is not None:
        (folder / f"input{suffix}.meta.json").write_bytes(sidecar)
    reported = []
    docs = only_kronika_errors(lambda: list(read_file(path, on_error=lambda n, m: reported.append(m))))
    for doc in docs or ():
        assert doc.text and doc.id
    assert all(m and "\n" not in m for m in reported)


@given(body=markup)
def test_feeds_and_html(body):
    from kronika.ingest.feeds import read_feed
    from kronika.ingest.html import extract_html
    from kronika.ingest import IngestOptions

    only_kronika_errors(lambda: list(read_feed(body.encode(), "fuzz.rss", IngestOptions())))
    only_kronika_errors(extract_html, body.encode(), name="fuzz.html", url=None, options=IngestOptions())


# --- quantities and time ------------------------------------------------------------------------


@given(text=texts)
def test_quantity_parser(text):
    from kronika.quantities.parser import parse_quantities

    for q in only_kronika_errors(parse_quantities, text) or ():
        assert 0 <= q.start <= q.end <= len(text) and text[q.start : q.end] == q.text


@given(text=texts, anchor=st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))))
def test_time_normalizer(text, anchor):
    from kronika.time.normalize import extract

    for t in only_kronika_errors(extract, text, anchor) or ():
        assert 0 <= t.start <= t.end <= len(text) and text[t.start : t.end] == t.text
        if t.start_date and t.end_date:
            assert t.start_date <= t.end_date, (text, t)


# --- dedup and series, over real records moved in time and space ----------------------------------


@pytest.fixture(scope="module")
def records(example_analysis):
    return example_analysis.events, example_analysis.claims


dates = st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31)))


@given(seed=st.integers(0, 2**32 - 1), n=st.integers(0, 40), published=dates, shift=st.integers(-4000, 4000))
def test_dedup_and_series(records, seed, n, published, shift):
    from kronika.dedup import Report, merge_reports
    from kronika.series import build_series

    events, claims = records
    rnd = random.Random(seed)

    def moved(x):
        if x.time is None or x.time.start_date is None or rnd.random() < 0.3:
            return x.model_copy(update={"time": None}) if rnd.random() < 0.2 else x
        days = dt.timedelta(days=shift if rnd.random() < 0.5 else rnd.randint(-30, 30))
        t = x.time.model_copy(
            update={"start_date": x.time.start_date + days, "end_date": (x.time.end_date or x.time.start_date) + days}
        )
        return x.model_copy(update={"time": t, "place": None if rnd.random() < 0.2 else x.place})

    picked = [(rnd.choice(events), f"doc{rnd.randint(0, 5)}") for _ in range(n)] if events else []
    reports = [
        Report(
            event=moved(e),
            doc_id=d,
            source=rnd.choice([None, "A", "B", "<b>C</b>"]),
            title=None,
            url=None,
            published=published,
        )
        for e, d in picked
    ]
    unique = {r.key: r for r in reports}
    merged = merge_reports(list(unique.values()))
    assert sorted(k for m in merged for k in ((r.doc_id, r.event_id) for r in m.reports)) == sorted(unique)
    again = merge_reports(rnd.sample(list(unique.values()), len(unique)))
    assert [m.model_dump() for m in again] == [m.model_dump() for m in merged]  # order does not matter

    items = (
        [(moved(rnd.choice(claims)), f"doc{rnd.randint(0, 5)}", rnd.choice([None, "A"]), published) for _ in range(n)]
        if claims
        else []
    )
    series = build_series(items)
    assert sum(len(s.points) for s in series) == len(items)
    for s in series:
        known = [v for v in (s.low, s.best, s.high) if v is not None]
        assert known == sorted(known), s


# --- the store: whole documents or nothing ------------------------------------------------------


@FEW
@given(bodies=st.lists(st.tuples(file_bodies, st.sampled_from(SUFFIXES)), min_size=1, max_size=4))
def test_ingest_stores_whole_documents_only(tmp_path_factory, pipeline, bodies):
    from kronika.chronicle import Chronicle

    folder = tmp_path_factory.mktemp("fuzzin")
    for i, (body, suffix) in enumerate(bodies):
        (folder / f"f{i}{suffix or '.txt'}").write_bytes(body)
    db = folder / "k.db"
    ch = Chronicle(db)
    report = ch.ingest([folder / f"f{i}{s or '.txt'}" for i, (_, s) in enumerate(bodies)], pipeline=pipeline)
    ch.store.close()
    con = sqlite3.connect(db)
    stored = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert stored == report.added
    for table in ("events", "claims"):
        orphans = con.execute(
            f"SELECT count(*) FROM {table} WHERE doc_id NOT IN (SELECT id FROM documents)"
        ).fetchone()[0]
        assert orphans == 0
    empty = con.execute("SELECT count(*) FROM documents WHERE analysis IS NULL OR text = ''").fetchone()[0]
    con.close()
    assert empty == 0
    assert all(message and "\n" not in message for _, message in report.failed)
