"""``cadre verify`` locates an edit in a large html report without comparing every token
with every other (difflib alone is quadratic: about an hour on a national report)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cadre_core.reports._visible import _common_ends, _html_differences


def _page(communes: int, edited: int | None = None) -> str:
    """A province report's shape: one table row per commune, the same tags everywhere."""
    rows = []
    for i in range(communes):
        shortfall = 99 if i == edited else i % 7
        rows.append(
            f'<tr><td data-label="Xã">Xã {i:05d}</td><td data-label="Còn thiếu">{shortfall}</td>'
            f'<td><span class="badge not_met">Chưa đạt</span></td></tr>'
        )
    return "<html><body><table>" + "".join(rows) + "</table></body></html>"


def test_one_edit_in_a_large_page_is_named_with_its_place() -> None:
    report, again = _page(20_000, edited=12_345), _page(20_000)
    assert _html_differences(again, again, 5) == []
    found = _html_differences(report, again, 5)
    assert len(found) == 1
    assert "'99'" in found[0] and f"'{12_345 % 7}'" in found[0] and "Xã 12345" in found[0]


def test_edits_at_both_ends_are_each_named() -> None:
    report = _page(3_000).replace("Xã 00000", "Xã A").replace("Xã 02999", "Xã B")
    found = _html_differences(report, _page(3_000), 5)
    assert len(found) == 2
    assert "'Xã A'" in found[0] and "'Xã 00000'" in found[0]
    assert "'Xã B'" in found[1] and "'Xã 02999'" in found[1]


_tokens = st.lists(st.sampled_from(["<td>", "</td>", "a", "b", "c"]), max_size=30)


@given(a=_tokens, b=_tokens)
def test_common_ends_are_common_and_never_overlap(a: list[str], b: list[str]) -> None:
    head, tail = _common_ends(a, b)
    assert head + tail <= min(len(a), len(b))
    assert a[:head] == b[:head]
    assert a[len(a) - tail :] == b[len(b) - tail :]
    if head < min(len(a), len(b)):
        assert a[head] != b[head]  # the head is the longest common start


@given(a=_tokens, b=_tokens)
def test_no_difference_exactly_when_the_pages_are_equal(a: list[str], b: list[str]) -> None:
    page_a, page_b = "".join(f"{t} " for t in a), "".join(f"{t} " for t in b)
    found = _html_differences(page_a, page_b, 5)
    same = [t for t in page_a.split(" ") if t.strip()] == [
        t for t in page_b.split(" ") if t.strip()
    ]
    assert (found == []) == same
