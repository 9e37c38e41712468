"""The offline GeoNames gazetteer: lookups, ranking traps, names, build metadata."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest

from kronika.places import gazetteer
from kronika.places.gazetteer import Gazetteer
from kronika.places.names import loose, normalize

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "kursk-north-korean-pow-2025-01-20.txt"


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return Gazetteer.default()


def test_normalize_and_loose():
    assert normalize("Kyïv") == normalize("kyiv") == "kyiv"
    assert normalize("Kruglen'koye") == "kruglenkoye"
    assert normalize("Saint-Étienne") == "saint etienne"
    assert loose("Kruglenkoye") == loose("Kruglenkoe") == loose("Kruglen’koye")
    assert loose("Kharkov") == loose("Charkov")


@pytest.mark.parametrize(
    "press, romanized",
    [
        # romanizations of Arabic names as news writes them and as GeoNames does (examples made up from
        # the rules: the article inside a name, Beit/Bayt, Kfar/Kafr, -ieh/-iyah/-iya, Sheikh/Shaykh)
        ("Deir el-Balah", "Dayr al Balah"),
        ("Beit Hanoun", "Bayt Hanun"),
        ("Beyt Ummar", "Bayt Ummar"),
        ("Kfar Shouba", "Kafr Shuba"),
        ("Maroun al-Ras", "Marun ar Ras"),
        ("Nabatieh", "An Nabatiyah"),
        ("Nabatiya", "Nabatiyah"),
        ("Sheikh Zuweid", "Shaykh Zuwayd"),
        ("Beit Lahiya", "Bayt Lahya"),
    ],
)
def test_loose_keys_of_arabic_romanizations(press, romanized):
    assert loose(press) == loose(romanized)


def test_countries_and_regions_first(gaz):
    russia = gaz.lookup("Russia")
    assert russia[0].geonameid == 2017370 and russia[0].level == "country"
    assert any(e.country_code == "US" for e in russia[1:])  # Russia, Ohio is there, after
    ukraine = gaz.lookup("Ukraine")
    assert ukraine[0].geonameid == 690791 and ukraine[0].country_iso3 == "UKR"


def test_entries_carry_all_fields(gaz):
    sudzha = gaz.lookup("Sudzha")[0]  # the town before a hamlet of the same name (43 people, Altai Krai)
    assert sudzha.geonameid == 486816
    assert (sudzha.feature_class, sudzha.level, sudzha.country_code, sudzha.country_iso3) == (
        "P",
        "populated_place",
        "RU",
        "RUS",
    )
    assert sudzha.admin1_id == 538555 and "Kursk" in sudzha.admin1
    assert 51.0 < sudzha.latitude < 51.4 and 35.0 < sudzha.longitude < 35.5
    assert sudzha.population > 1000
    oblast = gaz.get(538555)
    assert oblast.level == "admin1" and oblast.feature_code == "ADM1" and oblast.name == "Kursk Oblast"
    # a subdivision's point lies inside it (the middle of its places)
    assert 50.8 < oblast.latitude < 52.4 and 34.0 < oblast.longitude < 38.5


def test_variants(gaz):
    assert gaz.lookup("Kiev")[0].geonameid == 703448
    assert any(e.geonameid == 703448 for e in gaz.lookup("Kyiv"))
    assert gaz.lookup("Kharkov")[0].geonameid == 706483
    assert 538555 in {e.geonameid for e in gaz.lookup("Kursk")}  # the oblast by its centre's name


def test_demonyms(gaz):
    assert gaz.demonyms["french"] == "FR"
    assert gaz.demonyms["ukrainian"] == "UA"


def test_shipped_geonames_points(gaz):
    """Countries, regions and features of no country take GeoNames' own points from the shipped table."""

    def at(name, level):
        (e,) = [e for e in gaz.lookup(name) if e.level == level][:1]
        return round(e.latitude, 5), round(e.longitude, 5), e.point_source

    assert at("United States", "country") == (39.76, -98.5, "geonames")  # countryinfo's was 235 km away
    assert at("Canada", "country") == (60.10867, -113.64258, "geonames")
    assert at("Queensland", "admin1") == (-20.0, 145.0, "geonames")
    assert at("Europe", "continent")[2] == "geonames"
    middle_east, gulf = gaz.lookup("Middle East"), gaz.lookup("Persian Gulf")[0]
    assert any(e.level == "other" and e.point_source == "geonames" and e.country_code is None for e in middle_east)
    assert (gulf.level, gulf.feature_code, gulf.latitude, gulf.longitude) == ("other", "GULF", 27.0, 51.0)
    # a first-level division GeoNames' table lacks: the iso3166-2 package's point, and the record says so
    darfur = gaz.get(8394435)
    assert darfur.level == "admin1" and darfur.point_source == "iso3166-2"
    assert gazetteer.POINT_SOURCES[darfur.point_source].startswith("the iso3166-2 package")


def test_info_and_staleness(gaz, tmp_path):
    info = gazetteer.info(gaz.path)
    assert info["exists"] and info["current"]
    assert int(info["meta"]["places"]) > 250_000
    assert "CC BY 4.0" in info["licence"]
    # a file built from other package versions is stale and would be rebuilt
    fake = tmp_path / "old.sqlite"
    con = sqlite3.connect(fake)
    con.execute("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT)")
    con.executemany("INSERT INTO meta VALUES (?, ?)", [(k, "0.0") for k in gazetteer.source_versions()])
    con.commit()
    con.close()
    assert not gazetteer.info(fake)["current"]
    assert not gazetteer.info(tmp_path / "missing.sqlite")["exists"]


# --- a GeoNames dump the user has (kronika gazetteer build --geonames) -------------------

GEONAMES_FIXTURE = Path(__file__).parent / "corpus" / "geonames" / "constructed.txt"


@pytest.fixture(scope="module")
def dumped(tmp_path_factory, gaz) -> Gazetteer:
    """A copy of the default gazetteer with the constructed dump rows applied."""
    from kronika.places import geonames_dump

    path = tmp_path_factory.mktemp("gaz") / "gazetteer.sqlite"
    shutil.copyfile(gaz.path, path)
    applied = geonames_dump.apply(path, [GEONAMES_FIXTURE])
    # the hotel's class is left out; Huriiv Kozachok is OCHA's village already: joined, not listed twice
    assert (applied.rows, applied.moved, applied.added, applied.joined) == (5, 1, 2, 1)
    assert geonames_dump.recorded(path) == [GEONAMES_FIXTURE.resolve()]
    return Gazetteer(path, build_if_missing=False)


def test_dump_gives_geonames_own_points(gaz, dumped):
    us = dumped.get(6252001)
    assert (us.latitude, us.longitude, us.point_source) == (39.76, -98.5, "geonames-dump")
    assert gaz.get(6252001).point_source == "geonames"  # the shipped table: the same point
    assert dumped.lookup("United States")[0].geonameid == 6252001


def test_dump_adds_villages_and_regions(dumped):
    (village,) = [e for e in dumped.lookup("Kruglenkoye") if e.geonameid == 900000001]
    assert village.level == "populated_place" and village.point_source == "geonames-dump"
    assert village.admin1_id == 538555 and "Kursk" in village.admin1  # linked by GeoNames' admin code RU.41
    assert 900000001 in dumped.loose_ids("Kruglenkoe")
    region = dumped.lookup("Near East")[0]
    assert region.geonameid == 900000002 and region.level == "other"
    assert dumped.get(900000003) is None


def test_dump_joins_a_village_of_the_settlement_tables(dumped):
    assert dumped.get(900000004) is None
    (village,) = [e for e in dumped.lookup("Guryev Kozachek") if e.country_code == "UA"]
    assert village.geonameid == -6302005016 and village.source_id == "ocha-pcode:UA6302005016"


def test_dump_village_resolves_to_a_town_not_its_region(dumped):
    from kronika import nlp as knlp
    from kronika.context import Context
    from kronika.places import resolve_places
    from kronika.records import Document

    text = EXAMPLE.read_text(encoding="utf-8")
    ctx = Context.from_doc(knlp.load()(text), Document(id="ex", text=text, published=dt.date(2025, 1, 20)))
    (village,) = [p for p in resolve_places(ctx, dumped) if p.text == "Kruglenkoe"]
    # the dump's constructed row or the census village: a village of Kursk Oblast either way
    assert village.geonameid in (900000001, -138640450111) and not village.fallback
    # "near Kruglenkoe": ACLED's precision 2 (near a named town), not the region's 3 of the fallback
    assert village.geo_precision == 2 and village.admin1 and "Kursk" in village.admin1


def test_dump_bad_files_fail_before_building(tmp_path):
    from kronika.places import geonames_dump

    bad = tmp_path / "notes.txt"
    bad.write_text("this is not a GeoNames dump\n", encoding="utf-8")
    with pytest.raises(geonames_dump.DumpError, match="line 1 is not a GeoNames row"):
        gazetteer.build(tmp_path / "g.sqlite", progress=None, geonames=[bad])
    with pytest.raises(geonames_dump.DumpError, match="no such file"):
        gazetteer.build(tmp_path / "g.sqlite", progress=None, geonames=[tmp_path / "missing.zip"])
    assert not (tmp_path / "g.sqlite").exists()


def test_opening_a_gazetteer_never_builds_one(tmp_path):
    from kronika.errors import KronikaError

    missing = tmp_path / "gazetteer.sqlite"
    with pytest.raises(KronikaError, match=r"is not built: build it with `kronika gazetteer build`"):
        Gazetteer(missing)
    assert not missing.exists() and not list(tmp_path.iterdir())


def test_the_pipeline_reads_the_gazetteer_it_is_given(gaz):
    from kronika.pipeline import Pipeline

    pipeline = Pipeline(gazetteer=gaz)
    assert pipeline.gazetteer is gaz
    assert [p.geonameid for p in pipeline.analyze("Troops shelled Kharkiv.").places] == [706483]
