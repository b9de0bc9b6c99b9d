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

DIFF_HEADINGS = {
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
    for kind, heading in DIFF_HEADINGS.items():
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


# --------------------------------------------------------------------------- history, blame, report


def _version_cell(version: Any) -> str:
    from factcheck.reports.text import version_text  # noqa: PLC0415

    return code(version_text(version))


def history_section(hist: Any, *, level: int = 2) -> str:
    """The body of a history (no document title): an overview table of every figure with
    its values at a glance, then a table of the changes of each figure that changed."""
    from factcheck.reports.text import (  # noqa: PLC0415
        _history_head,
        figure_text,
        series_text,
        unit_text,
    )

    h, sub = "#" * level, "#" * min(level + 1, 6)
    git = hist.kind == "git"
    parts = [f"{h} Figures over time", "", escape(_history_head(hist))]
    if hist.notes:
        parts += ["", *[f"> **Note:** {escape(n)}" for n in hist.notes]]
    rows = []
    for t in hist.timelines:
        latest = t.latest
        status = "" if t.present else f" (last in {_version_cell(t.last_seen)})"
        rows.append([
            code(t.id),
            escape(t.counted),
            escape(unit_text(t.unit)),
            escape(series_text(t)),
            _version_cell(t.first_seen),
            f"{_version_cell(latest.version)}{status}",
        ])
    parts += ["", table(["figure", "counted", "unit", "values", "first", "last change"],
                        rows).rstrip("\n")]
    changed = [t for t in hist.timelines if t.changed]
    if changed:
        parts += ["", f"{sub} Changes, figure by figure"]
    header = ["date", "version", *(["author"] if git else []), "figure", "line", "quote"]
    for t in changed:
        rows = []
        for p in t.points:
            v = p.version
            row = [escape((v.date or "")[:10]), code(v.label)]
            if git:
                row.append(escape(v.author or ""))
            row += [escape(figure_text(p.claim) + (" (back)" if p.reappeared else "")),
                    str(p.claim.line), escape(" ".join(p.claim.quote.split()))]
            rows.append(row)
        parts += ["", f"**{code(t.id)}** ({escape(t.counted)}): {escape(series_text(t))}", "",
                  table(header, rows).rstrip("\n")]
        parts += [f"- warning: {escape(w)}" for w in t.warnings]
    return "\n".join(parts) + "\n"


def render_history(hist: Any, **_: Any) -> str:
    """Every figure's timeline, for an issue or a pull request."""
    return f"# History of {code(hist.source)}\n\n" + history_section(hist)


def render_blame(blame: Any, **_: Any) -> str:
    """A table of the current version's claims and the revision that last changed each."""
    from factcheck.reports.text import figure_text, version_text  # noqa: PLC0415

    parts = [f"# Blame of {code(blame.source)} at {code(version_text(blame.version))}", ""]
    parts += [f"> **Note:** {escape(n)}" for n in blame.notes]
    rows = [
        [
            str(e.claim.line),
            code(e.claim.id),
            escape(figure_text(e.claim)),
            code(e.version.label),
            escape((e.version.date or "")[:10]),
            escape(e.version.author or ""),
            escape(e.version.subject or e.version.title or ""),
        ]
        for e in blame.entries
    ]
    parts.append(table(["line", "id", "figure", "changed in", "date", "author", "subject"],
                       rows).rstrip("\n"))
    return "\n".join(parts) + "\n"


def check_section(check: Any, *, level: int = 2) -> str:
    """A check report as a Markdown section: the summary, then problems first."""
    h = "#" * level
    s = check.summary
    order = {"inconsistent": 0, "undetermined": 1, "consistent": 2}
    findings = sorted(check.findings, key=lambda f: (order[f.verdict.value], f.line))
    parts = [
        f"{h} Consistency of the latest version",
        "",
        f"**{s['checks']} check{'s' if s['checks'] != 1 else ''}: {s['consistent']} "
        f"consistent, {s['inconsistent']} "
        f"inconsistent, {s['undetermined']} undetermined**",
    ]
    if findings:
        rows = [[str(f.line), escape(f.verdict.value), code(f.rule), escape(f.message)]
                for f in findings]
        parts += ["", table(["line", "verdict", "rule", "message"], rows).rstrip("\n")]
    return "\n".join(parts) + "\n"


def render_report(report: Any, **_: Any) -> str:
    """The main report: the check of the latest version, the changes since the previous
    one, the cross-version rule, and every figure's timeline."""
    from factcheck.reports.text import version_text  # noqa: PLC0415

    hist = report.history
    parts = [
        f"# factcheck report: {code(report.source)}",
        "",
        f"{len(hist.versions)} versions; the latest is {code(version_text(hist.versions[-1]))}.",
        "",
    ]
    if report.check is not None:
        parts.append(check_section(report.check))
    if report.diff is not None:
        parts += ["## Changes since the previous version", "", render_diff(report.diff)]
    if report.cross_version:
        parts += ["## Across the two versions", ""]
        parts += [f"- line {f.line}, {escape(f.verdict.value)}: {escape(f.message)}"
                  for f in report.cross_version]
        parts.append("")
    parts.append(history_section(hist))
    return "\n".join(parts).rstrip("\n") + "\n"


def render_diffs(result: Any, *, all: bool = False, **_: Any) -> str:  # noqa: A002
    """The change report of each factsheet changed in a range: one pull-request comment."""
    n = len(result.files)
    parts = [f"## Figures changed in {code(result.spec)}: {n} factsheet{'s' if n != 1 else ''}"]
    parts += [render_diff(f.diff, all=all).rstrip("\n") for f in result.files]
    return "\n\n".join(parts) + "\n"
