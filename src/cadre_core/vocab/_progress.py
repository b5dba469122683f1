"""Progress of long work, reported at coarse points and shown only where someone watches.

The stages call :func:`task` (or :func:`tracked` over a loop) around work done step by step (one file read, one day or
commune evaluated, one commune written or planned; never one row)::

    with task("progress_reading", len(paths)) as advance:
        for path in paths:
            ...
            advance(1)

By default nothing is shown and :func:`task` costs a context variable look-up. A front
end (the command line, on a terminal) installs a reporter with :func:`reporting`; the
description is a key of the label table, which the reporter puts in the user's language.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Collection, Iterator
from contextlib import AbstractContextManager
from contextvars import ContextVar
from typing import TypeVar

T = TypeVar("T")

__all__ = ["Advance", "Reporter", "reporting", "task", "tracked"]

Advance = Callable[[int], None]
"""Called with the number of steps just done."""

Reporter = Callable[[str, "int | None"], AbstractContextManager[Advance]]
"""Opens one task: ``reporter(label_key, total)`` gives the ``advance`` callback."""

_REPORTER: ContextVar[Reporter | None] = ContextVar("cadre_progress", default=None)


def _nothing(steps: int) -> None:
    """The ``advance`` of work nobody watches."""


@contextlib.contextmanager
def task(key: str, total: int | None = None) -> Iterator[Advance]:
    """Report a task of ``total`` steps (``None``: unknown) described by label ``key``;
    yields the ``advance`` callback (a no-op when no reporter is installed).

    >>> with task("progress_reading", 2) as advance:
    ...     advance(1)
    """
    reporter = _REPORTER.get()
    if reporter is None:
        yield _nothing
        return
    with reporter(key, total) as advance:
        yield advance


def tracked(items: Collection[T], key: str) -> Iterator[T]:
    """The ``items``, one step of task ``key`` each (a loop's progress in one line:
    ``for path in tracked(paths, "progress_reading"):``).

    >>> list(tracked(["a", "b"], "progress_reading"))
    ['a', 'b']
    """
    with task(key, len(items)) as advance:
        for item in items:
            yield item
            advance(1)


@contextlib.contextmanager
def reporting(reporter: Reporter | None) -> Iterator[None]:
    """Install ``reporter`` for the block (``None``: report nothing).

    >>> seen = []
    >>> @contextlib.contextmanager
    ... def record(key, total):
    ...     yield lambda steps: seen.append((key, total, steps))
    >>> with reporting(record), task("progress_reading", 3) as advance:
    ...     advance(1)
    >>> seen
    [('progress_reading', 3, 1)]
    """
    token = _REPORTER.set(reporter)
    try:
        yield
    finally:
        _REPORTER.reset(token)
