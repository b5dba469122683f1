"""The audit section of a report speaks the report's language, every word from the label
table: a Vietnamese report shows no English item name, an English one no Vietnamese."""

from __future__ import annotations

import pytest

from cadre_core import evaluate, sample_roster
from cadre_core.reports import audit_section
from cadre_core.vocab._labels import label


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_audit_section_words_come_from_the_label_table(
    lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796083200")  # 2026-12-01, reproducible
    ev = evaluate(sample_roster(), "2026-12-31", plugins=["laichau"])
    section = audit_section(ev, lang)
    assert section.title == label("report_audit_title", lang)
    assert list(section.table.columns) == [label("audit_col_item", lang), label("col_value", lang)]
    items = section.table.iloc[:, 0].tolist()
    assert items[0] == label("audit_tool", lang)
    assert label("audit_plugin", lang).format(name="laichau") in items
    assert label("audit_input", lang) in items and label("as_of", lang) in items
    assert items[-1] == label("audit_generated", lang)
    assert section.table.iloc[-1, 1] == "2026-12-01 00:00:00"
    assert section.note == label("audit_verify_note", lang)
    other = "en" if lang == "vi" else "vi"
    for key in ("audit_tool", "audit_input", "audit_generated", "audit_col_item", "as_of"):
        assert label(key, other) not in items + list(section.table.columns), key
