"""The command line is argument parsing, one `rashomon.api` call per command, and output
formatting: it imports nothing below the API, and read commands never load a model."""

from __future__ import annotations

import ast

import pytest
import spacy

from rashomon import cli

# What cli.py may import of rashomon: the API, settings, errors, and helpers for arguments
# and output (terminal-safe text, tables, the shared cell wording).
ALLOWED = ("rashomon.api", "rashomon.settings", "rashomon.errors", "rashomon.textsafe",
           "rashomon.report.tables", "rashomon.report.cells")  # fmt: skip


def _imports() -> list[str]:
    tree = ast.parse(open(cli.__file__, encoding="utf-8").read())  # noqa: SIM115
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("rashomon"):
            found += (
                [node.module]
                if node.module != "rashomon"
                else [f"rashomon.{a.name}" for a in node.names]
            )
        elif isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.startswith("rashomon")]
    return found


def test_cli_imports_only_the_api_settings_errors_and_helpers():
    found = _imports()
    assert "rashomon.api" in found
    stray = [m for m in found if m != "rashomon.__version__"
             and not any(m == a or m.startswith(a + ".") for a in ALLOWED)]  # fmt: skip
    assert stray == []


@pytest.mark.slow
@pytest.mark.parametrize(
    "command",
    [["report"], ["actors"], ["events", "--json"], ["article", "02ce"], ["stories"],
     ["timeline", "02ce"], ["export", "--format", "acled", "-o", "{tmp}/a.csv"]],
)  # fmt: skip
def test_read_commands_never_load_a_model(command, seeds_db, monkeypatch, tmp_path, capsys):
    def refuse(*_args, **_kwargs):
        raise AssertionError("a read command loaded a spaCy model")

    monkeypatch.setattr(spacy, "load", refuse)
    args = [c.replace("{tmp}", str(tmp_path)) for c in command]
    assert cli.main([*args, "--db", seeds_db]) == 0, capsys.readouterr().err
    assert capsys.readouterr().out or (tmp_path / "a.csv").exists()
