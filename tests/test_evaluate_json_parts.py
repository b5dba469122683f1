"""``cadre evaluate -o out.json`` writes one day's document in the parts it is assembled
from (the national document, about 100 MB, is never copied into one buffer): the file is
byte for byte the document, and a write that fails leaves no
file and no temporary file behind."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cadre_core
from cadre_core.engine import _json
from cadre_core.engine._documents import evaluations_json, evaluations_json_parts
from cadre_core.vocab._files import write_atomic

CADRE = str(Path(sys.executable).with_name("cadre"))
SAMPLE = Path(cadre_core.__file__).parent / "data" / "sample_commune"


def test_the_written_document_is_the_document(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    done = subprocess.run(
        [CADRE, "evaluate", str(SAMPLE), "--as-of", "2026-12-31", "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    data = out.read_bytes()
    # whole, each part once, in order: the standard library's text of what it holds
    doc = json.loads(data)
    assert data == (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    assert doc["communes"][0]["targets"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


def test_parts_join_into_the_bytes() -> None:
    doc = {"a": 1.5e-05, "communes": [{"x": "Lò Văn Ă", "y": [], "z": None}], "b": "\u2028"}
    parts = _json.dumps_parts(doc, fast="communes", end="\n")
    assert len(parts) == 3
    assert b"".join(parts) == _json.dumps_bytes(doc, fast="communes", end="\n")
    assert b"".join(parts) == (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode()


def test_write_atomic_writes_parts_in_order(tmp_path: Path) -> None:
    out = write_atomic(tmp_path / "x.json", [b"{", memoryview(b'"a": 1'), b"}\n"])
    assert out.read_bytes() == b'{"a": 1}\n'


def test_a_failing_part_leaves_nothing(tmp_path: Path) -> None:
    class Broken(list[bytes]):
        def __iter__(self) -> Iterator[bytes]:
            yield b"{"
            raise OSError("disk full")

    target = tmp_path / "x.json"
    target.write_bytes(b"before")
    with pytest.raises(OSError, match="disk full"):
        write_atomic(target, Broken())
    assert target.read_bytes() == b"before"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.json"]


_DAYS = ("2025-12-31", "2026-06-30", "2026-12-31", "2030-12-31")
_EVALUATED: dict[str, cadre_core.Evaluation] = {}


def _evaluated(day: str) -> cadre_core.Evaluation:
    if day not in _EVALUATED:
        _EVALUATED[day] = cadre_core.evaluate(cadre_core.sample_roster(), day)
    return _EVALUATED[day]


@settings(max_examples=10, deadline=None)
@given(
    days=st.lists(st.sampled_from(_DAYS), min_size=1, max_size=4, unique=True),
    lang=st.sampled_from(["vi", "en"]),
)
def test_the_days_are_written_one_at_a_time_as_the_whole_document(
    days: list[str], lang: str
) -> None:
    """Several days' document, made one day at a time, is the standard library's text of
    the whole document (one day: that day's own document)."""
    evs = [_evaluated(d) for d in sorted(days)]
    parts = list(evaluations_json_parts(evs, lang))
    if len(evs) == 1:
        doc: dict[str, object] = evs[0].to_dict(lang)
    else:
        doc = {
            "schema_version": cadre_core.SCHEMA_VERSION,
            "days": sorted(days),
            "evaluations": [ev.to_dict(lang) for ev in evs],
        }
    expected = (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    assert b"".join(parts) == expected
    assert evaluations_json(evs, lang) == expected


def test_a_trend_written_to_a_file_is_the_trend_on_standard_output(tmp_path: Path) -> None:
    out = tmp_path / "trend.json"
    days = ["--as-of", "2026-06-30", "--as-of", "2026-12-31"]
    args = [CADRE, "evaluate", str(SAMPLE), *days, "--format", "json"]
    to_file = subprocess.run([*args, "-o", str(out)], capture_output=True, timeout=120)
    assert to_file.returncode == 0, to_file.stderr
    shown = subprocess.run(args, capture_output=True, timeout=120)
    assert shown.returncode == 0, shown.stderr
    assert out.read_bytes() == shown.stdout
    assert [e["as_of"] for e in json.loads(shown.stdout)["evaluations"]] == [
        "2026-06-30",
        "2026-12-31",
    ]
