"""Snapshot files: a factsheet version's claims saved as TOML, one ``[[claims]]`` block each.

The format is made for people and for ``git diff``: one block per claim in document order,
fixed key order, exact values as text ("4130000000", "2/3"), and a schema version. Ids and
counted nouns may be edited by hand; loading validates every block and names the file and line
of the first problem.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import cattrs
import tomli_w

from factcheck.claim import Claim, Document
from factcheck.errors import SnapshotError
from factcheck.serialize import claim_from_record, claim_record

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

__all__ = ["SCHEMA", "SCHEMA_VERSION", "dumps_snapshot", "is_snapshot_text", "loads_snapshot"]

SCHEMA = "factcheck-snapshot"
"""The value of the ``schema`` key that marks a TOML file as a factcheck snapshot."""
SCHEMA_VERSION = 1
"""The snapshot format version this factcheck writes and reads."""

_CLAIMS_HEADER = re.compile(r"(?m)^[ \t]*\[\[[ \t]*claims[ \t]*\]\][ \t]*(?:#.*)?$")
_TOML_LINE = re.compile(r"at line (\d+)")


def dumps_snapshot(doc: Document) -> str:
    """The snapshot text of a document."""
    head: dict[str, Any] = {"schema": SCHEMA, "schema_version": SCHEMA_VERSION}
    for key in ("source", "revision", "title", "date", "format"):
        value = getattr(doc, key)
        if value is not None:
            head[key] = value
    head["claims"] = [claim_record(c) for c in doc.claims]
    return tomli_w.dumps(head, multiline_strings=False)


def is_snapshot_text(text: str) -> bool:
    """True when *text* looks like a snapshot (a TOML file naming factcheck's schema)."""
    return bool(re.search(r'(?m)^\s*schema\s*=\s*["\']' + SCHEMA + r'["\']', text[:4096]))


def loads_snapshot(text: str, path: str = "<snapshot>") -> Document:
    """Read a snapshot's text back into the :class:`Document` it was written from.

    Raises :class:`SnapshotError` with the file and line of the first malformed block.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = _TOML_LINE.search(str(exc))
        raise SnapshotError(
            f"not valid TOML: {str(exc).split(' (at')[0]}",
            path,
            int(m.group(1)) if m else None,
        ) from None
    if "schema" not in data:
        raise SnapshotError(
            f"not a factcheck snapshot: a .toml file is read as one, and this one has no "
            f"'schema = \"{SCHEMA}\"' line (a rules file goes with --rules)", path, 1)
    if data.get("schema") != SCHEMA:
        raise SnapshotError(f"expected schema = {SCHEMA!r}, got {data.get('schema')!r}", path,
                            _key_line(text, "schema") or 1)
    version = data.get("schema_version")
    if version != SCHEMA_VERSION:
        raise SnapshotError(
            f"unsupported schema_version {version!r}; this factcheck reads {SCHEMA_VERSION}",
            path,
            _key_line(text, "schema_version"),
        )
    blocks = data.get("claims", [])
    if not isinstance(blocks, list):
        raise SnapshotError("'claims' must be an array of [[claims]] tables", path, 1)
    header_lines = [text.count("\n", 0, m.start()) + 1 for m in _CLAIMS_HEADER.finditer(text)]
    claims: list[Claim] = []
    seen: dict[str, int] = {}
    for i, block in enumerate(blocks):
        line = header_lines[i] if i < len(header_lines) else None
        if not isinstance(block, dict):
            raise SnapshotError("each claim must be a [[claims]] table", path, line)
        try:
            claim = claim_from_record(block)
        except KeyError as exc:
            raise SnapshotError(f"claim is missing the field {exc.args[0]!r}", path, line) from None
        except cattrs.BaseValidationError as exc:
            detail = "; ".join(cattrs.transform_error(exc, path="claim"))
            raise SnapshotError(f"malformed claim: {detail}", path, line) from None
        except (ValueError, TypeError) as exc:
            raise SnapshotError(f"malformed claim: {exc}", path, line) from None
        if not claim.id:
            raise SnapshotError("claim id must not be empty", path, line)
        if claim.id in seen:
            raise SnapshotError(
                f"duplicate claim id {claim.id!r} (first at line {seen[claim.id]})", path, line
            )
        seen[claim.id] = line or 0
        claims.append(claim)
    for key in ("source", "revision", "title", "date", "format"):
        if key in data and not isinstance(data[key], str):
            raise SnapshotError(f"{key!r} must be a string", path, _key_line(text, key))
    return Document(
        source=data.get("source", path),
        claims=tuple(claims),
        revision=data.get("revision"),
        title=data.get("title"),
        date=data.get("date"),
        format=data.get("format"),
    )


def _key_line(text: str, key: str) -> int | None:
    m = re.search(rf"(?m)^\s*{re.escape(key)}\s*=", text)
    return text.count("\n", 0, m.start()) + 1 if m else None


def save_snapshot(doc: Document, path: str | Path) -> None:
    """Write a document's snapshot to *path* atomically."""
    from factcheck.sources import write_atomic  # noqa: PLC0415

    write_atomic(Path(path), dumps_snapshot(doc))
