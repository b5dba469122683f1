"""Shared fixtures of the roster, engine and fixture tests.

Every JSON document the suite produces follows the published JSON Schema
(``src/cadre_core/data/schema``), strictly: with ``strict=True`` an object that lists its
keys refuses any other, so every key written is documented. Two wrappers, active for the
whole session (:func:`_json_documents_follow_the_schema`), see the documents where they
are made, so no test has to ask:

- in this process, ``Evaluation.to_dict`` and ``Plan.to_dict``: every evaluation and plan
  built in a test, and everything made from them (``to_json``, ``to_json_bytes``, the
  evaluation embedded in HTML and Excel reports, ``cadre verify``, commands run with
  click's ``CliRunner``);
- in subprocesses, ``subprocess.run``: when it runs a ``cadre`` console script (whatever
  helper a test module wraps it in), its standard output and the ``.json`` file given to
  ``--output``/``-o`` are read back and, when they are documents of a published kind
  (they carry ``schema_version``), checked.

A document that departs from its schema fails the test that produced it, with the JSON
path of each error. Documents without ``schema_version`` (``cadre plugins --format json``
until it has a schema) are not checked; a document with ``schema_version`` but of no
published kind fails. ``tests/test_json_schema.py`` checks the schemas themselves and that
the wrappers are in place (the ``json_documents`` fixture counts what was checked).
"""

from __future__ import annotations

import functools
import itertools
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

import cadre_core
from cadre_core import PluginHost, Roster, make_plugin_manager
from cadre_core.engine import schema_errors, schema_for

# Machines differ in speed (CI has 2 shared cores): time limits per example would make the
# property tests flaky, so they are off; example counts are set per test.
settings.register_profile(
    "cadre", deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
settings.load_profile("cadre")


#: the system Chromium the browser tests drive (Debian ``chromium``, installed by ``.ci/run``;
#: no browser is downloaded; None when it is missing: those tests skip) and its command-line
#: switches for a headless run in CI, the one definition every browser test uses (Playwright
#: through :func:`browser`, the others on Chromium's own command line after ``--headless``)
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]


#: LibreOffice's command (``soffice``, installed by ``.ci/run`` with Calc and Writer; None
#: when missing: the tests that convert a document skip)
SOFFICE = shutil.which("soffice")


def libreoffice_convert(document: Path, kind: str, folder: Path) -> Path:
    """``document`` converted to ``kind`` (``pdf``, ``doc``, ``xls``, ``ods``...) by
    LibreOffice, headless, with a profile of its own in ``folder`` (which it makes): the
    file it wrote there. Fails the test with LibreOffice's own words when it writes none."""
    assert SOFFICE is not None
    folder.mkdir(parents=True, exist_ok=True)
    converted = subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{folder / 'profile'}", "--headless"]
        + ["--convert-to", kind, "--outdir", str(folder), str(document)],
        capture_output=True,
        text=True,
        timeout=240,
    )
    out = folder / f"{document.stem}.{kind}"
    assert converted.returncode == 0 and out.exists(), converted.stderr + converted.stdout
    return out


def libreoffice_pdf(document: Path, folder: Path) -> Path:
    """``document`` (a workbook or a Word document) converted to PDF by LibreOffice
    (:func:`libreoffice_convert`): the PDF it wrote in ``folder``."""
    pdf = libreoffice_convert(document, "pdf", folder)
    assert pdf.read_bytes()[:4] == b"%PDF"
    return pdf


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """The system Chromium driven by Playwright, one per test module (skipped without
    Playwright)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """``-n auto``: one worker per CPU this process may run on. That is the CPUs of its
    affinity, fewer when a cgroup quota (``cpu.max``) allows less. psutil, which xdist asks
    by default, counts the host's CPUs, which may be many more than a container's share."""
    from cadre_core.vocab._cpus import usable_cpus

    return usable_cpus()


@pytest.fixture(scope="session")
def sample() -> Roster:
    """The packaged sample commune."""
    return cadre_core.sample_roster()


@pytest.fixture(scope="session")
def laichau() -> PluginHost:
    """A plugin host with the built-in and Lai Châu plugins, loaded once."""
    return PluginHost(make_plugin_manager(only=["laichau"]))


@pytest.fixture(scope="session")
def cadre_exe() -> Path:
    """The ``cadre`` console script of the running environment."""
    exe = Path(sys.executable).parent / "cadre"
    if not exe.exists():
        pytest.skip("the cadre console script is not installed next to the interpreter")
    return exe


class JsonDocuments:
    """The session's schema check of JSON documents, and how many it checked."""

    def __init__(self) -> None:
        self.checked = 0
        self._lock = threading.Lock()

    def check(self, doc: Any, where: str) -> None:
        """Fail (``AssertionError``) unless ``doc``, when it is a cadre document, follows
        its published schema strictly."""
        if not isinstance(doc, dict) or "schema_version" not in doc:
            return
        name = schema_for(doc)
        assert name is not None, f"{where}: a document with schema_version of no published kind"
        errors = schema_errors(doc, name, strict=True)
        with self._lock:
            self.checked += 1
        if errors:
            shown = "\n  ".join(errors[:10])
            more = f"\n  ... and {len(errors) - 10} more" if len(errors) > 10 else ""
            raise AssertionError(
                f"{where}: the {name} document does not follow its JSON Schema "
                f"(src/cadre_core/data/schema/{name}.schema.json):\n  {shown}{more}"
            )

    def check_text(self, text: str | bytes, where: str) -> None:
        """:meth:`check` the JSON object in ``text``, if it holds one."""
        if isinstance(text, bytes):
            text = text.decode("utf-8", errors="replace")
        if not text.lstrip().startswith("{"):
            return
        try:
            doc = json.loads(text)
        except ValueError:
            return
        self.check(doc, where)

    def check_cadre_run(self, argv: Sequence[str], done: subprocess.CompletedProcess[Any]) -> None:
        """Check what a run of the ``cadre`` console script wrote: standard output and a
        ``.json`` file given to ``--output``/``-o``."""
        where = "cadre " + " ".join(argv[1:])
        if isinstance(done.stdout, str | bytes):
            self.check_text(done.stdout, f"{where} (standard output)")
        for flag, value in itertools.pairwise(argv):
            path = Path(value)
            if flag in ("--output", "-o") and path.suffix.lower() == ".json" and path.is_file():
                self.check_text(path.read_bytes(), f"{where} ({value})")


def _argv(args: Any) -> list[str] | None:
    """A command given to ``subprocess.run`` as a list of strings, when it is a list."""
    if not isinstance(args, list | tuple):
        return None
    if not all(isinstance(a, str | bytes | os.PathLike) for a in args):
        return None
    return [os.fsdecode(a) for a in args]


def _checked_run(real: Callable[..., Any], documents: JsonDocuments) -> Callable[..., Any]:
    @functools.wraps(real)
    def run(*args: Any, **kwargs: Any) -> Any:
        done = real(*args, **kwargs)
        argv = _argv(args[0] if args else kwargs.get("args"))
        if argv and Path(argv[0]).name == "cadre":
            documents.check_cadre_run(argv, done)
        return done

    return run


def _checked_to_dict(real: Callable[..., dict[str, Any]], documents: JsonDocuments) -> Any:
    @functools.wraps(real)
    def to_dict(self: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        doc = real(self, *args, **kwargs)  # (Evaluation.to_dict takes the messages' lang)
        documents.check(doc, f"{type(self).__name__}.to_dict()")
        return doc

    return to_dict


_DOCUMENTS = JsonDocuments()


@pytest.fixture(scope="session", autouse=True)
def _json_documents_follow_the_schema() -> Iterator[JsonDocuments]:
    """Check every evaluation and plan the session makes (see the module docstring)."""
    from cadre_core.engine import Evaluation
    from cadre_core.planner._result import Plan

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(subprocess, "run", _checked_run(subprocess.run, _DOCUMENTS))
        for cls in (Evaluation, Plan):
            mp.setattr(cls, "to_dict", _checked_to_dict(cls.to_dict, _DOCUMENTS))
        yield _DOCUMENTS


@pytest.fixture
def json_documents(_json_documents_follow_the_schema: JsonDocuments) -> JsonDocuments:
    """The session's schema check of JSON documents (see the module docstring)."""
    return _json_documents_follow_the_schema


@pytest.fixture
def solver_calls(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """The planner's HiGHS calls, in order, as they are made: ``True`` for a linear
    relaxation, ``False`` for an integer model (``cadre_core.planner._milp._milp``
    wrapped for the test)."""
    from cadre_core.planner import _milp

    calls: list[bool] = []
    real = _milp._milp

    def counted(*args: Any, linear: bool = False, **kwargs: Any) -> Any:
        calls.append(linear)
        return real(*args, linear=linear, **kwargs)

    monkeypatch.setattr(_milp, "_milp", counted)
    return calls


@pytest.fixture
def dask_client() -> Iterator[Any]:
    """A client of a fresh local Dask cluster of two worker processes (one thread each,
    no dashboard), started on loopback for the test and shut down after it; the test is
    skipped without the ``dask`` extra."""
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client
