"""The CLI reference (docs/cli.md), generated from the commands' own --help.

    python -m kronika.cli.docs > docs/cli.md

A test fails when docs/cli.md and the commands drift apart.
"""

from __future__ import annotations

import click
from click.testing import CliRunner


def _commands(group: click.Group, prefix: list[str]):
    for name in sorted(group.commands):
        cmd = group.commands[name]
        yield [*prefix, name], cmd
        if isinstance(cmd, click.Group):
            yield from _commands(cmd, [*prefix, name])


def cli_reference() -> str:
    from kronika.cli import main

    runner = CliRunner()
    parts = [
        "# kronika command reference",
        "",
        "Generated from `kronika --help` by `python -m kronika.cli.docs > docs/cli.md`; "
        "`tests/test_docs.py` fails when the two drift apart.",
        "",
    ]
    for path, _ in [([], main), *_commands(main, [])]:
        result = runner.invoke(main, [*path, "--help"], prog_name="kronika", terminal_width=100)
        title = " ".join(["kronika", *path])
        parts += [f"## {title}", "", "```", result.output.rstrip(), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":  # pragma: no cover
    print(cli_reference(), end="")
