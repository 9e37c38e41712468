"""docs/cli.md is generated from the commands' --help: it must not drift."""

from pathlib import Path

from kronika.cli.docs import cli_reference

DOC = Path(__file__).resolve().parent.parent / "docs" / "cli.md"


def test_cli_reference_is_current():
    assert DOC.read_text("utf-8") == cli_reference(), (
        "docs/cli.md is out of date: run `.venv/bin/python -m kronika.cli.docs > docs/cli.md`"
    )


README = DOC.parent.parent / "README.md"


def test_readme_spacy_component_example_works_as_written(monkeypatch):
    """The README's spaCy example, run as written, gives what kronika.analyze gives."""
    import re
    import datetime as dt

    import kronika

    text = README.read_text("utf-8")
    block = next(b for b in re.findall(r"```python\n(.*?)```", text, re.S) if "kronika_analysis" in b)
    monkeypatch.chdir(README.parent)
    scope: dict = {}
    exec(block, scope)  # noqa: S102 - the README's own code
    got = scope["doc"]._.kronika
    example = (README.parent / "examples" / "kursk-north-korean-pow-2025-01-20.txt").read_text("utf-8")
    want = kronika.analyze(example, published=dt.date(2025, 1, 20))
    assert len(got.sentences) == len(want.sentences)
    assert [(c.measure, c.quantity.value) for c in got.claims] == [(c.measure, c.quantity.value) for c in want.claims]
    assert "kronika_line_breaks" in block and "chromium" in text and "KRONIKA_SCREENSHOTS=1" in text
