"""A personal record's "none held" written under a level ("Lý luận chính trị: Không",
"Trình độ chuyên môn cao nhất: Không", "Quản lý nhà nước: Chưa có"), read through the
real ``cadre`` command, as a list's cell of the same words is read.

The optional levels (state management, a foreign language, IT) are blank when written as
none held, in a record as in a list. Under a theory level or a degree, a list refuses the
same words on purpose, with the note to leave the cell blank; a record says the same. This
pins that the two agree: the record does not differ from a list.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from list_files import run, sheet
from test_personal_records import AN, write_record

_NONE = ["Không", "Chưa có", "Chưa qua đào tạo"]


def _problems(path: Path) -> tuple[int, list[dict[str, Any]]]:
    out = run("validate", str(path), "--format", "json", "--list-date", "31/12/2025")
    assert "Traceback" not in out.stderr
    return out.returncode, [p for p in json.loads(out.stdout)["problems"]
                            if p["severity"] == "error"]  # fmt: skip


def _said(problems: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return sorted((p["table"], p["args"]["note_key"]) for p in problems)


@pytest.mark.parametrize("none", _NONE)
def test_a_record_and_a_list_read_none_held_alike(tmp_path: Path, none: str) -> None:
    """Before (as the brief had it): a record's "Lý luận chính trị: Không" was thought to
    be refused where a list's "Không" is read as none. Both refuse it, with the same note,
    under a theory level and a degree; both read it as blank under state management."""
    record = write_record(tmp_path / "an.docx", {**AN, "theory": none, "degree": none})
    rc, in_record = _problems(record)
    rows = [["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Trình độ chuyên môn",
             "Lý luận chính trị", "Quản lý nhà nước"],
            [1, "Lò Văn An", "12/05/1975", "Nam", "Bí thư Đảng ủy xã", none, none, none]]  # fmt: skip
    rc_list, in_list = _problems(sheet(tmp_path / "ds.xlsx", rows))
    assert (rc, rc_list) == (2, 2)
    assert _said(in_record) == _said(in_list) == [("degrees", "no_degree"), ("theory", "no_level")]
    assert not [p for p in in_record + in_list if "Quản lý nhà nước" in p["column"]]
