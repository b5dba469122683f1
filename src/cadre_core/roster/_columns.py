"""What a roster table and its columns are: the types the roster format is written in
(:mod:`cadre_core.roster._schema` and :mod:`cadre_core.roster._schema_extensions`)."""

from __future__ import annotations

import attrs

__all__ = ["CADRE_ID_ALIASES", "KINDS", "Column", "Table", "cadre_id", "column"]

# Kinds of column. "code" columns hold one of an enum's codes; "topics" a ;-list of topic
# codes; "codes" a ;-list of the codes of the column's code list; "fields" a ;-list of free
# text; "decimal" an exact decimal number (Decimal); "indicator" an indicator code (the
# built-in codes by their aliases, or a plugin's code).
KINDS = (
    "id",
    "text",
    "date",
    "bool",
    "int",
    "code",
    "topics",
    "codes",
    "fields",
    "ethnicity",
    "decimal",
    "indicator",
)


@attrs.frozen
class Column:
    """One column of a roster table."""

    name: str
    kind: str = attrs.field(validator=attrs.validators.in_(KINDS))
    required: bool = False
    aliases: tuple[str, ...] = ()
    codes: str | None = None  # name of the value-alias table for "code" columns
    default: object = None
    description: str = ""


@attrs.frozen
class Table:
    """One roster table: its canonical columns and its key."""

    name: str
    columns: tuple[Column, ...]
    required: bool = False
    key: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()

    @property
    def column_names(self) -> tuple[str, ...]:
        """Canonical column names in canonical order."""
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> Column:
        """Return the column called ``name``."""
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)


def column(name: str, kind: str, *aliases: str, **kw: object) -> Column:
    """A :class:`Column` called ``name`` of ``kind``, its header aliases after them.

    >>> column("year", "int", "năm", required=True).aliases
    ('năm',)
    """
    return Column(name, kind, aliases=aliases, **kw)  # type: ignore[arg-type]


#: The header spellings of a person's id, in the cadres table and in every table that
#: refers to a cadre (a list of degrees headed "Mã CBCC" as its cadres are).
CADRE_ID_ALIASES: tuple[str, ...] = (
    "mã cán bộ",
    "mã cb",
    "mã số cán bộ",
    "ma can bo",
    # the civil-servant number or the personnel file number used as the id
    # (Phiếu cán bộ, công chức, viên chức; customs export lists)
    "số hiệu cán bộ",
    "số hiệu công chức",
    "số hiệu công chức, viên chức",
    "số hiệu cán bộ, công chức",
    "số hiệu công chức thừa hành",
    "mã công chức",
    "mã số công chức",
    "mã số hồ sơ",
    "mã hồ sơ",
    "số hồ sơ",
    # "CBCC", "CBCCVC" are read as their words (header_key)
    "mã cbcc",
    "mã số cbcc",
    "số hiệu cbcc",
    "mã cbccvc",
    "mã số cbccvc",
    # the code of the national database of cadres, civil servants and public
    # employees, and the staff numbers of HR software
    "mã định danh",
    "mã định danh cbccvc",
    "mã nhân viên",
    "mã số nhân viên",
    "mã nhân sự",
    "mã số nhân sự",
)


def cadre_id() -> Column:
    """The ``cadre_id`` column: the id of a person, in the cadres table and in a table
    referring to one, read under any of :data:`CADRE_ID_ALIASES`.

    >>> "mã cbcc" in cadre_id().aliases, cadre_id().required
    (True, True)
    """
    return column("cadre_id", "id", *CADRE_ID_ALIASES, required=True)
