"""SARIF 2.1.0: consistency findings for code-scanning tools (GitHub code scanning and others).

Each finding is a result: ``inconsistent`` is ``kind: fail``, ``level: error``;
``undetermined`` is ``kind: open`` (the tool could not decide), or a ``warning`` failure with
``strict``; ``consistent`` is ``kind: pass``. The location is the line the finding points at;
the claims it involves are ``relatedLocations``.
"""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from factcheck import __version__
from factcheck.gitsource import worktree_path

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
"""The ``$schema`` written at the top of every SARIF file."""

_RULE_TEXT = {
    "sum": "Parts add up to the total the text states.",
    "part-of": "Parts named with 'including', 'of which' and the like do not exceed their total.",
    "restated": "A figure stated twice (same thing counted, scope and time) agrees.",
    "units": "Parts and totals share a dimension; money is added only at a declared rate.",
    "share": "A percentage matches its part divided by its whole.",
    "shares": "Shares of one whole add up to at most 100%.",
}


def _uri(source: str) -> str:
    """A file's URI: its working-tree path (a file read from git is named REV:PATH)."""
    return quote(PurePath(worktree_path(source)).as_posix(), safe="/:._-~")


def _location(source: str, line: int, column: int | None = None, snippet: str | None = None,
              message: str | None = None, ident: int | None = None) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": max(line, 1)}
    if column:
        region["startColumn"] = column
    if snippet:
        region["snippet"] = {"text": snippet}
    loc: dict[str, Any] = {
        "physicalLocation": {"artifactLocation": {"uri": _uri(source)}, "region": region}
    }
    if ident is not None:
        loc["id"] = ident
    if message:
        loc["message"] = {"text": message}
    return loc


def render_check(report: Any, *, strict: bool = False, **_: Any) -> str:
    """The SARIF log of a check report: one run, one result per check made."""
    rule_ids = sorted({f.rule for f in report.findings})
    rules = [
        {
            "id": r,
            "name": r.replace(":", "-"),
            "shortDescription": {
                "text": _RULE_TEXT.get(r, f"The rule {r!r} holds between the figures.")
            },
        }
        for r in rule_ids
    ]
    results = []
    for f in report.findings:
        verdict = f.verdict.value
        if verdict == "inconsistent":
            kind, level = "fail", "error"
        elif verdict == "undetermined":
            kind, level = ("fail", "warning") if strict else ("open", "none")
        else:
            kind, level = "pass", "none"
        anchor = next((c for c in f.claims if c.line == f.line), None)
        result: dict[str, Any] = {
            "ruleId": f.rule,
            "ruleIndex": rule_ids.index(f.rule),
            "kind": kind,
            "level": level,
            "message": {"text": f"{verdict}: {f.message}"},
            "locations": [
                _location(f.source, f.line, anchor.provenance.column if anchor else None,
                          " ".join(anchor.quote.split()) if anchor else None)
            ],
            "partialFingerprints": {"factcheckSubject/v1": f"{f.rule}:{f.subject}"},
        }
        related = [
            _location(c.provenance.source, c.line, c.provenance.column,
                      " ".join(c.quote.split()), message=c.id, ident=i)
            for i, c in enumerate(f.claims)
        ]
        if related:
            result["relatedLocations"] = related
        results.append(result)
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "factcheck",
                        "version": __version__,
                        "informationUri": "https://pypi.org/project/factcheck-figures/",
                        "rules": rules,
                    }
                },
                "artifacts": [{"location": {"uri": u}}
                              for u in dict.fromkeys(_uri(s) for s in report.sources)],
                "results": results,
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
