"""Target 1b ("chuyên môn phù hợp vị trí việc làm") when the input does not give the
degrees' fields: a population left empty because no holder's fit can be told says why
(``reason`` ``fields_unknown``), and the fit is computed once per evaluation.

A list whose qualification cells name a field for some people ("Đại học Luật") and not for
others ("Đại học") informs the field cell by cell; the frames below stand for such a list
(the field column taken out of :attr:`Roster.informed`), one post asking for "Luật" per
cadre.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_flat_degree_fields import FittingFields

import cadre_core
from cadre_core import Roster
from cadre_core.roster._roster import read_list
from cadre_core.targets import LeftOut
from cadre_core.targets import _fit as fit_module
from cadre_core.targets._target import LEFT_OUT_REASONS
from cadre_core.testing import evaluate_plugin
from cadre_core.vocab._labels import label

DAY = "2025-12-31"
CADRE = str(Path(sys.executable).with_name("cadre"))


def roster_of(
    fields: list[str | None], communes: list[str] | None = None, *, by_cell: bool = True
) -> Roster:
    """One cadre per field, each holding a post of its commune that asks for "Luật" and a
    university degree in that field (None: a degree whose field is not given)."""
    n = len(fields)
    communes = communes or ["Xã Bản Bo"] * n
    names = sorted(set(communes))
    ids = [f"C{i + 1}" for i in range(n)]
    frames = {
        "agencies": pd.DataFrame(
            {"agency_code": [f"A{names.index(c)}" for c in names], "name": names,
             "commune": names}
        ),
        "cadres": pd.DataFrame(
            {"cadre_id": ids, "full_name": [f"Lò Văn {chr(65 + i)}" for i in range(n)],
             "birth_date": ["1985-03-12"] * n}
        ),
        "positions": pd.DataFrame(
            {"position_code": [f"P{i + 1}" for i in range(n)], "title": ["Chuyên viên"] * n,
             "agency_code": [f"A{names.index(c)}" for c in communes],
             "category": ["professional"] * n, "accepted_fields": ["Luật"] * n}
        ),
        "assignments": pd.DataFrame(
            {"cadre_id": ids, "position_code": [f"P{i + 1}" for i in range(n)],
             "start_date": ["2020-01-01"] * n}
        ),
        "degrees": pd.DataFrame({"cadre_id": ids, "level": ["dai_hoc"] * n, "field": fields}),
    }  # fmt: skip
    roster = Roster.from_frames(frames)
    if not by_cell:
        return roster
    assert roster.informed is not None
    return attrs.evolve(roster, informed=roster.informed - {"degrees.field"})


def results(roster: Roster, **kwargs: Any) -> dict[str, Any]:
    ev = evaluate_plugin(FittingFields(), roster, DAY, name="fit", findings=False, **kwargs)
    return {c.commune: c.target("t.fit") for c in ev.communes}


def test_every_field_unknown_is_not_applicable_and_says_why() -> None:
    (result,) = results(roster_of([None, None])).values()
    assert (result.population, result.satisfied, result.status) == (0, 0, "not_applicable")
    assert (result.shortfall, result.overdue, result.failing) == (0, False, ())
    assert result.reason == "fields_unknown"
    assert result.to_json()["reason"] == "fields_unknown"


def test_a_known_field_is_evaluated_without_a_reason() -> None:
    (result,) = results(roster_of(["Luật", None, "Kinh tế"])).values()
    # Luật fits, Kinh tế does not, the unknown one is left out: the others are evaluated
    assert (result.population, result.satisfied, result.status) == (2, 1, "not_met")
    assert result.reason is None
    assert "reason" not in result.to_json()


def test_a_field_column_of_blanks_is_known_not_to_fit() -> None:
    """A roster that has the field column (as a whole) says a blank is no field: the
    holders are evaluated and fail, nothing is unknown."""
    (result,) = results(roster_of([None, None], by_cell=False)).values()
    assert (result.population, result.satisfied, result.status) == (2, 0, "not_met")
    assert result.reason is None


def test_the_reason_is_per_commune() -> None:
    roster = roster_of(["Luật", None, None], ["Xã Bản Bo", "Xã Mường Than", "Xã Mường Than"])
    by = results(roster, by_commune=True)
    assert (by["Xã Bản Bo"].population, by["Xã Bản Bo"].status) == (1, "met")
    assert by["Xã Bản Bo"].reason is None
    assert (by["Xã Mường Than"].population, by["Xã Mường Than"].status) == (0, "not_applicable")
    assert by["Xã Mường Than"].reason == "fields_unknown"


def test_an_empty_population_for_want_of_posts_has_no_reason() -> None:
    """No post asks for fields: empty as the spec's n = 0, nothing left out."""
    roster = roster_of([None, None])
    roster = roster.with_tables(positions=roster.positions.assign(accepted_fields=None))
    (result,) = results(roster).values()
    assert (result.population, result.status, result.reason) == (0, "not_applicable", None)


def test_no_data_wins_over_fields_unknown(tmp_path: Path) -> None:
    """A list as read has no posts' accepted fields: no data, whatever the fields."""
    path = tmp_path / "list.csv"
    path.write_text(
        "STT,Họ và tên,Ngày sinh,Chức vụ,Trình độ chuyên môn\n"
        '1,Lò Văn A,12/03/1980,Chuyên viên,"Đại học"\n',
        encoding="utf-8",
    )
    (result,) = results(read_list(path, list_date="31/12/2025")).values()
    assert (result.status, result.reason) == ("not_applicable", "no_data")


def test_target_1b_of_the_laichau_plugin_says_why() -> None:
    pytest.importorskip("cadre_laichau")
    ev = cadre_core.evaluate(roster_of([None]), DAY, plugins=["laichau"], findings=False)
    result = ev.communes[0].target("nq05.1b")
    assert (result.population, result.status, result.reason) == (
        0,
        "not_applicable",
        "fields_unknown",
    )


def test_every_reason_a_population_gives_has_its_words() -> None:
    for reason in LEFT_OUT_REASONS:
        vi, en = label(reason, "vi"), label(reason, "en")
        assert vi and en and vi != en and vi != reason
    assert label("fields_unknown", "vi") == "danh sách không ghi rõ chuyên ngành của bằng cấp"
    with pytest.raises(ValueError):
        LeftOut(lambda f: pd.Series(False, index=f.cadres.index), "no field")


def test_the_command_line_says_why(tmp_path: Path) -> None:
    """A workbook whose degrees have no field column: the table says why 1b is not
    applicable, in the language asked for; the JSON gives the reason's code."""
    pytest.importorskip("cadre_laichau")
    path = roster_of([None, None]).write(tmp_path / "roster.xlsx")
    env = {**os.environ, "COLUMNS": "400", "NO_COLOR": "1"}
    for lang in ("vi", "en"):
        done = subprocess.run(
            [CADRE, "evaluate", str(path), "--as-of", DAY, "--plugin", "laichau",
             "--lang", lang, "--format", "table"],
            capture_output=True, text=True, timeout=120, env=env, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        row = next(line for line in done.stdout.splitlines() if "nq05.1b" in line)
        assert f"({label('fields_unknown', lang)})" in row, row
    done = subprocess.run(
        [CADRE, "evaluate", str(path), "--as-of", DAY, "--plugin", "laichau", "--format", "json"],
        capture_output=True, text=True, timeout=120, env=env, check=False,
    )  # fmt: skip
    (b1,) = [t for t in json.loads(done.stdout)["communes"][0]["targets"] if t["id"] == "nq05.1b"]
    assert (b1["status"], b1["reason"]) == ("not_applicable", "fields_unknown")


def test_the_fit_is_computed_once_per_evaluation(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[int] = []
    real = fit_module._fit_frame

    def counted(features: Any) -> pd.DataFrame:
        made.append(1)
        return real(features)

    monkeypatch.setattr(fit_module, "_fit_frame", counted)
    roster = roster_of(["Luật", None, "Kinh tế"])
    (result,) = results(roster).values()
    # the population, who it leaves out and the criterion read one fit
    assert len(made) == 1
    # and it is the fit the fields give: C1's Luật fits, C3's Kinh tế does not, C2's
    # unknown field is left out
    assert (result.population, result.satisfied, result.failing) == (2, 1, ("C3",))
    # each evaluation (each plugin's view of each day) makes its own
    results(roster)
    assert len(made) == 2


@settings(max_examples=20, deadline=None)
@given(st.lists(st.sampled_from(["Luật", "luật", "Kinh tế", None]), min_size=1, max_size=6))
def test_the_population_and_its_reason_follow_the_fields_given(fields: list[str | None]) -> None:
    (result,) = results(roster_of(fields)).values()
    known = [f for f in fields if f is not None]
    fitting = [f for f in known if f.casefold() == "luật"]
    assert (result.population, result.satisfied) == (len(known), len(fitting))
    assert result.reason == (None if known else "fields_unknown")
    assert result.status == (
        "not_applicable" if not known else "met" if len(fitting) == len(known) else "not_met"
    )


@pytest.mark.parametrize("suffix", [".html", ".xlsx", ".docx"])
def test_the_reports_say_why_too(tmp_path: Path, suffix: str) -> None:
    """The report a commune hands up says why 1b is not applicable, as the command line
    does (``TargetResult.status_text``), in the language asked for."""
    pytest.importorskip("cadre_laichau")
    import html
    import zipfile

    from cadre_core import reports

    ev = cadre_core.evaluate(roster_of([None, None]), DAY, plugins=["laichau"], findings=False)
    writer = {".html": reports.write_html, ".xlsx": reports.write_xlsx, ".docx": reports.write_docx}
    for lang in ("vi", "en"):
        path = writer[suffix](ev, tmp_path / f"r-{lang}{suffix}", lang=lang)
        if suffix == ".html":
            text = path.read_text(encoding="utf-8")
        else:  # the workbook's shared strings, the document's body
            with zipfile.ZipFile(path) as zf:
                text = " ".join(
                    zf.read(n).decode("utf-8") for n in zf.namelist() if n.endswith(".xml")
                )
        want = f"{label('not_applicable', lang)} ({label('fields_unknown', lang)})"
        assert want in html.unescape(text), want


def test_the_tidy_frame_lists_the_members_left_out_under_their_pseudonyms() -> None:
    """The tidy frame (and so the CSV) had no column for the members a population left
    out; now ``left_out`` lists them, and under pseudonyms their pseudonyms, never an id."""
    from cadre_core.engine._privacy import pseudonymize

    roster = roster_of(["Luật", None])
    ev = evaluate_plugin(FittingFields(), roster, DAY, name="fit", findings=False)
    row = ev.to_frame().set_index("id").loc["t.fit"]
    assert (row["population"], row["left_out"], row["left_out_reason"]) == (
        1, ["C2"], "fields_unknown")  # fmt: skip
    hidden = pseudonymize(ev, b"a-test-key-of-32-bytes-0123456789").to_frame()
    [alias] = hidden.set_index("id").loc["t.fit", "left_out"]
    assert alias != "C2" and alias.startswith("CB")
