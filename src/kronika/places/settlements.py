"""The villages of the war: Ukraine's and Russia's settlements merged into the gazetteer at build time.

``data/places/settlements.tsv.gz`` (made by ``tools/places_data.py settlements``; sources and
licences in ``data/places/NOTICE.md``) lists Ukraine's settlements (OCHA's pcodes, current names,
raions, romanizations and old names; Who's On First's GeoNames places OCHA lacks) and Russia's
(2021 census, with population). Each row either joins a place the gazetteer has — by GeoNames id,
or by the same name within a few kilometres — adding its names and raion, or is added as a new
populated place with its source's point. Ids: GeoNames' where the source links one, else negative
(minus the pcode or OKTMO digits: not a GeoNames place), and ``src_id`` keeps the source's own id.
"""

from __future__ import annotations

import csv
import gzip
import math
from pathlib import Path
from typing import Callable, Iterator, Optional

from kronika.places.names import normalize, place_name_rows

DATA = Path(__file__).resolve().parent.parent / "data" / "places" / "settlements.tsv.gz"
# the source of a row's point, by the prefix of its id
POINT_SOURCE = {
    "ocha-pcode": "ocha",
    "gn": "geonames",
    "wof": "whosonfirst",
    "oktmo": "ru-census-2021",
    "ru2021": "ru-census-2021",
}
SAME_PLACE_KM = 3.0
CLAIMED_ID_KM = 15.0
BIG_CITY = 100_000  # how far a row may lie from the GeoNames point of the id it gives
# generic words of a Russian first-level division in the source's Latin form ("Kurskaya oblast")
_GENERIC = {"oblast", "oblast'", "kray", "krai", "respublika", "republic", "avtonomnyy", "okrug", "autonomous"}


def rows() -> Iterator[dict]:
    """The shipped rows, one at a time (160,000 of them: never all in memory)."""
    with gzip.open(DATA, "rt", encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    dy = (lat2 - lat1) * 111.2
    dx = (lon2 - lon1) * 111.2 * math.cos(math.radians((lat1 + lat2) / 2))
    return math.hypot(dx, dy)


class _Index:
    """The gazetteer's populated places of a country, by name and by 0.1° cell."""

    def __init__(self, places: list[tuple], names: list[tuple], countries: set[str]):
        self.places = {p[0]: p for p in places if p[7] in countries and p[6] == "populated_place"}
        self.keys: dict[str, list[int]] = {}
        for key, gid, _src in names:
            if gid in self.places:
                self.keys.setdefault(key, []).append(gid)
        self.cells: dict[tuple[str, int, int], list[int]] = {}
        for gid, p in self.places.items():
            self.cells.setdefault((p[7], int(p[2] * 10), int(p[3] * 10)), []).append(gid)

    def same_name_near(self, keys: list[str], cc: str, lat: float, lon: float) -> Optional[int]:
        for key in keys:
            for gid in self.keys.get(key, ()):
                p = self.places[gid]
                if p[7] == cc and _km(lat, lon, p[2], p[3]) <= SAME_PLACE_KM:
                    return gid
        return None

    def nearest(self, cc: str, lat: float, lon: float) -> Optional[tuple]:
        best, best_d = None, 1e9
        cy, cx = int(lat * 10), int(lon * 10)
        for r in (1, 3, 8):
            for dy in range(-r, r + 1):
                for dx in range(-r, r + 1):
                    for gid in self.cells.get((cc, cy + dy, cx + dx), ()):
                        p = self.places[gid]
                        d = _km(lat, lon, p[2], p[3])
                        if d < best_d and p[8] is not None:
                            best, best_d = p, d
            if best is not None:
                return best
        return best


def _admin1_ids(places: list[tuple], names: list[tuple]) -> dict[tuple[str, str], int]:
    """(country, normalized name) -> first-level division id, with and without the generic word."""
    admin1 = {p[0]: p[7] for p in places if p[6] == "admin1" and p[7] in ("UA", "RU")}
    out: dict[tuple[str, str], int] = {}
    for key, gid, _src in names:
        if gid in admin1:
            out.setdefault((admin1[gid], key), gid)
            out.setdefault((admin1[gid], _base(key)), gid)
    return out


def _base(key: str) -> str:
    return " ".join(w for w in key.split() if w not in _GENERIC)


def _admin1(r: dict, admin1: dict, index: _Index, lat: float, lon: float) -> Optional[int]:
    key = normalize(r["admin1"] or "")
    gid = admin1.get((r["country"], key)) or admin1.get((r["country"], _base(key)))
    if gid is None:
        near = index.nearest(r["country"], lat, lon)
        gid = near[8] if near is not None else None
    return gid


def merge(places: list[tuple], names: list[tuple], progress: Optional[Callable[[str], None]] = None) -> list[tuple]:
    """``places`` with the settlements joined or added; their names appended to ``names``."""
    index = _Index(places, names, {"UA", "RU"})
    admin1 = _admin1_ids(places, names)
    by_id = {p[0]: i for i, p in enumerate(places)}
    out = list(places)
    joined = added = 0
    for r in rows():
        gid, lat, lon, cc = int(r["id"]), float(r["latitude"]), float(r["longitude"]), r["country"]
        aliases = [a for a in r["aliases"].split("|") if a]
        alts = [a for a in r["alt_names"].split("|") if a]
        # in the row's order (its name first, then its aliases): a set's order changes with the
        # hash seed, and with it which of two nearby namesakes a settlement joined
        keys = list(dict.fromkeys(normalize(n) for n in [r["name"], *aliases]))
        # a row's GeoNames id is trusted only near that id's point: one source gave Lviv's id to
        # the town of Mykolaiv 35 km south of it, which renamed Lviv
        claimed = gid in index.places and _km(lat, lon, index.places[gid][2], index.places[gid][3]) <= CLAIMED_ID_KM
        target = gid if claimed else index.same_name_near(keys, cc, lat, lon)
        if target is None and gid in by_id:
            continue  # a GeoNames id the gazetteer has at another level
        new_rows = place_name_rows(target or gid, [r["name"]], alts)
        names.extend(new_rows)
        names.extend(
            (k, target or gid, 1)
            for k in keys
            if k and len(k) >= 2 and all(ord(c) < 0x250 for c in k) and k != normalize(r["name"])
        )
        if target is not None:
            p = out[by_id[target]]
            name = r["name"] if r["source_id"].startswith("ocha-pcode:") else p[1]  # OCHA's current name
            out[by_id[target]] = (p[0], name, *p[2:14], r["admin2"] or None, r["source_id"])
            joined += 1
            continue
        a1 = _admin1(r, admin1, index, lat, lon)
        src = POINT_SOURCE.get(r["source_id"].split(":")[0], "settlements")
        pop = int(r["population"] or 0)
        if pop >= BIG_CITY:
            pop = 0  # GeoNames has every such city: a row joined to none borrowed a namesake's population
        out.append(
            (
                gid,
                r["name"],
                lat,
                lon,
                "P",
                "PPL",
                "populated_place",
                cc,
                a1,
                None,
                pop,
                None,
                None,
                src,
                r["admin2"] or None,
                r["source_id"],
            )
        )
        by_id[gid] = len(out) - 1
        added += 1
    if progress:
        progress(f"  settlements of Ukraine and Russia: {joined} joined places the gazetteer had, {added} added")
    return out
