"""docs/cli.md is generated from the commands' --help: it must not drift."""

from pathlib import Path

from kronika.cli.docs import cli_reference

DOC = Path(__file__).resolve().parent.parent / "docs" / "cli.md"


def test_cli_reference_is_current():
    assert DOC.read_text("utf-8") == cli_reference(), (
        "docs/cli.md is out of date: run `.venv/bin/python -m kronika.cli.docs > docs/cli.md`")
