"""HTML: one self-contained page (inline CSS, no scripts, no external resources).

Every piece of document text goes through :func:`escape`; the page shell (:func:`page`),
the figure highlighter (:func:`highlight`) and each report's body fragment (such as
:func:`diff_section`) are separate so that a combined report can put several results on one
page.
"""

from __future__ import annotations

import html as _html
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover - typing only
    from factcheck.claim import Claim, Document
    from factcheck.differ import Change, DiffReport

BASE_CSS = """\
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;\
max-width:78em;padding:0 1em;color:#1b1f24;background:#fff}
h1{font-size:1.5em}h2{font-size:1.25em;margin-top:1.6em}h3{font-size:1.1em}
table{border-collapse:collapse;width:100%;margin:.5em 0 1.2em}
th,td{border:1px solid #d0d7de;padding:.35em .55em;text-align:left;vertical-align:top}
th{background:#f6f8fa}
mark{background:#fff3b0;padding:0 .1em}
.sentence{color:#57606a;font-size:.92em;margin-top:.25em}
.figure{font-weight:600}
.line{color:#57606a;font-size:.85em;white-space:nowrap}
.summary{font-size:1.05em}
.k-changed{border-left:4px solid #bf8700}.k-requalified{border-left:4px solid #0969da}
.k-added{border-left:4px solid #1a7f37}.k-removed{border-left:4px solid #cf222e}
.k-reworded,.k-moved{border-left:4px solid #8c959f}
.warning{color:#9a6700}
.muted{color:#57606a}
"""
"""The stylesheet every factcheck page starts from."""


def escape(text: str | None) -> str:
    """Document text made inert for HTML (quotes too, so it is safe inside attributes)."""
    return _html.escape(text or "", quote=True)


def highlight(sentence: str, span: tuple[int, int]) -> str:
    """*sentence*, escaped, with the characters in *span* wrapped in ``<mark>``."""
    a, b = span
    a = max(0, min(a, len(sentence)))
    b = max(a, min(b, len(sentence)))
    if a == b:
        return escape(sentence)
    return f"{escape(sentence[:a])}<mark>{escape(sentence[a:b])}</mark>{escape(sentence[b:])}"


def page(title: str, body: str, *, css: str = BASE_CSS) -> str:
    """A whole HTML document: *title* (plain text, escaped here) around *body* (HTML)."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>\n{css}</style>\n</head>\n<body>\n"
        f"{body}</body>\n</html>\n"
    )


def html_table(header: Sequence[str], rows: Sequence[tuple[str, Sequence[str]]]) -> str:
    """A table from escaped header cells and rows of (row class, escaped cells)."""
    out = ["<table>", "<tr>" + "".join(f"<th>{h}</th>" for h in header) + "</tr>"]
    for cls, cells in rows:
        attr = f' class="{escape(cls)}"' if cls else ""
        out.append(f"<tr{attr}>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    out.append("</table>")
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


def claim_cell(claim: Claim | None) -> str:
    """A claim as a table cell: its figure, its line, and its sentence with the figure marked."""
    if claim is None:
        return '<span class="muted">—</span>'
    from factcheck.differ import figure_span  # noqa: PLC0415
    from factcheck.reports.text import figure_text  # noqa: PLC0415

    return (
        f'<span class="figure">{escape(figure_text(claim))}</span> '
        f'<span class="line">line {claim.line}</span>'
        f'<div class="sentence">{highlight(claim.provenance.sentence, figure_span(claim))}</div>'
    )


def _diff_row(change: Change) -> tuple[str, list[str]]:
    from factcheck.differ import change_delta_text  # noqa: PLC0415

    return (
        f"k-{change.kind}",
        [
            escape(change.label),
            claim_cell(change.old),
            claim_cell(change.new),
            escape(change_delta_text(change)),
        ],
    )


def diff_section(report: DiffReport, *, all: bool = False, level: int = 2) -> str:  # noqa: A002
    """The body of a diff report (no page shell): summary, a table per change kind with old
    and new sentences side by side, warnings, consistency findings. *level* is the heading
    level of the section title."""
    h, sub = f"h{level}", f"h{min(level + 1, 6)}"
    n = report.counts()
    counts = ", ".join(f"{n[k]} {k}" for k in ("changed", "requalified", "added", "removed"))
    hidden = ""
    if not all and (n["reworded"] or n["moved"]):
        hidden = f" ({n['reworded']} reworded and {n['moved']} moved not shown)"
    parts = [
        f"<{h}>Figures: {escape(version_name(report.old))} → "
        f"{escape(version_name(report.new))}</{h}>",
        f'<p class="summary"><strong>{escape(counts)}</strong>{escape(hidden)}</p>',
    ]
    shown = report.visible(all=all)
    if not shown:
        parts.append("<p>No figure changed.</p>")
    header = ["counted", escape(version_name(report.old)), escape(version_name(report.new)),
              "delta"]
    for kind, heading in _DIFF_HEADINGS.items():
        rows = [_diff_row(c) for c in shown if c.kind == kind]
        if rows:
            parts.append(f"<{sub}>{heading} ({len(rows)})</{sub}>")
            parts.append(html_table(header, rows).rstrip("\n"))
    if report.warnings:
        parts.append(f"<{sub}>Warnings ({len(report.warnings)})</{sub}>")
        parts.append(
            "<ul>"
            + "".join(
                f'<li class="warning">{escape(w.kind)}: {escape(w.message)}</li>'
                for w in report.warnings
            )
            + "</ul>"
        )
    for title, found in (
        ("Consistency findings that appeared", report.findings_appeared),
        ("Consistency findings that disappeared", report.findings_disappeared),
    ):
        if found:
            parts.append(f"<{sub}>{title} ({len(found)})</{sub}>")
            parts.append(
                "<ul>"
                + "".join(
                    f"<li><code>{escape(f.rule)}</code> ({escape(f.verdict)}): "
                    f"{escape(f.message)}"
                    + (f' <span class="muted">[{escape(", ".join(f.claim_ids))}]</span>'
                       if f.claim_ids else "")
                    + "</li>"
                    for f in found
                )
                + "</ul>"
            )
    return "\n".join(parts) + "\n"


def render_diff(report: DiffReport, *, all: bool = False, **_: Any) -> str:  # noqa: A002
    """A self-contained HTML page of a diff report."""
    title = f"factcheck diff: {version_name(report.old)} → {version_name(report.new)}"
    return page(title, diff_section(report, all=all, level=1))
