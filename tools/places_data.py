"""Makes the compact place tables shipped in ``src/kronika/data/places/`` (run by a maintainer, not at run time).

    python tools/places_data.py points ../shared/data/geonames-points

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


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("points",):
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    print(points(Path(argv[1])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
