"""kronika's data files are read one way: YAML validated by a pydantic model, errors naming file and key."""

from __future__ import annotations

import pytest

from kronika.data import DATA_DIR, load_yaml
from kronika.errors import DataError, KronikaError
from kronika.time.lexicon import _LexiconFile, _NamedDaysFile, _PatternsFile


def test_the_shipped_time_files_validate():
    lx = load_yaml(DATA_DIR / "time" / "lexicon.yaml", _LexiconFile)
    assert lx.months["january"] == 1 and lx.units
    assert load_yaml(DATA_DIR / "time" / "patterns.yaml", _PatternsFile).patterns


def test_an_unknown_key_is_an_error_naming_the_file_and_the_key(tmp_path):
    bad = tmp_path / "patterns.yaml"
    bad.write_text("patterns:\n  - name: x\n    regex: y\n    timeml: true\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"patterns\.yaml: patterns\.0\.timeml: Extra inputs are not permitted"):
        load_yaml(bad, _PatternsFile)


def test_a_wrong_value_is_an_error_naming_the_key(tmp_path):
    text = (DATA_DIR / "time" / "lexicon.yaml").read_text("utf-8").replace("january: 1", "january: first", 1)
    assert "january: first" in text
    with pytest.raises(DataError, match=r"lexicon\.yaml: months\.january: "):
        load_yaml(tmp_path / "lexicon.yaml", _LexiconFile, text=text)


def test_broken_yaml_and_a_missing_file_are_data_errors(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("months: [1, 2\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"broken\.yaml: not valid YAML"):
        load_yaml(broken, _PatternsFile)
    with pytest.raises(KronikaError, match=r"missing\.yaml: cannot read"):
        load_yaml(tmp_path / "missing.yaml", _PatternsFile)


# --- every data file has its model --------------------------------------------------------


def _models() -> dict:
    from kronika.actors.dictionary import ActorsFile
    from kronika.claims.lexicon import _Attribution, _Measures, _Modality
    from kronika.events.datafiles import AuthoredExamples, ClassifierFile
    from kronika.events.lexicon import TriggersFile
    from kronika.export import _AcledRegions
    from kronika.places.geonames_dump import _DumpSettings
    from kronika.places.lexicon import _LexiconFile as PlacesLexicon
    from kronika.quantities.changes import _ChangesFile
    from kronika.quantities.counted import _CountedData
    from kronika.quantities.lexicon import _NumbersFile
    from kronika.statements.stance import _StatementsFile
    from kronika.vocab import Taxonomy

    return {
        "time/lexicon.yaml": _LexiconFile,
        "time/patterns.yaml": _PatternsFile,
        "time/named_days.yaml": _NamedDaysFile,
        "places/lexicon.yaml": PlacesLexicon,
        "places/geonames_dump.yaml": _DumpSettings,
        "claims/measures.yaml": _Measures,
        "claims/attribution.yaml": _Attribution,
        "claims/modality.yaml": _Modality,
        "claims/statements.yaml": _StatementsFile,
        "actors/actors.yaml": ActorsFile,
        "chronicle/acled_regions.yaml": _AcledRegions,
        "events/authored_examples.yaml": AuthoredExamples,
        "events/classifier.yaml": ClassifierFile,
        "events/taxonomy.yaml": Taxonomy,
        "events/triggers.yaml": TriggersFile,
        "quantities/changes.yaml": _ChangesFile,
        "quantities/counted.yaml": _CountedData,
        "quantities/numbers.yaml": _NumbersFile,
    }


# Read with yaml.safe_load and checked by hand, not yet by a model of their own (none left: a new
# data file gets its model in _models above).
NOT_YET: set[str] = set()


@pytest.mark.parametrize("name", sorted(p.relative_to(DATA_DIR).as_posix() for p in DATA_DIR.rglob("*.yaml")))
def test_every_data_file_validates(name):
    models = _models()
    if name in NOT_YET:
        assert name not in models, f"{name} has a model now: take it off NOT_YET"
        pytest.xfail(f"{name}: no model yet")
    assert name in models, f"{name}: a new data file needs its model here"
    load_yaml(DATA_DIR / name, models[name])


def test_a_misspelt_key_deep_in_the_actor_dictionary_is_named(tmp_path):
    from kronika.actors.dictionary import ActorsFile

    text = (DATA_DIR / "actors" / "actors.yaml").read_text("utf-8")
    bad = text.replace("    leaders:", "    leader:", 1)
    assert bad != text
    with pytest.raises(DataError, match=r"actors\.yaml: countries\.[A-Z]{3}\.leader: Extra inputs are not permitted"):
        load_yaml(tmp_path / "actors.yaml", ActorsFile, text=bad)


# --- words YAML reads as booleans (on, no, yes, off...) ------------------------------------


def test_an_unquoted_no_in_a_word_list_is_an_error_naming_the_key(tmp_path):
    from kronika.claims.lexicon import _Modality

    text = (DATA_DIR / "claims" / "modality.yaml").read_text("utf-8")
    assert '"no"' in text
    with pytest.raises(DataError, match=r"modality\.yaml: negation_words\.\d+: Input should be a valid string"):
        load_yaml(tmp_path / "modality.yaml", _Modality, text=text.replace('"no"', "no", 1))


def test_the_words_yaml_would_read_as_booleans_are_words():
    from kronika.claims.lexicon import load as claims_lexicon
    from kronika.events.lexicon import load_lexicon
    from kronika.places.lexicon import load as places_lexicon
    from kronika.statements.stance import load as stance_lexicon

    assert {"on", "no", "yes"} <= places_lexicon().stoplist
    assert "no" in claims_lexicon().negation_words and "no" in load_lexicon().status["negation_words"]
    assert "on" in stance_lexicon().call_particles


def test_the_quoted_words_are_read(pipeline):
    """ "no" negates an event ("there was no shelling"); "calls on" is a call."""
    a = pipeline.analyze(
        "The defence ministry said there was no shelling of the town on Monday.", published="2025-01-20"
    )
    assert not [e for e in a.events if e.status == "occurred"]
    a = pipeline.analyze("The governor calls on the army to protect the harbour.", published="2025-01-20")
    assert [s.stance for s in a.statements] == ["calls_for"]


def test_data_files_are_read_only_through_load_yaml():
    """No module parses YAML itself but the loader (and the reader of a document's front matter,
    which is user input, not a data file)."""
    from pathlib import Path

    src = Path(__file__).resolve().parent.parent / "src" / "kronika"
    allowed = {src / "data" / "__init__.py", src / "ingest" / "zones.py"}
    readers = [
        p.relative_to(src).as_posix()
        for p in sorted(src.rglob("*.py"))
        if p not in allowed and "yaml.safe_load" in p.read_text("utf-8")
    ]
    assert not readers, f"read data files with kronika.data.load_yaml and a model: {readers}"
