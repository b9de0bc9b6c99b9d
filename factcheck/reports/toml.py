"""TOML: the snapshot format (see :mod:`factcheck.snapshot`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from factcheck.claim import Document
from factcheck.snapshot import dumps_snapshot


def render_extract(docs: Sequence[Document], **_: Any) -> str:
    """The snapshot of one document."""
    if len(docs) != 1:
        raise ValueError("a snapshot holds one document")
    return dumps_snapshot(docs[0])
