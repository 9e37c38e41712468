"""The offline GeoNames gazetteer: lookups, ranking traps, names, build metadata."""

from __future__ import annotations

import sqlite3

import pytest

from kronika.places import gazetteer
from kronika.places.gazetteer import Gazetteer, loose, normalize


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return Gazetteer.default()


def test_normalize_and_loose():
    assert normalize("Kyïv") == normalize("kyiv") == "kyiv"
    assert normalize("Kruglen'koye") == "kruglenkoye"
    assert normalize("Saint-Étienne") == "saint etienne"
    assert loose("Kruglenkoye") == loose("Kruglenkoe") == loose("Kruglen’koye")
    assert loose("Kharkov") == loose("Charkov")


def test_countries_and_regions_first(gaz):
    russia = gaz.lookup("Russia")
    assert russia[0].geonameid == 2017370 and russia[0].level == "country"
    assert any(e.country_code == "US" for e in russia[1:])  # Russia, Ohio is there, after
    ukraine = gaz.lookup("Ukraine")
    assert ukraine[0].geonameid == 690791 and ukraine[0].country_iso3 == "UKR"


def test_entries_carry_all_fields(gaz):
    (sudzha,) = gaz.lookup("Sudzha")
    assert sudzha.geonameid == 486816
    assert (sudzha.feature_class, sudzha.level, sudzha.country_code, sudzha.country_iso3) == ("P", "populated_place", "RU", "RUS")
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
