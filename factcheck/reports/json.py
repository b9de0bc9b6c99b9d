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
