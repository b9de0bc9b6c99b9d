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
    if claim is None:
        return "–"
    from factcheck.reports.text import line_text  # noqa: PLC0415

    return line_text(claim)


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


LIMIT = 65_536
"""The most characters a GitHub comment holds: a Markdown report stays under it."""
_RESERVE = 1_500  # kept free for the note of what was left out, and the parts after


def _quote(claim: Any) -> str:
    return escape(" ".join(claim.quote.split()))


def _step_line(step: Any) -> str:
    """One changelog line: figure, old → new, heading, line and quote."""
    from factcheck.reports.text import figure_text  # noqa: PLC0415

    t, before, after = step.timeline, step.before, step.after
    name = escape(t.counted or t.id)
    if step.kind == "ended":
        what = f"{escape(figure_text(before.claim))} (no longer stated)"
    elif before is None:
        what = f"{escape(figure_text(after.claim))} (new)"
    else:
        what = f"{escape(figure_text(before.claim))} → {escape(figure_text(after.claim))}"
        if step.kind == "restored":
            what += f" (as in {code(step.after.restores.version.label)} again)"
        elif step.kind == "back":
            what += " (back)"
    claim = step.claim
    where = _where(claim)
    if claim.provenance.section:
        where = f"under *{escape(claim.provenance.section)}*, {where}"
    return f"- **{name}** {what} — {where}: “{_quote(claim)}”"


def _named_head(hist: Any) -> str:
    """The history's one-line head, naming the series by its title (the bundled series
    lives deep inside site-packages: its path says nothing)."""
    from factcheck.reports.text import _history_head  # noqa: PLC0415
    from factcheck.timeline import series_name  # noqa: PLC0415

    head = _history_head(hist)
    name = series_name(hist)
    return name + head[len(hist.source):] if head.startswith(hist.source) else head


def history_section(hist: Any, *, level: int = 2, budget: int = LIMIT) -> str:
    """The body of a history (no document title), newest change first: what each version
    changed (figure, old → new, heading, line, quote), then the figures that changed, with
    their values at a glance. Kept under *budget* characters: what does not fit is counted
    in a closing note."""
    from factcheck.reports.text import series_text, unit_text  # noqa: PLC0415
    from factcheck.timeline import changelog  # noqa: PLC0415

    h, sub = "#" * level, "#" * min(level + 1, 6)
    parts = [f"{h} Figures over time", "", escape(_named_head(hist))]
    if hist.notes:
        parts += ["", *[f"> **Note:** {escape(n)}" for n in hist.notes]]
    used = sum(len(x) + 1 for x in parts)
    left_versions = left_steps = left_figures = 0
    log = changelog(hist)
    if log:
        parts += ["", f"{sub} Changes by version (newest first)"]
    full = False
    for vc in log:
        v = vc.version
        head = [f"", f"**{escape((v.date or '')[:10])}** {code(v.label)}"
                + (f" {escape(v.subject)}" if v.subject else "")
                + (f" ({escape(v.author)})" if v.author else "")
                + f": {len(vc.steps)} change{'s' if len(vc.steps) != 1 else ''}", ""]
        lines = [_step_line(st) for st in vc.steps]
        cost = sum(len(x) + 1 for x in head) + sum(len(x) + 1 for x in lines[:1])
        if full or used + cost > budget - _RESERVE:
            full = True
            left_versions += 1
            left_steps += len(vc.steps)
            continue
        parts += head
        used += sum(len(x) + 1 for x in head)
        for k, ln in enumerate(lines):
            if used + len(ln) + 1 > budget - _RESERVE:
                rest = len(lines) - k
                parts.append(f"- … {rest} more change{'s' if rest != 1 else ''} in this version")
                left_steps += rest
                full = True
                break
            parts.append(ln)
            used += len(ln) + 1
    changed = [t for t in hist.timelines if t.changed]
    if changed and not full:
        parts += ["", f"{sub} Figures that changed ({len(changed)})", ""]
        rows: list[list[str]] = []
        header = ["figure", "counted", "unit", "values", "first", "last change"]
        tbl = table(header, []).rstrip("\n")
        used += len(tbl) + 4
        for t in changed:
            status = "" if t.present else f" (last in {_version_cell(t.last_seen)})"
            row = [code(t.id), escape(t.counted), escape(unit_text(t.unit)),
                   escape(series_text(t)), _version_cell(t.first_seen),
                   f"{_version_cell(t.latest.version)}{status}"]
            cost = sum(len(c) + 3 for c in row) + 2
            if used + cost > budget - _RESERVE:
                left_figures = len(changed) - len(rows)
                break
            rows.append(row)
            used += cost
        parts.append(table(header, rows).rstrip("\n"))
    elif changed:
        left_figures = len(changed)
    if left_versions or left_steps or left_figures:
        bits = []
        if left_steps:
            bits.append(f"{left_steps} change{'s' if left_steps != 1 else ''}"
                        + (f" in {left_versions} older version{'s' if left_versions != 1 else ''}"
                           if left_versions else ""))
        if left_figures:
            bits.append(f"the overview of {left_figures} changed figure"
                        f"{'s' if left_figures != 1 else ''}")
        parts += ["", f"_Left out to fit a comment: {', and '.join(bits)}. "
                      "`factcheck history --format html` (or `json`) shows them all._"]
    unchanged = len(hist.timelines) - len(changed)
    if unchanged:
        parts += ["", f"{unchanged} figure{'s' if unchanged != 1 else ''} never changed."]
    return "\n".join(parts) + "\n"


def render_history(hist: Any, **_: Any) -> str:
    """Every figure's timeline, for an issue or a pull request (under :data:`LIMIT`)."""
    from factcheck.timeline import series_name  # noqa: PLC0415

    head = f"# History of {escape(series_name(hist))}\n\n"
    return head + history_section(hist, budget=LIMIT - len(head))


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
    one, the cross-version rule, and every figure's timeline (under :data:`LIMIT`)."""
    from factcheck.reports.text import version_text  # noqa: PLC0415
    from factcheck.timeline import series_name  # noqa: PLC0415

    hist = report.history
    parts = [
        f"# factcheck report: {escape(series_name(hist))}",
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
    rest = "\n".join(parts)
    if len(rest) > LIMIT // 2:  # the latest changes alone are long: the history is cut short
        rest = rest[:LIMIT // 2].rsplit("\n", 1)[0] + (
            "\n\n_… cut to fit a comment: `factcheck report --format html` shows it all._\n")
    parts = [rest, history_section(hist, budget=LIMIT - len(rest) - 2)]
    return "\n".join(parts).rstrip("\n") + "\n"


def render_diffs(result: Any, *, all: bool = False, **_: Any) -> str:  # noqa: A002
    """The change report of each factsheet changed in a range: one pull-request comment."""
    n = len(result.files)
    parts = [f"## Figures changed in {code(result.spec)}: {n} factsheet{'s' if n != 1 else ''}"]
    parts += [render_diff(f.diff, all=all).rstrip("\n") for f in result.files]
    return "\n\n".join(parts) + "\n"


def _where(claim: Claim) -> str:
    """"line 12", or "p. 3, line 12" for a PDF's claim (a web page's: its source line)."""
    from factcheck.reports.text import line_text  # noqa: PLC0415

    shown = line_text(claim)
    return shown if shown.startswith("p. ") else f"line {shown}"

