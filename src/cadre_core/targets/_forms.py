"""The official reporting forms as data: a form's layout and, for every cell, what it counts.

A :class:`Form` is what a commune files upward on paper (Biểu 9C-BTCTW, BM02/BNV, ...):
its code, the title block, the unit, the column headings with their numbers, the row
labels, the signature block and the legal source. Each :class:`FormColumn` and
:class:`FormRow` carries a :class:`~cadre_core.targets.Criterion` built from the same
criteria the targets use, so a cell is "the cadres of the column's population that meet
the row's criterion", and the roster fields a cell needs are the fields its criteria read
(:attr:`Criterion.reads`): a cell over a field the roster does not inform is left blank.

``orientation`` says how the form is laid out:

- ``post``: columns are posts or groups, rows are criteria (9C-BTCTW, 12C-BTCTW); one
  block of rows per commune and one for the province;
- ``programme``: the same, rows being training programmes (10-BTCTW);
- ``unit``: one row per commune, columns are criteria (BM02/BNV), and a total row;
- ``person``: one row per cadre, columns are criteria ticked per person (02/CL.CBCCX).

The national forms are declared by the built-in plugin; a province plugin adds its own
with the ``cadre_forms`` hook.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from cadre_core.targets._criteria import Criterion
from cadre_core.targets._target import Text

ORIENTATIONS = ("post", "programme", "unit", "person")
#: the cadre columns a ``person`` form may print as they are
VALUES = ("full_name", "birth_date", "ethnicity", "insurance_start")


def _text_tuple(value: Iterable[Text]) -> tuple[Text, ...]:
    return tuple(value)


def _column_tuple(value: Iterable[FormColumn]) -> tuple[FormColumn, ...]:
    return tuple(value)


def _row_tuple(value: Iterable[FormRow]) -> tuple[FormRow, ...]:
    return tuple(value)


def _signer_tuple(value: Iterable[tuple[Text, Text]]) -> tuple[tuple[Text, Text], ...]:
    return tuple((a, b) for a, b in value)


def _texts(_: Any, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
    if not all(isinstance(v, Text) for v in value):
        raise TypeError(f"{attribute.name} must be a tuple of Text")


def _criterion(_: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, Criterion):
        raise TypeError(f"{attribute.name} must be a Criterion or None")


@attrs.frozen
class FormColumn:
    """One column of a form: its label as printed (``groups``: the headings above it, from
    the top, merged over neighbours that share them), its number in the numbering row,
    and what its cells count.

    ``criterion`` is the column's population (``post``/``programme`` forms) or what it
    counts (``unit`` and ``person`` forms); ``None`` with ``value`` set prints a cadre's
    ``value`` (a ``person`` form's name, birth date, ...). ``unit`` and ``sum_of`` count
    another unit (``positions``) or sum one of its columns (``quota``).

    >>> from cadre_core.targets._criteria import is_female
    >>> FormColumn(Text("Nữ", "Women"), "3", is_female()).needs
    ('cadres.gender',)
    """

    label: Text = attrs.field(validator=attrs.validators.instance_of(Text))
    number: str = attrs.field(default="", validator=attrs.validators.instance_of(str))
    criterion: Criterion | None = attrs.field(default=None, validator=_criterion)
    groups: tuple[Text, ...] = attrs.field(default=(), converter=_text_tuple, validator=_texts)
    value: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.in_(VALUES))
    )
    unit: str = attrs.field(
        default="cadres", validator=attrs.validators.in_(("cadres", "positions"))
    )
    sum_of: str | None = None

    @property
    def needs(self) -> tuple[str, ...]:
        """The roster fields (``table.column``, or a whole table) its cells read."""
        own = self.criterion.reads if self.criterion is not None else ()
        value = (f"cadres.{self.value}",) if self.value else ()
        total = (f"{self.unit}.{self.sum_of}",) if self.sum_of else ()
        return tuple(dict.fromkeys((*own, *value, *total)))


@attrs.frozen
class FormRow:
    """One row of a ``post`` or ``programme`` form: its label as printed, its number
    (``I``, ``1``, ``-``...) and its criterion; a row without one is a heading (no cells).

    >>> FormRow(Text("1. Tuổi đời", "1. Age")).heading
    True
    """

    label: Text = attrs.field(validator=attrs.validators.instance_of(Text))
    criterion: Criterion | None = attrs.field(default=None, validator=_criterion)
    number: str = attrs.field(default="", validator=attrs.validators.instance_of(str))

    @property
    def heading(self) -> bool:
        """Whether the row is a heading without cells."""
        return self.criterion is None

    @property
    def needs(self) -> tuple[str, ...]:
        """The roster fields its cells read."""
        return self.criterion.reads if self.criterion is not None else ()


@attrs.frozen
class Form:
    """An official form as data (see the module docstring).

    ``issuer`` is the title block on the left ("TỈNH ỦY/HUYỆN ỦY…", "BAN TỔ CHỨC";
    ``{commune}`` prints the commune's name in capitals when the page is one commune's,
    else "XÃ …", as in "UBND {commune}"),
    ``title`` the title lines (``{year}`` is replaced by the year of the as-of day),
    ``stub`` the heading of the label column and ``stub_number`` its number,
    ``number_heading`` (``TT``, ``STT``) and ``number_number`` those of the column of row
    numbers before it (none when None), ``form_label`` the form's name on the right of the
    title block (default "Biểu số CODE"), ``signers``
    the signature block (each a title and the line under it), ``population`` who a
    ``unit`` or ``person`` form counts or lists (every active cadre by default).
    ``replaces`` names the plugin whose form of the same code this one overrides.

    >>> from cadre_core.targets._field_criteria import everyone
    >>> f = Form("X-1", (Text("THỐNG KÊ", "STATISTICS"),), "unit",
    ...          (FormColumn(Text("Tổng số", "Total"), "1", everyone()),), source="Mẫu thử")
    >>> f.code, f.orientation, len(f.columns)
    ('X-1', 'unit', 1)
    """

    code: str = attrs.field(validator=attrs.validators.min_len(1))
    title: tuple[Text, ...] = attrs.field(converter=_text_tuple, validator=_texts)
    orientation: str = attrs.field(validator=attrs.validators.in_(ORIENTATIONS))
    columns: tuple[FormColumn, ...] = attrs.field(
        converter=_column_tuple,
        validator=attrs.validators.deep_iterable(attrs.validators.instance_of(FormColumn)),
    )
    rows: tuple[FormRow, ...] = attrs.field(
        default=(),
        converter=_row_tuple,
        validator=attrs.validators.deep_iterable(attrs.validators.instance_of(FormRow)),
    )
    source: str = ""
    unit_label: Text = Text.of("forms_unit_label")
    issuer: tuple[Text, ...] = attrs.field(default=(), converter=_text_tuple, validator=_texts)
    stub: Text = Text.of("forms_stub")
    stub_number: str = "1"
    number_heading: Text | None = None
    number_number: str = ""
    form_label: Text | None = None
    signers: tuple[tuple[Text, Text], ...] = attrs.field(default=(), converter=_signer_tuple)
    population: Criterion | None = attrs.field(default=None, validator=_criterion)
    name: Text | None = None
    replaces: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.orientation in ("post", "programme") and not self.rows:
            raise ValueError(f"form {self.code}: a {self.orientation} form needs rows")
        if self.orientation in ("unit", "person") and self.rows:
            raise ValueError(f"form {self.code}: a {self.orientation} form has no rows")
        if not self.columns:
            raise ValueError(f"form {self.code}: a form needs columns")

    def label_text(self, lang: str = "vi") -> str:
        """The form's name on the right of the title block.

        >>> from cadre_core.targets._field_criteria import everyone
        >>> Form("9X", (), "unit", (FormColumn(Text("a", "a"), "1", everyone()),)).label_text()
        'Biểu số 9X'
        """
        if self.form_label is not None:
            return self.form_label.get(lang)
        return Text.of("forms_form_code", code=self.code).get(lang)

    @property
    def needs(self) -> tuple[str, ...]:
        """Every roster field some cell of the form reads."""
        parts = [c.needs for c in self.columns] + [r.needs for r in self.rows]
        own = self.population.reads if self.population is not None else ()
        return tuple(dict.fromkeys(f for p in (*parts, own) for f in p))


__all__ = ["ORIENTATIONS", "VALUES", "Form", "FormColumn", "FormRow"]
