"""kronika's data files are read one way: YAML validated by a pydantic model, errors naming file and key."""

from __future__ import annotations

import pytest

from kronika.data import DATA_DIR, load_yaml
from kronika.errors import DataError, KronikaError
from kronika.time.lexicon import _LexiconFile, _PatternsFile


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
