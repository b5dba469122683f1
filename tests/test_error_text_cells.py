"""Excel error values written as text: a list or a table saved as CSV, as tab-separated
"Unicode Text", as a web page (``.htm``) or as a single-file web page (``.mht``) keeps
only the text the cell showed (``#N/A``, ``#VALUE!``, LibreOffice's ``Err:502``). A cell
whose whole text (trimmed) is such a value is said as the same cell of a workbook is: an
error of its person's row and column, set aside by ``--skip-invalid`` like any bad value
of that column, and a warning naming the cell in a title line. A cell that merely holds
such a text inside longer text is a value like any other."""

from __future__ import annotations

import codecs
import csv
import html
import io
import json
import quopri
from collections.abc import Callable, Sequence
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from list_files import run

from cadre_core import RosterError, read_roster, sample_roster
from cadre_core.roster._cell_errors import ERROR_TEXT, error_texts, marks_of
from cadre_core.roster._csv import csv_grid
from cadre_core.roster._html import html_grids
from cadre_core.roster._mhtml import mhtml_grids

HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Trình độ chuyên môn"]
TITLE = "DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ (tính đến ngày 31/12/2025)"
ROWS = [
    [TITLE, "", "", "", "", ""],
    ["", "", "#REF!", "", "", ""],  # a title line computed by a formula that failed
    HEADER,
    ["1", "Lò Văn An", "12/03/1975", "Nam", "#N/A", "#VALUE!"],
    ["2", "Tao Thị Bình", "05/07/1982", "Nữ", "Chủ tịch UBND xã", "Đại học Luật"],
    ["3", "Vàng A Chứ", "20/01/1990", "Nam", "Phó Chủ tịch UBND xã", "Cao đẳng"],
]
Writer = Callable[[Path, Sequence[Sequence[str]]], Path]


def _csv(path: Path, rows: Sequence[Sequence[str]]) -> Path:
    """Excel's "CSV UTF-8": a byte-order mark, commas."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    path.write_bytes(codecs.BOM_UTF8 + out.getvalue().encode("utf-8"))
    return path


def _unicode_text(path: Path, rows: Sequence[Sequence[str]]) -> Path:
    """Excel's "Unicode Text": UTF-16 with its byte-order mark, tab-separated."""
    out = io.StringIO()
    csv.writer(out, delimiter="\t", lineterminator="\r\n").writerows(rows)
    path.write_bytes(out.getvalue().encode("utf-16"))
    return path


def _page(rows: Sequence[Sequence[str]]) -> str:
    """A sheet as Excel's "Web Page" writes it: one table holding every row (the title's
    cell spanning the row), an error cell with its ``x:err`` and the error's text."""
    lines = []
    for row in rows:
        if row[0] and not any(row[1:]):
            lines.append(f"<tr><td colspan={len(row)}>{html.escape(row[0])}</td></tr>")
            continue
        cells = [
            f'<td x:err="{html.escape(v)}">{html.escape(v)}</td>'
            if ERROR_TEXT.fullmatch(v.strip())
            else f"<td>{html.escape(v)}</td>"
            for v in row
        ]
        lines.append("<tr>" + "".join(cells) + "</tr>")
    return (
        '<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head>'
        '<meta http-equiv=Content-Type content="text/html; charset=utf-8"></head><body>'
        "<table border=0>" + "\n".join(lines) + "</table></body></html>"
    )


def _htm(path: Path, rows: Sequence[Sequence[str]]) -> Path:
    path.write_text(_page(rows), encoding="utf-8")
    return path


def _mht(path: Path, rows: Sequence[Sequence[str]]) -> Path:
    """Excel's "Single File Web Page": a MIME message, the page quoted-printable."""
    page = quopri.encodestring(_page(rows).encode("utf-8")).decode("ascii")
    boundary = "----=_NextPart_01DC0000.5A1B2C3D"
    path.write_text(
        f'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="{boundary}"\r\n\r\n'
        f"--{boundary}\r\nContent-Location: file:///C:/ds.htm\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n"
        'Content-Type: text/html; charset="utf-8"\r\n\r\n'
        f"{page}\r\n--{boundary}--\r\n",
        encoding="ascii",
        newline="",
    )
    return path


FORMATS: dict[str, tuple[Writer, str]] = {
    # suffix: (writer, the file as problems name it)
    ".csv": (_csv, "ds.csv"),
    ".txt": (_unicode_text, "ds.txt"),
    ".htm": (_htm, "ds.htm, sheet 'Bảng 1'"),
    ".mht": (_mht, "ds.mht, sheet 'Bảng 1'"),
}


def _written(tmp_path: Path, suffix: str, rows: Sequence[Sequence[str]] = ROWS) -> Path:
    writer, _ = FORMATS[suffix]
    return writer(tmp_path / f"ds{suffix}", rows)


@pytest.mark.parametrize("suffix", list(FORMATS))
def test_the_grid_marks_error_texts_as_a_workbook_does(tmp_path: Path, suffix: str) -> None:
    """Before, the grid of a text list held "#N/A" as any text, with no mark: the list
    reader could not tell it from a value. Now the cells whose text is an error value are
    named in the grid's ``attrs``, as the sheets' reader names a workbook's."""
    path = _written(tmp_path, suffix)
    read = {".csv": csv_grid, ".txt": csv_grid, ".htm": html_grids, ".mht": mhtml_grids}
    (grid,), _ = read[suffix](path)
    assert dict(marks_of(grid.cells)) == {(1, 2): "#REF!", (3, 4): "#N/A", (3, 5): "#VALUE!"}


@pytest.mark.parametrize("suffix", list(FORMATS))
def test_error_texts_are_errors_of_their_row_and_column(tmp_path: Path, suffix: str) -> None:
    """Before, "#N/A" under "Chức vụ" was read as the post's title (only a warning that
    the title has no known category), "#VALUE!" under the degree was refused as "not one
    of trung_cap, cao_dang ..." and "#REF!" in a title line was not said at all. Now each
    is said as a workbook's error cell is: an error on the person's row and column naming
    the error value, and a warning naming the title line's cell."""
    path = _written(tmp_path, suffix)
    where = FORMATS[suffix][1]
    with pytest.raises(RosterError) as refused:
        read_roster(path)
    said = sorted(
        (
            (p.file, p.table, p.row, p.column, p.value, p.key, p.severity)
            for p in refused.value.problems
            if p.key in ("error_cell", "error_cell_not_read")
        ),
        key=repr,
    )
    assert said == [
        (where, "degrees", 4, "Trình độ chuyên môn (column F)", "#VALUE!", "error_cell", "error"),
        (where, "positions", 4, "Chức vụ (column E)", "#N/A", "error_cell", "error"),
        (where, None, 2, None, None, "error_cell_not_read", "warning"),
    ]
    title = next(p for p in refused.value.problems if p.key == "error_cell_not_read")
    assert dict(title.args)["cell"] == "C2" and dict(title.args)["error"] == "#REF!"
    # nothing else is said of the two cells (not "not one of ...", not "no known category")
    assert len(refused.value.errors) == 2
    assert not [p for p in refused.value.problems if p.row == 4 and p.key != "error_cell"]


@pytest.mark.parametrize("suffix", list(FORMATS))
def test_skip_invalid_sets_the_error_texts_aside(tmp_path: Path, suffix: str) -> None:
    """Before, ``--skip-invalid`` kept "#N/A" as Lò Văn An's post title (a post titled
    "#N/A"). Now the title's cell is set aside as a bad title is (the post's title is not
    known), the degree's row of "#VALUE!" too, and every person is read."""
    path = _written(tmp_path, suffix)
    where = FORMATS[suffix][1]
    roster = read_roster(path, skip_invalid=True)
    assert sorted(
        (p.file, p.table, p.row, p.column, p.scope, p.key, p.value) for p in roster.skipped
    ) == [
        (where, "degrees", 4, "Trình độ chuyên môn (column F)", "row", "error_cell", "#VALUE!"),
        (where, "positions", 4, "Chức vụ (column E)", "cell", "error_cell", "#N/A"),
    ]
    cadres = roster.cadres
    assert cadres["full_name"].tolist() == ["Lò Văn An", "Tao Thị Bình", "Vàng A Chứ"]
    ids = dict(zip(cadres["full_name"], cadres["cadre_id"], strict=True))
    assert roster.degrees[["cadre_id", "level", "field"]].fillna("").values.tolist() == [
        [ids["Tao Thị Bình"], "dai_hoc", "Luật"],
        [ids["Vàng A Chứ"], "cao_dang", ""],
    ]
    held = roster.assignments
    by_holder = dict(zip(held["cadre_id"], held["position_code"], strict=True))
    titles = dict(zip(roster.positions["position_code"], roster.positions["title"], strict=True))
    assert pd.isna(titles[by_holder[ids["Lò Văn An"]]])  # the post's title is not known
    assert titles[by_holder[ids["Tao Thị Bình"]]] == "Chủ tịch UBND xã"
    assert "#N/A" not in roster.positions["title"].dropna().tolist()
    assert [(p.row, dict(p.args)["cell"]) for p in roster.problems
            if p.key == "error_cell_not_read"] == [(2, "C2")]  # fmt: skip
    assert not [p for p in roster.problems if p.severity == "error"]


@pytest.mark.parametrize("suffix", list(FORMATS))
def test_the_command_refuses_then_sets_aside(tmp_path: Path, suffix: str) -> None:
    """Through the real ``cadre`` command. Before, ``cadre validate`` refused the list for
    "#VALUE!" alone (as a level that is none) and ``cadre evaluate --skip-invalid`` read a
    post titled "#N/A". Now: exit 2, each error text named as a formula that failed; with
    ``--skip-invalid`` exit 0, the two cells listed as set aside."""
    path = _written(tmp_path, suffix)
    refused = run("validate", str(path))
    assert refused.returncode == 2, refused.stdout + refused.stderr
    said = refused.stdout + refused.stderr
    lines = [line for line in said.splitlines() if "formula that failed" in line]
    assert [line.split("\t")[2:6] for line in lines if "\tError\t" in f"\t{line}"] == [
        ["positions", "4", "Chức vụ (column E)", "'#N/A'"],
        ["degrees", "4", "Trình độ chuyên môn (column F)", "'#VALUE!'"],
    ]
    assert any("the cell C2 holds #REF!" in line for line in lines)
    assert "Traceback" not in refused.stderr
    read = run("evaluate", str(path), "--skip-invalid", "--format", "json")
    assert read.returncode == 0, read.stderr
    skipped = json.loads(read.stdout)["skipped"]
    assert sorted((s["table"], s["row"], s["scope"], s["value"]) for s in skipped) == [
        ("degrees", 4, "row", "#VALUE!"),
        ("positions", 4, "cell", "#N/A"),
    ]


# --------------------------------------------------------- what is no error value

NOT_ERRORS = [
    [TITLE, "", "", "", "", ""],
    HEADER,
    ["1", "Lò Văn An", "12/03/1975", "Nam", "Bí thư Đảng ủy xã (#N/A)", "Đại học Luật"],
    ["2", "Tao Thị Bình", "05/07/1982", "Nữ", "N/A", "Cao đẳng"],
    ["3", "Vàng A Chứ", "20/01/1990", "Nam", "#N/A #N/A", "Đại học"],
    ["4", "Lò Thị Dung", "02/02/1992", "Nữ", " Err:502 ", "Đại học"],
]


@pytest.mark.parametrize("suffix", list(FORMATS))
def test_an_error_text_inside_longer_text_is_a_value(tmp_path: Path, suffix: str) -> None:
    """An error value is the cell's whole text: "Bí thư Đảng ủy xã (#N/A)", "N/A" (a word
    a clerk types, no error value) and "#N/A #N/A" are read as the titles they are, as
    before; " Err:502 " (LibreOffice's error, spaces around it) is an error value, trimmed
    (before, it was a post's title too)."""
    path = _written(tmp_path, suffix, NOT_ERRORS)
    where = FORMATS[suffix][1]
    roster = read_roster(path, skip_invalid=True)
    assert [(p.file, p.table, p.row, p.column, p.key, p.value) for p in roster.skipped] == [
        (where, "positions", 6, "Chức vụ (column E)", "error_cell", "Err:502"),
    ]
    held = roster.assignments.merge(roster.cadres[["cadre_id", "full_name"]], on="cadre_id")
    held = held.merge(roster.positions[["position_code", "title"]], on="position_code")
    titles = dict(zip(held["full_name"], held["title"], strict=True))
    assert titles["Lò Văn An"] == "Bí thư Đảng ủy xã (#N/A)"
    assert titles["Tao Thị Bình"] == "N/A"
    assert titles["Vàng A Chứ"] == "#N/A #N/A"
    assert pd.isna(titles["Lò Thị Dung"])
    assert not [p for p in roster.problems if p.key == "error_cell_not_read"]


# ------------------------------------------------------------ the tables format


def _tables(folder: Path) -> Path:
    """The sample roster as a folder of CSV tables, with "#N/A" as a post's title and
    "#VALUE!" as a degree's level (a table Excel saved as CSV)."""
    sample_roster().write(folder, format="csv")
    for name, column, text in (("positions", "title", "#N/A"), ("degrees", "level", "#VALUE!")):
        frame = pd.read_csv(folder / f"{name}.csv", dtype=str, keep_default_na=False)
        frame.loc[1, column] = text
        frame.to_csv(folder / f"{name}.csv", index=False)
    return folder


def test_a_folder_of_csv_tables_says_each_error_text_on_its_row(tmp_path: Path) -> None:
    """Before, the tables format read "#N/A" in ``positions.csv`` as a post's title and
    refused "#VALUE!" in ``degrees.csv`` as a level that is none. Now each is the error of
    its row (row 3: the header is row 1) and column, as in a workbook of tables;
    ``--skip-invalid`` sets them aside and reads the rest."""
    folder = _tables(tmp_path / "r")
    with pytest.raises(RosterError) as refused:
        read_roster(folder)
    assert sorted(
        (p.file, p.table, p.row, p.column, p.value, p.key)
        for p in refused.value.problems
        if p.severity == "error"
    ) == [
        ("r/degrees.csv", "degrees", 3, "level", "#VALUE!", "error_cell"),
        ("r/positions.csv", "positions", 3, "title", "#N/A", "error_cell"),
    ]
    roster = read_roster(folder, skip_invalid=True)
    assert sorted((p.table, p.row, p.scope, p.key) for p in roster.skipped) == [
        ("degrees", 3, "row", "error_cell"),
        ("positions", 3, "cell", "error_cell"),
    ]
    assert "#N/A" not in roster.positions["title"].dropna().tolist()
    assert len(roster.degrees) == len(sample_roster().degrees) - 1
    read = run("evaluate", str(folder), "--skip-invalid", "--format", "json")
    assert read.returncode == 0, read.stderr
    skipped = json.loads(read.stdout)["skipped"]
    assert sorted((s["table"], s["row"], s["scope"], s["value"]) for s in skipped) == [
        ("degrees", 3, "row", "#VALUE!"),
        ("positions", 3, "cell", "#N/A"),
    ]


# ------------------------------------------------------------- the one test


ERROR_VALUES = ["#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!",
                "#SPILL!", "#CALC!", "#GETTING_DATA", "Err:502", "Err:511"]  # fmt: skip
CELLS = st.one_of(
    st.sampled_from(ERROR_VALUES),
    st.builds(
        lambda e, a, b: f"{a}{e}{b}",
        st.sampled_from(ERROR_VALUES),
        st.sampled_from(["", " ", "\t", "\u00a0"]),
        st.sampled_from(["", " ", "\n"]),
    ),
    st.builds(lambda e, t: f"{t} {e}", st.sampled_from(ERROR_VALUES), st.text(min_size=1)),
    st.sampled_from(["N/A", "#n/a", "#N/A!", "Err:50", "#", "", "Đại học"]),
    st.text(max_size=12),
    st.none(),
)


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 6).flatmap(lambda w: st.lists(st.lists(CELLS, min_size=w, max_size=w),
                                                    min_size=0, max_size=8)))  # fmt: skip
def test_error_texts_are_the_cells_whose_whole_text_is_an_error_value(
    rows: list[list[str | None]],
) -> None:
    """The cells found at once over a grid are exactly those whose trimmed text is an
    error value, each with that value: none inside longer text, none of another case."""
    grid = pd.DataFrame(rows, dtype=object)
    expected = {
        (r, c): v.strip()
        for r, row in enumerate(rows)
        for c, v in enumerate(row)
        if isinstance(v, str) and ERROR_TEXT.fullmatch(v.strip())
    }
    assert error_texts(grid) == expected
