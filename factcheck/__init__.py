"""factcheck: keep the figures in public factsheets honest.

The public API is listed in ``__all__``; everything else may change. Names are loaded on
first use, so ``import factcheck`` stays cheap (no pint, no git) for a command-line tool.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    # the claim model
    "Claim": "factcheck.claim",
    "Document": "factcheck.claim",
    "Interval": "factcheck.claim",
    "Provenance": "factcheck.claim",
    "Qualifier": "factcheck.claim",
    "TimeContext": "factcheck.claim",
    # reading
    "extract": "factcheck.sources",  # a plain wrapper: the compiled one has no docstring
    "load": "factcheck.sources",
    "dumps_snapshot": "factcheck.snapshot",
    "loads_snapshot": "factcheck.snapshot",
    "save_snapshot": "factcheck.snapshot",
    # units
    "registry": "factcheck.units",
    # errors
    "FactcheckError": "factcheck.errors",
    "InputError": "factcheck.errors",
    "RevisionError": "factcheck.errors",
    "RulesError": "factcheck.errors",
    "SnapshotError": "factcheck.errors",
    "UnitError": "factcheck.errors",
    # rendering
    "render": "factcheck.reports",
    # checking figures against each other
    "check": "factcheck.checking",
    "CheckContext": "factcheck.checking",
    "CheckReport": "factcheck.checking",
    "Finding": "factcheck.checking",
    "Verdict": "factcheck.checking",
    "default_validators": "factcheck.checking",
    "find_relations": "factcheck.relations",
    "Relation": "factcheck.relations",
    "Rules": "factcheck.rules",
    "load_rules": "factcheck.rules",
    # diffing versions
    "diff": "factcheck.differ",
    "match": "factcheck.differ",
    "Change": "factcheck.differ",
    "DiffReport": "factcheck.differ",
    "DiffWarning": "factcheck.differ",
    "FindingChange": "factcheck.differ",
    # following figures through time
    "history": "factcheck.timeline",
    "history_of": "factcheck.timeline",
    "blame": "factcheck.timeline",
    "report": "factcheck.timeline",
    "cross_version_findings": "factcheck.timeline",
    "diff_revisions": "factcheck.timeline",
    "check_revisions": "factcheck.timeline",
    "load_at": "factcheck.timeline",
    "History": "factcheck.timeline",
    "Timeline": "factcheck.timeline",
    "Point": "factcheck.timeline",
    "Version": "factcheck.timeline",
    "Blame": "factcheck.timeline",
    "BlameEntry": "factcheck.timeline",
    "Report": "factcheck.timeline",
    "FileDiff": "factcheck.timeline",
    "RangeDiff": "factcheck.timeline",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    # The same names as _EXPORTS, imported as themselves (``X as X``): an explicit
    # re-export, so that ``mypy --strict`` accepts ``from factcheck import X`` in users' code.
    # tests/test_api.py keeps this block and _EXPORTS the same.
    from factcheck.checking import (
        CheckContext as CheckContext,
        CheckReport as CheckReport,
        Finding as Finding,
        Verdict as Verdict,
        check as check,
        default_validators as default_validators,
    )
    from factcheck.claim import (
        Claim as Claim,
        Document as Document,
        Interval as Interval,
        Provenance as Provenance,
        Qualifier as Qualifier,
        TimeContext as TimeContext,
    )
    from factcheck.differ import (
        Change as Change,
        DiffReport as DiffReport,
        DiffWarning as DiffWarning,
        FindingChange as FindingChange,
        diff as diff,
        match as match,
    )
    from factcheck.errors import (
        FactcheckError as FactcheckError,
        InputError as InputError,
        RevisionError as RevisionError,
        RulesError as RulesError,
        SnapshotError as SnapshotError,
        UnitError as UnitError,
    )
    from factcheck.relations import (
        Relation as Relation,
        find_relations as find_relations,
    )
    from factcheck.reports import (
        render as render,
    )
    from factcheck.rules import (
        Rules as Rules,
        load_rules as load_rules,
    )
    from factcheck.snapshot import (
        dumps_snapshot as dumps_snapshot,
        loads_snapshot as loads_snapshot,
        save_snapshot as save_snapshot,
    )
    from factcheck.sources import (
        extract as extract,
        load as load,
    )
    from factcheck.timeline import (
        Blame as Blame,
        BlameEntry as BlameEntry,
        FileDiff as FileDiff,
        History as History,
        Point as Point,
        RangeDiff as RangeDiff,
        Report as Report,
        Timeline as Timeline,
        Version as Version,
        blame as blame,
        check_revisions as check_revisions,
        cross_version_findings as cross_version_findings,
        diff_revisions as diff_revisions,
        history as history,
        history_of as history_of,
        load_at as load_at,
        report as report,
    )
    from factcheck.units import (
        registry as registry,
    )
