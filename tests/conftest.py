"""Shared fixtures: the canonical example, the re3d public-domain corpus, real SQLite files."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "kursk-north-korean-pow-2025-01-20.txt"
RE3D = Path(__file__).resolve().parent / "corpus" / "re3d-public-domain"


def re3d_documents(collection: str = "centcom") -> list[dict]:
    with open(RE3D / collection / "documents.json", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


@pytest.fixture(scope="session")
def example_path() -> Path:
    return EXAMPLE


@pytest.fixture(scope="session")
def example_text() -> str:
    return EXAMPLE.read_text("utf-8")


@pytest.fixture(scope="session")
def pipeline():
    from kronika.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def example_analysis(pipeline, example_text):
    return pipeline.analyze(example_text, published=dt.date(2025, 1, 20), source="Euromaidan Press")


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture
def centcom_folder(tmp_path) -> Path:
    """A folder of the CENTCOM press releases as plain-text files."""
    folder = tmp_path / "centcom"
    folder.mkdir()
    for d in re3d_documents("centcom")[:6]:
        (folder / f"{d['_id'][:12]}.txt").write_text(d["text"], "utf-8")
    return folder
