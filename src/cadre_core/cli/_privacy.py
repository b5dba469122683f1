"""What the commands that write about people share: the ``--pseudonymize`` options, the
key, and plugin output kept off standard output (where JSON goes).

The work itself is :mod:`cadre_core.engine._privacy`; this module only wires it to the
command line.
"""

from __future__ import annotations

import contextlib
import io
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

import click

from cadre_core.cli._common import InputError, tell

F = TypeVar("F", bound=Callable[..., Any])


def pseudonym_options(fn: F) -> F:
    """``--pseudonymize`` and ``--pseudonym-key FILE``."""
    fn = click.option(
        "--pseudonym-key",
        type=click.Path(),
        help="cli_help_pseudonym_key",
    )(fn)
    return click.option(
        "--pseudonymize",
        is_flag=True,
        help="cli_help_pseudonymize",
    )(fn)


def key_or_exit(enabled: bool, path: str | None) -> bytes | None:
    """The secret key when pseudonyms are asked for (``None`` otherwise); no usable key
    is bad input."""
    if not enabled:
        return None
    from cadre_core.engine._privacy import PseudonymKeyError, load_key

    try:
        return load_key(path)
    except PseudonymKeyError as exc:
        raise InputError(tell(exc)) from None


def pseudonymizer(key: bytes | None, roster: Any) -> Any:
    """The :class:`~cadre_core.engine._privacy.Pseudonymizer` of ``roster`` for ``key``
    (``None`` without a key)."""
    if key is None:
        return None
    from cadre_core.engine._privacy import Pseudonymizer

    return Pseudonymizer.of(roster.cadres, key, roster.records)


def withheld_paths(paths: Sequence[str]) -> list[str]:
    """``paths`` as a roster refused under pseudonyms names them: the name of each personal
    record among them (a person's, often) withheld, as in its problems' places.

    >>> withheld_paths(["danh-sach.xlsx"])
    ['danh-sach.xlsx']
    """
    from cadre_core.engine._privacy import withheld
    from cadre_core.roster._problems import Problem
    from cadre_core.roster._record import record_names

    records = record_names(paths)
    if not records:
        return list(paths)
    return [withheld(Problem(p, None, None, None, None, ""), records).file for p in paths]


@contextlib.contextmanager
def plugin_output(scrub: Callable[[str], str] | None = None) -> Iterator[None]:
    """Run the block with standard output captured; what was printed (by a plugin) goes
    to standard error afterwards, through ``scrub`` under pseudonyms, and never to
    standard output, which holds the JSON document."""
    buffer = io.StringIO()
    try:
        with contextlib.redirect_stdout(buffer):
            yield
    finally:
        text = buffer.getvalue()
        if text:
            sys.stderr.write(scrub(text) if scrub is not None else text)
            sys.stderr.flush()
