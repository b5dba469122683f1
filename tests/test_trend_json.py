"""A trend's JSON document written day by day, by several processes
(``cadre evaluate --as-of ... -o F.json --workers N``): the same bytes as the document
written to standard output by one process, whatever the number of workers; the exit
code of ``--fail-on`` from the last day; a plugin failing in a worker stops the command
with its sentence and leaves nothing behind."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import textwrap
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cadre_core.cli._trend_json import AUTO_WORK, blocks, trend_workers
from cadre_core.vocab._cpus import usable_cpus

DAYS = ("2025-12-31", "2026-06-30", "2026-12-31", "2027-06-30")


def _as_of(days: tuple[str, ...] = DAYS) -> list[str]:
    return [arg for day in days for arg in ("--as-of", day)]


def _run(
    cadre_exe: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [str(cadre_exe), *args], capture_output=True, timeout=600, env=env, check=False
    )


@pytest.fixture(scope="module")
def communes(cadre_exe: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("synth") / "roster"
    done = _run(cadre_exe, "synth", "--communes", "5", "--seed", "7", str(folder))
    assert done.returncode == 0, done.stderr
    return folder


@given(st.lists(st.integers(), max_size=30), st.integers(1, 40))
def test_blocks_cut_the_days_in_order_into_nearly_equal_parts(days: list[int], n: int) -> None:
    cut = blocks(days, n)
    assert [d for block in cut for d in block] == days
    if days:
        assert len(cut) == min(n, len(days))
        assert all(cut)
        sizes = [len(block) for block in cut]
        assert max(sizes) - min(sizes) <= 1
        assert sizes == sorted(sizes, reverse=True)  # the longer blocks first


@given(st.one_of(st.none(), st.integers(1, 64)), st.integers(1, 120), st.integers(0, 10**6))
def test_the_workers_of_a_trend(requested: int | None, days: int, cadres: int) -> None:
    n = trend_workers(requested, days, cadres)
    assert 1 <= n <= days
    if requested is not None:
        assert n == min(requested, days)
    elif days * cadres < AUTO_WORK:
        assert n == 1
    else:
        assert n == min(usable_cpus(), days)


@pytest.mark.parametrize("workers", ["1", "2", "3", "4"])
def test_the_document_is_the_same_whatever_the_workers(
    cadre_exe: Path, communes: Path, tmp_path: Path, workers: str
) -> None:
    args = ("evaluate", str(communes), *_as_of(), "--by", "commune", "--lang", "en")
    alone = _run(cadre_exe, *args, "--format", "json")
    assert alone.returncode == 0, alone.stderr
    out = tmp_path / "trend.json"
    done = _run(cadre_exe, *args, "-o", str(out), "--workers", workers)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes() == alone.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["trend.json"]  # no part left


def test_pseudonyms_cover_the_days_of_every_worker(
    cadre_exe: Path, communes: Path, tmp_path: Path
) -> None:
    key = tmp_path / "key.txt"
    key.write_text("k" * 43, encoding="utf-8")
    args = ("evaluate", str(communes), *_as_of(), "--pseudonymize", "--pseudonym-key", str(key))
    alone = _run(cadre_exe, *args, "--format", "json")
    assert alone.returncode == 0, alone.stderr
    out = tmp_path / "trend.json"
    done = _run(cadre_exe, *args, "-o", str(out), "--workers", "3")
    assert done.returncode == 0, done.stderr
    assert out.read_bytes() == alone.stdout
    plain = _run(cadre_exe, "evaluate", str(communes), *_as_of(), "--format", "json")
    cadres = pd.read_parquet(communes / "cadres.parquet")
    ids = [f'"{i}"' for i in cadres["cadre_id"]] + [f'"{n}"' for n in cadres["full_name"]]
    shown = plain.stdout.decode("utf-8")
    assert [i for i in ids if i in shown], "the plain document names nobody to look for"
    hidden = out.read_text(encoding="utf-8")
    assert [i for i in ids if i in hidden] == []


def test_fail_on_looks_at_the_last_day_whatever_the_workers(
    cadre_exe: Path, communes: Path, tmp_path: Path
) -> None:
    args = ("evaluate", str(communes), *_as_of(), "--fail-on", "not-met")
    codes = {
        workers: _run(
            cadre_exe, *args, "-o", str(tmp_path / f"{workers}.json"), "--workers", workers
        )
        for workers in ("1", "2")
    }
    alone = _run(cadre_exe, *args, "--format", "json")
    assert alone.returncode == 3  # the synthetic communes miss some target on the last day
    assert {w: c.returncode for w, c in codes.items()} == {"1": 3, "2": 3}


def test_workers_must_be_a_whole_number(cadre_exe: Path, communes: Path, tmp_path: Path) -> None:
    out = tmp_path / "trend.json"
    done = _run(cadre_exe, "evaluate", str(communes), *_as_of(), "-o", str(out), "--workers", "0")
    assert done.returncode == 2
    assert b"--workers '0'" in done.stderr
    assert not out.exists()


def test_workers_where_one_process_writes_say_so(cadre_exe: Path, communes: Path) -> None:
    for extra in (("--format", "csv"), ("--format", "json", "--keep-going")):
        done = _run(cadre_exe, "evaluate", str(communes), *_as_of(), *extra, "--workers", "2")
        assert done.returncode == 0, done.stderr
        assert "--workers chỉ dùng khi ghi tài liệu JSON" in done.stderr.decode("utf-8")
        assert done.stdout  # the document is still written, by one process


FAILING = """
    import datetime as dt

    from cadre_core import hookimpl


    @hookimpl
    def cadre_findings(features):
        print("later-days plugin looked at", features.as_of.isoformat())
        if features.as_of >= dt.date(2027, 1, 1):
            raise RuntimeError("later days are not supported")
        return []
"""


def _installed_plugin(root: Path, source: str = FAILING) -> dict[str, str]:
    """An installed plugin ``laterdays`` (a distribution found on ``PYTHONPATH``), by
    default one that fails on any day from 2027: the environment that makes the console
    script and its worker processes load it."""
    (root / "laterdays.py").write_text(textwrap.dedent(source), encoding="utf-8")
    info = root / "laterdays-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: laterdays\nVersion: 0.1\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text("[cadre]\nlaterdays = laterdays\n", encoding="utf-8")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(root), env.get("PYTHONPATH")) if p)
    return env


def _trend_case(tmp_path: Path, source: str = FAILING) -> tuple[dict[str, str], Path]:
    """The environment of an installed plugin made of ``source``, and an empty folder for
    the document."""
    plugin = tmp_path / "plugin"
    plugin.mkdir()
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    return _installed_plugin(plugin, source), out_dir


def test_a_plugin_failing_in_a_worker_stops_the_command_and_leaves_nothing(
    cadre_exe: Path, communes: Path, tmp_path: Path
) -> None:
    env, out_dir = _trend_case(tmp_path)
    out = out_dir / "trend.json"
    args = ("evaluate", str(communes), *_as_of(), "-o", str(out), "--lang", "en")
    done = _run(cadre_exe, *args, "--workers", "2", env=env)
    # the first two days (this process) pass, the last (a worker's) fails
    assert done.returncode == 2, done.stderr
    err = done.stderr.decode("utf-8")
    assert "laterdays" in err and "later days are not supported" in err
    assert "Traceback" not in err
    assert "--keep-going" in err  # how to go on without the plugin
    # what the plugin printed in the worker reaches standard error, never a document
    assert "later-days plugin looked at 2027-06-30" in err
    assert list(out_dir.iterdir()) == []  # no document, no part of one
    alone = _run(cadre_exe, *args, "--workers", "1", env=env)
    assert alone.returncode == 2
    assert alone.stderr.decode("utf-8").splitlines()[-1] == err.splitlines()[-1]


KILLED = """
    import datetime as dt
    import os
    import signal

    from cadre_core import hookimpl


    @hookimpl
    def cadre_findings(features):
        if features.as_of >= dt.date(2027, 1, 1):
            os.kill(os.getpid(), signal.SIGKILL)  # as the kernel does a process out of memory
        return []
"""


def test_a_worker_killed_is_said_in_a_sentence_and_leaves_nothing(
    cadre_exe: Path, communes: Path, tmp_path: Path
) -> None:
    env, out_dir = _trend_case(tmp_path, KILLED)
    out = out_dir / "trend.json"
    args = ("evaluate", str(communes), *_as_of(), "-o", str(out), "--lang", "en")
    done = _run(cadre_exe, *args, "--workers", "2", env=env)
    assert done.returncode == 1
    err = done.stderr.decode("utf-8")
    assert "a worker process stopped before its work was done" in err
    assert "--workers 1" in err
    assert "Traceback" not in err and "internal error" not in err
    assert list(out_dir.iterdir()) == []


def test_each_day_of_every_worker_moves_the_bar(communes: Path, tmp_path: Path) -> None:
    from cadre_core.cli._trend_json import DayRun, write_trend_json
    from cadre_core.roster import read_roster

    moves: list[int] = []
    out = tmp_path / "trend.json"
    written = write_trend_json(
        read_roster(communes), [dt.date.fromisoformat(d) for d in DAYS], str(out),
        DayRun((), None, None),
        lang="en", workers=2, on_day=moves.append,
    )  # fmt: skip
    # one move per day as it is done, in whichever process: never a worker's two at once
    assert moves == [1] * len(DAYS)
    assert written.last_not_met  # as --fail-on finds it on the last day (a worker's)
    assert out.is_file() and sorted(p.name for p in tmp_path.iterdir()) == ["trend.json"]


WAITING = """
    import datetime as dt
    import os
    import time
    from pathlib import Path

    from cadre_core import hookimpl

    SIGN = Path(os.environ["LATERDAYS_SIGN"])


    @hookimpl
    def cadre_findings(features):
        if features.as_of >= dt.date(2026, 12, 1):  # a worker's day: a very long one
            SIGN.write_text(str(os.getpid()), encoding="utf-8")
            time.sleep(3600)
        for _ in range(600):  # this process's day fails once the worker is at work
            if SIGN.exists():
                break
            time.sleep(0.1)
        raise RuntimeError("earlier days are not supported")
"""


def test_an_error_here_stops_the_workers_at_once(
    cadre_exe: Path, communes: Path, tmp_path: Path
) -> None:
    env, out_dir = _trend_case(tmp_path, WAITING)
    sign = tmp_path / "worker.pid"
    env["LATERDAYS_SIGN"] = str(sign)
    args = ("evaluate", str(communes), *_as_of(), "-o", str(out_dir / "t.json"), "--lang", "en")
    # the worker's day would take an hour: the command must not wait for it
    done = subprocess.run(
        [str(cadre_exe), *args, "--workers", "2"],
        capture_output=True, timeout=300, env=env, check=False,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    err = done.stderr.decode("utf-8")
    assert "earlier days are not supported" in err and "Traceback" not in err
    worker = int(sign.read_text(encoding="utf-8"))  # it was at work when the error came
    with pytest.raises(ProcessLookupError):
        os.kill(worker, 0)  # and it is gone
    assert list(out_dir.iterdir()) == []
