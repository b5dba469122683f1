"""Layout profiles (docs/layouts.md): a province's sheet names, headers and values mapped to
canonical ones, from a ``--layout`` file or a plugin's ``cadre_layouts`` hook, and the
starter profile of ``cadre validate --suggest-layout``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cadre_core import (
    Layout,
    LayoutError,
    hookimpl,
    merge_layouts,
    read_layout,
    read_roster,
    sample_roster,
)
from cadre_core.roster import RosterError, text_key
from cadre_core.testing import temporary_plugin

CADRE = str(Path(sys.executable).with_name("cadre"))
DAY = "2026-12-31"


#: The example plugin named, so that its layout is in force (an example plugin is loaded
#: only when named); the environment of the tests that rely on its layout.
WITH_TEMPLATE = {"CADRE_LOAD_PLUGINS": "laichau,province_template"}


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full = None if env is None else {**os.environ, **env}
    return subprocess.run([CADRE, *args], capture_output=True, text=True, timeout=120, env=full)


def _foreign(
    folder: Path, headers: dict[str, str], values: dict[str, str], cadres_file: str
) -> Path:
    """The sample commune as a folder of CSV tables with a province's own spellings: some
    headers renamed in every table, some education levels respelled, the cadres' file
    renamed."""
    sample_roster().write(folder, format="csv")
    for f in folder.glob("*.csv"):
        t = pd.read_csv(f, dtype=str, keep_default_na=False)
        if f.stem == "degrees":
            t["level"] = t["level"].replace(values)
        t.rename(columns=headers).to_csv(f, index=False)
    (folder / "cadres.csv").rename(folder / f"{cadres_file}.csv")
    return folder


HEADERS = {
    "cadre_id": "Số hiệu CB",
    "full_name": "Tên đầy đủ",
    "birth_date": "Sinh ngày",
    "level": "Bậc đào tạo",
}
VALUES = {"dai_hoc": "ĐH hệ 4 năm", "thac_si": "Cao học"}
LAYOUT = """\
name = "Danh sách của tỉnh"

[sheets]
"DS nhân sự" = "cadres"

[headers]
"Số hiệu CB" = "cadres.cadre_id"
"Tên đầy đủ" = "cadres.full_name"
"Sinh ngày" = "cadres.birth_date"
"Bậc đào tạo" = "degrees.level"

[values."degrees.level"]
"ĐH hệ 4 năm" = "dai_hoc"
"cao  HỌC" = "thac_si"
"""


@pytest.fixture(scope="module")
def foreign(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _foreign(tmp_path_factory.mktemp("foreign") / "xa", HEADERS, VALUES, "DS nhân sự")


@pytest.fixture(scope="module")
def layout_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("layout") / "tinh.toml"
    path.write_text(LAYOUT, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def sample_json(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    folder = sample_roster().write(tmp_path_factory.mktemp("sample") / "xa")
    out = folder.parent / "sample.json"
    done = run("evaluate", str(folder), "--as-of", DAY, "--format", "json", "-o", str(out))
    assert done.returncode == 0, done.stderr
    return dict(json.loads(out.read_text(encoding="utf-8")))


# ------------------------------------------------------------------ through the command


def test_a_foreign_list_fails_without_its_layout_and_evaluates_with_it(
    foreign: Path, layout_file: Path, sample_json: dict[str, object], tmp_path: Path
) -> None:
    plain = run("validate", str(foreign))
    assert plain.returncode == 2 and "Traceback" not in plain.stderr
    assert "cadres" in plain.stderr and "thiếu" in plain.stderr  # a required column is missing
    checked = run("validate", str(foreign), "--layout", str(layout_file))
    assert checked.returncode == 0, checked.stderr
    out = tmp_path / "ev.json"
    args = ["--as-of", DAY, "--format", "json", "-o", str(out), "--layout", str(layout_file)]
    done = run("evaluate", str(foreign), *args)
    assert done.returncode == 0, done.stderr
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["communes"] == sample_json["communes"]
    verified = run("verify", str(out), str(foreign), "--layout", str(layout_file))
    assert verified.returncode == 0, verified.stdout + verified.stderr


def test_a_wrong_mapping_is_still_caught_naming_the_users_header(
    foreign: Path, tmp_path: Path
) -> None:
    wrong = LAYOUT.replace('"Sinh ngày" = "cadres.birth_date"', '"Sinh ngày" = "cadres.left_date"')
    wrong = wrong.replace('"Tên đầy đủ" = "cadres.full_name"', '"Tên đầy đủ" = "cadres.birth_date"')
    path = tmp_path / "wrong.toml"
    path.write_text(wrong, encoding="utf-8")
    done = run("validate", str(foreign), "--layout", str(path))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    with pytest.raises(RosterError) as err:
        read_roster(foreign, layout=read_layout(path))
    assert {p.column for p in err.value.errors} >= {"Tên đầy đủ (birth_date)"}


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ('[headers]\n"Mã NV" = "cadres.cadre_idx"\n', "headers.'Mã NV'"),
        ('[headers]\n"Mã NV" = "canbo.cadre_id"\n', "headers.'Mã NV'"),
        ('[sheets]\n"DS" = "cadre"\n', "sheets.'DS'"),
        ('[values."degrees.level"]\n"ĐH" = "dai_hocc"\n', "values.'degrees.level'.'ĐH'"),
        ('[values."cadres.full_name"]\n"A" = "b"\n', "values.'cadres.full_name'"),
        ('[header]\n"Mã NV" = "cadres.cadre_id"\n', "key 'header'"),
        ('[headers]\n"Mã NV" = 3\n', "headers.'Mã NV'"),
        ('list_date = "31/02/2026"\n', "key list_date"),
        ('[headers]\n"Mã NV" = "cadres.cadre_id"\n"MÃ  NV" = "cadres.full_name"\n', "'MÃ  NV'"),
        ('[headers\n"Mã NV" = "cadres.cadre_id"\n', "line 1"),
    ],
)
def test_a_bad_layout_is_exit_2_naming_the_file_and_the_key(
    foreign: Path, tmp_path: Path, text: str, named: str
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    for command in ("validate", "evaluate"):
        done = run(command, str(foreign), "--layout", str(path), "--lang", "en")
        assert done.returncode == 2, (command, done.stderr)
        assert "Traceback" not in done.stderr
        assert str(path) in done.stderr and named in done.stderr, done.stderr


def test_a_missing_layout_file_is_exit_2(foreign: Path, tmp_path: Path) -> None:
    done = run("validate", str(foreign), "--layout", str(tmp_path / "none.toml"))
    assert done.returncode == 2 and "none.toml" in done.stderr and "Traceback" not in done.stderr


def test_the_installed_template_plugin_ships_its_layout(tmp_path: Path) -> None:
    """A commune of the example province reads its standard list without --layout."""
    own = read_layout(
        Path(__file__).parents[1]
        / "plugins/cadre-province-template/src/cadre_province_template/layout.toml"
    )
    folder = _foreign(
        tmp_path / "xa",
        {"cadre_id": "Mã CBCC", "full_name": "Họ và tên khai sinh", "level": "Trình độ CM"},
        {"dai_hoc": "ĐH tại chức"},
        "DS CBCC",
    )
    assert own.sheets[text_key("DS CBCC")] == "cadres"
    assert run("validate", str(folder)).returncode == 2  # an example: not unless named
    done = run("validate", str(folder), env=WITH_TEMPLATE)
    assert done.returncode == 0, done.stdout + done.stderr
    only_laichau = run("evaluate", str(folder), "--plugin", "laichau", "--as-of", DAY)
    assert only_laichau.returncode == 2  # the template's layout comes with the template


# ------------------------------------------------------------------ suggest, round trip

SUGGESTIBLE = {
    "cadre_id": "Mã số cán bộ công chức xã",
    "full_name": "Họ và tên khai sinh",
    "birth_date": "Ngày tháng sinh",
}


def test_suggest_layout_then_layout_round_trip(
    tmp_path: Path, sample_json: dict[str, object]
) -> None:
    folder = _foreign(
        tmp_path / "xa",
        SUGGESTIBLE,
        {"dai_hoc": "Cử nhân luật", "thac_si": "Thạc sỹ QLKT"},
        "cadres",
    )
    assert run("validate", str(folder), env=WITH_TEMPLATE).returncode == 2
    profile = tmp_path / "goi-y.toml"
    done = run("validate", str(folder), "--suggest-layout", "-o", str(profile), env=WITH_TEMPLATE)
    assert done.returncode == 0, done.stderr
    text = profile.read_text(encoding="utf-8")
    data = tomllib.loads(text)
    assert data["headers"]["Mã số cán bộ công chức xã"].endswith(".cadre_id")
    assert data["headers"]["Họ và tên khai sinh"] == "cadres.full_name"
    assert data["values"]["degrees.level"] == {"Cử nhân luật": "dai_hoc", "Thạc sỹ QLKT": "thac_si"}
    assert "điểm/score" in text  # every guess says how sure it is
    read_layout(profile)  # the written profile reads back
    out = tmp_path / "ev.json"
    args = ["--as-of", DAY, "--format", "json", "-o", str(out), "--layout", str(profile)]
    done = run("evaluate", str(folder), *args)
    assert done.returncode == 0, done.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["communes"] == sample_json["communes"]


def test_suggest_layout_comments_what_it_is_unsure_of(foreign: Path, tmp_path: Path) -> None:
    done = run("validate", str(foreign), "--suggest-layout")
    assert done.returncode == 0, done.stderr
    data = tomllib.loads(done.stdout)  # standard output is a valid profile too
    # the file's name says nothing, its headers say cadres (gender, ethnicity, ...)
    assert data["sheets"] == {"DS nhân sự": "cadres"}
    commented = [line for line in done.stdout.splitlines() if line.startswith('# "')]
    assert any(line.startswith('# "Số hiệu CB" = ') for line in commented)
    # with the sheets and headers settled, the values are guessed; unsure ones commented
    partial = tmp_path / "partial.toml"
    partial.write_text(LAYOUT.split("[values")[0], encoding="utf-8")
    done = run("validate", str(foreign), "--suggest-layout", "--layout", str(partial))
    assert done.returncode == 0, done.stderr
    data = tomllib.loads(done.stdout)
    assert data["sheets"] == {"DS nhân sự": "cadres"}  # kept as written, already mapped
    assert '"DS nhân sự" = "cadres"  # đã có / already mapped' in done.stdout
    assert data["headers"]["Số hiệu CB"] == "cadres.cadre_id"
    commented = [line for line in done.stdout.splitlines() if line.startswith('# "')]
    # "Cao học" (master's) ties with other levels on spelling alone: it stays a comment,
    # with thac_si among the candidates a person chooses from
    unsure = [line for line in commented if line.startswith('# "Cao học" = ')]
    assert len(unsure) == 1 and "7 dòng/rows" in unsure[0], commented
    assert "thac_si" in unsure[0] and "chưa chắc / unsure" in unsure[0]
    assert "Cao học" not in data.get("values", {}).get("degrees.level", {})
    # names and birth dates never appear: only headers and coded values are written
    cadres = sample_roster().cadres
    assert not [n for n in cadres["full_name"].astype(str) if n in done.stdout]


# ------------------------------------------------------------------ plugins and merging


class LayoutPlugin:
    def __init__(self, *layouts: Layout) -> None:
        self.layouts = layouts

    @hookimpl
    def cadre_layouts(self) -> list[Layout]:
        return list(self.layouts)


def test_a_plugin_layout_reads_the_list(foreign: Path, layout_file: Path) -> None:
    shipped = read_layout(layout_file)
    with temporary_plugin(LayoutPlugin(shipped), name="tinh") as host:
        layouts = host.layouts()
    assert [lay.source for lay in layouts] == ["plugin tinh"]
    with pytest.raises(RosterError):
        read_roster(foreign)
    assert read_roster(foreign, layout=merge_layouts(layouts)) == sample_roster()


def test_two_plugins_that_disagree_are_named_and_the_file_settles_it() -> None:
    a = Layout("a", "", {"Mã NV": "cadres.cadre_id"}, {"degrees.level": {"CH": "thac_si"}}, {})
    b = Layout("b", "", {"mã  nv": "cadres.full_name"}, {}, {})
    with temporary_plugin(LayoutPlugin(a), name="alpha") as ha:
        la = ha.layouts()
    with temporary_plugin(LayoutPlugin(b), name="beta") as hb:
        lb = hb.layouts()
    with pytest.raises(LayoutError, match=r"plugin alpha and plugin beta disagree on headers"):
        merge_layouts([*la, *lb])
    file = Layout("f", "tinh.toml", {"Mã NV": "cadres.cadre_id"}, {}, {})
    merged = merge_layouts([*la, *lb], file)
    assert merged is not None
    assert merged.headers == {"mã nv": "cadres.cadre_id"}
    assert merged.values == {"degrees.level": {"ch": "thac_si"}}


def test_a_plugin_returning_something_else_is_named() -> None:
    from cadre_core import PluginError

    class Bad:
        @hookimpl
        def cadre_layouts(self) -> list[object]:
            return ["tinh.toml"]

    with temporary_plugin(Bad(), name="bad") as host, pytest.raises(PluginError, match="bad"):
        host.layouts()


_WORD = st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ ", min_size=1, max_size=12)


@settings(max_examples=60, deadline=None)
@given(
    st.dictionaries(_WORD.filter(str.strip), st.sampled_from(["cadres.cadre_id", "degrees.level"])),
    st.dictionaries(_WORD.filter(str.strip), st.sampled_from(["cadres.full_name", "theory.level"])),
)
def test_merging_keeps_every_mapping_and_the_file_wins(
    plugin: dict[str, str], file: dict[str, str]
) -> None:
    a = Layout("a", "plugin a", plugin, {}, {})
    f = Layout("f", "f.toml", file, {}, {})
    merged = merge_layouts([a], f)
    assert merged is not None
    assert merged.headers == {**a.headers, **f.headers}
    assert merge_layouts([a, a]) == Layout("a + a", "plugin a + plugin a", a.headers, {}, {})


def _variant(text: str, draw_case: list[bool], spaces: int) -> str:
    """``text`` with some letters' case flipped and its spaces widened or turned to line
    breaks: the same text key."""
    flipped = "".join(
        ch.swapcase() if draw_case[i % len(draw_case)] else ch for i, ch in enumerate(text)
    )
    return (" " * spaces) + flipped.replace(" ", [" ", "  ", "\n"][spaces % 3]) + " "


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.booleans(), min_size=1, max_size=8),
    st.integers(min_value=0, max_value=4),
    st.sampled_from(["Bậc đào tạo", "Trình độ CM", "TĐ chuyên môn"]),
    st.sampled_from(["Cao học", "ĐH hệ 4 năm", "Thạc sĩ QLKT"]),
)
def test_a_layout_matches_any_spelling_of_its_keys(
    case: list[bool], spaces: int, header: str, value: str
) -> None:
    """Headers and values are matched by text key, whatever the case and spacing on either
    side; the table read through the layout equals the canonical one."""
    from cadre_core.roster import RawTable, normalise_table
    from cadre_core.roster._layout import apply_layout

    degrees = sample_roster().degrees.astype(object).astype(str).replace("nan", "")
    foreign = degrees.assign(level=degrees["level"].replace({"thac_si": value}))
    foreign = foreign.rename(columns={"level": _variant(header, case, spaces)})
    layout = Layout(
        "t",
        "t.toml",
        {header: "degrees.level"},
        {"degrees.level": {_variant(value, case, 1): "thac_si"}},
        {},
    )
    rows = pd.Series(range(2, len(degrees) + 2))
    plain = RawTable("degrees", degrees.reset_index(drop=True), rows, "degrees.csv")
    mapped = RawTable("degrees", foreign.reset_index(drop=True), rows, "degrees.csv")
    want, problems = normalise_table(plain)
    assert not problems
    (read,) = apply_layout([mapped], layout)
    got, problems = normalise_table(read)
    assert not [p for p in problems if p.severity == "error"], problems[:1]
    pd.testing.assert_frame_equal(got, want)


def test_a_workbook_sheet_named_by_nothing_is_guessed_from_its_headers(tmp_path: Path) -> None:
    """A workbook whose cadres sheet is "Sheet1", under a title row, with a renamed header:
    the suggestion maps the sheet (by its headers) and the header; with it, it validates."""
    from openpyxl import load_workbook

    path = sample_roster().write(tmp_path / "xa.xlsx")
    book = load_workbook(path)
    sheet = book["cadres"]
    sheet.title = "Sheet1"
    sheet.insert_rows(1)
    sheet["A1"] = "DANH SÁCH CÁN BỘ"
    for cell in sheet[2]:
        if cell.value == "full_name":
            cell.value = "Họ và tên khai sinh"
    book.save(path)
    assert run("validate", str(path), env=WITH_TEMPLATE).returncode == 2
    profile = tmp_path / "goi-y.toml"
    done = run("validate", str(path), "--suggest-layout", "-o", str(profile), env=WITH_TEMPLATE)
    assert done.returncode == 0, done.stderr
    data = tomllib.loads(profile.read_text(encoding="utf-8"))
    assert data["sheets"] == {"Sheet1": "cadres"}
    assert data["headers"] == {"Họ và tên khai sinh": "cadres.full_name"}
    checked = run("validate", str(path), "--layout", str(profile))
    assert checked.returncode == 0, checked.stdout + checked.stderr
