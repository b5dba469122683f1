"""Double-encoded UTF-8 ("Nguyá»…n": UTF-8 bytes read as Windows-1252) is damage, found in
every text column and treated like legacy TCVN3/VNI text: an error by default that names
the damage (with an example outside personal columns), repaired by ``--legacy-text
convert``. Through the real ``cadre`` command, and on the distinct values as a property.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cadre_core import sample_roster
from cadre_core.vocab._mojibake import fix_double_encoded

CADRE = str(Path(sys.executable).with_name("cadre"))
REAL = Path(__file__).resolve().parents[2] / "shared" / "realworld" / "spellings.csv"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "250", "NO_COLOR": "1"}
    return subprocess.run([CADRE, *args], capture_output=True, text=True, timeout=300, env=env)


def _damage(text: str) -> str:
    """What an export does to ``text``: its UTF-8 bytes read one per character (cp1252,
    bytes cp1252 leaves undefined read as latin-1)."""
    return "".join(
        bytes([b]).decode("cp1252") if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else chr(b)
        for b in text.encode("utf-8")
    )


@pytest.fixture(scope="module")
def damaged(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample commune as CSV with a double-encoded name, agency name and degree level."""
    folder = sample_roster().write(tmp_path_factory.mktemp("moji") / "roster")
    cadres = pd.read_csv(folder / "cadres.csv", dtype=str, keep_default_na=False)
    cadres.loc[0, "full_name"] = _damage("Nguyễn Thị Kim")
    cadres.to_csv(folder / "cadres.csv", index=False)
    agencies = pd.read_csv(folder / "agencies.csv", dtype=str, keep_default_na=False)
    agencies.loc[0, "name"] = _damage("Phòng Tổ chức cán bộ")
    agencies.to_csv(folder / "agencies.csv", index=False)
    degrees = pd.read_csv(folder / "degrees.csv", dtype=str, keep_default_na=False)
    degrees.loc[0, "level"] = _damage("Thạc sĩ")
    degrees.to_csv(folder / "degrees.csv", index=False)
    return folder


def test_damage_helper_gives_the_real_form() -> None:
    assert _damage("Nguyễn Thị Kim") == "Nguyá»…n Thá»‹ Kim"
    assert _damage("Đại học") == "Ä\x90áº¡i há»\x8dc"


def test_validate_names_the_damage_in_every_text_column(damaged: Path) -> None:
    """Free-text columns too (names, agency names): an error per damaged cell naming file,
    table, row and column, exit 2, no traceback; the personal column is never quoted."""
    done = run("validate", str(damaged))
    assert done.returncode == 2, done.stdout
    assert "Traceback" not in done.stderr
    err = " ".join(done.stderr.split())
    assert err.count("mã hóa UTF-8 hai lần") == 3  # said in Vietnamese, the default
    for table, row, column in (
        ("cadres (Cán bộ)", 2, "full_name (Họ và tên)"),
        ("agencies (Cơ quan, đơn vị)", 2, "name"),
    ):
        assert f"\t{table}\t{row}\t{column}" in done.stderr  # one problem per line
    said = f"\tdegrees (Bằng cấp chuyên môn)\t2\tlevel (Trình độ)\t{_damage('Thạc sĩ')!r}\t"
    assert said in done.stderr
    assert "được đọc là 'Thạc sĩ'" in err  # what a coded cell reads as
    assert "Nguyễn" not in err and "Nguy" not in err  # personal data never quoted


def test_skip_invalid_sets_the_damaged_cells_aside_and_lists_them(damaged: Path) -> None:
    done = run(
        "evaluate", str(damaged), "--as-of", "2026-12-31", "--skip-invalid", "--format", "json"
    )
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    listed = {
        (s["table"], s["row"], s["scope"])
        for s in doc["skipped"]
        if "double-encoded UTF-8" in s["expected"]
    }
    # the name is required (its row is set aside); the agency's name is optional (the
    # cell is set aside, the agency kept); the degree's level is required (its row)
    assert listed == {("cadres", 2, "row"), ("agencies", 2, "cell"), ("degrees", 2, "row")}


def test_convert_repairs_it(damaged: Path) -> None:
    done = run(
        "evaluate", str(damaged), "--as-of", "2026-12-31", "--legacy-text", "convert",
        "--format", "json",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert doc["communes"] and not doc["skipped"]
    import cadre_core

    roster = cadre_core.read_roster(damaged, legacy="convert")
    assert roster.cadres.loc[0, "full_name"] == "Nguyễn Thị Kim"
    assert roster.agencies.loc[0, "name"] == "Phòng Tổ chức cán bộ"
    assert roster.degrees.loc[0, "level"] == "thac_si"
    warnings = [p for p in roster.problems if p.scope == "encoding"]
    assert len(warnings) == 3 and all(p.severity == "warning" for p in warnings)


@pytest.mark.skipif(not REAL.exists(), reason="the real-world kit is not beside the checkout")
def test_every_real_example_is_repaired() -> None:
    """The 'encoding damage' spellings found in real exports are each found and repaired
    to the text their note names."""
    real = pd.read_csv(REAL, dtype=str, keep_default_na=False)
    real = real[real["category"] == "encoding"]
    assert len(real) >= 10
    fixed, damaged = fix_double_encoded(real["spelling"])
    assert set(damaged) == set(real["spelling"])
    wanted = real["note"].str.extract(r"of '(.*)'$")[0]
    known = wanted.notna()
    assert (fixed[known] == wanted[known]).all()


VIETNAMESE = st.text(
    alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ ĐĂÂÔƠƯ",
    min_size=1,
    max_size=30,
)


@settings(max_examples=200, deadline=None)
@given(texts=st.lists(VIETNAMESE, min_size=1, max_size=8))
def test_sound_text_is_never_touched_and_damage_is_undone(texts: list[str]) -> None:
    """Correct Vietnamese is left alone; the same column double-encoded (with one value
    that shows the damage plainly, as a real column of names does) is repaired whole."""
    sound = pd.Series([*texts, "Nguyễn Thị Kim"], dtype=object)
    same, damaged = fix_double_encoded(sound)
    assert not damaged and same.tolist() == sound.tolist()
    bad = pd.Series([_damage(t) for t in sound], dtype=object)
    repaired, found = fix_double_encoded(bad)
    assert found
    assert repaired.tolist() == sound.tolist()
