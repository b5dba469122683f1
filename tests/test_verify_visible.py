"""``cadre verify`` checks what a reader sees, reproduces how the report was made, and
refuses hostile reports with a sentence (issue 16).

- malformed or oversized reports: exit 2 naming the problem, never a traceback, within
  the roster reader's size limits;
- an edited number, status or name in the visible html or xlsx, or a plugin deleted from
  the embedded evaluation: exit 3 naming the first differences;
- reports made with ``--skip-invalid``, a layout file, ``--lang en`` and several days are
  verified with the options they record; options given to verify must be the report's;
- files beside the tables (notes, a README) and CRLF line endings are not differences.
"""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest

from cadre_core import Roster

pytestmark = pytest.mark.slow  # every test runs the console script

MEMORY = 2 * 1024**3


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def _cadre(exe: Path, *args: str, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "300", "NO_COLOR": "1"}
    env.pop("CADRE_DEBUG", None)
    return subprocess.run(
        [str(exe), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        check=False,
        preexec_fn=_limit,
    )


def _bad_input(done: subprocess.CompletedProcess[str]) -> None:
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stderr.strip().startswith("cadre: ")
    assert "Traceback" not in done.stderr


def _mismatch(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 3, done.stdout + done.stderr
    assert "không còn khớp với" in done.stdout
    return done.stdout


@pytest.fixture(scope="module")
def made(
    cadre_exe: Path, sample: Roster, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Path]:
    """The sample commune as CSV and its laichau reports in json, html and xlsx."""
    root = tmp_path_factory.mktemp("visible")
    roster = sample.write(root / "roster")
    out = {"roster": roster}
    for fmt in ("json", "html", "xlsx"):
        path = root / f"report.{fmt}"
        done = _cadre(
            cadre_exe, "evaluate", str(roster), "--as-of", "2026-12-31", "--plugin", "laichau",
            "--format", fmt, "-o", str(path),
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        out[fmt] = path
    return out


# ------------------------------------------------------------------ hostile reports


def _sheet_part(path: Path, sheet: str) -> str:
    """The zip member holding ``sheet`` of an xlsx file."""
    with zipfile.ZipFile(path) as zf:
        book = zf.read("xl/workbook.xml").decode("utf-8")
        rels = zf.read("xl/_rels/workbook.xml.rels").decode("utf-8")
    rid = re.search(rf'<sheet [^>]*name="{sheet}"[^>]*r:id="(rId\d+)"', book)
    assert rid is not None
    target = re.search(rf'Id="{rid.group(1)}"[^>]*Target="([^"]+)"', rels) or re.search(
        rf'Target="([^"]+)"[^>]*Id="{rid.group(1)}"', rels
    )
    assert target is not None
    return "xl/" + target.group(1).removeprefix("/xl/")


def _rezip(src: Path, dst: Path, member: str, edit: object) -> None:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == member:
                data = edit(data)  # type: ignore[operator]
            zout.writestr(info, data)


def test_xlsx_report_with_a_far_cell_is_refused_quickly(
    cadre_exe: Path, made: dict[str, Path], tmp_path: Path
) -> None:
    """A value in cell XFD1048576 of the hidden sheet (17 billion cells once read) is
    refused by the roster reader's guards, under 2 GB of memory, with exit 2."""
    part = _sheet_part(made["xlsx"], "_evaluation")
    far = b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    bomb = tmp_path / "bomb.xlsx"
    _rezip(made["xlsx"], bomb, part, lambda d: d.replace(b"</sheetData>", far + b"</sheetData>"))
    # in English: its sentence names the guard's reason (Vietnamese gives one refusal)
    done = _cadre(cadre_exe, "verify", str(bomb), str(made["roster"]), "--lang", "en", timeout=120)
    _bad_input(done)
    assert "bomb.xlsx" in done.stderr and "limit" in done.stderr


def test_xlsx_zip_bomb_report_is_refused(
    cadre_exe: Path, made: dict[str, Path], tmp_path: Path
) -> None:
    """A part that inflates beyond 512 MB is refused before it is read."""
    bomb = tmp_path / "bomb.xlsx"
    shutil.copy(made["xlsx"], bomb)
    with (
        zipfile.ZipFile(bomb, "a", zipfile.ZIP_DEFLATED) as zf,
        zf.open("xl/media/padding.bin", "w", force_zip64=True) as f,
    ):
        block = b"\0" * (1 << 24)
        for _ in range(33):  # 528 MB of zeros, about 0.5 MB compressed
            f.write(block)
    # in English: its sentence names the guard's reason (Vietnamese gives one refusal)
    done = _cadre(cadre_exe, "verify", str(bomb), str(made["roster"]), "--lang", "en", timeout=120)
    _bad_input(done)
    assert "512 MB" in done.stderr


def _forge_json(made: dict[str, Path], tmp_path: Path, text: str, fmt: str) -> Path:
    if fmt == "json":
        path = tmp_path / "forged.json"
        path.write_text(text, encoding="utf-8")
        return path
    import html

    page = made["html"].read_text(encoding="utf-8")
    start = page.index('data-format="json">') + len('data-format="json">')
    end = page.index("</div>", start)
    path = tmp_path / "forged.html"
    path.write_text(page[:start] + html.escape(text) + page[end:], encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["json", "html"])
@pytest.mark.parametrize(
    ("case", "edit"),
    [
        ("deep", lambda doc: "[" * 200_000 + "]" * 200_000),
        ("communes_number", lambda doc: json.dumps({**doc, "communes": 5})),
        ("as_of_nan", lambda doc: json.dumps({**doc, "as_of": float("nan")})),
        ("as_of_garbage", lambda doc: json.dumps({**doc, "as_of": "someday"})),
        ("targets_text", lambda doc: json.dumps(
            {**doc, "communes": [{**doc["communes"][0], "targets": "all"}]})),
        ("plugins_strings", lambda doc: json.dumps({**doc, "plugins": ["laichau"]})),
        ("options_bad", lambda doc: json.dumps(
            {**doc, "audit": {**doc["audit"], "options": {"skip_invalid": "yes"}}})),
    ],
)  # fmt: skip
def test_malformed_embedded_evaluation_is_bad_input(
    cadre_exe: Path, made: dict[str, Path], tmp_path: Path, fmt: str, case: str, edit: object
) -> None:
    """Deep nesting, wrong types, NaN: exit 2 with a sentence, not an internal error."""
    doc = json.loads(made["json"].read_text(encoding="utf-8"))
    forged = _forge_json(made, tmp_path, edit(doc), fmt)  # type: ignore[operator]
    done = _cadre(cadre_exe, "verify", str(forged), str(made["roster"]))
    _bad_input(done)
    assert forged.name in done.stderr


# ------------------------------------------------------------------ what a reader sees


def _html_edits(sample: Roster) -> list[tuple[str, str]]:
    name = str(sample.tables["cadres"]["full_name"].iloc[0])
    return [
        ('data-label="Còn thiếu">5</td>', 'data-label="Còn thiếu">4</td>'),  # a number
        ('class="badge not_met">Chưa đạt<', 'class="badge met">Đạt<'),  # a status
        (name, "Nguyễn Văn Giả"),  # a name
        ("Chưa đạt", "Đạt"),  # a status's text alone
    ]


@pytest.mark.parametrize("which", range(4))
def test_edited_visible_html_is_caught(
    cadre_exe: Path, made: dict[str, Path], sample: Roster, tmp_path: Path, which: int
) -> None:
    """A number, a status badge or a name edited in the page (the embedded data intact)."""
    old, new = _html_edits(sample)[which]
    page = made["html"].read_text(encoding="utf-8")
    visible = page[: page.index('<div id="cadre-evaluation"')]
    assert old in visible
    forged = tmp_path / "forged.html"
    forged.write_text(visible.replace(old, new, 1) + page[len(visible) :], encoding="utf-8")
    out = _mismatch(_cadre(cadre_exe, "verify", str(forged), str(made["roster"])))
    assert "html, sau" in out and "báo cáo ghi" in out


def _find(wb: openpyxl.Workbook, test: object) -> tuple[str, str]:
    for ws in wb.worksheets:
        if ws.title == "_evaluation":
            continue
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None and test(cell.value):  # type: ignore[operator]
                    return ws.title, cell.coordinate
    raise AssertionError("no such cell")


@pytest.mark.parametrize("which", ["number", "status", "name", "date"])
def test_edited_visible_xlsx_is_caught(
    cadre_exe: Path, made: dict[str, Path], sample: Roster, tmp_path: Path, which: str
) -> None:
    """A cell edited with openpyxl (the hidden sheet intact): the sheet and cell named."""
    name = str(sample.tables["cadres"]["full_name"].iloc[0])
    wb = openpyxl.load_workbook(made["xlsx"])
    tests = {
        "number": lambda v: isinstance(v, int) and not isinstance(v, bool) and v > 1,
        "status": lambda v: v == "Chưa đạt",
        "name": lambda v: v == name,
        "date": lambda v: isinstance(v, str) and v.startswith("Tính đến ngày"),
    }
    sheet, ref = _find(wb, tests[which])
    value = wb[sheet][ref].value
    wb[sheet][ref].value = {"number": 1, "status": "Đạt", "name": "Nguyễn Văn Giả"}.get(
        which, "Tính đến ngày: 01/01/2020"
    ) if which != "number" else value - 1  # fmt: skip
    forged = tmp_path / "forged.xlsx"
    wb.save(forged)
    out = _mismatch(_cadre(cadre_exe, "verify", str(forged), str(made["roster"])))
    assert f"trang tính {sheet!r} ô {ref}" in out  # the sheet and the cell, in Vietnamese


@pytest.mark.parametrize("fmt", ["json", "html"])
def test_plugin_deleted_from_the_embedded_evaluation_is_caught(
    cadre_exe: Path, made: dict[str, Path], tmp_path: Path, fmt: str
) -> None:
    """The laichau plugin and its targets removed from the embedded JSON: plugins differ."""
    doc = json.loads(made["json"].read_text(encoding="utf-8"))
    doc["plugins"] = [p for p in doc["plugins"] if p["name"] != "laichau"]
    for c in doc["communes"]:
        c["targets"] = [t for t in c["targets"] if not t["id"].startswith("nq05.")]
    doc["audit"]["plugins"].pop("laichau")
    forged = _forge_json(made, tmp_path, json.dumps(doc, ensure_ascii=False), fmt)
    out = _mismatch(_cadre(cadre_exe, "verify", str(forged), str(made["roster"])))
    assert "các plugin khác nhau" in out
    assert "chỉ tiêu, nay có" in out


# ------------------------------------------------------------------ reading options


@pytest.fixture(scope="module")
def damaged(made: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The roster with one cadre's birth date that is not a date (refused by default)."""
    folder = tmp_path_factory.mktemp("damaged") / "roster"
    shutil.copytree(made["roster"], folder)
    cadres = folder / "cadres.csv"
    lines = cadres.read_text(encoding="utf-8").splitlines(keepends=True)
    header = lines[0].rstrip("\n").split(",")
    cells = lines[1].rstrip("\n").split(",")
    cells[header.index("birth_date")] = "not a day"
    lines[1] = ",".join(cells) + "\n"
    cadres.write_text("".join(lines), encoding="utf-8")
    return folder


@pytest.mark.parametrize("fmt", ["json", "html", "xlsx"])
def test_report_made_with_skip_invalid_is_verified(
    cadre_exe: Path, damaged: Path, tmp_path: Path, fmt: str
) -> None:
    """The options are read from the report; given again they must agree with it."""
    report = tmp_path / f"r.{fmt}"
    done = _cadre(
        cadre_exe, "evaluate", str(damaged), "--as-of", "2026-12-31", "--plugin", "laichau",
        "--skip-invalid", "--format", fmt, "-o", str(report),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    doc = json.loads(report.read_text("utf-8")) if fmt == "json" else None
    if doc is not None:
        assert doc["audit"]["options"]["skip_invalid"] is True
    done = _cadre(cadre_exe, "verify", str(report), str(damaged))
    assert done.returncode == 0, done.stdout + done.stderr
    done = _cadre(cadre_exe, "verify", str(report), str(damaged), "--skip-invalid")
    assert done.returncode == 0, done.stdout + done.stderr
    done = _cadre(cadre_exe, "verify", str(report), str(damaged), "--legacy-text", "convert")
    _bad_input(done)
    assert "--legacy-text" in done.stderr


def test_english_report_of_several_days_is_verified(
    cadre_exe: Path, made: dict[str, Path], tmp_path: Path
) -> None:
    """Language and days are recorded: the report is rendered again the same way."""
    report = tmp_path / "r.html"
    done = _cadre(
        cadre_exe, "evaluate", str(made["roster"]), "--as-of", "2025-12-31",
        "--as-of", "2026-12-31", "--plugin", "laichau", "--lang", "en",
        "--format", "html", "-o", str(report),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    done = _cadre(cadre_exe, "verify", str(report), str(made["roster"]))
    assert done.returncode == 0, done.stdout + done.stderr


def test_layout_file_is_recorded_and_checked(
    cadre_exe: Path, made: dict[str, Path], tmp_path: Path
) -> None:
    """A report made with --layout needs the same file (its sha256 is recorded)."""
    layout = tmp_path / "layout.toml"
    layout.write_text('name = "mine"\n', encoding="utf-8")
    report = tmp_path / "r.json"
    done = _cadre(
        cadre_exe, "evaluate", str(made["roster"]), "--as-of", "2026-12-31",
        "--plugin", "laichau", "--layout", str(layout), "--format", "json", "-o", str(report),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    _bad_input(done := _cadre(cadre_exe, "verify", str(report), str(made["roster"])))
    assert "--layout" in done.stderr
    other = tmp_path / "other.toml"
    other.write_text('name = "other"\n', encoding="utf-8")
    _bad_input(
        _cadre(cadre_exe, "verify", str(report), str(made["roster"]), "--layout", str(other))
    )
    done = _cadre(cadre_exe, "verify", str(report), str(made["roster"]), "--layout", str(layout))
    assert done.returncode == 0, done.stdout + done.stderr


# ------------------------------------------------------------------ no false alarms


@pytest.mark.parametrize("fmt", ["json", "html", "xlsx"])
def test_files_beside_the_tables_are_not_differences(
    cadre_exe: Path, made: dict[str, Path], tmp_path: Path, fmt: str
) -> None:
    """A notes.txt added and a README.md beside the tables: still a match."""
    folder = tmp_path / "roster"
    shutil.copytree(made["roster"], folder)
    (folder / "notes.txt").write_text("checked by the commune office\n", encoding="utf-8")
    (folder / "README.md").write_text("# roster\nedited\n", encoding="utf-8")
    done = _cadre(cadre_exe, "verify", str(made[fmt]), str(folder))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "files differ" not in done.stdout


@pytest.mark.parametrize("fmt", ["json", "xlsx"])
def test_crlf_tables_are_a_note_not_a_mismatch(
    cadre_exe: Path, made: dict[str, Path], tmp_path: Path, fmt: str
) -> None:
    """The same tables in other line endings (the roster is written with CRLF, read back
    with LF): a match, with a note on the bytes."""
    folder = tmp_path / "roster"
    shutil.copytree(made["roster"], folder)
    for csv in folder.glob("*.csv"):
        before = csv.read_bytes()
        csv.write_bytes(before.replace(b"\r\n", b"\n"))
        assert csv.read_bytes() != before  # other bytes, the same tables
    done = _cadre(cadre_exe, "verify", str(made[fmt]), str(folder))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "các bảng giống với bảng của báo cáo nhưng khác nhau từng byte" in done.stdout
    assert "các tệp của danh sách khác" not in done.stdout
