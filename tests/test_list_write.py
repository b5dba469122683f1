"""A one-row-per-person list written with :meth:`Roster.write` and read back keeps what was
read: the fields its qualification cells gave ("Đại học Luật"), and that a degree whose
cell gives none ("Đại học") has an unknown field, not "no field".

The fields of such a list are informed cell by cell (the list has no field column). The
written roster says them as the list did, in the qualification (``level``) cells of its
``degrees`` table, which has no field column: reading it back gives the same degrees, the
same knowledge of their fields, and the same fit of degrees to posts.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_flat_degree_fields import FittingFields

from cadre_core import Roster, evaluate, read_roster
from cadre_core.features import degrees_on
from cadre_core.roster._roster import read_list
from cadre_core.testing import evaluate_plugin

DAY = "31/12/2025"
FORMATS = (("xlsx", "roster.xlsx"), ("csv", "roster"), ("parquet", "roster"))


def write_csv(path: Path, cells: list[str | None]) -> Path:
    """A CSV list: one person per qualification cell, no field column."""
    lines = ["STT,Họ và tên,Ngày sinh,Chức vụ,Trình độ chuyên môn"]
    for i, cell in enumerate(cells):
        row = [str(i + 1), f"Lò Văn {chr(65 + i)}", "12/03/1980", "Chuyên viên", cell or ""]
        lines.append(",".join(f'"{c}"' for c in row))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def fit(roster: Roster) -> tuple[Any, ...]:
    """What the fitting-fields target says of ``roster`` with every post asking for Luật."""
    asked = roster.with_tables(positions=roster.positions.assign(accepted_fields="Luật"))
    ev = evaluate_plugin(FittingFields(), asked, "2025-12-31", name="fit", findings=False)
    t = ev.communes[0].target("t.fit")
    return (t.population, t.satisfied, t.status, t.failing, t.reason)


def knowledge(roster: Roster) -> list[tuple[Any, ...]]:
    """Each degree's cadre, level and field, and whether its field is known."""
    d = degrees_on(roster.degrees, dt.date(2025, 12, 31),
                   field_informed=roster.informs("degrees.field"))  # fmt: skip
    fields = roster.degrees["field"].astype(object).where(roster.degrees["field"].notna(), None)
    return sorted(
        zip(
            roster.degrees["cadre_id"],
            roster.degrees["level"].astype(str),
            fields,
            d["field_known"],
            strict=True,
        )
    )


def written_and_read(roster: Roster, folder: Path, fmt: str, name: str) -> Roster:
    return read_roster(roster.write(folder / name, format=fmt))


@pytest.mark.parametrize(("fmt", "name"), FORMATS)
def test_fields_read_from_cells_survive_writing(tmp_path: Path, fmt: str, name: str) -> None:
    cells = ["Đại học Luật", "Đại học", "Thạc sĩ Kinh tế", "ĐH (Quản lý công)", "Cử nhân"]
    listed = read_list(write_csv(tmp_path / "list.csv", cells), list_date=DAY)
    back = written_and_read(listed, tmp_path, fmt, name)
    assert back.diff(listed) == []
    assert back == listed
    assert knowledge(back) == knowledge(listed)
    assert [f for _, _, f, _ in knowledge(back)] == ["Luật", None, "Kinh tế", "Quản lý công", None]
    assert not back.informs("degrees.field")  # cell by cell, as the list
    assert fit(back) == fit(listed)
    # Luật fits; Kinh tế and Quản lý công do not; the two without a field are left out
    assert fit(back)[:4] == (3, 1, "not_met", ("DS0004", "DS0005"))


def test_every_target_of_the_written_list_is_the_lists(tmp_path: Path) -> None:
    """Lai Châu's targets on the list and on the list written and read back, the posts
    asking for Luật in both (what a list cannot inform at all, :attr:`Roster.absent`, is
    not part of the roster format: both are compared as frames that hold their tables)."""
    pytest.importorskip("cadre_laichau")
    cells = ["Đại học Luật", "Đại học", "Thạc sĩ Kinh tế", "Cử nhân Luật", "ĐH (Luật)"]
    listed = read_list(write_csv(tmp_path / "list.csv", cells), list_date=DAY)
    back = written_and_read(listed, tmp_path, "xlsx", "roster.xlsx")

    def targets(roster: Roster) -> list[dict[str, Any]]:
        asked = roster.with_tables(positions=roster.positions.assign(accepted_fields="Luật"))
        ev = evaluate(asked, "2025-12-31", plugins=["laichau"], findings=False)
        return [t.to_json() for t in ev.communes[0].targets]

    before, after = targets(listed), targets(back)
    assert after == before
    (b1,) = [t for t in after if t["id"] == "nq05.1b"]
    # three Luật degrees fit; Kinh tế does not; "Đại học" alone is unknown, left out
    assert (b1["population"], b1["satisfied"], b1["failing"]) == (4, 3, ["DS0004"])


@pytest.mark.parametrize(("fmt", "name"), FORMATS)
def test_no_field_in_any_cell_stays_unknown(tmp_path: Path, fmt: str, name: str) -> None:
    listed = read_list(write_csv(tmp_path / "list.csv", ["Đại học", "Thạc sĩ"]), list_date=DAY)
    back = written_and_read(listed, tmp_path, fmt, name)
    assert back == listed and knowledge(back) == knowledge(listed)
    assert fit(back) == fit(listed) == (0, 0, "not_applicable", (), "fields_unknown")


def test_a_table_without_a_field_column_reads_fields_from_its_level_cells(tmp_path: Path) -> None:
    """What the writer writes is what a clerk may write: a degrees sheet whose
    qualification cells name the field, and no field column."""
    frames = {
        "cadres": pd.DataFrame({"cadre_id": ["C1", "C2"], "full_name": ["Lò Văn An", "Lò Thị Bình"],
                                "birth_date": ["1985-03-12", "1990-07-01"]}),
        "positions": pd.DataFrame({"position_code": ["P1"]}),
        "assignments": pd.DataFrame({"cadre_id": ["C1", "C2"], "position_code": ["P1", "P1"],
                                     "start_date": ["2025-07-01", "2025-07-01"]}),
        "degrees": pd.DataFrame({"Mã cán bộ": ["C1", "C2"],
                                 "Trình độ chuyên môn": ["Đại học Luật", "Thạc sĩ"]}),
    }  # fmt: skip
    path = tmp_path / "roster.xlsx"
    with pd.ExcelWriter(path) as xw:
        for name, frame in frames.items():
            frame.to_excel(xw, sheet_name=name, index=False)
    roster = read_roster(path)
    assert degrees_of(roster) == [("C1", "dai_hoc", "Luật"), ("C2", "thac_si", None)]
    assert not roster.informs("degrees.field")
    assert [known for *_, known in knowledge(roster)] == [True, False]
    # a field column, where there is one, is the field: a blank there is no field
    frames["degrees"]["Chuyên ngành"] = [None, None]
    with pd.ExcelWriter(path) as xw:
        for name, frame in frames.items():
            frame.to_excel(xw, sheet_name=name, index=False)
    roster = read_roster(path)
    assert degrees_of(roster) == [("C1", "dai_hoc", None), ("C2", "thac_si", None)]
    assert roster.informs("degrees.field")
    assert [known for *_, known in knowledge(roster)] == [True, True]


def degrees_of(roster: Roster) -> list[tuple[Any, ...]]:
    return [(c, lv, f) for c, lv, f, _ in knowledge(roster)]


def test_a_field_no_qualification_cell_can_give_back_is_refused(tmp_path: Path) -> None:
    """A field holding a comma would read back as a list of levels: the writer says so
    rather than write a roster that reads otherwise."""
    listed = read_list(write_csv(tmp_path / "list.csv", ["Đại học Luật", "Đại học"]), list_date=DAY)
    odd = listed.degrees.assign(field=["Tài chính, ngân hàng", None])
    roster = Roster(dict(listed.tables) | {"degrees": odd}, informed=listed.informed)
    with pytest.raises(ValueError, match="Tài chính, ngân hàng"):
        roster.write(tmp_path / "roster", format="csv")


def test_a_field_column_read_as_a_whole_is_written_as_a_column(tmp_path: Path) -> None:
    """A list with a field column informs the field as a whole: written as a column, a
    blank stays a known blank."""
    path = tmp_path / "list.csv"
    path.write_text(
        "STT,Họ và tên,Ngày sinh,Chức vụ,Trình độ chuyên môn,Chuyên ngành\n"
        '1,Lò Văn A,12/03/1980,Chuyên viên,"Đại học Luật",\n'
        '2,Lò Văn B,12/03/1980,Chuyên viên,"Đại học",\n',
        encoding="utf-8",
    )
    listed = read_list(path, list_date=DAY)
    assert listed.informs("degrees.field")
    back = written_and_read(listed, tmp_path, "csv", "roster")
    header = (tmp_path / "roster" / "degrees.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.split(",")[:3] == ["cadre_id", "level", "field"]
    assert back == listed and knowledge(back) == knowledge(listed)
    assert fit(back) == fit(listed)


_LEVEL_WORDS = ("Đại học", "ĐH", "Cử nhân", "Kỹ sư", "Thạc sĩ", "ThS", "Tiến sĩ", "Cao đẳng",
                "Trung cấp")  # fmt: skip
_FIELDS = (
    "Luật", "Kinh tế", "Quản lý công", "Quản lý nhà nước", "Kế toán", "Nông nghiệp",
    "Sư phạm Toán", "Hành chính công", "Công nghệ thông tin", "Tài chính - Ngân hàng",
    "Quản trị kinh doanh", "Xây dựng Đảng", "Việt Nam học", "Lâm sinh",
)  # fmt: skip
_JOINTS = ("{} {}", "{} ({})", "{} - {}", "{}: {}", "{} chuyên ngành {}", "{} ngành {}")
_cells = st.one_of(
    st.builds(lambda lv, f, j: j.format(lv, f), st.sampled_from(_LEVEL_WORDS),
              st.sampled_from(_FIELDS), st.sampled_from(_JOINTS)),
    st.sampled_from(_LEVEL_WORDS),  # a level alone: its field is unknown
    st.sampled_from(("Đại học tại chức", "ĐH (văn bằng 2)")),  # a mode of study: no field
    st.none(),  # no degree
)  # fmt: skip


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow,
          HealthCheck.function_scoped_fixture])  # fmt: skip
@given(cells=st.lists(_cells, min_size=1, max_size=8), fmt=st.sampled_from(["csv", "parquet"]))
def test_any_list_written_and_read_back_is_the_list(
    tmp_path_factory: pytest.TempPathFactory, cells: list[str | None], fmt: str
) -> None:
    folder = tmp_path_factory.mktemp("list")
    listed = read_list(write_csv(folder / "list.csv", cells), list_date=DAY)
    back = written_and_read(listed, folder, fmt, "roster")
    assert back == listed, back.diff(listed)
    assert knowledge(back) == knowledge(listed)
    assert back.informs("degrees.field") == listed.informs("degrees.field")
    assert fit(back) == fit(listed)
