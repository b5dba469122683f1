"""A trend's JSON document (``cadre evaluate --as-of D1 --as-of D2 ... -o F.json``), written
day by day and, on a large roster, by several processes at once.

The days are cut into blocks of consecutive days, one per process. This process evaluates
the first block and writes it straight into the document; each worker process (started
from a clean forkserver, never forked from this one) evaluates its own block with
:func:`~cadre_core.engine.iter_days` and writes that block's part of the document to a
file of its own beside the output; those parts are then appended in order. The document
is byte for byte the one :func:`~cadre_core.engine._documents.evaluations_json_parts`
gives for the evaluations of :func:`~cadre_core.engine.evaluate_days`: each day is the
same evaluation whichever process makes it. Every process holds one day at a time (a
national day is about 0.2 GB), not the whole trend. On disk, the workers' parts (hidden
files ``.cadre-days-*.part``, removed at the end, on success or not) take the space of
their days again until the document is complete.

Nothing comes back from a worker, through a pipe, but each day it has done (the progress
bar moves with every process's days), then its plugins' warnings, what they printed, an
error sentence and whether its last day has a target not met (``--fail-on``): no result is
pickled. An error in this process's block stops the workers at once; a worker that ends
without its block (killed: out of memory) raises ``BrokenProcessPool``, as a pool's would.
A failing plugin stops the command as it does in one process (``--keep-going``, which may
evaluate the days again without the plugin, is written in one process).
"""

from __future__ import annotations

import contextlib
import io
import multiprocessing
import os
import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from cadre_core.cli._common import InputError
from cadre_core.vocab._cpus import usable_cpus
from cadre_core.vocab._labels import label
from cadre_core.vocab._told import told

if TYPE_CHECKING:
    from cadre_core.engine._results import Evaluation
    from cadre_core.plugins._host import PluginHost
    from cadre_core.roster._roster import Roster

#: Below this many cadre-days (cadres x days) a trend is written by one process: a worker
#: needs about 2 s to start (imports, the roster, its plugins, the roster's index), and a
#: national day (145,000 cadres) about 3.5 s.
AUTO_WORK = 500_000

#: How much of a worker's part is copied into the document at a time.
_CHUNK = 1 << 24


def trend_workers(requested: int | None, days: int, cadres: int) -> int:
    """How many processes write a trend of ``days`` days of a roster of ``cadres``:
    ``requested`` (``--workers``), at most one per day; by default one per processor when
    the trend is large enough to gain from more (:data:`AUTO_WORK`), else one.

    >>> trend_workers(None, 60, 145_000) == min(usable_cpus(), 60)
    True
    >>> trend_workers(None, 2, 40), trend_workers(4, 3, 40)
    (1, 3)
    """
    if requested is not None:
        return max(1, min(requested, days))
    if days < 2 or days * cadres < AUTO_WORK:
        return 1
    return min(usable_cpus(), days)


def blocks(days: Sequence[Any], n: int) -> list[list[Any]]:
    """``days`` cut into ``n`` blocks of consecutive days, the first ones one day longer
    when they do not divide evenly (never an empty block).

    >>> blocks(list(range(7)), 3)
    [[0, 1, 2], [3, 4], [5, 6]]
    """
    n = max(1, min(n, len(days)))
    size, extra = divmod(len(days), n)
    out: list[list[Any]] = []
    start = 0
    for i in range(n):
        end = start + size + (1 if i < extra else 0)
        out.append(list(days[start:end]))
        start = end
    return out


@attrs.frozen
class DayRun:
    """How each day of ``cadre evaluate`` is evaluated and finished, the same in every
    process: the plugins (``--plugin``, ``--strict``), the parameter file, ``--by``, the
    audit options every output records and the pseudonymizer (``--pseudonymize``). It
    travels to the worker processes as it is (all plain data)."""

    plugins: tuple[str, ...]
    params: str | None
    by: str | None
    strict: bool = False
    options: Mapping[str, Any] | None = None
    hider: Any = None  # a cadre_core.engine._privacy.Pseudonymizer, or None

    def finished(self, ev: Evaluation) -> Evaluation:
        """``ev`` with the audit options and under pseudonyms, as every output shows it
        (:func:`~cadre_core.engine._privacy.as_shown`)."""
        from cadre_core.engine._privacy import as_shown

        return as_shown(ev, self.options, self.hider)

    def evaluations(
        self,
        roster: Roster,
        days: Sequence[Any],
        host: PluginHost,
        on_day: Callable[[int], object] | None = None,
    ) -> Iterator[Evaluation]:
        """Each day's finished evaluation in turn (:func:`~cadre_core.engine.iter_days`)."""
        from cadre_core.engine._pipeline import iter_days

        by_commune = self.by == "commune"
        for ev in iter_days(
            roster, days, host=host, params_file=self.params, by_commune=by_commune, on_day=on_day
        ):
            yield self.finished(ev)


def plugin_host(plugins: Sequence[str], strict: bool, keep_going: bool = False) -> PluginHost:
    """The plugin host of ``cadre evaluate``'s plugins: the installed ones named by
    ``plugins`` (``--plugin``; all the installed ones when empty), ``--strict`` and
    ``--keep-going`` as given."""
    from cadre_core.plugins._host import PluginHost, make_plugin_manager

    pm = make_plugin_manager(only=tuple(plugins) or None, keep_going=keep_going)
    return PluginHost(pm, strict=strict or None)


def stopping_errors() -> tuple[type[Exception], ...]:
    """The errors of a plugin, a parameter or the roster that stop an evaluation with a
    sentence (exit 2), not a traceback."""
    from cadre_core.plugins._host import PluginError
    from cadre_core.roster._problems import RosterError
    from cadre_core.targets._params import ParameterError

    return (PluginError, ParameterError, RosterError)


def error_sentence(error: Exception, lang: str, keep_going: bool) -> str:
    """The sentence of an error that stops an evaluation; a failing plugin's says how to
    go on without it (unless ``--keep-going`` was given)."""
    from cadre_core.plugins._host import PluginError

    text = told(error, lang)
    if isinstance(error, PluginError) and not keep_going:
        text += label("cli_keep_going_hint", lang)
    return text


@attrs.frozen
class _Block:
    """What a worker says of its block: its plugins' warnings, what they printed, the
    sentence of the error that stopped it (``None``: none) and whether its last day has
    a target not met."""

    warnings: tuple[str, ...]
    printed: str
    error: str | None
    not_met: bool


def not_met(ev: Evaluation) -> bool:
    """Whether a target of ``ev`` is not met (``--fail-on not-met``)."""
    return any(t.status == "not_met" for c in ev.communes for t in c.targets)


def _write_block(
    roster: Roster, days: list[Any], run: DayRun, lang: str, path: str, said: Connection
) -> None:
    """In a worker: write the part of the document that holds ``days`` (each after a
    comma: the first block is never a worker's) to ``path``, saying on ``said`` each day
    done (``1``), then the :class:`_Block`; an unexpected error is sent as it is, for
    this process to raise."""
    from cadre_core.engine._documents import day_json_parts

    printed = io.StringIO()
    last = False
    warnings: tuple[str, ...] = ()
    error: str | None = None
    try:
        with contextlib.redirect_stdout(printed):  # a plugin's print: never into a document
            try:
                host = plugin_host(run.plugins, run.strict)
                with open(path, "wb") as out:
                    for ev in run.evaluations(roster, days, host):
                        for part in day_json_parts(ev, lang, first=False):
                            out.write(part)
                        last = not_met(ev)
                        said.send(1)
                warnings = tuple(host.warnings)
            except stopping_errors() as exc:
                error, last = error_sentence(exc, lang, False), False
        said.send(_Block(warnings, printed.getvalue(), error, last))
    except BaseException as exc:  # a bug, or an interrupt: raised again in this process
        try:
            said.send(exc)
        except Exception:  # not picklable: its text
            said.send(RuntimeError(f"{type(exc).__name__}: {exc}"))
    finally:
        said.close()


@attrs.define
class _Worker:
    """A worker process writing its block of days to the part ``name``, and the end of
    the pipe on which it says its days and its :class:`_Block`."""

    process: BaseProcess
    said: Connection
    name: str
    block: _Block | None = None

    def hear(self, on_day: Callable[[int], object] | None, *, wait: bool) -> None:
        """Take what the worker has said (each day done moves ``on_day``): all it has said
        so far, or with ``wait`` until its block is done. A worker that ends without its
        block (killed: out of memory) raises ``BrokenProcessPool``."""
        while self.block is None and (wait or self.said.poll()):
            try:
                word = self.said.recv()
            except EOFError:
                raise BrokenProcessPool("a worker process ended before its block") from None
            if isinstance(word, _Block):
                self.block = word
            elif isinstance(word, BaseException):
                raise word
            elif on_day is not None:
                on_day(word)


def _start(
    roster: Roster,
    parts: list[list[Any]],
    run: DayRun,
    lang: str,
    folder: Path,
    stack: contextlib.ExitStack,
) -> list[_Worker]:
    """One worker process for each block, started from a clean forkserver; on the way
    out of ``stack`` (the document done, or an error) each part is removed and any worker
    still at work is stopped at once."""
    context = multiprocessing.get_context(
        "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else None
    )
    workers: list[_Worker] = []
    names: list[str] = []
    stack.callback(_stop, workers, names)
    for block in parts:
        handle, name = tempfile.mkstemp(prefix=".cadre-days-", suffix=".part", dir=folder)
        os.close(handle)
        names.append(name)
        hear, say = context.Pipe(duplex=False)
        process = context.Process(
            target=_write_block, args=(roster, block, run, lang, name, say), daemon=True
        )
        process.start()
        say.close()  # the worker holds the other end: its end of file is its exit
        workers.append(_Worker(process, hear, name))
    return workers


def _stop(workers: list[_Worker], names: list[str]) -> None:
    """Stop the workers still at work (an error ended the document), wait for all, then
    remove the parts ``names``."""
    for worker in workers:
        if worker.block is None and worker.process.is_alive():
            worker.process.terminate()
    for worker in workers:
        worker.process.join()
        worker.said.close()
    for name in names:
        _remove(name)


@attrs.define
class TrendWritten:
    """What writing a trend found: the plugins' warnings (in day order, each once) and
    whether the last day has a target not met."""

    warnings: list[str] = attrs.Factory(list)
    last_not_met: bool = False


def write_trend_json(
    roster: Roster,
    days: Sequence[Any],
    output: str,
    run: DayRun,
    *,
    lang: str,
    workers: int,
    scrub: Callable[[str], str] = str,
    on_day: Callable[[int], object] | None = None,
) -> TrendWritten:
    """Write the JSON document of several ``days`` to ``output`` (atomically), day by
    day, with ``workers`` processes (this one included). What a worker's plugins printed
    goes to standard error through ``scrub``; an error that stops a day is an
    :class:`InputError` (its sentence through ``scrub``)."""
    from cadre_core.engine._documents import day_json_parts, days_document_ends
    from cadre_core.vocab._files import write_atomic

    parts = blocks(days, workers)
    found = TrendWritten()
    with contextlib.ExitStack() as stack:
        folder = Path(output).resolve().parent
        others = _start(roster, parts[1:], run, lang, folder, stack) if len(parts) > 1 else []
        host = plugin_host(run.plugins, run.strict)

        def step(n: int) -> None:  # this process's day, and the workers' done meanwhile
            if on_day is not None:
                on_day(n)
            for worker in others:
                worker.hear(on_day, wait=False)

        def document() -> Iterator[bytes]:
            before, after = days_document_ends(list(days))
            yield before
            for i, ev in enumerate(run.evaluations(roster, parts[0], host, step)):
                yield from day_json_parts(ev, lang, first=i == 0)
                found.last_not_met = not_met(ev)
            found.warnings = list(host.warnings)
            for worker in others:
                worker.hear(on_day, wait=True)
                block = worker.block
                assert block is not None  # heard until its block came
                if block.printed:
                    sys.stderr.write(scrub(block.printed))
                if block.error is not None:
                    raise InputError(scrub(block.error))
                found.warnings += [w for w in block.warnings if w not in found.warnings]
                found.last_not_met = block.not_met
                with open(worker.name, "rb") as part:
                    while chunk := part.read(_CHUNK):
                        yield chunk
            yield after

        try:
            write_atomic(output, document())
        except stopping_errors() as exc:
            raise InputError(scrub(error_sentence(exc, lang, False))) from None
    return found


def _remove(name: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.remove(name)


__all__ = [
    "AUTO_WORK",
    "DayRun",
    "TrendWritten",
    "blocks",
    "error_sentence",
    "not_met",
    "stopping_errors",
    "trend_workers",
    "write_trend_json",
]
