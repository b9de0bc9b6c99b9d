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
    """The project's JSON text: UTF-8, two-space indent, keys in the order given.

    The same text as ``json.dumps(data, indent=2, ensure_ascii=False)``, written faster: the
    standard library writes indented JSON in pure Python, so here every object or array whose
    items hold no object or array (a claim, a list of aspects) is written by the C encoder in
    one call, its item separator carrying the line break and the indent.
    """
    out: list[str] = []
    _indented(data, 0, out)
    out.append("\n")
    return "".join(out)


_LEAF = json.JSONEncoder(ensure_ascii=False, check_circular=False)
_FLAT: list[json.JSONEncoder] = []


def _flat_encoder(depth: int) -> json.JSONEncoder:
    """The C encoder for the items of a flat object or array *depth* levels deep."""
    while len(_FLAT) <= depth:
        pad = "  " * (len(_FLAT) + 1)
        _FLAT.append(json.JSONEncoder(ensure_ascii=False, check_circular=False,
                                      separators=(",\n" + pad, ": ")))
    return _FLAT[depth]


_LEAF_TYPES = frozenset({str, int, float, bool, type(None)})


def _indented(obj: Any, depth: int, out: list[str]) -> None:
    if isinstance(obj, dict):
        items: Any = obj.values()
        open_, close = "{", "}"
    elif isinstance(obj, (list, tuple)):
        items, open_, close = obj, "[", "]"
    else:
        out.append(_LEAF.encode(obj))
        return
    if not obj:
        out.append(open_ + close)
        return
    pad = "  " * (depth + 1)
    if _LEAF_TYPES.issuperset(map(type, items)):
        out += (open_, "\n", pad, _flat_encoder(depth).encode(obj)[1:-1], "\n", pad[:-2], close)
        return
    out.append(open_)
    if isinstance(obj, dict):
        for i, (k, v) in enumerate(obj.items()):
            out += (",\n" if i else "\n", pad, _flat_encoder(0).encode({k: 0})[1:-4], ": ")
            _indented(v, depth + 1, out)
    else:
        for i, v in enumerate(obj):
            out += (",\n" if i else "\n", pad)
            _indented(v, depth + 1, out)
    out += ("\n", pad[:-2], close)


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


# --------------------------------------------------------------------------- history, blame


def version_to_json(version: Any) -> dict[str, Any]:
    """A version of a factsheet: ``version`` (file name or abbreviated commit), ``date``,
    ``commit`` (full hash, null for folders), ``author``, ``path``, ``subject``, ``title``."""
    return {
        "version": version.label,
        "date": version.date,
        "commit": version.commit,
        "author": version.author,
        "path": version.path,
        "subject": version.subject,
        "title": version.title,
    }


def _point_to_json(point: Any) -> dict[str, Any]:
    from factcheck.reports.text import figure_text  # noqa: PLC0415
    from factcheck.serialize import fraction_text, json_number  # noqa: PLC0415

    c, v = point.claim, point.version
    return {
        "version": v.label,
        "date": v.date,
        "commit": v.commit,
        "author": v.author,
        "value": json_number(c.value),
        "value_exact": fraction_text(c.value),
        "value_high": json_number(c.value_high),
        "unit": c.unit,
        "qualifier": c.qualifier.value,
        "figure": figure_text(c),
        "stated": c.stated,
        "quote": c.quote,
        "line": c.line,
        "column": c.provenance.column,
        "reappeared": point.reappeared,
    }


def _seen(version: Any) -> dict[str, Any]:
    return {"version": version.label, "date": version.date, "commit": version.commit}


def history_to_json(hist: Any) -> dict[str, Any]:
    """The history object (see README, "JSON formats", ``history``)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "source": hist.source,
        "kind": hist.kind,
        "versions": [version_to_json(v) for v in hist.versions],
        "notes": list(hist.notes),
        "figures": [
            {
                "id": t.id,
                "counted": t.counted,
                "unit": t.unit,
                "kind": t.kind,
                "present": t.present,
                "changes": len(t.points) - 1,
                "first_seen": _seen(t.first_seen),
                "last_seen": _seen(t.last_seen),
                "warnings": list(t.warnings),
                "values": [_point_to_json(p) for p in t.points],
            }
            for t in hist.timelines
        ],
    }


def dumps_rows(data: Any, rows: frozenset[str] = frozenset({"values", "versions"})) -> str:
    """Like :func:`dumps`, but each item of a list under a key in *rows* is on one line.

    A long history has thousands of versions and values: one line each keeps the file easy
    to read and diff, and lets the C encoder write them (an indented dump is pure Python).
    """
    def enc(obj: Any, pad: str, key: str | None) -> str:
        if isinstance(obj, dict) and obj:
            inner = pad + "  "
            body = ",\n".join(
                f"{inner}{json.dumps(k, ensure_ascii=False)}: {enc(v, inner, k)}"
                for k, v in obj.items()
            )
            return "{\n" + body + "\n" + pad + "}"
        if isinstance(obj, list) and obj:
            inner = pad + "  "
            if key in rows:
                items = (json.dumps(x, ensure_ascii=False) for x in obj)
            else:
                items = (enc(x, inner, None) for x in obj)
            return "[\n" + ",\n".join(inner + x for x in items) + "\n" + pad + "]"
        return json.dumps(obj, ensure_ascii=False)

    return enc(data, "", None) + "\n"


def render_history(hist: Any, **_: Any) -> str:
    """``{"schema_version", "source", "kind", "versions", "notes", "figures"}``; each figure
    has ``id``, ``counted``, ``unit`` and ``values`` (its value at each change, in time order,
    one per line)."""
    return dumps_rows(history_to_json(hist))


def blame_to_json(blame: Any) -> dict[str, Any]:
    """The blame object (see README, "JSON formats", ``blame``)."""
    claims = []
    for e in blame.entries:
        v = e.version
        obj = claim_to_json(e.claim)
        obj.update(
            {
                "commit": v.commit,
                "author": v.author,
                "date": v.date,
                "version": v.label,
                "subject": v.subject,
                "uncommitted": e.uncommitted,
            }
        )
        claims.append(obj)
    return {
        "schema_version": SCHEMA_VERSION,
        "source": blame.source,
        "version": version_to_json(blame.version),
        "notes": list(blame.notes),
        "claims": claims,
    }


def render_blame(blame: Any, **_: Any) -> str:
    """``{"schema_version", "source", "version", "notes", "claims"}``; each claim is the
    extract JSON claim object plus ``commit``, ``author``, ``date`` of its last change."""
    return dumps(blame_to_json(blame))


def render_report(report: Any, **options: Any) -> str:
    """``{"schema_version", "source", "check", "diff", "cross_version", "history"}``: the
    check, diff and history objects as their own commands print them (without their
    ``schema_version``)."""
    import json  # noqa: PLC0415

    def inner(text: str) -> Any:
        data = json.loads(text)
        data.pop("schema_version", None)
        return data

    return dumps_rows(
        {
            "schema_version": SCHEMA_VERSION,
            "source": report.source,
            "check": None if report.check is None else inner(render_check(report.check)),
            "diff": None if report.diff is None else inner(render_diff(report.diff)),
            "cross_version": [finding_to_json(f) for f in report.cross_version],
            "history": {k: v for k, v in history_to_json(report.history).items()
                        if k != "schema_version"},
        }
    )


def render_diffs(result: Any, *, all: bool = False, **_: Any) -> str:  # noqa: A002
    """``{"schema_version", "range", "base", "tip", "changed", "files"}``; each file is
    ``{"status", "old_path", "new_path"}`` plus the ``diff`` JSON object (without its
    ``schema_version``)."""
    import json  # noqa: PLC0415

    files = []
    for f in result.files:
        body = json.loads(render_diff(f.diff, all=all))
        body.pop("schema_version", None)
        files.append({"status": f.status, "old_path": f.old_path, "new_path": f.new_path,
                      **body})
    return dumps(
        {
            "schema_version": SCHEMA_VERSION,
            "range": result.spec,
            "base": result.base,
            "tip": result.tip,
            "changed": result.has_changes,
            "files": files,
        }
    )
