"""One-row-per-person lists ("danh sách trích ngang") as offices keep them.

Lists are written here as clerks and exports lay them out: title rows, a header over two
rows with merged cells, an STT column, group rows, a footer. They are read through the
real ``cadre`` command, and a property test checks that a list made from any roster
snapshot evaluates as the roster does for every target the list can inform.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cadre_core
from cadre_core.roster._schema import VALUE_ALIASES, text_key
from cadre_core.testing.strategies import rosters

CADRE = str(Path(sys.executable).with_name("cadre"))
PLUGIN = ("--plugin", "province_template")


def run(*args: str, **kw: Any) -> subprocess.CompletedProcess[str]:
    """The real ``cadre`` command; wide tables so that a message is never wrapped."""
    env = {**os.environ, "COLUMNS": "400"}
    return subprocess.run(
        [CADRE, *args], capture_output=True, text=True, timeout=120, env=env, **kw
    )


# ------------------------------------------------------------------ writing a list


def write_list(
    path: Path,
    people: Sequence[dict[str, Any]],
    *,
    title: Sequence[str] = (),
    columns: Sequence[tuple[str, str | None, str]],
    groups: str | None = None,
    footer: Sequence[str] = ("Tổng cộng: 3 người", "Người lập biểu", "Ngày ... tháng ... năm 2026"),
    sheet: str = "Danh sách",
    book: openpyxl.Workbook | None = None,
) -> openpyxl.Workbook:
    """Write a list: ``columns`` are (top header, sub header or None, key in a person);
    consecutive columns with the same top header and a sub header are merged above.
    ``groups``: the key whose change starts a group row (its text in the name column)."""
    wb = book or openpyxl.Workbook()
    ws = wb.active if book is None else wb.create_sheet(sheet)
    assert ws is not None
    ws.title = sheet
    row = 1
    for line in title:
        ws.cell(row, 1, line)
        row += 1
    two = any(sub for _, sub, _ in columns)
    j = 0
    while j < len(columns):
        top, sub, _ = columns[j]
        span = 1
        while (
            sub is not None
            and j + span < len(columns)
            and columns[j + span][0] == top
            and columns[j + span][1] is not None
        ):
            span += 1
        ws.cell(row, j + 1, top)
        if sub is not None:
            for k in range(span):
                ws.cell(row + 1, j + k + 1, columns[j + k][1])
            if span > 1:
                ws.merge_cells(start_row=row, start_column=j + 1, end_row=row, end_column=j + span)
        elif two:
            ws.merge_cells(start_row=row, start_column=j + 1, end_row=row + 1, end_column=j + 1)
        j += span
    row += 2 if two else 1
    name_col = next(i for i, (_, _, key) in enumerate(columns) if key == "name") + 1
    last = object()
    for stt, person in enumerate(people, start=1):
        if groups is not None and person[groups] != last:
            last = person[groups]
            ws.cell(row, name_col, str(last))
            row += 1
        for i, (_, _, key) in enumerate(columns):
            value = stt if key == "stt" else person.get(key)
            if value is not None:
                ws.cell(row, i + 1, value)
        row += 1
    row += 1
    for line in footer:
        ws.cell(row, name_col + 1, line)
        row += 1
    wb.save(path)
    return wb


TITLE = (
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "ỦY BAN NHÂN DÂN XÃ NẬM TĂM",
    "DANH SÁCH TRÍCH NGANG CÁN BỘ, CÔNG CHỨC",
    "(tính đến ngày 31/12/2025)",
)

EXPORT_COLUMNS = (
    ("STT", None, "stt"),
    ("Họ và tên", None, "name"),
    ("Ngày tháng năm sinh", "Nam", "male"),
    ("Ngày tháng năm sinh", "Nữ", "female"),
    ("Chức vụ", None, "title"),
    ("Trình độ", "Chuyên môn", "education"),
    ("Trình độ", "Chuyên ngành", "field"),
    ("Trình độ", "LLCT", "theory"),
    ("Trình độ", "Tin học", "it"),
    ("Xếp loại năm 2025", None, "rating"),
)

PEOPLE = [
    {"agency": "I. KHỐI ĐẢNG", "name": "Lò Văn A", "male": "12/03/1975", "title": "Bí thư",
     "education": "Thạc sỹ", "field": "Luật", "theory": "Cao cấp", "it": "B",
     "rating": "Hoàn thành tốt nhiệm vụ"},
    {"agency": "Văn phòng HĐND và UBND", "name": "Lò Thị B", "female": "05/09/1988",
     "title": "Chánh văn phòng", "education": "Đại học", "theory": "Trung cấp",
     "rating": "Hoàn thành xuất sắc nhiệm vụ"},
    {"agency": "Văn phòng HĐND và UBND", "name": "Tòng Văn C", "male": "1990-01-20",
     "title": "Chuyên viên", "education": "Cao đẳng", "rating": "Hoàn thành nhiệm vụ"},
]  # fmt: skip


@pytest.fixture
def export_list(tmp_path: Path) -> Path:
    path = tmp_path / "trich-ngang.xlsx"
    write_list(path, PEOPLE, title=TITLE, columns=EXPORT_COLUMNS, groups="agency")
    return path


# ------------------------------------------------------------------ through the command


def test_validate_reads_an_exported_list(export_list: Path) -> None:
    done = run("validate", str(export_list))
    assert done.returncode == 0, done.stderr
    assert "Danh sách hợp lệ" in done.stdout
    assert "điểm cần lưu ý" in done.stdout
    roster = cadre_core.read_roster(export_list)
    counts = roster.row_counts()
    assert counts["cadres"] == 3 and counts["assignments"] == 3
    assert counts["degrees"] == 3 and counts["theory"] == 2 and counts["ratings"] == 3
    not_read = [p.column for p in roster.problems if p.expected == "this column was not read"]
    # the IT column is one of the fields for the forms now: read, not listed as not read
    assert not_read == []
    assert roster.informs("cadres.it_level") and not roster.informs("cadres.religion")
    it = roster.cadres.set_index("full_name")["it_level"]
    assert it["Lò Văn A"] == "co_ban" and pd.isna(it["Lò Thị B"])


def test_list_reads_people_groups_and_the_title(export_list: Path) -> None:
    roster = cadre_core.read_roster(export_list)
    cadres = roster.cadres.set_index("full_name")
    assert cadres.loc["Lò Thị B", "gender"] == "female"
    assert cadres.loc["Lò Văn A", "gender"] == "male"
    assert cadres.loc["Tòng Văn C", "birth_date"] == pd.Timestamp("1990-01-20")
    assert roster.list_date == dt.date(2025, 12, 31)
    agencies = roster.agencies.set_index("name")
    assert agencies.loc["Văn phòng HĐND và UBND", "commune"] == "Xã Nậm Tăm"
    # "I. KHỐI ĐẢNG" is a bloc: the secretary, under it with no agency of his own, is in
    # the commune's part of that bloc, named by the bloc as written
    assert agencies.loc["KHỐI ĐẢNG", "commune"] == "Xã Nậm Tăm"
    assert agencies.loc["KHỐI ĐẢNG", "bloc"] == "party_front"
    assert set(roster.positions["category"].dropna()) == {
        "party_secretary", "department_head", "professional"
    }  # fmt: skip
    ratings = roster.ratings.set_index("cadre_id")
    assert set(ratings["year"]) == {2025}
    assert "trainings" in roster.absent and "equipment" in roster.absent
    assert len(roster.cadres) == 3  # footer rows are not people


def test_evaluate_uses_the_lists_day(export_list: Path) -> None:
    done = run("evaluate", str(export_list), *PLUGIN, "--format", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["as_of"] == "2025-12-31"
    done = run("evaluate", str(export_list), *PLUGIN, "--format", "json", "--list-date",
               "30/06/2025")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["as_of"] == "2025-06-30"


def test_a_list_without_a_day_is_an_error_that_says_so(tmp_path: Path) -> None:
    path = tmp_path / "no-day.xlsx"
    write_list(path, PEOPLE, title=TITLE[:4], columns=EXPORT_COLUMNS, groups="agency")
    done = run("evaluate", str(path), *PLUGIN, "--format", "json")
    assert done.returncode == 2
    assert "chưa rõ ngày của danh sách" in done.stderr and "--list-date" in done.stderr
    assert "Traceback" not in done.stderr
    done = run("evaluate", str(path), *PLUGIN, "--list-date", "31/13/2025")
    assert done.returncode == 2 and "--list-date" in done.stderr


def test_a_bad_cell_names_file_sheet_row_and_header(tmp_path: Path) -> None:
    people = [dict(p) for p in PEOPLE]
    people[1]["education"] = "Đại hoc tại chức xyz"
    path = tmp_path / "bad.xlsx"
    write_list(path, people, title=TITLE, columns=EXPORT_COLUMNS, groups="agency")
    done = run("validate", str(path))
    assert done.returncode == 2, done.stdout
    assert "bad.xlsx" in done.stderr and "Traceback" not in done.stderr
    with pytest.raises(cadre_core.RosterError) as caught:
        cadre_core.read_roster(path)
    (problem,) = caught.value.errors
    # title 5 rows, header 2 rows, group row, person, group row, person: row 11
    assert problem.file == "bad.xlsx, sheet 'Danh sách'"
    assert problem.row == 11
    assert problem.column == "Trình độ / Chuyên môn (column F)"
    assert problem.value == "Đại hoc tại chức xyz"


def test_csv_list_and_several_sheets(tmp_path: Path) -> None:
    csv = tmp_path / "list.csv"
    csv.write_text(
        "DANH SÁCH CÁN BỘ XÃ TA GIA,,,\n"
        "tính đến ngày 31 tháng 12 năm 2025,,,\n"
        "STT,Họ và tên,Ngày sinh,Giới tính,Chức vụ,Trình độ chuyên môn\n"
        "1,Lò Văn A,12/03/1975,Nam,Chủ tịch UBND,Đại học\n"
        "2,Lò Thị B,05/09/1988,Nữ,Chuyên viên,Thạc sĩ\n",
        encoding="utf-8",
    )
    roster = cadre_core.read_roster(csv)
    assert roster.list_date == dt.date(2025, 12, 31)
    assert len(roster.cadres) == 2 and roster.communes == ["Xã Ta Gia"]
    path = tmp_path / "two-sheets.xlsx"
    columns = EXPORT_COLUMNS[:5]
    wb = write_list(path, PEOPLE[:1], title=TITLE, columns=columns, sheet="Đảng")
    write_list(path, PEOPLE[1:], columns=columns, sheet="Chính quyền", book=wb, footer=())
    roster = cadre_core.read_roster(path)
    assert len(roster.cadres) == 3 and roster.cadres["cadre_id"].is_unique


def test_a_csv_cell_with_a_line_break_is_one_cell(tmp_path: Path) -> None:
    # Excel writes a cell typed with Alt+Enter quoted, its line break inside the quotes
    path = tmp_path / "list.csv"
    path.write_text(
        "DANH SÁCH CÁN BỘ XÃ TA GIA (tính đến ngày 31/12/2025)\n"
        "STT,Họ và tên,Ngày sinh,Giới tính,Chức vụ,Trình độ chuyên môn\n"
        '1,Lò Văn A,12/03/1975,Nam,Chủ tịch UBND,"Thạc sĩ\nQuản lý công"\n'
        "2,Lò Thị B,05/09/1988,Nữ,Chuyên viên,Đại học\n",
        encoding="utf-8",
    )
    roster = cadre_core.read_roster(path)
    degrees = roster.degrees.merge(roster.cadres, on="cadre_id").set_index("full_name")
    assert (degrees.loc["Lò Văn A", "level"], degrees.loc["Lò Văn A", "field"]) == (
        "thac_si", "Quản lý công"
    )  # fmt: skip
    assert degrees.loc["Lò Thị B", "level"] == "dai_hoc" and len(roster.cadres) == 2


def test_reading_a_40_person_list_is_fast(tmp_path: Path) -> None:
    import time

    people = [dict(PEOPLE[i % 3], name=f"Cán bộ {i:02d}") for i in range(40)]
    path = tmp_path / "forty.xlsx"
    write_list(path, people, title=TITLE, columns=EXPORT_COLUMNS, groups="agency")
    cadre_core.read_roster(path)  # warm up imports
    start = time.perf_counter()
    roster = cadre_core.read_roster(path)
    took = time.perf_counter() - start
    assert len(roster.cadres) == 40
    print(f"40-person list read in {took:.3f}s")


# ------------------------------------------------------------------ the property

SPELLINGS = {kind: {} for kind in ("education", "theory", "rating", "category")}
for _kind, _table in SPELLINGS.items():
    for _spelling, _code in VALUE_ALIASES[_kind].items():
        if _spelling != text_key(_code) and "_" not in _spelling:
            _table.setdefault(_code, []).append(_spelling)

NAME_HEADERS = ("Họ và tên", "Họ tên", "HỌ VÀ TÊN")
BIRTH_HEADERS = ("Ngày sinh", "Ngày tháng năm sinh", "NGÀY SINH", "Ngày tháng \nnăm sinh")
TITLE_HEADERS = ("Chức vụ", "Chức danh", "CHỨC VỤ")
LEVEL_TOPS = ("Trình độ", "Trình độ đào tạo")


def _held(frame: pd.DataFrame, day: pd.Timestamp, ranks: Sequence[str]) -> pd.Series:
    """The highest level each cadre holds on ``day`` (awarded on or before it, or blank)."""
    held = frame[frame["awarded_date"].isna() | (frame["awarded_date"] <= day)]
    rank = held["level"].astype(str).map({c: i for i, c in enumerate(ranks)})
    return held.assign(rank=rank).sort_values("rank").groupby("cadre_id")["level"].last()


def snapshot(roster: cadre_core.Roster, day: dt.date) -> cadre_core.Roster:
    """What a list of ``day`` can hold: the cadres in post on the day, one post each."""
    d = pd.Timestamp(day)
    a = roster.assignments
    active = a[(a["start_date"] <= d) & (a["end_date"].isna() | (a["end_date"] >= d))]
    c = roster.cadres
    staying = c[c["left_date"].isna() | (c["left_date"] > d)]["cadre_id"]
    active = active[active["cadre_id"].isin(staying)].drop_duplicates("cadre_id")
    active = active.assign(start_date=d, end_date=pd.NaT)
    ids = active["cadre_id"]
    positions = roster.positions[roster.positions["position_code"].isin(active["position_code"])]
    holders = active["position_code"].value_counts()
    positions = positions.assign(quota=positions["position_code"].map(holders).astype("Int64"))
    keep = {
        "cadres": c[c["cadre_id"].isin(ids)],
        "agencies": roster.agencies,
        "positions": positions,
        "assignments": active,
        "degrees": roster.degrees[roster.degrees["cadre_id"].isin(ids)],
        "theory": roster.theory[roster.theory["cadre_id"].isin(ids)],
        "ratings": roster.ratings[roster.ratings["cadre_id"].isin(ids)],
    }
    return cadre_core.Roster.from_frames(keep, name=roster.name)


def _results(ev: Any) -> dict[str, tuple[int, int, str]]:
    return {t.id: (t.population, t.satisfied, t.status) for c in ev.communes for t in c.targets}


def _informed(ev: Any) -> set[str]:
    """The targets an evaluation could inform (not set aside for want of data)."""
    return {t.id for c in ev.communes for t in c.targets if t.reason is None}


@st.composite
def lists(draw: st.DrawFn) -> tuple[cadre_core.Roster, dt.date, list[dict[str, Any]], dict]:
    day = draw(st.dates(dt.date(2025, 1, 1), dt.date(2027, 12, 31)))
    roster = draw(rosters(min_cadres=1, max_cadres=8, as_of=day))
    snap = snapshot(roster, day)
    d = pd.Timestamp(day)
    from cadre_core.vocab._enums import EducationLevel, TheoryLevel

    education = _held(snap.degrees, d, EducationLevel.codes())
    theory = _held(snap.theory, d, TheoryLevel.codes())
    year = day.year if (day.month, day.day) == (12, 31) else day.year - 1
    r = snap.ratings
    annual = r[(r["year"] == year) & r["quarter"].isna()].set_index("cadre_id")["rating"]
    posts = snap.positions.set_index("position_code")
    agencies = snap.agencies.set_index("agency_code")

    def spell(kind: str, code: object) -> str | None:
        if code is None or pd.isna(code):
            return None
        return draw(st.sampled_from([str(code), *SPELLINGS[kind].get(str(code), [])]))

    people = []
    for a in snap.assignments.itertuples():
        cadre = snap.cadres.set_index("cadre_id").loc[a.cadre_id]
        post = posts.loc[a.position_code]
        agency = agencies.loc[post["agency_code"]] if pd.notna(post["agency_code"]) else None
        birth = cadre["birth_date"].strftime(draw(st.sampled_from(["%d/%m/%Y", "%Y-%m-%d"])))
        people.append(
            {
                "id": a.cadre_id,
                "name": cadre["full_name"],
                "birth": birth,
                "gender": {"male": "Nam", "female": "Nữ"}.get(str(cadre["gender"])),
                str(cadre["gender"]): birth,
                "title": spell("category", post["category"]),
                "agency": None if agency is None else agency["name"],
                "education": spell("education", education.get(a.cadre_id)),
                "theory": spell("theory", theory.get(a.cadre_id)),
                "rating": spell("rating", annual.get(a.cadre_id)),
            }
        )
    people.sort(key=lambda p: str(p["agency"]))
    genders_known = all(p["gender"] for p in people)
    nam_nu = genders_known and draw(st.booleans())
    birth = draw(st.sampled_from(BIRTH_HEADERS))
    columns: list[tuple[str, str | None, str]] = [
        ("Mã cán bộ", None, "id"),
        (draw(st.sampled_from(TITLE_HEADERS)), None, "title"),
        (f"Xếp loại năm {year}", None, "rating"),
    ]
    if nam_nu:
        columns[1:1] = [(birth, "Nam", "male"), (birth, "Nữ", "female")]
    else:
        columns[1:1] = [(birth, None, "birth"), ("Giới tính", None, "gender")]
    top = draw(st.sampled_from(LEVEL_TOPS))
    if draw(st.booleans()):
        columns += [(top, "Chuyên môn", "education"), (top, "LLCT", "theory")]
    else:
        columns += [
            ("Trình độ chuyên môn", None, "education"),
            ("Lý luận chính trị", None, "theory"),
        ]
    by_group = all(p["agency"] for p in people) and draw(st.booleans())
    if not by_group:
        columns.append(("Đơn vị", None, "agency"))
    columns = draw(st.permutations(columns))
    columns = [("STT", None, "stt"), (draw(st.sampled_from(NAME_HEADERS)), None, "name"), *columns]
    # merged sub-headers must stay side by side: regroup them after the shuffle
    ordered: list[tuple[str, str | None, str]] = []
    for c in columns:
        if c in ordered:
            continue
        ordered += [x for x in columns if x[0] == c[0] and (x[1] is None) == (c[1] is None)]
    spec = {"columns": ordered, "groups": "agency" if by_group else None}
    return snap, day, people, spec


@settings(max_examples=25)
@given(case=lists())
def test_a_list_evaluates_like_its_roster(case: Any, tmp_path_factory: Any) -> None:
    snap, day, people, spec = case
    path = tmp_path_factory.mktemp("list") / "list.xlsx"
    title = ("ỦY BAN NHÂN DÂN", f"DANH SÁCH CÁN BỘ tính đến ngày {day:%d/%m/%Y}")
    write_list(path, people, title=title, **spec)
    from cadre_core.roster._province import read_rosters

    listed = read_rosters([path])
    assert listed.list_date == day
    assert len(listed.cadres) == len(snap.cadres)
    host = cadre_core.PluginHost(cadre_core.make_plugin_manager(only=["province_template"]))
    ev = cadre_core.evaluate(listed, day, host=host, findings=False)
    informed = _informed(ev)
    assert {"tpl.5a", "tpl.7b", "tpl.youth"} <= informed  # the list has every column they read
    got = {k: v for k, v in _results(ev).items() if k in informed}
    want = _results(cadre_core.evaluate(snap, day, host=host, findings=False))
    assert got == {k: v for k, v in want.items() if k in informed}


def test_a_target_the_list_cannot_inform_is_not_applicable(tmp_path: Path) -> None:
    path = tmp_path / "no-theory.xlsx"
    columns = [c for c in EXPORT_COLUMNS if c[2] != "theory"]
    write_list(path, PEOPLE, title=TITLE, columns=columns, groups="agency")
    done = run("evaluate", str(path), *PLUGIN, "--format", "json")
    assert done.returncode == 0, done.stderr
    targets = {t["id"]: t for t in json.loads(done.stdout)["communes"][0]["targets"]}
    assert targets["tpl.7b"]["status"] == "not_applicable"
    assert targets["tpl.7b"]["reason"] == "no_data"  # never silently "met" or "not met"
    assert "reason" not in targets["tpl.5a"]


def test_a_list_without_birth_dates_keeps_every_person_of_unknown_age(tmp_path: Path) -> None:
    """No birth-date column is no refusal of the whole list: each person lacks a birth date
    (an error each), which --skip-invalid sets aside cell by cell, keeping the people."""
    csv = tmp_path / "khong-ngay-sinh.csv"
    csv.write_text(
        "DANH SÁCH CÁN BỘ XÃ TA GIA,,\n"
        "tính đến ngày 31/12/2025,,\n"
        "STT,Họ và tên,Chức vụ,Trình độ chuyên môn\n"
        "1,Lò Văn A,Chủ tịch UBND,Đại học\n"
        "2,Lò Thị B,Chuyên viên,Thạc sĩ\n",
        encoding="utf-8",
    )
    refused = run("validate", str(csv))
    assert refused.returncode == 2 and "birth_date" in refused.stderr + refused.stdout
    out = tmp_path / "ev.json"
    done = run("evaluate", str(csv), "--skip-invalid", "--format", "json", "-o", str(out))
    assert done.returncode == 0, done.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))
    unknown = [
        f for c in doc["communes"] for f in c["findings"] if f["rule"] == "national.age_unknown"
    ]
    assert len(unknown) == 2


def test_evaluate_reports_every_reader_warning_in_every_output(
    export_list: Path, tmp_path: Path
) -> None:
    roster = cadre_core.read_roster(export_list)
    assert roster.warnings  # the list's guesses
    done = run("evaluate", str(export_list), *PLUGIN, "--format", "json")
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert [w["expected"] for w in doc["warnings"]] == [p.expected for p in roster.warnings]
    assert f"{len(roster.warnings)} điểm cần lưu ý" in done.stderr
    html = tmp_path / "r.html"
    done = run("evaluate", str(export_list), *PLUGIN, "--format", "html", "-o", str(html))
    assert done.returncode == 0, done.stderr
    assert "Lưu ý khi đọc danh sách" in html.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("title", "day"),
    [
        ("(tính đến ngày 31/12/2025)", dt.date(2025, 12, 31)),
        ("Tính đến ngày 31 tháng 12 năm 2025", dt.date(2025, 12, 31)),
        ("Thời điểm báo cáo: 30/06/2025", dt.date(2025, 6, 30)),
        ("Số liệu tính đến 31-12-2025", dt.date(2025, 12, 31)),
        ("Tính đến tháng 12/2025", dt.date(2025, 12, 31)),
        ("Đến hết tháng 2 năm 2024", dt.date(2024, 2, 29)),
        ("Lai Châu, ngày 15 tháng 01 năm 2026", dt.date(2026, 1, 15)),  # no other day named
        ("Tháng 04/2025", None),  # a month's report: a period, not a day
        ("Tính đến tháng 13/2025", None),
        ("Tính đến tháng 12/0000", None),  # no year 0: no day, and no traceback
        # the spellings of a date column (vocab's DAY_FIRST_BODY, DAY_WORDS_BODY)
        ("(tính đến ngày 31 / 12 / 2025)", dt.date(2025, 12, 31)),
        ("Tính đến 31 tháng 12 năm 2025", dt.date(2025, 12, 31)),
        ("Tính đến ngày 31 tháng 12, năm 2025", dt.date(2025, 12, 31)),
    ],
)
def test_the_day_a_list_title_names(title: str, day: dt.date | None) -> None:
    from cadre_core.roster._flat import title_day

    assert title_day(["DANH SÁCH CÁN BỘ", title]) == day


@pytest.mark.parametrize("as_of", ["ngày 30 / 06 / 2025", "30 tháng 6 năm 2025", "30.6.2025"])
def test_a_title_day_spelled_as_a_date_cell_is_the_day_the_list_is_as_of(as_of: str) -> None:
    from cadre_core.roster._flat import title_day
    from cadre_core.vocab import parse_day

    signed = "Lai Châu, ngày 15 tháng 01 năm 2026"
    assert title_day([signed, "DANH SÁCH CÁN BỘ", f"(Tính đến {as_of})"]) == parse_day(as_of)


@given(
    signed=st.dates(dt.date(2000, 1, 1), dt.date(2040, 12, 31)),
    as_of=st.dates(dt.date(2000, 1, 1), dt.date(2040, 12, 31)),
    month=st.booleans(),
)
def test_the_day_a_list_is_as_of_wins_over_the_day_it_was_signed(
    signed: dt.date, as_of: dt.date, month: bool
) -> None:
    from cadre_core.roster._flat import title_day

    stated = f"tháng {as_of.month}/{as_of.year}" if month else f"ngày {as_of:%d/%m/%Y}"
    texts = [
        "ỦY BAN NHÂN DÂN XÃ NẬM TĂM",
        f"Nậm Tăm, ngày {signed.day} tháng {signed.month} năm {signed.year}",  # above the title
        "DANH SÁCH CÁN BỘ",
        f"(Tính đến {stated})",
    ]
    got = title_day(texts)
    assert got is not None
    if month:  # the month's last day
        assert (got.year, got.month) == (as_of.year, as_of.month)
        assert (got + dt.timedelta(days=1)).day == 1
    else:
        assert got == as_of


@pytest.mark.parametrize(
    ("titles", "end", "words"),
    [
        (
            ["BẢNG TỔNG HỢP KẾT QUẢ XẾP LOẠI", "Tháng 04/2025"],
            dt.date(2025, 4, 30),
            "Tháng 04/2025",
        ),
        (["KẾT QUẢ XẾP LOẠI THÁNG 2 NĂM 2024"], dt.date(2024, 2, 29), "THÁNG 2 NĂM 2024"),
        (["Tháng 12-2025"], dt.date(2025, 12, 31), "Tháng 12-2025"),
        (["BÁO CÁO QUÝ II/2025"], dt.date(2025, 6, 30), "QUÝ II/2025"),
        (["Quý 3 năm 2025"], dt.date(2025, 9, 30), "Quý 3 năm 2025"),
        (["Quý IV/2025"], dt.date(2025, 12, 31), "Quý IV/2025"),
        (["Sơ kết 6 tháng đầu năm 2025"], dt.date(2025, 6, 30), "6 tháng đầu năm 2025"),
        (["6 tháng cuối năm 2025"], dt.date(2025, 12, 31), "6 tháng cuối năm 2025"),
        (["BẢNG TỔNG HỢP KẾT QUẢ XẾP LOẠI ABCD", "năm 2013"], dt.date(2013, 12, 31), "năm 2013"),
        # the most specific period wins, wherever it is
        (["XẾP LOẠI NĂM 2025", "Tháng 04/2025"], dt.date(2025, 4, 30), "Tháng 04/2025"),
        # a line naming a day (the signing line) names no period
        (["Nậm Tăm, ngày 15 tháng 01 năm 2026", "Năm 2025"], dt.date(2025, 12, 31), "Năm 2025"),
        (["Lai Châu, ngày 15 tháng 01 năm 2026"], None, None),
        (["Theo Quyết định ngày 12/3/2026 năm 2026"], None, None),
        (["Tháng năm"], None, None),  # a blank form's title
        (["Tháng 13/2025"], None, None),
        (["năm 0205"], None, None),
        (["NĂM HỌC 2024 - 2025"], None, None),
    ],
)
def test_the_period_a_report_title_names(
    titles: list[str], end: dt.date | None, words: str | None
) -> None:
    from cadre_core.roster._flat import title_period

    got = title_period(titles)
    assert got == (None if end is None else (end, words))


@given(
    month=st.integers(1, 12),
    year=st.integers(1950, 2090),
    spelling=st.sampled_from(["Tháng {m}/{y}", "tháng {m:02d}/{y}", "THÁNG {m} NĂM {y}"]),
)
def test_a_months_report_is_read_on_the_months_last_day(
    month: int, year: int, spelling: str
) -> None:
    from cadre_core.roster._flat import title_day, title_period

    titles = ["BẢNG TỔNG HỢP XẾP LOẠI", spelling.format(m=month, y=year)]
    assert title_day(titles) is None  # a period is not a day the title names
    got = title_period(titles)
    assert got is not None
    assert (got[0].year, got[0].month) == (year, month)
    assert (got[0] + dt.timedelta(days=1)).day == 1


def test_a_list_of_a_period_is_read_on_its_last_day_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "xep-loai-thang.xlsx"
    write_list(path, PEOPLE, title=[*TITLE[:4], "Tháng 11/2025"], columns=EXPORT_COLUMNS,
               groups="agency")  # fmt: skip
    done = run("evaluate", str(path), *PLUGIN, "--format", "json")
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert doc["as_of"] == "2025-11-30"
    said = [w["message"] for w in doc["warnings"] if "ngày cuối của kỳ" in w["message"]]
    assert said == [
        "xep-loai-thang.xlsx: ngày của danh sách được lấy là 30/11/2025, ngày cuối của kỳ 'Tháng 11/2025' ghi ở "
        "dòng tiêu đề; ghi --list-date nếu danh sách tính đến ngày khác"
    ]
    given = run("evaluate", str(path), *PLUGIN, "--format", "json", "--list-date", "15/11/2025")
    assert given.returncode == 0, given.stderr
    doc = json.loads(given.stdout)
    assert doc["as_of"] == "2025-11-15"
    assert not any("ngày cuối của kỳ" in w["message"] for w in doc["warnings"])


@pytest.mark.parametrize(
    ("title", "as_of", "said"),
    [
        # the period the title names comes before the day it was signed (above it here)
        (("Nậm Tăm, ngày 15 tháng 01 năm 2026", "DANH SÁCH CÁN BỘ NĂM 2025"), "2025-12-31", True),
        (("Nậm Tăm, ngày 15 tháng 01 năm 2026", "DANH SÁCH CÁN BỘ"), "2026-01-15", False),
        # the day it is as of comes before the period
        (("DANH SÁCH CÁN BỘ NĂM 2025", "(tính đến ngày 30/06/2025)"), "2025-06-30", False),
    ],
)
def test_which_day_of_the_title_a_list_is_read_on(
    tmp_path: Path, title: tuple[str, ...], as_of: str, said: bool
) -> None:
    path = tmp_path / "ds.xlsx"
    write_list(path, PEOPLE, title=title, columns=EXPORT_COLUMNS, groups="agency")
    done = run("evaluate", str(path), *PLUGIN, "--format", "json", "--lang", "en")
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert doc["as_of"] == as_of
    assert any("last day of the period" in w["message"] for w in doc["warnings"]) is said


def test_an_empty_form_is_valid_but_says_there_is_nobody(tmp_path: Path) -> None:
    path = tmp_path / "mau-trong.xlsx"
    write_list(path, [], title=TITLE, columns=EXPORT_COLUMNS)
    done = run("validate", str(path))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "không có người nào bên dưới" in done.stdout + done.stderr
    ev = run("evaluate", str(path), *PLUGIN, "--format", "json", "--lang", "en")
    assert ev.returncode == 0, ev.stderr
    warnings = json.loads(ev.stdout)["warnings"]
    assert any("no person under it" in w["message"] for w in warnings), warnings
    # a list with people says nothing of the kind
    write_list(path, PEOPLE, title=TITLE, columns=EXPORT_COLUMNS)
    assert "không có người nào bên dưới" not in run("validate", str(path)).stdout


def _sheet(path: Path, rows: list[list[Any]]) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    wb.save(path)


_HEAD = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Trình độ chuyên môn"]


def _person(i: int) -> list[Any]:
    return [i, f"Lò Văn {chr(64 + i)}", f"0{i}/03/1980", "Nam", "Công chức", "Đại học"]


def test_a_header_printed_again_on_each_page_is_not_a_person(tmp_path: Path) -> None:
    path = tmp_path / "trang.xlsx"
    rows = [["DANH SÁCH CÁN BỘ (tính đến ngày 31/12/2025)"], _HEAD, _person(1), _person(2)]
    rows += [[], _HEAD, [1, 2, 3, 4, 5, 6], _person(3), _person(4)]  # page 2
    _sheet(path, rows)
    done = run("validate", str(path), "--lang", "en")
    assert done.returncode == 0, done.stdout + done.stderr
    said = done.stdout + done.stderr
    assert said.count("repeats the list's header") == 2  # the header and its numbers
    assert "holds no person" not in said
    assert "Cadres\t4\n" in done.stdout  # every person of both pages


def test_another_list_under_the_first_ends_it_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "hai-bang.xlsx"
    rows = [["DANH SÁCH CÁN BỘ (tính đến ngày 31/12/2025)"], _HEAD, _person(1), _person(2)]
    rows += [[], [None, "Lương và phụ cấp"], ["TT", "Họ và tên", "Bậc", "Hệ số lương"]]
    rows += [[1, "Lò Văn A", 3, 2.67], [2, "Lò Văn B", 4, 3.0]]
    _sheet(path, rows)
    done = run("validate", str(path), "--lang", "en")
    assert done.returncode == 0, done.stdout + done.stderr
    said = done.stdout + done.stderr
    assert "the list ends above it, and the 2 row(s) under it were not read" in said
    assert "Cadres\t2\n" in done.stdout  # the people of the first list only
    ev = run("evaluate", str(path), *PLUGIN, "--format", "json", "--lang", "en")
    assert ev.returncode == 0, ev.stderr
    warnings = [w["message"] for w in json.loads(ev.stdout)["warnings"]]
    assert any("header of another list" in w for w in warnings), warnings


# ------------------------------------------------------- the list's warnings in Vietnamese

_CODES = ("header_again", "second_list", "list_no_people", "read_as_1258", "problem_", "{")


def _said_in_vietnamese(path: Path) -> tuple[list[list[str]], list[str]]:
    """The warning rows of ``cadre validate`` (Vietnamese, the default) as their cells and
    the warning messages of ``cadre evaluate --lang vi --format json``; neither holds an
    internal code or an unfilled placeholder."""
    done = run("validate", str(path))
    said = done.stdout + done.stderr
    assert done.returncode == 0, said
    assert "điểm cần lưu ý" in said and "Warning" not in said
    rows = [line.split("\t") for line in said.splitlines() if line.startswith("Lưu ý\t")]
    ev = run("evaluate", str(path), *PLUGIN, "--format", "json", "--lang", "vi")
    assert ev.returncode == 0, ev.stderr
    messages = [w["message"] for w in json.loads(ev.stdout)["warnings"]]
    for text in (said, ev.stderr, *messages):
        assert not any(code in text for code in _CODES), text
    return rows, messages


def test_a_header_printed_again_is_said_in_vietnamese(tmp_path: Path) -> None:
    path = tmp_path / "trang.xlsx"
    rows = [["DANH SÁCH CÁN BỘ (tính đến ngày 31/12/2025)"], _HEAD, _person(1), _person(2)]
    rows += [[], _HEAD, [1, 2, 3, 4, 5, 6], _person(3), _person(4)]  # page 2: rows 6 and 7
    _sheet(path, rows)
    said, messages = _said_in_vietnamese(path)
    sentence = (
        "dòng này nhắc lại dòng tiêu đề của danh sách (đầu một trang mới) nên không được "
        "đọc như một người"
    )
    assert [(r[1], r[3], r[6]) for r in said] == [
        ("trang.xlsx, trang tính 'Sheet'", "6", sentence),
        ("trang.xlsx, trang tính 'Sheet'", "7", sentence),
    ]
    assert f"trang.xlsx, trang tính 'Sheet', dòng 6: {sentence}" in messages, messages
    assert f"trang.xlsx, trang tính 'Sheet', dòng 7: {sentence}" in messages, messages


def test_another_list_under_the_first_is_said_in_vietnamese(tmp_path: Path) -> None:
    path = tmp_path / "hai-bang.xlsx"
    rows = [["DANH SÁCH CÁN BỘ (tính đến ngày 31/12/2025)"], _HEAD, _person(1), _person(2)]
    rows += [[], [None, "Lương và phụ cấp"], ["TT", "Họ và tên", "Bậc", "Hệ số lương"]]
    rows += [[1, "Lò Văn A", 3, 2.67], [2, "Lò Văn B", 4, 3.0], [3, "Lò Văn C", 2, 2.34]]
    _sheet(path, rows)
    said, messages = _said_in_vietnamese(path)
    sentence = (
        "dòng này là tiêu đề của một danh sách khác: danh sách dừng ở dòng trên, 3 dòng "
        "bên dưới không được đọc"
    )
    assert [(r[1], r[3], r[6]) for r in said] == [
        ("hai-bang.xlsx, trang tính 'Sheet'", "7", sentence)
    ]
    assert f"hai-bang.xlsx, trang tính 'Sheet', dòng 7: {sentence}" in messages, messages


def test_an_empty_form_is_said_in_vietnamese(tmp_path: Path) -> None:
    path = tmp_path / "mau-trong.xlsx"
    write_list(path, [], title=TITLE, columns=EXPORT_COLUMNS)
    said, messages = _said_in_vietnamese(path)
    sentence = (
        "danh sách có dòng tiêu đề nhưng không có người nào bên dưới (một mẫu trống?): "
        "không có ai để đánh giá"
    )
    assert [(r[1], r[6]) for r in said if "người nào" in r[6]] == [("mau-trong.xlsx", sentence)]
    assert [m for m in messages if sentence in m] == [f"mau-trong.xlsx: {sentence}"], messages


def test_a_windows_1258_list_is_said_in_vietnamese(tmp_path: Path) -> None:
    from test_roster_folder_files import _cp1258

    path = tmp_path / "danh-sach.csv"
    rows = [["DANH SÁCH CÁN BỘ (tính đến ngày 31/12/2025)"], _HEAD, _person(1), _person(2)]
    path.write_bytes(_cp1258("\n".join(";".join(str(c) for c in row) for row in rows) + "\n"))
    said, messages = _said_in_vietnamese(path)
    sentence = (
        "tệp không phải chữ UTF-8 nên được đọc như chữ Windows-1258 (Excel lưu 'CSV' trên "
        "Windows tiếng Việt): hãy kiểm tra dấu tiếng Việt, hoặc lưu lại dưới dạng 'CSV UTF-8'"
    )
    assert [(r[1], r[6]) for r in said] == [("danh-sach.csv", sentence)]
    assert f"danh-sach.csv: {sentence}" in messages, messages


@pytest.mark.parametrize(
    ("family", "given"),
    [("Họ và tên đệm", "Tên"), ("Họ", "Tên"), ("Họ đệm", "Tên"), ("Họ và chữ đệm", "Tên")],
)
def test_a_name_in_two_columns_is_one_name(tmp_path: Path, family: str, given: str) -> None:
    path = tmp_path / "ten.xlsx"
    head = ["STT", family, given, "Ngày sinh", "Giới tính", "Chức vụ", "Trình độ chuyên môn"]
    _sheet(path, [
        ["DANH SÁCH CÁN BỘ (tính đến ngày 31/12/2025)"], head,
        [1, "Lò  Văn", "An", "12/03/1980", "Nam", "Công chức", "Đại học"],
        [2, "Nguyễn Thị", "Bình", "03/04/1975", "Nữ", "Công chức", "Cao đẳng"],
    ])  # fmt: skip
    done = run("validate", str(path), "--lang", "en")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "was not read" not in done.stdout + done.stderr  # neither part is left unread
    assert "Cadres\t2\n" in done.stdout
    from cadre_core.roster._province import read_rosters

    names = read_rosters([path]).cadres["full_name"].tolist()
    assert names == ["Lò Văn An", "Nguyễn Thị Bình"]  # one space between the parts


def test_a_name_merged_over_its_two_parts(tmp_path: Path) -> None:
    path = tmp_path / "gop.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["DANH SÁCH CÁN BỘ (tính đến ngày 31/12/2025)"])
    ws.append(["STT", "Họ và tên", None, "Ngày sinh", "Chức vụ", "Trình độ chuyên môn"])
    ws.append([None, "Họ đệm", "Tên", None, None, None])
    ws.append([1, "Lò Văn", "An", "12/03/1980", "Công chức", "Đại học"])
    ws.merge_cells("B2:C2")
    wb.save(path)
    from cadre_core.roster._province import read_rosters

    listed = read_rosters([path])
    assert listed.cadres["full_name"].tolist() == ["Lò Văn An"]


def test_a_year_of_birth_is_read_where_it_is_and_said_not_a_day(tmp_path: Path) -> None:
    path = tmp_path / "nam-sinh.xlsx"
    _sheet(path, [["DANH SÁCH CÁN BỘ (tính đến ngày 31/12/2025)"],
                  ["STT", "Họ và tên", "Năm sinh", "Chức vụ"], [1, "Lò Văn An", 1980, "Công chức"]])  # fmt: skip
    done = run("validate", str(path), "--lang", "en")
    assert done.returncode == 2
    said = done.stdout + done.stderr
    assert "Năm sinh (column C)" in said and "a year alone is not a day" in said


def _date_in_three_columns(path: Path, people: list[list[Any]], parent: str) -> None:
    """A list whose ``parent`` header is merged over "Ngày", "Tháng", "Năm" (columns C-E)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["DANH SÁCH CÁN BỘ XÃ NẬM TĂM (tính đến ngày 31/12/2025)"])
    ws.append(["STT", "Họ và tên", parent, None, None, "Chức vụ", "Trình độ chuyên môn"])
    ws.append([None, None, "Ngày", "Tháng", "Năm", None, None])
    ws.merge_cells("C2:E2")
    for c in "ABFG":
        ws.merge_cells(f"{c}2:{c}3")
    for row in people:
        ws.append(row)
    wb.save(path)


@given(
    born=st.dates(dt.date(1950, 1, 1), dt.date(2005, 12, 31)),
    as_text=st.booleans(),
    parent=st.sampled_from(["Ngày tháng năm sinh", "Ngày, tháng, năm sinh", "Ngày sinh"]),
)
@settings(max_examples=15, deadline=None)
def test_a_birth_date_in_three_columns_is_one_date(
    tmp_path_factory: pytest.TempPathFactory, born: dt.date, as_text: bool, parent: str
) -> None:
    from cadre_core.roster._province import read_rosters

    path = tmp_path_factory.mktemp("ngay") / "ngay-thang-nam.xlsx"
    parts: list[Any] = [born.day, born.month, born.year]
    if as_text:  # typed as text, zero-padded
        parts = [f"{born.day:02d}", f"{born.month:02d}", str(born.year)]
    _date_in_three_columns(path, [[1, "Lò Văn An", *parts, "Công chức", "Đại học"]], parent)
    listed = read_rosters([path])
    assert listed.cadres["birth_date"].tolist() == [pd.Timestamp(born)]
    assert not any(p.severity == "error" for p in listed.problems)
    assert not [p for p in listed.problems if p.key == "column_not_read"]


def test_a_three_column_date_that_is_no_day_names_its_columns(tmp_path: Path) -> None:
    path = tmp_path / "ngay-thang-nam.xlsx"
    people = [
        [1, "Lò Văn An", 31, 2, 1980, "Công chức", "Đại học"],  # no such day
        [2, "Lò Thị Bình", None, None, 1975, "Công chức", "Đại học"],  # a year alone
    ]
    _date_in_three_columns(path, people, "Ngày tháng năm sinh")
    done = run("validate", str(path))
    assert done.returncode == 2
    said = done.stdout + done.stderr
    where = "Ngày tháng năm sinh / Ngày + Tháng + Năm (cột C–E)"
    assert f"{where}\t'31/2/1980'" in said and f"{where}\t'1975'" in said, said
    assert "năm không phải là ngày" in said and "(column" not in said


def test_a_rating_year_beside_no_rating_is_said_not_read(tmp_path: Path) -> None:
    path = tmp_path / "nam.xlsx"
    _sheet(path, [["DANH SÁCH CÁN BỘ (tính đến ngày 31/12/2025)"],
                  ["STT", "Họ và tên", "Ngày sinh", "Năm", "Chức vụ"],
                  [1, "Lò Văn An", "12/03/1980", 2024, "Công chức"]])  # fmt: skip
    done = run("validate", str(path), "--lang", "en")
    assert done.returncode == 0, done.stdout + done.stderr
    said = done.stdout + done.stderr
    assert "Năm (column D)\t\tthis column was not read" in said, said


def test_a_header_over_several_columns_names_each_in_vietnamese() -> None:
    from cadre_core.roster._problems import column_words

    name = "Họ đệm (column B) + Tên (column C)"  # a name in two columns
    assert column_words(None, name) == "Họ đệm (cột B) + Tên (cột C)"
    assert column_words(None, "Ngày sinh / Ngày + Tháng + Năm (column C–E)").endswith("(cột C–E)")
    assert column_words(None, name, "en") == name


def _unicode_text_list(folder: Path, encoding: str) -> Path:
    """A two-person list saved as Excel's "Unicode Text" (cells cut by tabs) in
    ``encoding``."""
    path = folder / "danh-sach.csv"
    rows = [["DANH SÁCH CÁN BỘ (tính đến ngày 31/12/2025)"], _HEAD, _person(1), _person(2)]
    text = "\n".join("\t".join(str(c) for c in row) for row in rows) + "\n"
    path.write_bytes(text.encode(encoding))
    return path


def test_a_list_saved_as_unicode_text_is_read(tmp_path: Path) -> None:
    # Excel's "Unicode Text": UTF-16 with its byte-order mark, cells cut by tabs
    path = _unicode_text_list(tmp_path, "utf-16")
    done = run("validate", str(path), "--lang", "en")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Cadres\t2\n" in done.stdout
    from cadre_core.roster._province import read_rosters

    assert read_rosters([path]).cadres["full_name"].tolist() == ["Lò Văn A", "Lò Văn B"]


def test_a_list_saved_as_utf_16_without_its_byte_order_mark_is_refused(tmp_path: Path) -> None:
    # without its BOM, UTF-16 is not UTF-8 and would read as Windows-1258 full of NULs:
    # every header unknown. It is refused as not UTF-8, the file named.
    from test_roster_folder_files import refused_as_not_utf8

    path = _unicode_text_list(tmp_path, "utf-16-le")
    said = refused_as_not_utf8(run("validate", str(path), "--lang", "en"), "danh-sach.csv")
    assert "Windows-1258" not in said and "no header of a list" not in said


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Ngày, tháng, năm sinh", "cadres.birth_date"),  # Mẫu 02/CL.CBCCX
        ("Nam/Nữ", "cadres.gender"),
        ("Mã số CBCC", "cadres.cadre_id"),
        ("Trình độ GDPT", "cadres.general_education"),
        ("Chuyên môn nghiệp vụ", "degrees.level"),
        ("Bằng cấp", "degrees.level"),
        ("Thời điểm bổ nhiệm", "assignments.start_date"),
        ("Kết quả đánh giá, xếp loại năm 2024", "ratings.rating"),
        ("Chức vụ, chức danh", "positions.title"),
        ("Cơ quan; đơn vị", "agencies.name"),  # punctuation is layout, not words
    ],
)
def test_list_headers_of_real_forms(header: str, field: str) -> None:
    from cadre_core.roster._flat_header import resolve

    found = resolve((header,))
    assert found is not None and f"{found.table}.{found.column}" == field


def test_a_birth_header_with_commas_reads_its_list(tmp_path: Path) -> None:
    path = tmp_path / "mau-02.xlsx"
    head = ["STT", "Họ và tên", "Ngày, tháng, năm sinh", "Nam/Nữ", "Chức vụ"]
    _sheet(path, [["DANH SÁCH (tính đến ngày 31/12/2025)"], head,
                  [1, "Lò Văn A", "12/03/1980", "Nam", "Công chức"]])  # fmt: skip
    done = run("validate", str(path), "--lang", "en")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "was not read" not in done.stdout + done.stderr


# ------------------------------------------------------------------ posts held together


def test_posts_held_together_in_one_cell_are_each_a_post(tmp_path: Path) -> None:
    """Since the 2025 reform the Party secretary chairs the People's Council and a deputy
    secretary the People's Committee: lists write both posts in one cell. Each is a post
    of its category (a membership beside them is none), and the person is counted once
    in a target's population, as the roster format's two assignments are."""
    import csv

    people = [
        ("Lò Văn An", "12/03/1975", "Nam", "Bí thư Đảng ủy, Chủ tịch HĐND xã", "Thạc sĩ"),
        ("Lò Thị Bích", "05/07/1980", "Nữ", "Phó Bí thư Đảng ủy kiêm Chủ tịch UBND xã",
         "Đại học"),
        ("Tòng Văn Cương", "21/11/1982", "Nam", "Phó Chủ tịch UBND xã", "Thạc sĩ"),
        ("Vàng A Dình", "02/02/1985", "Nam", "Ủy viên BTV, Trưởng Ban Xây dựng Đảng", "Đại học"),
        ("Hà Thị Én", "09/09/1990", "Nữ", "Kế toán; thủ quỹ", "Cao đẳng"),
        ("Lù Văn Giang", "03/03/1979", "Nam", "Bí thư Đảng ủy, Chỉ huy trưởng Quân sự",
         "Đại học"),
        ("Sùng Thị Hoa", "04/04/1992", "Nữ", "Thủ quỹ, tạp vụ", "Trung cấp"),
    ]  # fmt: skip
    path = tmp_path / "Xã Mường Than.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Trình độ chuyên môn"])
        w.writerows([i, *p] for i, p in enumerate(people, start=1))
    roster = cadre_core.read_roster(path, list_date="2026-12-31")
    held = roster.assignments.merge(roster.positions, on="position_code")
    by_name = held.merge(roster.cadres[["cadre_id", "full_name"]], on="cadre_id")
    posts = by_name.groupby("full_name")["category"].agg(lambda c: set(c.dropna()))
    assert posts.to_dict() == {
        "Lò Văn An": {"party_secretary", "council_chair"},
        "Lò Thị Bích": {"party_deputy_secretary", "committee_chair"},
        "Tòng Văn Cương": {"committee_vice_chair"},
        "Vàng A Dình": {"department_head"},
        # a post of no category beside a known one: the known one is read, the other said
        "Hà Thị Én": {"professional"},
        "Lù Văn Giang": {"party_secretary"},
        # no part names a category: the cell stays one unread title
        "Sùng Thị Hoa": set(),
    }
    beside = {p.value: p.expected for p in roster.problems if p.key == "post_not_read"}
    assert set(beside) == {"Kế toán; thủ quỹ", "Bí thư Đảng ủy, Chỉ huy trưởng Quân sự"}
    assert "'thủ quỹ'" in beside["Kế toán; thủ quỹ"]
    assert "'Chỉ huy trưởng Quân sự'" in beside["Bí thư Đảng ủy, Chỉ huy trưởng Quân sự"]
    unread = [p for p in roster.problems if p.key == "unknown_category"]
    assert [p.value for p in unread] == ["Thủ quỹ, tạp vụ"]
    ev = cadre_core.evaluate(roster, "2026-12-31", plugins=["laichau"], findings=False)
    standing = ev.communes[0].target("nq05.5a")  # Thường trực: trình độ thạc sĩ
    assert (standing.population, standing.satisfied) == (4, 2)
