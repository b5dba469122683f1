"""The command line through the real console script (cli-contract.md)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cadre_core import sample_roster

CADRE = str(Path(sys.executable).with_name("cadre"))
CONFORMANCE = Path(__file__).resolve().parents[2] / "shared" / "conformance"


def run(*args: str, **kw) -> subprocess.CompletedProcess[str]:
    return subprocess.run([CADRE, *args], capture_output=True, text=True, timeout=120, **kw)


@pytest.fixture(scope="module")
def sample_xlsx(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("sample") / "sample.xlsx"
    sample_roster().write(path)
    return path


def test_demo_prints_the_18_targets():
    out = run("demo")
    assert out.returncode == 0, out.stderr
    for i in (
        "1a",
        "1b",
        "2a",
        "2b",
        "2c",
        "2d",
        "3",
        "4a",
        "4b",
        "5a",
        "5b",
        "5c",
        "5d",
        "6a",
        "6b",
        "7a",
        "7b",
        "8",
    ):
        assert f"\nnq05.{i}\t" in out.stdout  # piped: one target per line
    assert "Xã Mường Than" in out.stdout
    assert "Traceback" not in out.stderr


def test_demo_in_english():
    out = run("demo", "--lang", "en")
    assert out.returncode == 0
    assert "\tnot met\t" in out.stdout and "Shortfall" in out.stdout
    assert "not_met" not in out.stdout  # the words, not the codes


def test_demo_says_where_the_details_are_and_writes_them(tmp_path: Path) -> None:
    """The table ends by saying how to see who falls short and why; ``cadre demo -o``
    then writes that report, in the format the file's suffix names."""
    out = run("demo")
    hint = "ghi báo cáo bằng --output bao-cao.html (hoặc .docx, .xlsx, .pdf)."
    assert out.stdout.splitlines()[-1].endswith(hint)
    html = tmp_path / "bao-cao.html"
    done = run("demo", "-o", str(html))
    assert done.returncode == 0, done.stderr
    page = html.read_text(encoding="utf-8")
    assert "Xã Mường Than" in page and "Lò Thị Hoài Thu" in page  # who falls short, by name
    assert done.stdout == ""  # the report went to the file, not a table to the screen
    as_json = tmp_path / "ket-qua.json"
    assert run("demo", "-o", str(as_json)).returncode == 0
    assert json.loads(as_json.read_text(encoding="utf-8"))["as_of"] == "2026-12-31"
    refused = run("demo", "--format", "json", "-o", str(tmp_path / "x.html"))
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert not (tmp_path / "x.html").exists()


def test_evaluate_json_is_byte_identical(sample_xlsx):
    a = run("evaluate", str(sample_xlsx), "--as-of", "2026-12-31", "--format", "json")
    b = run("evaluate", str(sample_xlsx), "--as-of", "2026-12-31", "--format", "json")
    assert a.returncode == 0, a.stderr
    assert a.stdout == b.stdout
    doc = json.loads(a.stdout)
    assert doc["as_of"] == "2026-12-31"
    assert len(doc["communes"]) == 1


def test_json_is_the_default_when_not_a_terminal(sample_xlsx):
    out = run("evaluate", str(sample_xlsx), "--as-of", "2026-06-30")
    assert json.loads(out.stdout)["as_of"] == "2026-06-30"


def test_plugin_selection_and_unknown_plugin(sample_xlsx):
    out = run("evaluate", str(sample_xlsx), "--plugin", "laichau", "--format", "json")
    ids = [t["id"] for t in json.loads(out.stdout)["communes"][0]["targets"]]
    assert len(ids) == 18 and all(i.startswith("nq05.") for i in ids)
    bad = run("evaluate", str(sample_xlsx), "--plugin", "nowhere")
    assert bad.returncode == 2
    assert "nowhere" in bad.stderr and "Traceback" not in bad.stderr


def test_fail_on_not_met_exits_3(sample_xlsx):
    out = run("evaluate", str(sample_xlsx), "--format", "json", "--fail-on", "not-met")
    assert out.returncode == 3


@pytest.mark.parametrize(
    "args",
    [
        ("evaluate", "missing-file.xlsx"),
        ("evaluate", "SAMPLE", "--as-of", "31/02/2026"),
        ("evaluate", "SAMPLE", "--as-of", "2026-12"),
        ("evaluate", "SAMPLE", "--format", "pdf"),
        ("evaluate", "SAMPLE", "--params", "no-such.toml"),
        ("validate", "missing-folder"),
    ],
)
def test_bad_input_exits_2_without_traceback(args, sample_xlsx):
    args = tuple(str(sample_xlsx) if a == "SAMPLE" else a for a in args)
    out = run(*args)
    assert out.returncode == 2, (out.stdout, out.stderr)
    assert "Traceback" not in out.stderr + out.stdout
    assert out.stderr.strip()


def test_as_of_day_first_is_the_same_day(sample_xlsx):
    """Rosters accept 31/12/2026; so does --as-of, and it means 2026-12-31."""
    iso = run("evaluate", str(sample_xlsx), "--format", "json", "--as-of", "2026-12-31")
    vn = run("evaluate", str(sample_xlsx), "--format", "json", "--as-of", "31/12/2026")
    assert iso.returncode == vn.returncode == 0, vn.stderr
    assert json.loads(vn.stdout)["as_of"] == "2026-12-31"
    assert vn.stdout == iso.stdout


def test_bad_params_file_exits_2(sample_xlsx, tmp_path):
    f = tmp_path / "bad.toml"
    f.write_text("[nq05.5a]\nthreshold = 0.75\n", encoding="utf-8")  # a float is refused
    out = run("evaluate", str(sample_xlsx), "--params", str(f))
    assert out.returncode == 2
    assert "nq05.5a.threshold" in out.stderr
    f.write_text("unknown_key = 1\n", encoding="utf-8")
    out = run("evaluate", str(sample_xlsx), "--params", str(f))
    assert out.returncode == 2 and "unknown_key" in out.stderr


def test_params_file_overrides(sample_xlsx, tmp_path):
    f = tmp_path / "local.toml"
    f.write_text('"nq05.5a.threshold" = "1/3"\n', encoding="utf-8")
    out = run("evaluate", str(sample_xlsx), "--params", str(f), "--format", "json")
    doc = json.loads(out.stdout)
    t = next(t for t in doc["communes"][0]["targets"] if t["id"] == "nq05.5a")
    assert t["rule"] == {"op": ">=", "value": "1/3"}
    assert doc["parameters"]["nq05.5a.threshold"]["from"] == f"file {f}"


def test_by_commune_gives_one_entry_per_commune(sample_xlsx):
    out = run("evaluate", str(sample_xlsx), "--by", "commune", "--format", "json")
    doc = json.loads(out.stdout)
    assert [c["commune"] for c in doc["communes"]] == ["Xã Mường Than"]


def test_plugins_lists_versions_targets_parameters_hooks():
    out = run("plugins", "--format", "json")
    assert out.returncode == 0, out.stderr
    data = {p["name"]: p for p in json.loads(out.stdout)["plugins"]}
    assert data["laichau"]["version"] == "0.1.0"
    assert "nq05.5a" in data["laichau"]["targets"]
    assert "plan_start" in data["laichau"]["parameters"]
    assert "cadre_targets" in data["laichau"]["hooks"]
    assert "equipment_norm" in data["cadre"]["parameters"]
    table = run("plugins")
    assert table.returncode == 0 and "laichau" in table.stdout


def test_validate_ok_prints_row_counts(sample_xlsx):
    out = run("validate", str(sample_xlsx))
    assert out.returncode == 0
    assert "\nCán bộ\t43\n" in out.stdout  # the table by its Vietnamese name


@pytest.mark.skipif(not CONFORMANCE.exists(), reason="shared conformance cases not present")
@pytest.mark.parametrize(
    "case", sorted(p.name for p in CONFORMANCE.iterdir()) if CONFORMANCE.exists() else []
)
@pytest.mark.parametrize("form", ["roster_clean.xlsx", "roster_messy.xlsx", "csv"])
def test_conformance_cases(case, form):
    folder = CONFORMANCE / case
    for expected_file in sorted(folder.glob("expected_*.json")):
        as_of = expected_file.stem.removeprefix("expected_")
        expected = json.loads(expected_file.read_text())
        out = run("evaluate", str(folder / form), "--as-of", as_of, "--format", "json")
        assert out.returncode == 0, out.stderr
        got = json.loads(out.stdout)["communes"][0]
        by_id = {t["id"]: t for t in got["targets"]}
        for want in expected["targets"]:
            g = by_id[want["id"]]
            for key in (
                "population",
                "satisfied",
                "required",
                "shortfall",
                "status",
                "attainable",
                "overdue",
                "failing",
            ):
                assert g[key] == want[key], (case, form, as_of, want["id"], key)
        assert got["unrated"] == expected["unrated"]
