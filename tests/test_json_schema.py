"""The published JSON Schemas: valid, described, in step with the code, and followed.

Every JSON document the rest of the suite produces is checked where it is made (see
``tests/conftest.py``); the tests here check the schemas themselves, that the checking is
in place, and evaluations and plans this file makes on purpose: the sample on several
days, the shared conformance cases in each form, both engines, parameters from each
origin, plans. ``cadre schema`` runs through the real console script.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any, get_args

import jsonschema
import pytest

import cadre_core
from cadre_core import evaluate, read_roster, sample_roster
from cadre_core.engine import (
    SCHEMA_VERSION,
    STATUSES,
    json_schema,
    schema_errors,
    schema_for,
    schema_names,
    schema_text,
)
from cadre_core.engine._schema import ID_PREFIX
from cadre_core.findings._finding import Severity, SubjectKind
from cadre_core.planner._catalogue import KINDS as PROGRAMME_KINDS
from cadre_core.planner._catalogue import FieldRule
from cadre_core.planner._result import NeedKind
from cadre_core.targets._rule import OPS
from cadre_core.targets._target import LEFT_OUT_REASONS, UNITS
from cadre_core.vocab._labels import label

ROOT = Path(__file__).resolve().parents[1]
CADRE = str(Path(sys.executable).with_name("cadre"))
CONFORMANCE = Path(__file__).resolve().parents[2] / "shared" / "conformance"
SCHEMA_DIR = ROOT / "src" / "cadre_core" / "data" / "schema"


def run(*args: str, **kw: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run([CADRE, *args], capture_output=True, text=True, timeout=120, **kw)


def subschemas(node: Any, path: str = "$") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every schema describing a value: properties, items, additionalProperties, $defs."""
    if not isinstance(node, dict):
        return
    for key, sub in node.get("properties", {}).items():
        yield f"{path}.{key}", sub
        yield from subschemas(sub, f"{path}.{key}")
    for key in ("items", "additionalProperties"):
        if isinstance(node.get(key), dict):
            yield f"{path}/{key}", node[key]
            yield from subschemas(node[key], f"{path}/{key}")
    for key, sub in node.get("$defs", {}).items():
        yield f"{path}/$defs/{key}", sub
        yield from subschemas(sub, f"{path}/$defs/{key}")


def enum_at(schema: dict[str, Any], *path: str) -> list[Any]:
    node: Any = schema
    for part in path:
        node = node["items"] if part == "[]" else node["properties"][part]
    return list(node["enum"])


def assert_valid(doc: dict[str, Any]) -> None:
    """``doc`` follows its schema strictly, and its JSON text does too."""
    name = schema_for(doc)
    assert name is not None
    assert schema_errors(doc, name, strict=True) == []
    assert doc["schema_version"] == SCHEMA_VERSION
    assert next(iter(doc)) == "schema_version", "schema_version comes first"


# ----------------------------------------------------------------------- the schemas
def test_the_published_schemas_are_the_files_shipped() -> None:
    assert schema_names() == ("evaluation", "evaluations", "forms", "plan", "plugins", "validation")
    assert sorted(p.name for p in SCHEMA_DIR.glob("*.schema.json")) == [
        f"{n}.schema.json" for n in schema_names()
    ]


@pytest.mark.parametrize("name", schema_names())
def test_schema_is_valid_draft_2020_12_with_a_versioned_id(name: str) -> None:
    schema = json_schema(name)
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator.check_schema(json_schema(name, strict=True))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    major = SCHEMA_VERSION.split(".")[0]
    assert schema["$id"] == f"{ID_PREFIX}{name}:{major}"
    assert schema["title"] and schema["description"]
    version = schema["properties"]["schema_version"]
    assert "schema_version" in schema["required"]
    assert jsonschema.Draft202012Validator(version).is_valid(SCHEMA_VERSION)
    assert json.loads(schema_text(name)) == schema


@pytest.mark.parametrize("name", schema_names())
def test_every_value_the_schema_describes_has_a_description(name: str) -> None:
    """A ``$ref`` takes the description of what it refers to (``$defs`` are described)."""
    found = list(subschemas(json_schema(name)))
    assert found
    assert [p for p, sub in found if not sub.get("description") and "$ref" not in sub] == []


def test_strict_schemas_close_every_object_that_lists_its_keys() -> None:
    strict = json_schema("evaluation", strict=True)
    assert strict["additionalProperties"] is False
    assert strict["$defs"]["problem"]["additionalProperties"] is False
    # keyed objects stay open to any key, their values are described
    assert isinstance(strict["properties"]["parameters"]["additionalProperties"], dict)
    assert "additionalProperties" not in json_schema("evaluation")


def test_enums_equal_the_codes_constants() -> None:
    ev = json_schema("evaluation")
    target = ("communes", "[]", "targets", "[]")
    finding = ("communes", "[]", "findings", "[]")
    assert enum_at(ev, *target, "status") == list(STATUSES)
    assert enum_at(ev, *target, "unit") == list(UNITS)
    assert enum_at(ev, *target, "rule", "op") == list(OPS)
    assert enum_at(ev, *target, "reason") == [
        "no_data",
        "fields_unknown",
        "holder_set_aside",
        "level_unknown",
    ]
    assert enum_at(ev, *target, "reason")[1:] == list(LEFT_OUT_REASONS)
    assert enum_at(ev, *target, "left_out_reason") == list(LEFT_OUT_REASONS)
    assert enum_at(ev, *finding, "severity") == list(get_args(Severity))
    assert enum_at(ev, *finding, "subject_kind") == list(get_args(SubjectKind))
    plan = json_schema("plan")
    assert enum_at(plan, "projections", "[]", "status_before") == list(STATUSES)
    assert enum_at(plan, "projections", "[]", "status_after") == list(STATUSES)
    assert enum_at(plan, "projections", "[]", "unit") == list(UNITS)
    assert enum_at(plan, "needs", "[]", "kind") == list(get_args(NeedKind))
    assert enum_at(plan, "catalogue", "[]", "kind") == list(PROGRAMME_KINDS)
    assert enum_at(plan, "catalogue", "[]", "field") == [*get_args(FieldRule), None]


def test_the_contracts_keys_are_required() -> None:
    """The keys cli-contract.md lists are in every document (required by the schema)."""
    ev = json_schema("evaluation")
    assert {"as_of", "plugins", "communes"} <= set(ev["required"])
    target = ev["properties"]["communes"]["items"]["properties"]["targets"]["items"]
    contract = {"id", "title", "source", "unit", "population", "satisfied", "required"}
    contract |= {"shortfall", "rule", "status", "attainable", "deadline", "overdue", "failing"}
    assert contract <= set(target["required"])
    assert "failed_plugins" not in ev["required"], "optional until every writer has it"


# ------------------------------------------------------------------ documents follow
@pytest.mark.parametrize(
    "day", ["2025-06-30", "2026-06-30", "2026-12-31", "2030-12-31", "2031-01-01"]
)
@pytest.mark.parametrize("by_commune", [False, True])
def test_sample_evaluations_follow_the_schema(day: str, by_commune: bool) -> None:
    ev = evaluate(sample_roster(), day, by_commune=by_commune)
    assert_valid(ev.to_dict())
    assert_valid(json.loads(ev.to_json()))


def _conformance_inputs() -> list[tuple[Path, str]]:
    if not CONFORMANCE.exists():
        return []
    out = []
    for case in sorted(p for p in CONFORMANCE.iterdir() if p.is_dir()):
        for expected in sorted(case.glob("expected_*.json")):
            day = expected.stem.removeprefix("expected_")
            out += [
                (case / form, day) for form in ("roster_clean.xlsx", "roster_messy.xlsx", "csv")
            ]
    return out


@pytest.mark.skipif(not CONFORMANCE.exists(), reason="shared conformance cases not present")
@pytest.mark.parametrize(
    ("source", "day"), _conformance_inputs(), ids=lambda x: x.name if isinstance(x, Path) else x
)
def test_conformance_evaluations_follow_the_schema(source: Path, day: str) -> None:
    ev = evaluate(read_roster(source), day)
    assert_valid(ev.to_dict())


def test_parameter_origins_follow_the_schema(tmp_path: Path) -> None:
    params = tmp_path / "local.toml"
    params.write_text('"tpl.5a.threshold" = "2/3"\n', encoding="utf-8")
    ev = evaluate(
        sample_roster(),
        "2026-12-31",
        plugins=["province_template"],
        params_file=str(params),
        params={"tpl.7b.deadline": "2027-12-31"},
    )
    doc = ev.to_dict()
    assert_valid(doc)
    origins = {v["from"] for v in doc["parameters"].values()}
    assert {f"file {params}", "argument", "plugin province_template"} <= origins


def test_the_dask_engine_writes_the_same_kind_of_document() -> None:
    pytest.importorskip("dask")
    from cadre_core.engine import evaluate_dask

    ev = evaluate_dask(sample_roster(), dt.date(2026, 12, 31), npartitions=1)
    assert_valid(ev.to_dict())


@pytest.mark.parametrize("day", ["2026-12-31", "2028-06-30"])
def test_plans_follow_the_schema(day: str) -> None:
    from cadre_core.planner import plan

    doc = plan(sample_roster(), as_of=day, plugins=["laichau"]).to_dict()
    assert_valid(doc)
    assert_valid(json.loads(json.dumps(doc)))


# -------------------------------------------------------------- what the schema refuses
def test_an_undocumented_key_is_refused_only_by_the_strict_schema() -> None:
    doc = evaluate(sample_roster(), "2026-12-31").to_dict()
    doc["communes"][0]["targets"][0]["new_key"] = 1
    assert schema_errors(doc) == []
    assert schema_errors(doc, strict=True) == [
        "$.communes[0].targets[0]: Additional properties are not allowed ('new_key' was unexpected)"
    ]


def test_failed_plugins_is_optional_and_described() -> None:
    doc = evaluate(sample_roster(), "2026-12-31").to_dict()
    doc["failed_plugins"] = [
        {"plugin": "broken", "hook": "cadre_targets", "target": None, "message": "boom"},
        {"plugin": "other", "hook": None, "target": "x.1", "message": "boom"},
    ]
    assert schema_errors(doc, strict=True) == []
    doc["failed_plugins"][0].pop("target")
    assert schema_errors(doc, strict=True) == [
        "$.failed_plugins[0]: 'target' is a required property"
    ]


def test_invalid_values_are_named_by_their_json_path() -> None:
    doc = evaluate(sample_roster(), "2026-12-31").to_dict()
    doc["as_of"] = "2026-02-30"
    doc["communes"][0]["targets"][1]["rule"]["op"] = "=="
    doc["parameters"]["nq05.5a.threshold"]["from"] = "somewhere"
    del doc["schema_version"]
    assert schema_errors(doc, "evaluation") == [
        "$: 'schema_version' is a required property",
        "$.as_of: '2026-02-30' is not a 'date'",
        "$.communes[0].targets[1].rule.op: '==' is not one of ['all', '>=', '>', 'any']",
        "$.parameters['nq05.5a.threshold'].from: 'somewhere' does not match "
        "'^(plugin .+|file .+|argument)$'",
    ]
    assert schema_for(doc) is None


def test_the_suite_checks_every_document_it_makes(json_documents: Any) -> None:
    """The wrappers of conftest.py are in place: a run of the console script and an
    evaluation built here are both checked, and a bad document fails."""
    before = json_documents.checked
    assert run("demo", "--format", "json").returncode == 0
    assert json_documents.checked == before + 1
    evaluate(sample_roster(), "2026-12-31").to_dict()
    assert json_documents.checked == before + 2
    bad = {"schema_version": SCHEMA_VERSION, **evaluate(sample_roster(), "2026-12-31").to_dict()}
    bad["communes"][0]["targets"][0]["status"] = "done"
    with pytest.raises(AssertionError, match=r"\$\.communes\[0\]\.targets\[0\]\.status"):
        json_documents.check(bad, "a test")


# --------------------------------------------------------------------- docs/json.md
def _json_reference() -> ModuleType:
    path = ROOT / "docs" / "json_reference.py"
    spec = importlib.util.spec_from_file_location("json_reference", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_docs_json_md_is_generated_from_the_schemas() -> None:
    ref = _json_reference()
    text = (ROOT / "docs" / "json.md").read_text(encoding="utf-8")
    assert ref.update(text) == text, (
        "docs/json.md is stale: regenerate it with `python docs/json_reference.py`"
    )


@pytest.mark.parametrize("name", schema_names())
def test_docs_json_md_lists_every_key_and_value(name: str) -> None:
    text = (ROOT / "docs" / "json.md").read_text(encoding="utf-8")
    for path, _, _, description in _json_reference().rows(json_schema(name)):
        assert f"| `{path}` |" in text
        assert description
    for status in STATUSES:
        assert f'`"{status}"`' in text
    if name == "evaluation":
        for key in ("targets[].attainable`", "targets[].overdue`", "parameters.<key>.from`"):
            assert key in text


# ------------------------------------------------------------------ cadre schema (CLI)
def test_cadre_schema_lists_the_schemas() -> None:
    out = run("schema", "--list", "--lang", "en")
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == [
        f"{n}\t{json_schema(n)['$id']}\t{json_schema(n)['title']}" for n in schema_names()
    ]
    vi = run("schema", "--list", "--lang", "vi")  # each schema said in Vietnamese
    assert vi.returncode == 0, vi.stderr
    assert vi.stdout.splitlines() == [
        f"{n}\t{json_schema(n)['$id']}\t{label(f'cli_schema_title_{n}', 'vi')}"
        for n in schema_names()
    ]


def test_cadre_schema_prints_the_shipped_file() -> None:
    out = run("schema")
    assert out.returncode == 0, out.stderr
    assert out.stdout == (SCHEMA_DIR / "evaluation.schema.json").read_text(encoding="utf-8")
    assert run("schema").stdout == out.stdout


def test_cadre_schema_writes_a_named_schema(tmp_path: Path) -> None:
    target = tmp_path / "plan.schema.json"
    out = run("schema", "plan", "-o", str(target))
    assert out.returncode == 0, out.stderr
    assert json.loads(target.read_text(encoding="utf-8")) == json_schema("plan")


def test_cadre_schema_check_accepts_what_cadre_writes(tmp_path: Path) -> None:
    ev = tmp_path / "ev.json"
    assert run("demo", "--format", "json").returncode == 0
    ev.write_text(run("demo", "--format", "json").stdout, encoding="utf-8")
    out = run("schema", "--check", str(ev), "--strict")
    assert out.returncode == 0, out.stderr
    assert "đúng lược đồ evaluation" in out.stdout
    piped = run("schema", "evaluation", "--check", "-", input=ev.read_text(encoding="utf-8"))
    assert piped.returncode == 0, piped.stderr


def test_cadre_schema_check_names_the_json_path_of_errors(tmp_path: Path) -> None:
    doc = json.loads(run("demo", "--format", "json").stdout)
    doc["communes"][0]["targets"][2]["status"] = "done"
    doc["extra"] = True
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    out = run("schema", "--check", str(bad))
    assert out.returncode == 2
    assert "$.communes[0].targets[2].status: 'done' is not one of" in out.stderr
    assert "Traceback" not in out.stderr
    strict = run("schema", "--check", str(bad), "--strict")
    assert strict.returncode == 2 and "'extra' was unexpected" in strict.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("nope",), "không có lược đồ 'nope': các lược đồ là evaluation, evaluations, forms, plan"),
        (("--check", "missing.json"), "missing.json: không đọc được"),
        (("--check", "-"), "-: không phải là JSON"),
        (("--check", "-", "--strict"), "-: không phải là JSON"),
    ],
)
def test_cadre_schema_refuses_bad_input(args: tuple[str, ...], message: str) -> None:
    out = run("schema", *args, input="{oops")
    assert out.returncode == 2
    assert message in out.stderr
    assert "Traceback" not in out.stderr


def test_cadre_schema_check_wants_a_name_for_unknown_documents() -> None:
    out = run("schema", "--check", "-", input='{"as_of": "2026-12-31"}')
    assert out.returncode == 2
    assert "hãy ghi tên lược đồ" in out.stderr
    plan_doc = run("schema", "plan", "--check", "-", input='{"as_of": "2026-12-31"}')
    assert (
        plan_doc.returncode == 2 and "$: 'all_feasible' is a required property" in plan_doc.stderr
    )


def test_json_output_of_evaluate_and_plan_states_its_version(tmp_path: Path) -> None:
    roster = ROOT / "src" / "cadre_core" / "data" / "sample_commune"
    ev = run("evaluate", str(roster), "--as-of", "2026-12-31", "--format", "json")
    assert ev.returncode == 0, ev.stderr
    assert ev.stdout.startswith('{\n  "schema_version": "1.0",\n')
    out = tmp_path / "plan.json"
    pl = run("plan", str(roster), "--as-of", "2026-12-31", "--format", "json", "-o", str(out))
    assert pl.returncode == 0, pl.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["schema_version"] == SCHEMA_VERSION
    assert cadre_core.SCHEMA_VERSION == SCHEMA_VERSION


def test_the_plugins_listing_follows_its_schema_strictly() -> None:
    from cadre_core.engine._documents import listing
    from cadre_core.plugins._host import PluginHost
    from cadre_core.plugins._loading import make_plugin_manager

    doc = json.loads(json.dumps(listing(PluginHost(make_plugin_manager(keep_going=True)))))
    assert schema_for(doc) == "plugins"
    assert schema_errors(doc, "plugins", strict=True) == []
