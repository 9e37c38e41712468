"""kronika's data files, one folder per stage, and the one way a YAML file of them is read.

``load_yaml(DATA_DIR / "time" / "lexicon.yaml", Lexicon)`` parses the file and validates it with
a pydantic model (``extra="forbid"``: an unknown key is an error, not ignored); any problem is a
:class:`~kronika.errors.DataError` naming the file and the key. A leaf module: every stage may
import it, it imports nothing of kronika's but its errors.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from kronika.errors import DataError

DATA_DIR = Path(__file__).resolve().parent
ACTORS_DIR = DATA_DIR / "actors"
CHRONICLE_DIR = DATA_DIR / "chronicle"
CLAIMS_DIR = DATA_DIR / "claims"
EVENTS_DIR = DATA_DIR / "events"
PLACES_DIR = DATA_DIR / "places"
QUANTITIES_DIR = DATA_DIR / "quantities"
TIME_DIR = DATA_DIR / "time"

M = TypeVar("M", bound=BaseModel)


class Strict(BaseModel):
    """Base of every data file's model: unknown keys are errors, values are not coerced silently."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def _name(path: Path | str) -> str:
    path = Path(path)
    try:
        return str(path.relative_to(DATA_DIR))
    except ValueError:
        return str(path)


def read_yaml(path: Path | str, text: str | None = None) -> Any:
    """The parsed YAML of a data file (``text`` when given instead of the file's own)."""
    try:
        raw = Path(path).read_text(encoding="utf-8") if text is None else text
        return yaml.safe_load(raw)
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"{_name(path)}: cannot read the data file ({exc})") from None
    except yaml.YAMLError as exc:
        raise DataError(f"{_name(path)}: not valid YAML ({str(exc).splitlines()[0]})") from None


def validate(path: Path | str, raw: Any, model: type[M]) -> M:
    """``raw`` checked by ``model``; the first error as a DataError naming the file and the key."""
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(map(str, err["loc"])) or "(top level)"
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        raise DataError(f"{_name(path)}: {where}: {err['msg']}{more}") from None


def load_yaml(path: Path | str, model: type[M], text: str | None = None) -> M:
    """A YAML data file read and validated: the one loader of kronika's data."""
    return validate(path, read_yaml(path, text), model)
