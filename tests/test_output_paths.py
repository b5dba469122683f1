"""Output paths through the real ``cadre`` command (issue 16; docs/security.md, "Outputs").

- an ``--output`` that is an input, or inside an input folder (symlinks, ``..``), is
  refused (exit 2) and the input is left as it was, for every command that writes;
- a folder, a missing folder, an unwritable folder or a full disk is exit 2 with a
  sentence naming the path and the reason, never an internal error;
- every output is written whole or not at all: a kill mid-write leaves the previous
  report intact, and only recognisable ``.NAME.RANDOM.tmp`` files behind;
- without ``--format`` the ``--output`` suffix gives the format; a contradiction is exit 2.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import signal
import subprocess
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from cadre_core import Roster
from cadre_core.vocab._files import replacing, write_atomic

DAY = "2026-12-31"
TEMP = re.compile(r"^\.(?P<name>.+)\.[0-9a-f]{8}\.tmp$")


def _run(cadre: Path, *args: str | Path, **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(cadre), *map(str, args)], capture_output=True, text=True, timeout=300, **kw
    )  # type: ignore[call-overload]


def _digest(path: Path) -> str:
    if path.is_dir():
        return "".join(_digest(p) for p in sorted(path.iterdir()))
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _refused(done: subprocess.CompletedProcess[str], *words: str) -> None:
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr
    assert "lỗi nội bộ" not in done.stderr  # (the internal error, said in Vietnamese)
    for word in words:
        assert word in done.stderr, (word, done.stderr)


@pytest.fixture()
def inputs(sample: Roster, tmp_path: Path) -> dict[str, Path]:
    """A workbook, a folder of CSV tables, a parameters and a layout file."""
    book = sample.write(tmp_path / "r.xlsx")
    folder = sample.write(tmp_path / "folder", format="csv")
    params = tmp_path / "params.toml"
    params.write_text("", encoding="utf-8")
    layout = tmp_path / "layout.toml"
    layout.write_text("", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "link.xlsx").symlink_to(book)
    return {"book": book, "folder": folder, "params": params, "layout": layout}


@pytest.mark.parametrize(
    ("command", "source", "output", "extra"),
    [
        ("evaluate", "book", "r.xlsx", ["--format", "xlsx"]),
        ("evaluate", "book", "r.xlsx", []),
        ("evaluate", "book", "sub/../r.xlsx", ["--format", "xlsx"]),
        ("evaluate", "book", "link.xlsx", ["--format", "xlsx"]),
        ("evaluate", "folder", "folder/cadres.csv", ["--format", "json"]),
        ("evaluate", "book", "params.toml", ["--format", "json", "--params", "params.toml"]),
        ("evaluate", "book", "layout.toml", ["--format", "json", "--layout", "layout.toml"]),
        (
            "evaluate",
            "book",
            "params.toml",
            ["--format", "json", "--pseudonymize", "--pseudonym-key", "params.toml"],
        ),
        ("plan", "book", "r.xlsx", ["--format", "xlsx"]),
        ("plan", "folder", "folder/agencies.csv", ["--format", "json"]),
        ("plan", "book", "params.toml", ["--format", "json", "--params", "params.toml"]),
        ("validate", "book", "r.xlsx", ["--suggest-layout"]),
        ("validate", "book", "layout.toml", ["--suggest-layout", "--layout", "layout.toml"]),
    ],
)
def test_an_output_that_is_an_input_is_refused(
    cadre_exe: Path,
    inputs: dict[str, Path],
    command: str,
    source: str,
    output: str,
    extra: list[str],
) -> None:
    """The output is the roster, inside the roster folder, or the --params, --layout or
    --pseudonym-key file (by a ``..`` or a symlink too): exit 2 naming it, and every input is unchanged."""
    cwd = inputs["book"].parent
    before = {k: _digest(p) for k, p in inputs.items()}
    day = ["--as-of", DAY] if command != "validate" else []
    done = _run(cadre_exe, command, inputs[source].name, *day, *extra, "-o", output, cwd=cwd)
    _refused(done, output, "dữ liệu vào")  # the sentence in Vietnamese, the default
    assert {k: _digest(p) for k, p in inputs.items()} == before
    assert not [p for p in cwd.rglob(".*.tmp")]


@pytest.mark.parametrize(
    ("output", "words"),
    [
        ("sub", ["sub", "thư mục"]),
        ("missing/report.json", ["missing/report.json", "không tồn tại"]),
        ("missing/report.xlsx", ["missing/report.xlsx", "không tồn tại"]),
    ],
)
def test_an_output_that_cannot_be_written_is_exit_2(
    cadre_exe: Path, inputs: dict[str, Path], output: str, words: list[str]
) -> None:
    """A folder or a missing folder as the output: exit 2 with a sentence, for evaluate
    and plan alike."""
    cwd = inputs["book"].parent
    for command in ("evaluate", "plan"):
        done = _run(cadre_exe, command, "r.xlsx", "--as-of", DAY, "-o", output, cwd=cwd)
        _refused(done, *words)


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into a read-only folder")
def test_an_unwritable_folder_is_exit_2(cadre_exe: Path, inputs: dict[str, Path]) -> None:
    """A read-only output folder: exit 2 naming the path and the reason."""
    locked = inputs["book"].parent / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        done = _run(cadre_exe, "evaluate", inputs["book"], "--as-of", DAY, "-o", locked / "r.json")
        _refused(done, "r.json", "chỉ cho phép đọc")
    finally:
        locked.chmod(0o700)


def test_synth_into_a_missing_folder_is_exit_2(cadre_exe: Path, tmp_path: Path) -> None:
    """``cadre synth`` to a workbook in a missing folder: exit 2, no internal error."""
    done = _run(cadre_exe, "synth", tmp_path / "missing" / "r.xlsx")
    _refused(done, "không tồn tại")


@pytest.mark.parametrize("fmt", ["json", "xlsx"])
def test_a_full_disk_is_exit_2_and_keeps_the_previous_report(
    inputs: dict[str, Path], monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    """ENOSPC while writing (simulated in-process): exit 2 naming the path and the
    reason; the previous report is intact and no temporary file is left."""
    from cadre_core.cli._evaluate import evaluate_command

    out = inputs["book"].parent / f"report.{fmt}"
    out.write_bytes(b"previous report")

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(zipfile.ZipFile, "writestr", full)  # xlsxwriter, in memory
    monkeypatch.setattr(os, "fsync", full)  # the JSON writer
    args = [str(inputs["book"]), "--as-of", DAY, "-o", str(out)]
    done = CliRunner().invoke(evaluate_command, args)
    assert done.exit_code == 2, done.output
    assert str(out) in done.output and "đĩa đã đầy" in done.output  # said in Vietnamese
    assert out.read_bytes() == b"previous report"
    assert [p.name for p in out.parent.glob(".*.tmp")] == []


@pytest.fixture(scope="module")
def big(cadre_exe: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A synthetic roster of 10 communes (parquet tables)."""
    folder = tmp_path_factory.mktemp("big") / "roster"
    done = _run(cadre_exe, "synth", "--communes", "10", "--seed", "1", folder)
    assert done.returncode == 0, done.stderr
    return folder


def _complete_xlsx(path: Path) -> bool:
    with zipfile.ZipFile(path) as z:
        return z.testzip() is None and "xl/workbook.xml" in z.namelist()


def test_a_killed_write_never_leaves_a_partial_report(
    cadre_exe: Path, big: Path, tmp_path: Path
) -> None:
    """SIGKILL a real ``cadre evaluate --format xlsx -o r.xlsx`` while it writes (as soon
    as its temporary file appears) and after a few delays: r.xlsx is always the previous
    complete report or the new complete one, never empty or partial; what is left is only
    ``.r.xlsx.RANDOM.tmp`` files, and xlsxwriter leaves nothing in the temporary folder."""
    out = tmp_path / "r.xlsx"
    scratch = tmp_path / "scratch"  # TMPDIR of the runs: must stay empty
    scratch.mkdir()
    env = {**os.environ, "TMPDIR": str(scratch)}
    args = [str(cadre_exe), "evaluate", str(big), "--as-of", DAY, "--format", "xlsx"]
    first = subprocess.run([*args, "-o", str(out)], capture_output=True, env=env, timeout=300)
    assert first.returncode == 0, first.stderr
    previous = out.read_bytes()
    mid_write = 0
    for delay in (None, None, None, 2.0, 4.0):
        proc = subprocess.Popen(
            [*args, "-o", str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
        )
        start = time.monotonic()
        while proc.poll() is None:
            if delay is None and any(TEMP.match(p.name) for p in tmp_path.iterdir()):
                mid_write += 1
                break
            if delay is not None and time.monotonic() - start >= delay:
                break
            time.sleep(0.002)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert out.stat().st_size > 0
        assert out.read_bytes() == previous or _complete_xlsx(out)
        previous = out.read_bytes()
        for p in tmp_path.iterdir():
            assert p.name in ("r.xlsx", "scratch") or TEMP.match(p.name), p.name
    assert mid_write >= 1, "the write was never caught in progress"
    assert list(scratch.iterdir()) == []


def test_write_atomic_replaces_whole_and_cleans_up(tmp_path: Path) -> None:
    """The helper: the target replaced whole; on an error the target is left as it was
    and the temporary file removed."""
    target = tmp_path / "out.json"
    write_atomic(target, "old")
    with pytest.raises(RuntimeError), replacing(target) as tmp:
        tmp.write_text("half", encoding="utf-8")
        raise RuntimeError("interrupted")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


@pytest.mark.parametrize(
    ("command", "suffix", "magic"),
    [
        ("evaluate", "xlsx", b"PK"),
        ("evaluate", "html", b"<!"),
        ("evaluate", "json", b"{"),
        ("plan", "xlsx", b"PK"),
        ("plan", "html", b"<!"),
    ],
)
def test_the_output_suffix_gives_the_format(
    cadre_exe: Path, inputs: dict[str, Path], command: str, suffix: str, magic: bytes
) -> None:
    """``-o r.xlsx`` without ``--format`` writes a workbook (not JSON), ``.html`` a page."""
    out = inputs["book"].parent / f"out.{suffix}"
    done = _run(cadre_exe, command, inputs["book"], "--as-of", DAY, "-o", out)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().lstrip().lower().startswith(magic.lower())


@pytest.mark.parametrize("command", ["evaluate", "plan"])
@pytest.mark.parametrize(
    ("fmt", "output"), [("json", "r2.xlsx"), ("xlsx", "r2.html"), ("table", "r2.json")]
)
def test_a_format_contradicting_the_suffix_is_exit_2(
    cadre_exe: Path, inputs: dict[str, Path], command: str, fmt: str, output: str
) -> None:
    """``--format json -o r.xlsx``: exit 2 naming both, nothing written."""
    cwd = inputs["book"].parent
    done = _run(
        cadre_exe, command, "r.xlsx", "--as-of", DAY, "--format", fmt, "-o", output, cwd=cwd
    )
    _refused(done, f"--format {fmt}", output)
    assert not (cwd / output).exists()
