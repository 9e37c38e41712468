"""Makes the compact place tables shipped in ``src/kronika/data/places/`` (run by a maintainer, not at run time).

    python tools/places_data.py points ../shared/data/geonames-points
    python tools/places_data.py settlements ../shared/data/settlements

``points`` writes ``geonames_points.tsv.gz``: GeoNames' own points of countries, first- and
second-level divisions (GeoNames data, CC BY 4.0, as republished in OpenWeatherMap's city list in
the ``pyowm`` 3.5.0 wheel, CC BY-SA 4.0), GeoNames' no-country features (continents, oceans, seas,
gulfs, straits, bays, regions, islands; undersea features left out) and, only for first-level
divisions GeoNames' table lacks, the ``iso3166-2`` package's points (tagged ``iso3166-2``: not
GeoNames). See ``src/kronika/data/places/NOTICE.md``.
"""

from __future__ import annotations

import csv
import gzip
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "kronika" / "data" / "places"
COLUMNS = ["geonameid", "name", "feature_class", "feature_code", "country_code", "admin1_code", "admin2_code",
           "latitude", "longitude", "population", "point_source", "iso3166_2"]
# features with no country that news reports name: the rest (undersea features, reefs, wells...) are left out
NO_COUNTRY = {"L": {"CONT", "RGN", "RGNE", "AREA"}, "H": {"OCN", "SEA", "GULF", "STRT", "BAY", "CHN", "CHNM", "CHNN", "BGHT"},
              "T": {"ISL", "ISLS", "ATOL", "PEN", "DSRT", "PLN", "PLAT", "MTS"}}


def _read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def points(src: Path) -> Path:
    rows = []
    for f in ("countries.tsv", "adm1.tsv", "adm2.tsv"):
        rows += [dict(r, point_source="geonames", iso3166_2="") for r in _read(src / f)]
    rows += [dict(r, point_source="geonames", iso3166_2="") for r in _read(src / "no_country_2024.tsv")
             if r["feature_code"] in NO_COUNTRY.get(r["feature_class"], ())]
    have = {r["geonameid"] for r in rows}
    rows += [dict(r, point_source="iso3166-2") for r in _read(src / "adm1_missing_iso3166-2_points.tsv")
             if r["latitude"] and r["geonameid"] not in have]
    out = OUT / "geonames_points.tsv.gz"
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9, newline="") as fh:
        fh.write("\t".join(COLUMNS) + "\n")
        for r in sorted(rows, key=lambda r: int(r["geonameid"])):
            fh.write("\t".join((r.get(c) or "").strip() for c in COLUMNS) + "\n")
    return out


# --- settlements of Ukraine and Russia ----------------------------------------------------

SETTLEMENT_COLUMNS = ["id", "source_id", "name", "aliases", "alt_names", "country", "admin1", "admin2", "latitude", "longitude",
                      "population", "kind", "geonameid"]
# Russian settlement types kept (OKTMO abbreviations): towns, villages, hamlets, stanitsas, auls...;
# railway stations and sidings, garden associations, territories and districts are left out
RU_KINDS = {"г", "пгт", "рп", "кп", "гп", "дп", "с", "д", "п", "х", "ст-ца", "нп", "аул", "аал", "у", "починок",
            "заимка", "м", "сл", "высел", "арбан", "п/ст", "с/п"}
_UK = dict(zip("абвгґдезиіклмнопрстуфхцчшщ", ["a", "b", "v", "h", "g", "d", "e", "z", "y", "i", "k", "l", "m", "n", "o",
                                           "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch"]))
_UK_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_UK_INNER = {"є": "ie", "ї": "i", "й": "i", "ю": "iu", "я": "ia", "ж": "zh", "ь": "", "'": "", "’": "", "ʼ": ""}
_RU = dict(zip("абвгдзийклмнопрстуфхцчшщыэ", ["a", "b", "v", "g", "d", "z", "i", "y", "k", "l", "m", "n", "o", "p",
                                           "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "y", "e"]))
_RU.update({"ж": "zh", "ё": "yo", "ю": "yu", "я": "ya", "ь": "", "ъ": ""})
_VOWELS = set("аеёиоуыэюяіїєьъ")


def romanize(name: str) -> str:
    """Ukrainian (KMU 2010: Красноармійськ → Krasnoarmiisk) or Russian (BGN/PCGN: Кругленькое →
    Kruglenkoye) Cyrillic in Latin letters; "" when ``name`` is not Cyrillic."""
    if not any("\u0400" <= c <= "\u04ff" for c in name):
        return ""
    ukrainian = any(c in "іїєґІЇЄҐ" for c in name.lower())
    out, prev = [], ""
    for i, ch in enumerate(name):
        low = ch.lower()
        initial = prev in ("", " ", "-")
        if ukrainian:
            if low == "г" and prev.lower() == "з":
                r = "gh"
            else:
                r = (_UK_INITIAL.get(low) if initial else None) or _UK_INNER.get(low, _UK.get(low, ch))
        else:
            r = "ye" if low == "е" and (initial or prev.lower() in _VOWELS) else _RU.get(low, "e" if low == "е" else ch)
        out.append(r.capitalize() if ch.isupper() and r else r)
        prev = ch
    return "".join(out)


_RU_TO_UK_ENDINGS = [("ое", "е"), ("ее", "є"), ("ая", "а"), ("яя", "я"), ("ый", "ий"), ("ий", "ий")]


def ukrainian_form(name: str) -> str:
    """The Ukrainian press spelling of a Russian place name (Кругленькое → Kruhlenke, Малая Локня →
    Mala Loknia): Ukrainian endings of the adjective and letters, then KMU 2010."""
    words = []
    for w in name.split(" "):
        for ru, uk in _RU_TO_UK_ENDINGS:
            if w.endswith(ru) and len(w) > 3:
                w = w[: -len(ru)] + uk
                break
        if w.endswith("овка") and len(w) > 5:  # Ивановка → Іванівка
            w = w[:-4] + "івка"
        w = "".join(("і" if c == "и" else "І") if c in "иИ" and (not j or w[j - 1].lower() in _VOWELS) else c
                    for j, c in enumerate(w))
        w = w.replace("ы", "и").replace("э", "е").replace("ё", "ьо").replace("ъ", "")
        words.append(w)
    uk = " ".join(words)
    # Ukrainian и is "y": force the Ukrainian table even when no і/ї/є/ґ occurs
    return romanize(uk + "і")[:-1] if uk else ""


def _latin_names(*groups) -> list[str]:
    """Latin-script names and the romanization of Cyrillic ones, each once, in order."""
    out: list[str] = []
    for g in groups:
        for n in g:
            n = n.strip()
            for v in (n, romanize(n)):
                if v and all(ord(c) < 0x250 for c in v) and v not in out:
                    out.append(v)
    return out


def _gz_rows(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def _row(id_, source_id, name, aliases, alts, cc, a1, a2, lat, lon, pop, kind, gid) -> dict:
    """aliases: the source's own spellings and romanizations; alts: GeoNames' alternate names."""
    alts = [a for a in alts if a != name and a not in aliases]
    return dict(zip(SETTLEMENT_COLUMNS, [str(id_), source_id, name, "|".join(a for a in aliases if a != name),
                                         "|".join(alts), cc, a1, a2,
                                         f"{float(lat):.5f}", f"{float(lon):.5f}", str(pop or ""), kind, gid or ""]))


def _ua(src: Path) -> list[dict]:
    """OCHA's settlements (current names, pcodes), with the GeoNames/Who's On First names of the same place."""
    wof = _gz_rows(src / "ua_geonames_via_wof.tsv.gz")
    by_gid = {r["id"][3:]: r for r in wof if r["id"].startswith("gn:")}
    out, used = [], set()
    for r in _gz_rows(src / "ua_settlements_ocha_pcodes.tsv.gz"):
        w = by_gid.get(r["geonameid"]) if r["geonameid"] else None
        if w is not None:
            used.add(w["id"])
        aliases = _latin_names([r["name"]], [r["name_uk"]], r["alt_names"].split("|"))
        alts = _latin_names([w["name"], w["name_en"], *w["alt_names"].split("|")] if w else [])
        sid = -int(r["id"][2:])  # not a GeoNames id: minus the digits of the pcode
        pop = w["population"] if w else ""
        out.append(_row(r["geonameid"] or sid, "ocha-pcode:" + r["id"], r["name"], aliases, alts, "UA", r["admin1"], r["admin2"],
                        r["latitude"] if "latitude" in r else r["lat"], r["lon"], pop, "settlement", r["geonameid"]))
    # Who's On First places OCHA does not list (by GeoNames id): those marked current only, named in Latin
    # letters; one within 5 km of an OCHA settlement of the same name is that settlement
    grid: dict[tuple[int, int], list[dict]] = {}
    for r in out:
        grid.setdefault((round(float(r["latitude"]) * 20), round(float(r["longitude"]) * 20)), []).append(r)
    for w in wof:
        if w["id"] in used or w["is_current"] != "1" or w["feature_code"] not in ("", "PPL", "PPLA3", "PPLA2", "PPLL"):
            continue
        alts = _latin_names([w["name_en"]], [w["name"]], w["alt_names"].split("|"))
        if not alts:
            continue
        same = _near_namesake(grid, float(w["lat"]), float(w["lon"]), alts)
        if same is not None:
            have = same["alt_names"].split("|") if same["alt_names"] else []
            same["alt_names"] = "|".join(have + [a for a in alts if a not in have and a != same["name"]])
            continue
        gid = w["id"][3:] if w["id"].startswith("gn:") else ""
        sid = gid or str(-(2 * 10**11 + int(w["id"][4:]) % 10**11))
        out.append(_row(sid, ("wof:" + w["source_id"][4:]) if w["source_id"].startswith("wof:") else w["id"], alts[0],
                        _latin_names([w["name_en"]], [w["name"]]), alts,
                        "UA", w["admin1"], "", w["lat"], w["lon"], w["population"], "settlement", gid))
    return out


def _key(name: str) -> str:
    return "".join(c for c in name.lower().replace("'", "").replace("’", "") if c.isalpha())[:8]


def _near_namesake(grid: dict, lat: float, lon: float, names: list[str]):
    keys = {_key(n) for n in names}
    gy, gx = round(lat * 20), round(lon * 20)
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            for r in grid.get((gy + dy, gx + dx), ()):
                if abs(float(r["latitude"]) - lat) < 0.045 and abs(float(r["longitude"]) - lon) < 0.07 and (
                        keys & {_key(n) for n in [r["name"], *r["aliases"].split("|")]}):
                    return r
    return None


def _ru(src: Path) -> list[dict]:
    """Russia's 2021-census settlements: real settlement types, good points, people living there;
    Crimea and Sevastopol come from the Ukrainian tables."""
    out = []
    for r in _gz_rows(src / "ru_settlements_2021census.tsv.gz"):
        if r["settlement_type"] not in RU_KINDS or r["coord_flag"] or r["territory_note"]:
            continue
        if not r["population"] or r["population"] == "0":
            if not r["geonameid"]:
                continue
        rid = r["id"]
        num = int(rid.split(":")[1].replace("row", "") or 0) if rid.startswith("oktmo:") else int(rid.split(":")[1])
        sid = -(10**11 + num) if rid.startswith("oktmo:") else -(3 * 10**11 + num)
        # spellings of the name (Kruglenkoye / Kruglenkoe) are aliases; other names (Engels' old name
        # Pokrovsk) and the Ukrainian press spelling (Kruhlenke) are alternate names, weaker than the
        # own names of other places (Ukraine's Pokrovsk, Popivkas)
        own = r["name_latin"][:1].lower()
        names = _latin_names([r["name_latin"]], r["alt_names"].split("|"), [r["name"]])
        aliases = [n for n in names if n[:1].lower() == own]
        alts = [n for n in names if n[:1].lower() != own] + _latin_names([ukrainian_form(r["name"])])
        out.append(_row(r["geonameid"] or sid, rid, r["name_latin"] or aliases[0], aliases, alts, "RU", r["admin1_latin"],
                        romanize(r["admin2"]) or r["admin2"], r["lat"], r["lon"], r["population"], r["settlement_type"], r["geonameid"]))
    return out


def settlements(src: Path) -> Path:
    rows = _ua(src) + _ru(src)
    out = OUT / "settlements.tsv.gz"
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9, newline="") as fh:
        fh.write("\t".join(SETTLEMENT_COLUMNS) + "\n")
        for r in rows:
            fh.write("\t".join(r[c].replace("\t", " ") for c in SETTLEMENT_COLUMNS) + "\n")
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("points", "settlements"):
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    print((points if argv[0] == "points" else settlements)(Path(argv[1])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
