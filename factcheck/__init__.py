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
    "extract": "factcheck.extraction",
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
    from factcheck.claim import Claim, Document, Interval, Provenance, Qualifier, TimeContext
    from factcheck.differ import Change, DiffReport, DiffWarning, FindingChange, diff, match
    from factcheck.errors import (
        FactcheckError,
        InputError,
        RevisionError,
        RulesError,
        SnapshotError,
        UnitError,
    )
    from factcheck.extraction import extract
    from factcheck.checking import (
        CheckContext,
        CheckReport,
        Finding,
        Verdict,
        check,
        default_validators,
    )
    from factcheck.relations import Relation, find_relations
    from factcheck.reports import render
    from factcheck.rules import Rules, load_rules
    from factcheck.snapshot import dumps_snapshot, loads_snapshot, save_snapshot
    from factcheck.sources import load
    from factcheck.timeline import (
        Blame,
        BlameEntry,
        FileDiff,
        History,
        Point,
        RangeDiff,
        Report,
        Timeline,
        Version,
        blame,
        check_revisions,
        cross_version_findings,
        diff_revisions,
        history,
        history_of,
        load_at,
        report,
    )
    from factcheck.units import registry
