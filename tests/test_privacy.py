"""Personal data: pseudonyms, and no names or birth dates where they do not belong.

The sample commune gets distinctive names (``Quzwex Fobrant Ab`` ...) so that a scan of
any output for them cannot miss or misfire; birth dates are scanned in ISO and day-first
spellings (only those no other date of the roster shares).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import string
import subprocess
import warnings
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from cadre_core import Roster, RosterError, evaluate, read_roster
from cadre_core.engine._privacy import pseudonymize, pseudonyms

KEY = "k" * 8 + "secret-key-for-tests"
AS_OF = dt.date(2026, 12, 31)


def _name(i: int) -> str:
    letters = string.ascii_uppercase
    return f"Quzwex Fobrant {letters[i // 26 % 26]}{letters[i % 26].lower()}"


@pytest.fixture(scope="module")
def named(sample: Roster) -> Roster:
    """The sample commune with distinctive names."""
    cadres = sample.cadres.copy()
    cadres["full_name"] = [_name(i) for i in range(len(cadres))]
    return sample.with_tables(cadres=cadres)


def _secrets(roster: Roster) -> list[str]:
    """Every name, and every birth date no other date of the roster shares, as text."""
    names = roster.cadres["full_name"].dropna().astype(str).tolist()
    other: set[pd.Timestamp] = set()
    for name, frame in roster.tables.items():
        for col in frame.columns:
            if pd.api.types.is_datetime64_any_dtype(frame[col]) and (name, col) != (
                "cadres",
                "birth_date",
            ):
                other |= set(frame[col].dropna())
    dates = [d for d in roster.cadres["birth_date"].dropna() if d not in other]
    spelled = [d.strftime("%Y-%m-%d") for d in dates] + [d.strftime("%d/%m/%Y") for d in dates]
    return names + spelled


def _leaks(text: str, secrets: list[str]) -> list[str]:
    return [s for s in secrets if s in text]


def _run(exe: Path, *args: str, key: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    env.pop("CADRE_DEBUG", None)
    if key:
        env["CADRE_PSEUDONYM_KEY"] = KEY
    return subprocess.run(
        [str(exe), *args], capture_output=True, text=True, env=env, timeout=300, check=False
    )


def _xlsx_text(path: Path) -> str:
    """Every XML part of a workbook (cells, shared strings, hidden sheets, charts)."""
    with zipfile.ZipFile(path) as z:
        return "\n".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())


# --------------------------------------------------------------------------- pseudonyms


def test_pseudonyms_are_stable_per_key_and_differ_across_keys() -> None:
    """Same key: same pseudonyms (across calls); another key: other pseudonyms."""
    ids = pd.Series(["C001", "C002", "C001", None])
    a = pseudonyms(ids, b"a" * 16)
    assert a.tolist() == pseudonyms(ids, b"a" * 16).tolist()
    assert a[0] == a[2] and a[0] != a[1] and pd.isna(a[3])
    b = pseudonyms(ids, b"b" * 16)
    assert set(a.dropna()).isdisjoint(set(b.dropna()))
    assert all(re.fullmatch(r"CB-[0-9a-f]{10}", p) for p in a.dropna())


def test_pseudonymize_hides_names_in_the_evaluation(named: Roster) -> None:
    """The pseudonymised evaluation's JSON carries no name and no birth date."""
    ev = pseudonymize(evaluate(named, AS_OF, plugins=["laichau"]), KEY.encode())
    text = ev.to_json()
    assert not _leaks(text, _secrets(named))


# --------------------------------------------------------------------------- outputs


@pytest.fixture(scope="module")
def named_folder(named: Roster, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The named roster as a folder of CSV."""
    return named.write(tmp_path_factory.mktemp("named") / "roster")


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["json", "xlsx", "html"])
def test_pseudonymized_outputs_carry_no_personal_data(
    cadre_exe: Path, named: Roster, named_folder: Path, tmp_path: Path, fmt: str
) -> None:
    """``--pseudonymize``: no name and no birth date in any output format, and the
    plain run (same roster) does show names, so the scan is meaningful."""
    out = tmp_path / f"report.{fmt}"
    args = ["evaluate", str(named_folder), "--as-of", "2026-12-31", "--format", fmt]
    plain = _run(cadre_exe, *args, "--output", str(out))
    assert plain.returncode == 0, plain.stderr
    text = _xlsx_text(out) if fmt == "xlsx" else out.read_text(encoding="utf-8")
    if fmt != "json":  # the JSON names cadres by id only
        assert _leaks(text, _secrets(named)), "the plain report shows no name: scan is void"
    hidden = _run(cadre_exe, *args, "--output", str(out), "--pseudonymize")
    assert hidden.returncode == 0, hidden.stderr
    text = _xlsx_text(out) if fmt == "xlsx" else out.read_text(encoding="utf-8")
    assert not _leaks(text, _secrets(named))
    if fmt != "json":
        assert "CB-" in text
    assert not _leaks(hidden.stderr + hidden.stdout, _secrets(named))


@pytest.mark.slow
def test_pseudonyms_are_stable_across_runs(cadre_exe: Path, named_folder: Path) -> None:
    """Two runs with the same key give byte-identical JSON."""
    args = ["evaluate", str(named_folder), "--as-of", "2026-12-31", "--format", "json"]
    one = _run(cadre_exe, *args, "--pseudonymize")
    two = _run(cadre_exe, *args, "--pseudonymize")
    assert one.returncode == 0 and one.stdout == two.stdout


def test_pseudonymize_needs_a_key(cadre_exe: Path, named_folder: Path, tmp_path: Path) -> None:
    """No key, or a short one: exit 2 with a message."""
    done = _run(cadre_exe, "evaluate", str(named_folder), "--pseudonymize", key=False)
    assert done.returncode == 2 and "key" in done.stderr
    short = tmp_path / "key"
    short.write_text("short")
    done = _run(
        cadre_exe, "evaluate", str(named_folder), "--pseudonymize", "--pseudonym-key", str(short)
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr


# --------------------------------------------------------------------------- messages


def _broken_variants(named: Roster, root: Path) -> list[Path]:
    """The named roster broken in ways that put problems on the cadres' rows."""
    out = []
    base = named.write(root / "base")

    def variant(name: str, edit: dict[str, object], rows: list[int]) -> None:
        folder = root / name
        folder.mkdir()
        for f in base.iterdir():
            (folder / f.name).write_bytes(f.read_bytes())
        cadres = pd.read_csv(folder / "cadres.csv", dtype=str, keep_default_na=False)
        for col, value in edit.items():
            cadres.loc[rows, col] = value
        cadres.to_csv(folder / "cadres.csv", index=False)
        out.append(folder)

    variant("gender", {"gender": "không rõ"}, [0, 1, 2])
    variant("ethnicity", {"ethnicity": "Sao Hỏa"}, [3])
    variant("duplicate", {"cadre_id": "MT001"}, [4])
    variant("left_before_birth", {"left_date": "1901-01-01"}, [5])
    # TCVN3-typed names: the message quotes no example from the name column
    folder = root / "legacy_names"
    folder.mkdir()
    for f in base.iterdir():
        (folder / f.name).write_bytes(f.read_bytes())
    cadres = pd.read_csv(folder / "cadres.csv", dtype=str, keep_default_na=False)
    cadres["full_name"] = [f"§ç M¹nh C\xadêng {_name(i)}" for i in range(len(cadres))]
    cadres.to_csv(folder / "cadres.csv", index=False)
    out.append(folder)
    return out


@pytest.mark.slow
def test_error_messages_carry_no_personal_data(
    cadre_exe: Path, named: Roster, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Failing runs (stderr), problems, log records and warnings name no one."""
    secrets = _secrets(named) + ["Cường", "C\xadêng"]
    for folder in _broken_variants(named, tmp_path):
        done = _run(cadre_exe, "validate", str(folder))
        assert done.returncode == 2, (folder.name, done.stdout)
        assert not _leaks(done.stderr + done.stdout, secrets), folder.name
        skip = _run(
            cadre_exe, "evaluate", str(folder), "--skip-invalid", "--format", "json",
            "--as-of", "2026-12-31", "--pseudonymize",
        )  # fmt: skip
        assert "Traceback" not in skip.stderr
        assert not _leaks(skip.stderr + skip.stdout, secrets), folder.name
        with caplog.at_level(logging.DEBUG), warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                read_roster(folder)
            except RosterError as exc:
                text = str(exc) + "\n".join(p.describe() for p in exc.problems)
                assert not _leaks(text, secrets), folder.name
        logged = "\n".join(r.getMessage() for r in caplog.records)
        assert not _leaks(logged, secrets)
        assert not _leaks("\n".join(str(w.message) for w in caught), secrets)
        caplog.clear()


def test_internal_errors_quote_no_cell(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Exit 1 names the kind and place of the error only, never the exception's text."""
    from cadre_core import cli
    from cadre_core.roster import _roster

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("cell 'Quzwex Fobrant Aa' born 1974-03-02")

    monkeypatch.setattr(_roster, "read_roster", boom)
    monkeypatch.delenv("CADRE_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exit_:
        cli.main(["validate", str(tmp_path)])
    assert exit_.value.code == 1
    err = capsys.readouterr().err
    assert "internal error: RuntimeError" in err
    assert "Quzwex" not in err and "1974-03-02" not in err
