"""Expected facts of whole documents (tests/expected/<doc>.yaml) through kronika's public output.

One file per document: what ``kronika.analyze`` must find in it and what it must not. A fact is
a set of fields of one record (dotted paths into its JSON); it holds when some record of the
named list has them all (``must``), or none has (``must_not``).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = sorted((ROOT / "tests" / "expected").glob("*.yaml"))


def _facts(kind: str) -> list:
    out = []
    for path in EXPECTED:
        spec = yaml.safe_load(path.read_text("utf-8"))
        for field, facts in (spec.get(kind) or {}).items():
            out += [
                pytest.param(spec["document"], field, fact, id=f"{path.stem}:{field}:{_label(fact)}") for fact in facts
            ]
    return out


def _label(fact: dict) -> str:
    return ",".join(f"{k}={v}" for k, v in fact.items())


@lru_cache(maxsize=None)
def _records(document: str) -> dict:
    from kronika.ingest import read_path
    from kronika.pipeline import default_pipeline

    [doc] = list(read_path(ROOT / document))
    return json.loads(default_pipeline().analyze_document(doc).model_dump_json())


def _get(record, path: str):
    for part in path.split("."):
        if not isinstance(record, dict):
            return None
        record = record.get(part)
    return record


def _has(record: dict, fact: dict) -> bool:
    for path, want in fact.items():
        got = _get(record, path)
        if isinstance(want, (int, float)) and not isinstance(want, bool) and isinstance(got, (int, float)):
            if float(got) != float(want):
                return False
        elif got != want:
            return False
    return True


def test_the_matcher():
    record = {"text": "Kyiv", "quantity": {"value": 3800.0}, "place": None}
    assert _has(record, {"text": "Kyiv", "quantity.value": 3800})
    assert not _has(record, {"text": "Kyiv", "quantity.value": 380})
    assert not _has(record, {"place.text": "Kyiv"})


@pytest.mark.parametrize("document, field, fact", _facts("must"))
def test_must_find(document, field, fact):
    records = _records(document)[field]
    assert any(_has(r, fact) for r in records), f"no {field} record with {fact}"


@pytest.mark.parametrize("document, field, fact", _facts("must_not"))
def test_must_not_find(document, field, fact):
    records = _records(document)[field]
    assert not [r for r in records if _has(r, fact)], f"a {field} record with {fact}"
