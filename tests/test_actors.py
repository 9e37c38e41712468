"""The actors stage on real text: the canonical example, re3d CENTCOM releases, news sentences."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from kronika.actors import event_actor, find_actors, load_dictionary, lookup
from kronika.context import Context
from kronika.records import Document, Place

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "kursk-north-korean-pow-2025-01-20.txt"
CENTCOM = ROOT / "tests" / "corpus" / "re3d-public-domain" / "centcom" / "documents.json"


@pytest.fixture(scope="module")
def nlp():
    from kronika import nlp as knlp

    return knlp.load()


def _ctx(nlp, text: str, published=dt.date(2025, 1, 20), places=()) -> Context:
    ctx = Context.from_doc(nlp(text), Document(id="t", text=text, published=published))
    ctx.places = list(places)
    return ctx


def _actors(nlp, text: str, **kw):
    ctx = _ctx(nlp, text, **kw)
    return find_actors(ctx)


def _at(actors, surface):
    return [a for a in actors if a.text == surface]


@pytest.fixture(scope="module")
def example(nlp):
    return _actors(nlp, EXAMPLE.read_text(encoding="utf-8"))


def test_dictionary_covers_todays_wars():
    d = load_dictionary()
    for iso3 in ("RUS", "UKR", "PRK", "KOR", "BLR", "IRN", "USA", "ISR", "PSE", "LBN", "YEM", "SYR", "IRQ", "SDN",
                 "MMR", "COD", "MLI", "BFA", "NER"):
        assert f"{iso3}.military" in d.entries and f"{iso3}.government" in d.entries, iso3
    for gid in ("PSE.hamas", "LBN.hezbollah", "YEM.houthi", "IS", "SYR.sdf", "SYR.ypg", "SDN.rsf", "COD.m23",
                "SAHEL.jnim", "SAHEL.is", "MMR.pdf", "IRQ.peshmerga", "INT.cjtf-oir"):
        assert gid in d.entries, gid
    assert all(e.inter in (None, 1, 2, 3, 4, 5, 6, 7, 8) for e in d.entries.values())
    assert d.entries["SRC.isw"].is_source_only and d.entries["SRC.forbes"].is_source_only


def test_example_forces_by_demonym(example):
    forces = _at(example, "Ukrainian forces")
    assert len(forces) >= 3
    assert {a.name for a in forces} == {"Military Forces of Ukraine (2019-)"}
    assert all(a.via == "demonym" and a.inter == 1 and a.country_iso3 == "UKR" for a in forces)
    nk = _at(example, "North Korean military personnel")
    assert nk and nk[0].name == "Military Forces of North Korea (2011-)" and nk[0].kind == "military"
    assert _at(example, "North Korean troops")[0].actor_id == "PRK.military"
    assert _at(example, "Russians")[0].actor_id == "RUS.military"


def test_example_leader_with_title(example):
    zel = _at(example, "Ukrainian President Volodymyr Zelenskyy")
    assert zel, [a.text for a in example]
    z = zel[0]
    assert (z.actor_id, z.person, z.title, z.via) == ("UKR.zelenskyy", "Volodymyr Zelenskyy", "President", "leader")
    assert z.name == "Government of Ukraine (2019-)"
    assert _at(example, "Zelenskyy")[0].actor_id == "UKR.zelenskyy"


def test_example_authorities_agency_and_capital(example):
    auth = _at(example, "Ukrainian authorities")[0]
    assert auth.actor_id == "UKR.government" and auth.kind == "government"
    sbu = _at(example, "SBU")[0]
    assert sbu.actor_id == "UKR.sbu" and sbu.country_iso3 == "UKR"
    pyongyang = _at(example, "Pyongyang")[0]
    assert (pyongyang.actor_id, pyongyang.via) == ("PRK.government", "capital")


def test_example_places_are_not_actors(example):
    # "Russia's Kursk Oblast" and "arrived in Russia": places; "Russia launched": an actor
    text = EXAMPLE.read_text(encoding="utf-8")
    russia = _at(example, "Russia")
    assert russia
    for a in russia:
        after = text[a.end: a.end + 2]
        assert not after.startswith("’s") and not after.startswith("'s")
        assert text[a.start - 3: a.start] != "in "


def test_example_sources_only(example):
    for surface in ("ISW", "Forbes", "Euromaidan Press"):
        found = _at(example, surface)
        assert found and all(a.is_source_only for a in found), surface
    assert not _at(example, "US military")[0].is_source_only


def test_lookup_bare_names():
    assert lookup("Zelenskyy").actor_id == "UKR.zelenskyy"
    assert lookup("US military").name.startswith("Military Forces of the United States")
    assert lookup("ISW").is_source_only and lookup("Forbes").kind == "media"
    assert (lookup("Pyongyang").actor_id, lookup("Pyongyang").via) == ("PRK.government", "capital")
    assert lookup("Moscow").actor_id == "RUS.government"
    assert lookup("Ukrainian forces").actor_id == "UKR.military"
    assert lookup("the Kremlin").actor_id == "RUS.government"
    assert lookup("Hezbollah").inter == 2
    assert lookup("Blorfistan") is None


def test_period_follows_publication_date(nlp):
    old = _actors(nlp, "Syrian army units shelled the town.", published=dt.date(2016, 5, 1))
    new = _actors(nlp, "Syrian army units shelled the town.", published=dt.date(2025, 5, 1))
    assert old[0].name == "Military Forces of Syria (2000-2024)"
    assert new[0].name == "Military Forces of Syria (2024-)"


@pytest.mark.parametrize(
    "text, surface, actor_id, via",
    [
        ("Moscow denied the report on Tuesday.", "Moscow", "RUS.government", "capital"),
        ("North Korean soldiers were seen near the front.", "North Korean soldiers", "PRK.military", "demonym"),
        ("Russian military bloggers said the assault had stalled.", "Russian military", "RUS.military", "alias"),
        ("Israeli forces raided the camp overnight.", "Israeli forces", "ISR.military", "alias"),
        ("The Houthis fired a missile at a tanker in the Red Sea.", "Houthis", "YEM.houthi", "alias"),
        ("RSF fighters seized the market town after two days of fighting.", "RSF", "SDN.rsf", "alias"),
        ("M23 rebels entered Goma on Monday.", "M23 rebels", "COD.m23", "alias"),
        ("Sudanese civilians fled the city.", "Sudanese civilians", "SDN.civilians", "demonym"),
        ("Russia's forces advanced near Pokrovsk.", "Russia's forces", "RUS.military", "name"),
    ],
)
def test_news_sentences(nlp, text, surface, actor_id, via):
    found = _at(_actors(nlp, text), surface)
    assert found, [(a.text, a.actor_id) for a in _actors(nlp, text)]
    assert (found[0].actor_id, found[0].via) == (actor_id, via)


def test_capital_as_place_is_not_an_actor(nlp):
    actors = _actors(nlp, "Thousands rallied in Moscow on Sunday.")
    assert not _at(actors, "Moscow")


def test_place_marked_actor_by_places_stage(nlp):
    text = "Talks stalled after Kyiv insisted on guarantees."
    start = text.index("Kyiv")
    place = Place(start=start, end=start + 4, text="Kyiv", sentence=0, role="actor")
    actors = _actors(nlp, text, places=[place])
    kyiv = _at(actors, "Kyiv")
    assert kyiv and kyiv[0].actor_id == "UKR.government" and kyiv[0].via == "capital"


def test_unknown_actors_keep_text_and_guess_kind(nlp):
    actors = _actors(nlp, "The Kharkiv Human Rights Institute and John Smith said the Brave Falcon Brigade withdrew.")
    kinds = {a.text: a.kind for a in actors if a.actor_id is None}
    assert kinds.get("John Smith") == "person"
    assert any(k == "think_tank" for t, k in kinds.items() if "Institute" in t)
    assert all(a.via == "unknown" for a in actors if a.actor_id is None)


def test_centcom_coalition_and_isil():
    from kronika import nlp as knlp

    docs = [json.loads(line) for line in CENTCOM.read_text(encoding="utf-8").splitlines() if line.strip()]
    doc = next(d for d in docs if d["title"].startswith("January 9: Military airstrikes"))
    ctx = Context.from_doc(knlp.load()(doc["text"]), Document(id="c", text=doc["text"], published=dt.date(2016, 1, 9)))
    actors = find_actors(ctx)
    coalition = [a for a in actors if a.actor_id == "INT.cjtf-oir"]
    assert len(coalition) >= 3 and coalition[0].inter == 8
    assert any(a.actor_id == "IS" for a in actors)


def test_event_actor_maps_states_and_leaders():
    z = lookup("Zelenskyy")
    assert event_actor(z, "military").actor_id == "UKR.government"
    nk = lookup("North Korea")
    assert nk.kind == "state"
    assert event_actor(nk, "military").name == "Military Forces of North Korea (2011-)"
    assert event_actor(nk, "government").actor_id == "PRK.government"


def test_opposition_is_not_the_state(nlp):
    actors = _actors(nlp, "Syrian opposition forces entered Dabiq while Syrian forces held the airport.")
    ids = {a.text: a.actor_id for a in actors}
    assert ids.get("Syrian forces") == "SYR.military"
    assert "SYR.military" not in {a.actor_id for a in actors if a.start < 25}
