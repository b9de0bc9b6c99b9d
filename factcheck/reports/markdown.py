"""Markdown: for pull-request comments and issue trackers (GitHub-flavoured tables).

Every piece of document text is escaped with :func:`escape`, so a quote holding ``|``, ``*``
or ``<script>`` cannot break a table or inject markup into the comment.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover - typing only
    from factcheck.claim import Claim, Document
    from factcheck.differ import Change, DiffReport

_ESCAPED = str.maketrans(
    {
        "&": "&amp;", "<": "&lt;", ">": "&gt;", "\\": "\\\\", "`": "\\`", "*": "\\*",
        "_": "\\_", "[": "\\[", "]": "\\]", "|": "\\|", "~": "\\~", "#": "\\#",
        "\n": " ", "\r": " ",
    }
)


def escape(text: str) -> str:
    """Text made inert for Markdown: HTML specials as entities, Markdown marks backslashed,
    line breaks folded (a table cell is one line)."""
    return text.translate(_ESCAPED)


def code(text: str) -> str:
    """Inline code that holds any text: the fence is longer than any run of backticks in it."""
    text = text.replace("\n", " ")
    run = longest = 0
    for ch in text:
        run = run + 1 if ch == "`" else 0
        longest = max(longest, run)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A GitHub-flavoured table; cells must already be escaped."""
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out.extend("| " + " | ".join(r) + " |" for r in rows)
    return "\n".join(out) + "\n"


def version_name(doc: Document) -> str:
    """How a report names a document version: its source, and its date when known."""
    if doc.date and doc.date not in doc.source:
        return f"{doc.source} ({doc.date})"
    return doc.source


# --------------------------------------------------------------------------- diff

_DIFF_HEADINGS = {
    "changed": "Changed",
    "requalified": "Requalified",
    "added": "Added",
    "removed": "Removed",
    "reworded": "Reworded",
    "moved": "Moved",
}


def _figure_cell(claim: Claim | None) -> str:
    if claim is None:
        return ""
    from factcheck.reports.text import figure_text  # noqa: PLC0415

    return escape(figure_text(claim))


def _line(claim: Claim | None) -> str:
    return "–" if claim is None else str(claim.line)


def _diff_row(change: Change) -> list[str]:
    from factcheck.differ import change_delta_text  # noqa: PLC0415

    return [
        escape(change.label),
        _figure_cell(change.old),
        _figure_cell(change.new),
        escape(change_delta_text(change)),
        f"{_line(change.old)} → {_line(change.new)}",
    ]


def diff_summary(report: DiffReport, *, all: bool = False) -> str:  # noqa: A002
    """The summary line of a diff: counts of each shown kind, and what is hidden."""
    n = report.counts()
    head = ", ".join(f"{n[k]} {k}" for k in ("changed", "requalified", "added", "removed"))
    text = f"**{head}**"
    if not all and (n["reworded"] or n["moved"]):
        text += f" ({n['reworded']} reworded and {n['moved']} moved not shown)"
    if report.findings_appeared or report.findings_disappeared:
        text += (
            f"; consistency findings: {len(report.findings_appeared)} appeared, "
            f"{len(report.findings_disappeared)} disappeared"
        )
    return text


def render_diff(report: DiffReport, *, all: bool = False, **_: Any) -> str:  # noqa: A002
    """A pull-request comment: a summary line, then a table per change kind (counted thing,
    old, new, delta, line in each version), the warnings and the consistency findings."""
    parts = [
        f"### Figures: {code(version_name(report.old))} → {code(version_name(report.new))}",
        "",
        diff_summary(report, all=all),
    ]
    shown = report.visible(all=all)
    if not shown:
        parts += ["", "No figure changed."]
    for kind, heading in _DIFF_HEADINGS.items():
        rows = [_diff_row(c) for c in shown if c.kind == kind]
        if rows:
            parts += [
                "",
                f"#### {heading} ({len(rows)})",
                "",
                table(["counted", "old", "new", "delta", "line (old → new)"], rows).rstrip("\n"),
            ]
    if report.warnings:
        parts += ["", f"#### Warnings ({len(report.warnings)})", ""]
        parts += [f"- {escape(w.kind)}: {escape(w.message)}" for w in report.warnings]
    for title, found in (
        ("Consistency findings that appeared", report.findings_appeared),
        ("Consistency findings that disappeared", report.findings_disappeared),
    ):
        if found:
            parts += ["", f"#### {title} ({len(found)})", ""]
            parts += [
                f"- {code(f.rule)} ({escape(f.verdict)}): {escape(f.message)}"
                + (f" [{escape(', '.join(f.claim_ids))}]" if f.claim_ids else "")
                for f in found
            ]
    return "\n".join(parts) + "\n"
