"""JSON: stable, documented objects for programs (see README, "JSON formats")."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from factcheck.claim import Document
from factcheck.serialize import claim_to_json, document_to_json

SCHEMA_VERSION = 1
"""Bumped only when a key is removed or changes meaning; new keys may appear at any time."""


def dumps(data: Any) -> str:
    """The project's JSON text: UTF-8, two-space indent, keys in the order given."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def render_extract(docs: Sequence[Document], **_: Any) -> str:
    """``{"schema_version", "documents", "claims"}``; each claim names its ``source``."""
    return dumps(
        {
            "schema_version": SCHEMA_VERSION,
            "documents": [document_to_json(d) for d in docs],
            "claims": [claim_to_json(c) for d in docs for c in d.claims],
        }
    )


def _diff_claim(claim: Any) -> Any:
    return None if claim is None else claim_to_json(claim)


def render_diff(report: Any, *, all: bool = False, **_: Any) -> str:  # noqa: A002
    """``{"schema_version", "old", "new", "changed", "summary", "changes", "warnings",
    "findings"}`` (see README, "JSON formats", ``diff``)."""
    from factcheck.serialize import fraction_text, json_number  # noqa: PLC0415

    def exact(value: Any) -> Any:
        return None if value is None else fraction_text(value)

    changes = [
        {
            "kind": c.kind,
            "message": c.message,
            "old": _diff_claim(c.old),
            "new": _diff_claim(c.new),
            "delta": json_number(c.delta),
            "delta_exact": exact(c.delta),
            "delta_unit": c.old.unit if c.delta is not None else None,
            "relative": json_number(c.relative),
            "relative_exact": exact(c.relative),
            "aspects": list(c.aspects),
        }
        for c in report.visible(all=all)
    ]

    def finding(f: Any) -> dict[str, Any]:
        return {"rule": f.rule, "verdict": f.verdict, "message": f.message,
                "claims": list(f.claim_ids)}

    return dumps(
        {
            "schema_version": SCHEMA_VERSION,
            "old": document_to_json(report.old),
            "new": document_to_json(report.new),
            "changed": report.has_changes,
            "summary": report.counts(),
            "changes": changes,
            "warnings": [
                {"kind": w.kind, "message": w.message, "old": _diff_claim(w.old),
                 "new": _diff_claim(w.new)}
                for w in report.warnings
            ],
            "findings": {
                "checked": report.findings_checked,
                "appeared": [finding(f) for f in report.findings_appeared],
                "disappeared": [finding(f) for f in report.findings_disappeared],
            },
        }
    )


def finding_to_json(finding: Any) -> dict[str, Any]:
    """The stable JSON object of a consistency finding (README, "JSON formats", ``check``)."""
    return {
        "rule": finding.rule,
        "verdict": finding.verdict.value,
        "message": finding.message,
        "source": finding.source,
        "line": finding.line,
        "subject": finding.subject,
        "claims": [claim_to_json(c) for c in finding.claims],
    }


def render_check(report: Any, **_: Any) -> str:
    """``{"schema_version", "sources", "summary", "findings"}`` for a check report."""
    return dumps(
        {
            "schema_version": SCHEMA_VERSION,
            "sources": list(report.sources),
            "summary": report.summary,
            "findings": [finding_to_json(f) for f in report.findings],
        }
    )
