"""GitHub Actions workflow commands: an annotation on the line of each finding to look at.

``inconsistent`` is ``::error``, ``undetermined`` ``::warning`` (``::error`` with
``strict``); consistent checks make no annotation. A last plain line sums up. Annotations alone
do not fail a job: the exit status of ``factcheck check`` does. A file read from git
(``check --rev``) is named by its path in the working tree, where GitHub attaches annotations.
"""

from __future__ import annotations

from typing import Any

from factcheck.gitsource import worktree_path


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render_check(report: Any, *, strict: bool = False, **_: Any) -> str:
    """Workflow commands for a check report."""
    out = []
    for f in report.findings:
        verdict = f.verdict.value
        if verdict == "consistent":
            continue
        level = "error" if verdict == "inconsistent" or strict else "warning"
        anchor = next((c for c in f.claims if c.line == f.line), None)
        col = f",col={anchor.provenance.column}" if anchor is not None else ""
        title = _prop(f"factcheck {f.rule}: {verdict}")
        out.append(f"::{level} file={_prop(worktree_path(f.source))},line={f.line}{col},title={title}::"
                   f"{_data(f.message)}")
    s = report.summary
    out.append(f"factcheck: {s['checks']} checks: {s['consistent']} consistent, "
               f"{s['inconsistent']} inconsistent, {s['undetermined']} undetermined")
    return "\n".join(out) + "\n"
