"""Ingest: every kind of input, and a clear one-line error for every bad one."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from kronika.errors import InputError, UnsupportedLanguage
from kronika.ingest import IngestOptions, document_id, read_file, read_path, read_text
from kronika.ingest.dates import infer_published, parse_user_date
from kronika.errors import DateError


def test_example_file_with_sidecar(example_path, example_text):
    [doc] = list(read_file(example_path))
    assert doc.source == "Euromaidan Press"
    assert doc.published == dt.date(2025, 1, 20) and doc.published_from == "metadata"
    assert doc.text.startswith("Ukrainian President Volodymyr Zelenskyy has released")
    assert doc.id == document_id(example_text)


def test_id_is_stable_under_whitespace(example_text):
    assert document_id(example_text) == document_id("  " + example_text.replace("\n", "\r\n") + "\n\n")
    assert document_id(example_text) != document_id(example_text.replace("3,800", "3,900"))


def test_published_inferred_from_text_is_marked(example_text):
    doc = read_text(example_text)  # no metadata: the byline "January 20, 2025" is the latest date
    assert doc.published == dt.date(2025, 1, 20)
    assert doc.published_from == "text" and doc.published_inferred


def test_user_date_wins(example_text):
    doc = read_text(example_text, published="2025-01-19", options=IngestOptions(published=dt.date(2025, 1, 21)))
    assert doc.published == dt.date(2025, 1, 21) and doc.published_from == "user"


def test_infer_from_file_name():
    assert infer_published("no dates here", "news/strike-2024-03-05.txt") == dt.date(2024, 3, 5)


@pytest.mark.parametrize("bad", ["2025-02-31", "31 February 2025", "2025-13-01"])
def test_impossible_user_dates(bad):
    with pytest.raises(DateError, match="impossible date"):
        parse_user_date(bad)


def test_unreadable_user_date():
    with pytest.raises(DateError, match="use YYYY-MM-DD"):
        parse_user_date("next tuesday-ish")


def test_empty_file(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    with pytest.raises(InputError, match=r"empty.txt: the file is empty"):
        list(read_file(p))


def test_whitespace_only_file(tmp_path):
    p = tmp_path / "blank.txt"
    p.write_text("   \n\n  ")
    with pytest.raises(InputError, match="empty"):
        list(read_file(p))


def test_binary_file(tmp_path):
    p = tmp_path / "photo.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    with pytest.raises(InputError, match="binary data, not text"):
        list(read_file(p))


def test_non_utf8_file(tmp_path, example_text):
    p = tmp_path / "latin1.txt"
    p.write_bytes("Les forces ukrainiennes ont capturé deux soldats — à Soudja.".encode("cp1252"))
    with pytest.raises(InputError, match=r"not valid UTF-8 \(byte 0xe9 at offset"):
        list(read_file(p))


def test_non_english_text():
    text = (
        "Украинские военные взяли в плен двух северокорейских солдат в Курской области. "
        "Пленные были доставлены в Киев для допроса сотрудниками СБУ."
    )
    with pytest.raises(UnsupportedLanguage, match="not in English"):
        read_text(text)
    fr = (
        "Les forces ukrainiennes ont capturé deux soldats nord-coréens dans la région de Koursk, "
        "selon le président Zelensky, qui a publié une vidéo de leur interrogatoire samedi."
    )
    with pytest.raises(UnsupportedLanguage):
        read_text(fr)


def test_huge_input(tmp_path):
    p = tmp_path / "huge.txt"
    p.write_text("The army said. " * 1000)
    with pytest.raises(InputError, match="too large"):
        list(read_file(p, IngestOptions(max_bytes=10_000)))


def test_unknown_format(tmp_path):
    p = tmp_path / "report.pdf"
    p.write_bytes(b"%PDF-1.4 hello")
    with pytest.raises(InputError, match="unknown format '.pdf'"):
        list(read_file(p))


def test_missing_path(tmp_path):
    with pytest.raises(InputError, match="no such file or folder"):
        list(read_path(tmp_path / "nope"))


def test_html_article(tmp_path, example_text):
    paragraphs = "".join(f"<p>{line}</p>" for line in example_text.splitlines()[:8])
    html = f"""<!DOCTYPE html><html><head><title>North Korean POW interrogated | Euromaidan Press</title>
    <meta property="og:site_name" content="Euromaidan Press">
    <meta name="description" content="Zelenskyy releases an interrogation video of a captured soldier.">
    <meta property="article:published_time" content="2025-01-20T10:00:00+00:00">
    <script>alert('x')</script></head><body><nav>Home | World | Opinion</nav>
    <article><h1>North Korean POW interrogated</h1>{paragraphs}</article>
    <footer>© 2025 all rights reserved</footer></body></html>"""
    p = tmp_path / "article.html"
    p.write_text(html, "utf-8")
    [doc] = list(read_file(p))
    assert doc.format == "html"
    assert doc.published == dt.date(2025, 1, 20) and doc.published_from == "metadata"
    assert doc.source == "Euromaidan Press"
    assert doc.description == "Zelenskyy releases an interrogation video of a captured soldier."
    assert "Sudzha" in doc.text and "alert(" not in doc.text and "Home | World" not in doc.text


def test_broken_html_still_yields_its_text(tmp_path, example_text):
    body = "".join(f"<p>{line}<div><b>" for line in example_text.splitlines()[:6])  # never closed
    p = tmp_path / "broken.html"
    p.write_text(f"<html><body><div>{body} <<<>>> </ht", "utf-8")
    [doc] = list(read_file(p))
    assert "Sudzha" in doc.text and "<b>" not in doc.text


def test_html_without_article(tmp_path):
    p = tmp_path / "empty.html"
    p.write_text("<html><head><script>var x = 1;</script></head><body><nav></nav></body></html>", "utf-8")
    with pytest.raises(InputError, match="empty.html: no article text found"):
        list(read_file(p))


def test_jsonl(tmp_path, example_text):
    p = tmp_path / "batch.jsonl"
    rows = [
        {
            "text": example_text,
            "url": "https://example.org/a",
            "title": "POW",
            "published": "2025-01-20",
            "source": "Euromaidan Press",
        },
        {
            "text": "Coalition military forces conducted 34 strikes against ISIL terrorists in Syria and Iraq, "
            "officials said on Monday.",
            "published": "2017-01-09",
            "source": "CENTCOM",
        },
    ]
    p.write_text("\n".join(json.dumps(r) for r in rows) + "\n", "utf-8")
    docs = list(read_file(p))
    assert [d.source for d in docs] == ["Euromaidan Press", "CENTCOM"]
    assert docs[0].url == "https://example.org/a" and docs[1].published == dt.date(2017, 1, 9)


def test_jsonl_bad_line(tmp_path):
    p = tmp_path / "bad.jsonl"
    p.write_text('{"text": "The army said the strike killed two."}\n{"title": "no text"}\n', "utf-8")
    with pytest.raises(InputError, match=r"bad.jsonl:2: each line needs a 'text' or 'html' field"):
        list(read_file(p))


def test_rss_feed(tmp_path):
    feed = """<?xml version="1.0"?><rss version="2.0"><channel><title>Frontline Wire</title>
    <item><title>Strike on depot</title><link>https://example.org/1</link>
    <pubDate>Mon, 06 Jan 2025 08:00:00 GMT</pubDate>
    <description>Russian forces struck a fuel depot near Kharkiv overnight, the regional governor said,
    adding that two people were wounded and that air defence shot down most of the drones.</description></item>
    </channel></rss>"""
    p = tmp_path / "wire.rss"
    p.write_text(feed, "utf-8")
    [doc] = list(read_file(p))
    assert doc.source == "Frontline Wire" and doc.title == "Strike on depot"
    assert doc.published == dt.date(2025, 1, 6) and "fuel depot near Kharkiv" in doc.text


def test_folder_reads_each_supported_file(tmp_path, example_text):
    (tmp_path / "a.txt").write_text(example_text, "utf-8")
    (tmp_path / "a.txt.meta.json").write_text('{"source": "EP"}', "utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    docs = list(read_path(tmp_path))
    assert len(docs) == 1 and docs[0].source == "EP"


def test_sidecar_fields_of_other_kinds(tmp_path, example_text):
    """Found by the fuzzer: a number in a sidecar broke the Document; a list is refused in one line."""
    p = tmp_path / "a.txt"
    p.write_text(example_text, "utf-8")
    side = tmp_path / "a.txt.meta.json"
    side.write_text('{"title": 2025, "published": "2025-01-20"}', "utf-8")
    [doc] = read_file(p)
    assert doc.title == "2025"
    side.write_text('{"source": ["a", "b"]}', "utf-8")
    with pytest.raises(InputError, match=r"a.txt: metadata field 'source' must be text, not list"):
        list(read_file(p))
    side.write_text('{"published": 20250120}', "utf-8")
    with pytest.raises(InputError, match=r"'published' must be a date written YYYY-MM-DD, not 20250120"):
        list(read_file(p))


def test_zone_at_is_the_innermost_zone_for_every_character():
    from kronika.context import Context
    from kronika.pipeline import default_pipeline

    text = (
        '---\ntitle: "Drone strike hits Kherson"\ndescription: "A bus was hit."\n---\n\n'
        "A drone hit a bus in Kherson on Monday.\n## What we know\nPublished: 2025-03-10\n"
        "Related:\n- Shelling hits Odesa port (Photo: Reuters)\n- Protests in Tbilisi\n"
    )
    doc = read_text(text, published="2025-03-10")
    ctx = Context.from_doc(default_pipeline().nlp(doc.text), doc)

    def naive(char):
        holding = [z for z in doc.zones if z.start <= char < z.end]
        return min(holding, key=lambda z: z.end - z.start).kind if holding else None

    assert [ctx.zone_at(i) for i in range(len(doc.text))] == [naive(i) for i in range(len(doc.text))]
    assert {ctx.zone_at(doc.text.index(w)) for w in ("Drone strike", "A bus", "What we know", "Shelling")} == {
        "title",
        "description",
        "heading",
        "related",
    }


@pytest.mark.parametrize(
    "opening, dateline",
    [
        ("NAIROBI, June 26 (Reuters) - Police fired tear gas.", "NAIROBI, June 26 (Reuters) - "),
        ("GAZA CITY, Gaza Strip (AP) — Israeli strikes hit a school.", "GAZA CITY, Gaza Strip (AP) — "),
        ("KYIV, Oct 12 — Russia launched drones.", "KYIV, Oct 12 — "),
        ("WASHINGTON — The president spoke.", None),  # no date and no agency: not told apart from a title
        ("NATO said - no more.", None),
    ],
)
def test_a_wire_dateline_is_metadata(opening, dateline):
    from kronika.ingest.zones import find_zones

    text = "A headline of the report\n\n" + opening
    found = [text[z.start : z.end] for z in find_zones(text) if z.kind == "metadata"]
    assert found == ([dateline] if dateline else [])


def test_a_wire_datelines_day_does_not_date_the_lead():
    import kronika

    text = (
        "Police fire tear gas at protesters\n\n"
        "NAIROBI, June 26 (Reuters) - Kenyan police fired tear gas at thousands of protesters in central "
        "Nairobi on Tuesday, witnesses said."
    )
    (event,) = kronika.analyze(text, published="2024-06-26").events
    assert str(event.time.start_date) == "2024-06-25"
