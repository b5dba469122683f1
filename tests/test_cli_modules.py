"""The layout of the command line: one module per command, registered lazily."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from cadre_core import cli
from cadre_core.vocab._labels import label

CLI_DIR = Path(cli.__file__).parent


@pytest.mark.parametrize("name", sorted(cli.COMMANDS))
def test_each_command_is_its_own_module(name: str) -> None:
    module, attr = cli.COMMANDS[name]
    assert module == "cadre_core.cli._" + name.replace("-", "_")
    assert attr == name.replace("-", "_") + "_command"
    command = cli.cli.get_command(click.Context(cli.cli), name)
    assert isinstance(command, click.Command)
    assert command.name == name
    assert command.help and command.help.strip()


def test_help_lists_every_command() -> None:
    result = CliRunner().invoke(cli.cli, ["--help"], env={"CADRE_LANG": None})
    assert result.exit_code == 0
    heading = f"{label('cli_help_section_commands', 'vi')}:"  # the help speaks Vietnamese
    lines = result.output.split(heading, 1)[1].strip("\n").splitlines()
    assert [line.split()[0] for line in lines] == sorted(cli.COMMANDS)


def test_unknown_command_is_bad_input() -> None:
    with pytest.raises(SystemExit) as exit_:
        cli.main(["no-such-command"])
    assert exit_.value.code == 2


def test_commands_never_import_the_root_package() -> None:
    """Commands use the stage packages; the root package is the library's public face."""
    offenders = []
    for path in sorted(CLI_DIR.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "cadre_core":
                offenders.append(f"{path.name}:{node.lineno}")
            if isinstance(node, ast.Import) and any(a.name == "cadre_core" for a in node.names):
                offenders.append(f"{path.name}:{node.lineno}")
    assert not offenders


def test_help_does_not_load_the_planner() -> None:
    """Listing the commands imports each command module, never the stages they run."""
    code = (
        "import sys\n"
        "from cadre_core.cli import main\n"
        "try:\n"
        "    main(['--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'scipy'"
        " or m.startswith(('cadre_core.planner', 'cadre_core.reports'))))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_python_m_runs_the_command_line() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "cadre_core.cli", "--version", "--lang", "en"],  # vi: phiên bản
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("cadre, version ")


def test_evaluate_pauses_the_cyclic_collector_and_restores_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``cadre evaluate`` runs without the cyclic garbage collector (it only walks the
    million objects of a national evaluation), and gives it back when it ends, also when
    run inside another program (here, the test's process)."""
    import gc

    from cadre_core import sample_roster
    from cadre_core.cli import _evaluate

    folder = sample_roster().write(tmp_path / "r", format="parquet")
    seen: list[bool] = []
    evaluate_days = _evaluate._evaluate_days

    def spy(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return evaluate_days(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(_evaluate, "_evaluate_days", spy)
    assert gc.isenabled()
    args = ["evaluate", str(folder), "--as-of", "2026-12-31", "--plugin", "province_template"]
    result = CliRunner().invoke(cli.cli, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert seen == [False]
    assert gc.isenabled()
