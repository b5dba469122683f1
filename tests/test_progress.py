"""Progress bars: on a terminal for long work, never when piped, never over a document.

The real console script runs on a pseudo-terminal (:mod:`pty`): what a person watching
sees, escape codes included. Piped (``subprocess.PIPE``), the same commands print no bar.
"""

from __future__ import annotations

import contextlib
import json
import os
import pty
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from cadre_core import Roster, sample_roster
from cadre_core.vocab._progress import reporting, task, tracked

CADRE = str(Path(sys.executable).with_name("cadre"))
BAR = "━"  # rich's bar

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")


def on_terminal(*args: str, stdout_piped: bool = False, columns: int = 120) -> tuple[int, str, str]:
    """Run ``cadre`` with standard error (and standard output unless ``stdout_piped``) on a
    pseudo-terminal ``columns`` wide: its exit code, what the terminal showed and what the
    pipe got."""
    master, slave = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(columns)}
    for name in ("NO_COLOR", "TTY_COMPATIBLE", "FORCE_COLOR"):
        env.pop(name, None)
    with tempfile.TemporaryFile() as pipe:  # a file, not a pipe: never blocks
        proc = subprocess.Popen(
            [CADRE, *args],
            stdin=slave,
            stdout=pipe if stdout_piped else slave,
            stderr=slave,
            env=env,
            close_fds=True,
        )
        os.close(slave)
        chunks = []
        while True:
            try:
                data = os.read(master, 1 << 16)
            except OSError:  # the child closed the terminal
                break
            if not data:
                break
            chunks.append(data)
        proc.wait(timeout=120)
        os.close(master)
        pipe.seek(0)
        piped = pipe.read().decode("utf-8")
    return proc.returncode, b"".join(chunks).decode("utf-8", "replace"), piped


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of three commune workbooks: reading shows one step per file."""
    folder = tmp_path_factory.mktemp("province")
    sample = sample_roster()
    for i, commune in enumerate(("Xã Một", "Xã Hai", "Xã Ba")):
        frames = {name: frame.copy() for name, frame in sample.tables.items()}
        for frame in frames.values():  # agencies, indicators, surveys: the commune moves
            if "commune" in frame:
                frame["commune"] = commune
        Roster.from_frames(frames, name=commune).write(folder / f"xa_{i}.xlsx")
    return folder


def test_a_terminal_sees_progress_bars_in_vietnamese(province: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    code, shown, _ = on_terminal(
        "evaluate", str(province), "--plugin", "laichau", "--list-date", "31/12/2026",
        "--as-of", "2026-06-30", "--as-of", "2026-12-31", "-o", str(out),
    )  # fmt: skip
    assert code == 0, shown
    assert out.is_file()
    for words in ("Đọc danh sách", "Đánh giá từng ngày", "Đánh giá chỉ tiêu", "Ghi báo cáo"):
        assert words in shown, words
    assert BAR in shown
    assert re.search(r"Đọc danh sách .*\d/3", shown)  # three files, counted
    assert re.search(r"Đánh giá từng ngày .*\d/2", shown)  # two days
    english = on_terminal("demo", "--lang", "en")[1]
    assert "Evaluating targets" in english


def test_a_terminal_sees_the_forms_filled_and_each_pdf_document_written(
    province: Path, tmp_path: Path
) -> None:
    """``cadre forms -o F.pdf``: the forms filled, then one step per document laid out (each
    commune's form, the province's, the notes), as the command says while it works."""
    out = tmp_path / "bieu.pdf"
    code, shown, _ = on_terminal(
        "forms", str(province), "--list-date", "31/12/2026", "--form", "9C-BTCTW", "-o", str(out)
    )
    assert code == 0, shown
    assert out.is_file()
    assert re.search(r"Đánh giá chỉ tiêu .*\d/1", shown)  # one form
    assert re.search(r"Ghi báo cáo .*\d/5", shown)  # three communes, the province, the notes


def test_never_when_piped_or_over_json(province: Path, tmp_path: Path) -> None:
    args = ("evaluate", str(province), "--plugin", "laichau", "--list-date", "31/12/2026")
    piped = subprocess.run(
        [CADRE, *args, "-o", str(tmp_path / "r.html")], capture_output=True, text=True
    )
    assert piped.returncode == 0, piped.stderr
    assert BAR not in piped.stderr and "Đọc danh sách" not in piped.stderr
    assert "\x1b[" not in piped.stderr + piped.stdout
    # JSON on standard output (a terminal or a pipe): no bar on the terminal either
    for stdout_piped in (False, True):
        code, shown, doc = on_terminal(*args, "--format", "json", stdout_piped=stdout_piped)
        assert code == 0, shown
        assert BAR not in shown and "Đọc danh sách" not in shown
        assert '"schema_version"' in (doc or shown)


def test_no_reporter_costs_nothing_and_a_reporter_sees_each_step() -> None:
    assert list(tracked([1, 2, 3], "progress_reading")) == [1, 2, 3]
    seen: list[tuple[str, int | None, int]] = []

    @contextlib.contextmanager
    def record(key: str, total: int | None) -> Iterator[object]:
        yield lambda steps: seen.append((key, total, steps))

    with reporting(record):  # type: ignore[arg-type]
        assert list(tracked("ab", "progress_reading")) == ["a", "b"]
        with task("progress_writing") as advance:
            advance(1)
    assert seen == [
        ("progress_reading", 2, 1),
        ("progress_reading", 2, 1),
        ("progress_writing", None, 1),
    ]


def test_a_file_of_another_name_gets_json_on_a_terminal_too(province: Path, tmp_path: Path) -> None:
    """``--output ket-qua.txt`` (a name that names no format) writes the JSON whether or
    not standard output is a terminal; it used to print the table on a terminal and write
    nothing. The table stays what a terminal gets without ``--output``."""
    out = tmp_path / "ket-qua.txt"
    code, shown, _ = on_terminal("evaluate", str(province), "--as-of", "2026-12-31", "-o", str(out))
    assert code == 0, shown
    assert json.loads(out.read_text(encoding="utf-8"))["as_of"] == "2026-12-31"
    assert "┃" not in shown  # no table on the terminal instead of the file
    code, shown, _ = on_terminal("evaluate", str(province), "--as-of", "2026-12-31")
    assert code == 0 and "┃" in shown  # without --output: the table
