"""The national findings receive the responsible bodies, print words (never codes) and cite
national law; a province adds its plan's clauses through a parameter."""

from __future__ import annotations

import ast
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

import cadre_core
from cadre_core import evaluate, hookimpl, sample_roster
from cadre_core.features._frame import Features
from cadre_core.findings._finding import Finding
from cadre_core.plugins._host import PluginHost, make_plugin_manager

END = "2026-12-31"
RENAMED = "Ủy ban nhân dân xã (đổi tên)"


class _Renamer:
    @staticmethod
    @hookimpl
    def cadre_responsible_bodies() -> Mapping[str, str]:
        return {"government": RENAMED}


class _Listener:
    """A plugin that reads the merged bodies (the hook's ``bodies`` argument)."""

    @staticmethod
    @hookimpl
    def cadre_findings(
        features: Features, params: Mapping[str, object], bodies: Mapping[str, str]
    ) -> Sequence[Finding]:
        return [
            Finding(
                "demo.bodies",
                "info",
                "commune",
                "X",
                "thử",
                "check",
                "QĐ demo",
                bodies["government"],
            )
        ]


def _host(*plugins: tuple[str, object]) -> PluginHost:
    return PluginHost(make_plugin_manager(entry_points=False, extra=list(plugins)))


def test_a_renamed_body_reaches_the_findings_of_its_bloc() -> None:
    ev = evaluate(sample_roster(), END, host=_host(("renamer", _Renamer())))
    assert ev.bodies["government"] == RENAMED
    found = ev.communes[0].findings
    vacancy = {f.subject: f for f in found if f.rule == "national.vacancy"}
    assert vacancy["PKT-XD"].body == RENAMED  # a government post
    assert vacancy["UBKT-KTV"].body == "Ban Xây dựng Đảng"  # a Party post: unchanged
    government = [f for f in found if f.body in ("Ủy ban nhân dân xã", RENAMED)]
    assert government and all(f.body == RENAMED for f in government)


def test_plugins_receive_the_merged_bodies() -> None:
    ev = evaluate(
        sample_roster(), END, host=_host(("renamer", _Renamer()), ("listener", _Listener()))
    )
    (f,) = [f for f in ev.communes[0].findings if f.rule == "demo.bodies"]
    assert f.body == RENAMED


CODES = ("dai_hoc", "trung_cap", "cao_cap", "so_cap", "thac_si", "tien_si", "cao_dang", "cu_nhan")


@pytest.mark.parametrize("plugins", [None, []])
def test_no_internal_code_in_finding_texts(plugins: list[str] | None) -> None:
    """Findings say "dưới đại học" / "below bachelor's", as explanations do."""
    ev = evaluate(sample_roster(), END, plugins=plugins)
    found = ev.communes[0].findings
    assert any(f.rule == "national.below_standard_on_appointment" for f in found)
    for f in found:
        for text in (f.message_vi, f.message_en, f.body):
            assert "_" not in text, (f.rule, text)
            assert not re.search("|".join(CODES), text), (f.rule, text)
    below = {f.subject: f for f in found if f.rule == "national.below_standard_on_appointment"}
    assert "dưới sơ cấp" not in below["MT036"].message_vi
    assert any(w in below["MT036"].message_vi for w in ("LLCT dưới trung cấp", "LLCT dưới cao cấp"))


def test_the_core_cites_national_law_and_the_province_adds_its_plan() -> None:
    core_only = evaluate(sample_roster(), END, plugins=[]).communes[0].findings
    assert core_only and not any("05-NQ/TU" in f.source for f in core_only)
    with_plan = evaluate(sample_roster(), END, plugins=["laichau"]).communes[0].findings
    for f in with_plan:
        if f.rule in ("national.vacancy", "national.below_standard_on_appointment"):
            national, _, plan = f.source.partition("; Kế hoạch thực hiện Nghị quyết số 05-NQ/TU")
            assert plan and "05-NQ/TU" not in national
    assert any(f.rule == "national.vacancy" for f in with_plan)


def test_findings_never_import_the_plugins() -> None:
    package = Path(cadre_core.__file__).parent / "findings"
    for module in package.glob("*.py"):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            for name in names:
                assert not name.startswith(("cadre_core.plugins", "cadre_core.engine")), module


class _Subjects:
    """A plugin whose findings name only ids, one with a title of its own."""

    @staticmethod
    @hookimpl
    def cadre_findings() -> Sequence[Finding]:
        def one(rule: str, kind: str, subject: str, **kw: str) -> Finding:
            return Finding(rule, "info", kind, subject, "thử", "check", "QĐ demo", **kw)  # type: ignore[arg-type]

        return [
            one("demo.cadre", "cadre", "MT003", title_vi="Thử cán bộ", title_en="Cadre check"),
            one("demo.position", "position", "UBND-CT"),
            one("demo.agency", "agency", "PKT"),
            one("demo.unknown", "cadre", "NOBODY"),
        ]


def test_every_finding_subject_is_named_from_the_roster() -> None:
    """The engine names any plugin's subjects: a cadre by name and posts, a position by
    its title, an agency by its name; an id the roster does not know stays an id."""
    ev = evaluate(sample_roster(), END, host=_host(("subjects", _Subjects())))
    found = {f.rule: f for f in ev.communes[0].findings if f.rule.startswith("demo.")}
    cadre = found["demo.cadre"]
    assert (cadre.subject_name, cadre.subject_post) == (
        "Lò Văn Khánh",
        "Phó Bí thư Đảng ủy; Chủ tịch UBND xã",
    )
    assert cadre.subject_text() == "Lò Văn Khánh, Phó Bí thư Đảng ủy; Chủ tịch UBND xã (MT003)"
    assert (cadre.title(), cadre.title("en")) == ("Thử cán bộ", "Cadre check")
    assert found["demo.position"].subject_name == "Chủ tịch UBND xã"
    assert found["demo.agency"].subject_name == "Phòng Kinh tế"
    assert (
        found["demo.unknown"].subject_name == ""
        and found["demo.unknown"].subject_text() == "NOBODY"
    )
    assert found["demo.agency"].title() == "demo.agency"  # a rule nobody names: its id
    doc = found["demo.cadre"].to_json()
    assert doc["rule"] == "demo.cadre" and doc["title"] == "Thử cán bộ"
    assert doc["subject"] == "MT003" and doc["subject_name"] == "Lò Văn Khánh"


def test_every_national_rule_has_a_title_and_messages_name_posts_by_title() -> None:
    ev = evaluate(sample_roster(), END, plugins=[])
    positions = set(sample_roster().tables["positions"]["position_code"].astype(str))
    for f in ev.communes[0].findings:
        assert f.title() != f.rule and "_" not in f.title() + f.title("en"), f.rule
        for text in (f.message_vi, f.message_en):
            words = set(re.findall(r"[\w-]+", text))
            assert not words & positions, (f.rule, text)


def test_a_post_without_a_title_is_named_by_its_category_in_each_language() -> None:
    """Where the roster gives a post no title, a finding names it by its category in the
    message's own language (the English message used to carry the Vietnamese name)."""
    from cadre_core import Roster
    from cadre_core.vocab._labels import category_name

    frames = {name: frame.copy() for name, frame in sample_roster().tables.items()}
    frames["positions"]["title"] = None
    ev = evaluate(Roster.from_frames(frames, name="untitled"), "2026-12-31")
    rules = {"national.local_key_post", "national.below_standard_on_appointment"}
    found = [f for c in ev.communes for f in c.findings if f.rule in rules]
    assert {f.rule for f in found} == rules
    positions = frames["positions"].set_index("position_code")
    for f in found:
        held = ev.features.assignments  # the posts the subject holds on the day
        codes = held.loc[held["cadre_id"].astype(str) == f.subject, "position_code"]
        cats = positions.loc[codes.astype(str), "category"].tolist()
        assert any(category_name(c, "en") in f.message_en for c in cats), f.message_en
        assert any(category_name(c, "vi") in f.message_vi for c in cats), f.message_vi
        assert not any(category_name(c, "vi") in f.message_en for c in cats), f.message_en
