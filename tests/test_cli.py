import argparse
import subprocess
import sys

import pytest

from rashomon.cli import build_parser, main


def subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    (action,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(action.choices)


def test_expected_commands_exist():
    assert {"ingest", "parse", "articles", "article", "report"} <= set(subcommands())


@pytest.mark.parametrize("name", sorted(subcommands()))
def test_every_command_has_help_and_db_option(name, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([name, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "--db" in out
    assert subcommands()[name].description, f"{name} has no description"


def test_console_script_runs_as_module():
    result = subprocess.run(
        [sys.executable, "-m", "rashomon.cli", "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and "ingest" in result.stdout


def test_unknown_article_is_a_clear_error(tmp_path, capsys):
    from rashomon.store import Store

    Store(tmp_path / "r.db").close()
    assert main(["article", "nope", "--db", str(tmp_path / "r.db")]) == 3
    assert "no article with id 'nope'" in capsys.readouterr().err
