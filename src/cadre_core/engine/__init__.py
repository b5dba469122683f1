"""The engine stage: every target of the loaded plugins, per commune, as of a day.

One pipeline (``_pipeline``): prepare the plugin host, the targets and the parameters
once; let a backend compute the per-commune results; finish them into one
:class:`Evaluation`. Two backends, chosen by name (``evaluate(..., engine=...)``):
``"pandas"`` (the default: one feature frame for the whole roster, in this process) and
``"dask"`` (``_dask``: partitions of whole communes on a Dask cluster, the ``dask``
extra), which give the same evaluation. ``evaluate_days`` evaluates many days of one roster (a
trend), sharing what does not depend on the day; ``iter_days`` gives them one at a time. Backends register themselves by name
(``_pipeline.register_engine``), so the pipeline never imports one. The results
(``Evaluation``, ``CommuneResult``, ``TargetResult``) and their JSON are ``_results``. Helpers:
``_documents`` (the JSON documents the command line and the HTTP service both answer), ``_json``
(the JSON text of large documents), ``_schema`` (the published JSON Schemas of the
documents the command line writes, and ``SCHEMA_VERSION``), ``_privacy`` (pseudonyms). The
garbage collector is paused while results are built (:mod:`cadre_core.vocab._gc`).

The engine imports only the stages below it (plugins, findings, targets, features,
roster, vocab), never the planner, the reports, the command line or the root package.
"""

from cadre_core.engine._dask import commune_partitions, evaluate_dask
from cadre_core.engine._pipeline import evaluate, evaluate_days, iter_days
from cadre_core.engine._results import STATUSES, CommuneResult, Evaluation, TargetResult
from cadre_core.engine._schema import (
    SCHEMA_VERSION,
    SchemaError,
    json_schema,
    schema_errors,
    schema_for,
    schema_names,
    schema_text,
)

__all__ = [
    "SCHEMA_VERSION",
    "STATUSES",
    "CommuneResult",
    "Evaluation",
    "SchemaError",
    "TargetResult",
    "commune_partitions",
    "evaluate",
    "evaluate_dask",
    "evaluate_days",
    "iter_days",
    "json_schema",
    "schema_errors",
    "schema_for",
    "schema_names",
    "schema_text",
]
