"""Text: readable tables for a terminal."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from factcheck.claim import Claim, Document, Qualifier
from factcheck.numbers import format_figure

# Figures are written by the core's wording module; re-exported for the report modules.
from factcheck.wording import UNIT_LABELS as UNIT_LABELS  # noqa: E402
from factcheck.wording import figure_text as figure_text  # noqa: E402

def location_text(claim: Claim) -> str:
    """Where a claim is, short: "12:5" (line and column), "p. 3, line 12" in a PDF, and a web
    page's own source line and column."""
    p = claim.provenance
    if p.page is not None:
        return f"p. {p.page}, line {p.page_line}"
    if p.source_line is not None:
        return f"{p.source_line}:{p.source_column}"
    return f"{p.line}:{p.column}"


def line_text(claim: Claim) -> str:
    """A claim's line, as diffs and histories show it: "12", or "p. 3, line 12" in a PDF."""
    p = claim.provenance
    if p.page is not None:
        return f"p. {p.page}, line {p.page_line}"
    return str(p.source_line if p.source_line is not None else p.line)


def table(rows: Sequence[Sequence[str]], header: Sequence[str]) -> str:
    """A plain table with columns padded to their widest cell."""
    widths = [len(h) for h in header]
    for r in rows:
        widths = [max(w, len(c)) for w, c in zip(widths, r)]
    def line(cells: Sequence[str]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()
    out = [line(header), line(["-" * w for w in widths])]
    out.extend(line(r) for r in rows)
    return "\n".join(out) + "\n"


def render_extract(docs: Sequence[Document], **_: Any) -> str:
    """One table per document: line, id, figure, counted, quote (and, for a web page, the
    element that holds the figure)."""
    parts = []
    for d in docs:
        elements = any(c.provenance.element for c in d.claims)
        rows = [
            [
                location_text(c),
                c.id,
                figure_text(c),
                c.counted,
                " ".join(c.quote.split()),
                *([c.provenance.element or ""] if elements else []),
            ]
            for c in d.claims
        ]
        title = f"{d.source}: {len(d.claims)} claim{'s' if len(d.claims) != 1 else ''}"
        header = ["line", "id", "figure", "counted", "quote", *(["element"] if elements else [])]
        parts.append(title + "\n" + (table(rows, header) if rows else ""))
    return "\n".join(parts)


# --------------------------------------------------------------------------- diff

_DIFF_COLOURS = {
    "changed": "\x1b[33m", "requalified": "\x1b[36m", "added": "\x1b[32m",
    "removed": "\x1b[31m", "reworded": "\x1b[2m", "moved": "\x1b[2m",
}
_RESET = "\x1b[0m"


def render_diff(report: Any, *, all: bool = False, color: bool = False, **_: Any) -> str:  # noqa: A002
    """A diff for a terminal: a summary line, one line per change (kind, change in figures,
    lines in each version), then warnings and consistency findings. ANSI colour only when
    *color* is true (the CLI asks for it on a terminal)."""
    n = report.counts()
    head = ", ".join(f"{n[k]} {k}" for k in ("changed", "requalified", "added", "removed"))
    summary = f"{report.old.source} → {report.new.source}: {head}"
    if not all and (n["reworded"] or n["moved"]):
        summary += f" ({n['reworded']} reworded, {n['moved']} moved not shown; --all shows them)"
    out = [summary]
    shown = report.visible(all=all)
    if shown:
        def where(c: Claim | None) -> str:
            return "-" if c is None else line_text(c)

        rows = [[c.kind, c.message, f"{where(c.old)} → {where(c.new)}"] for c in shown]
        lines = table(rows, ["kind", "change", "line"]).rstrip("\n").split("\n")
        if color:
            lines[2:] = [
                f"{_DIFF_COLOURS.get(c.kind, '')}{line}{_RESET}"
                for c, line in zip(shown, lines[2:])
            ]
        out += ["", *lines]
    if report.warnings:
        out += ["", "warnings:"]
        out += [f"  {w.kind}: {w.message}" for w in report.warnings]
    for title, found in (
        ("findings appeared", report.findings_appeared),
        ("findings disappeared", report.findings_disappeared),
    ):
        if found:
            out += ["", f"{title}:"]
            out += [
                f"  {f.rule} ({f.verdict}): {f.message}"
                + (f" [{', '.join(f.claim_ids)}]" if f.claim_ids else "")
                for f in found
            ]
    return "\n".join(out) + "\n"


def finding_line(finding: Any) -> str:
    """Where a finding points: its line, or "p. 3, line 12" when its claim is in a PDF (a web
    page's source line when it is in one)."""
    for c in getattr(finding, "claims", ()):
        if c.line == finding.line:
            return line_text(c)
    return str(finding.line)


_VERDICT_STYLE = {"consistent": "green", "inconsistent": "red", "undetermined": "yellow"}


def render_check(report: Any, *, color: bool = False, **_: Any) -> str:
    """Findings by source, each as ``LINE  VERDICT  RULE  MESSAGE``, then a summary line."""
    import click  # noqa: PLC0415

    out: list[str] = []
    for source in report.sources:
        found = [f for f in report.findings if f.source == source]
        out.append(f"{source}: {len(found)} check{'s' if len(found) != 1 else ''}")
        width = max((len(f.rule) for f in found), default=0)
        for f in found:
            verdict = f.verdict.value
            label = f"{verdict:<12}"
            if color:
                label = click.style(label, fg=_VERDICT_STYLE[verdict], bold=verdict != "consistent")
            out.append(f"  {finding_line(f):>4}  {label}  {f.rule:<{width}}  {f.message}")
    s = report.summary
    out.append(
        f"{s['checks']} check{'s' if s['checks'] != 1 else ''}: {s['consistent']} consistent, "
        f"{s['inconsistent']} inconsistent, {s['undetermined']} undetermined"
    )
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- history, blame


def version_text(version: Any) -> str:
    """A version as a report names it: "2017-07.txt (2017-07)" or "1a2b3c4d5e6f (2021-03-04)"."""
    date = (version.date or "")[:10]
    return f"{version.label} ({date})" if date and date not in version.label else version.label


def series_text(timeline: Any, limit: int = 8) -> str:
    """A figure's values at a glance: "68 → 73 → 79 → 81 → 83" (long series elided)."""
    figures = [figure_text(p.claim) for p in timeline.points]
    if len(figures) > limit:
        k = limit // 2
        figures = [*figures[:k], f"… {len(figures) - 2 * k} more …", *figures[-k:]]
    return " → ".join(figures)


def _history_head(hist: Any) -> str:
    vs = hist.versions
    def when(v: Any) -> str:
        return (v.date or "")[:10] or v.label

    span = f"{when(vs[0])} … {when(vs[-1])}" if len(vs) > 1 else when(vs[0])
    n = len(hist.timelines)
    changed = sum(1 for t in hist.timelines if t.changed)
    return (
        f"{hist.source}: {len(vs)} version{'s' if len(vs) != 1 else ''} ({span}); "
        f"{n} figure{'s' if n != 1 else ''}, {changed} changed"
    )


def _at_text(claim: Claim) -> str:
    t = line_text(claim)
    return t if t.startswith("p.") else f"line {t}"


def unit_text(unit: str) -> str:
    """A unit as reports name it: "count", "km²", "%", "USD"."""
    return UNIT_LABELS.get(unit) or ("count" if unit == "count" else unit)


def render_history(hist: Any, **_: Any) -> str:
    """Each figure's timeline: its values at a glance, then one row per change (date,
    version, author for git, figure, line, quote); a figure that never changed is one line."""
    git = hist.kind == "git"
    out = [_history_head(hist)]
    out += [f"note: {n}" for n in hist.notes]
    header = ["date", "version", *(["author"] if git else []), "figure", "line", "quote"]
    for t in hist.timelines:
        status = "" if t.present else f" (last in {version_text(t.last_seen)})"
        title = f"{t.id} ({t.counted}; {unit_text(t.unit)})"
        if not t.changed:
            p = t.points[0]
            quote = " ".join(p.claim.quote.split())
            out.append(f"{title}: {figure_text(p.claim)}, since {version_text(p.version)}, "
                       f"{_at_text(p.claim)}: {quote!r}{status}")
            continue
        out += ["", f"{title}: {series_text(t)}{status}"]
        rows = []
        for p in t.points:
            v = p.version
            row = [(v.date or "")[:10], v.label]
            if git:
                row.append(v.author or "")
            row += [
                figure_text(p.claim) + (" (back)" if p.reappeared else ""),
                line_text(p.claim),
                " ".join(p.claim.quote.split()),
            ]
            rows.append(row)
        out += ["  " + ln for ln in table(rows, header).rstrip("\n").split("\n")]
        out += [f"  warning: {w}" for w in t.warnings]
        out.append("")
    text = "\n".join(out)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.rstrip("\n") + "\n"


def render_blame(blame: Any, **_: Any) -> str:
    """Each claim of the current version with the version that last changed its figure."""
    n = len(blame.entries)
    out = [f"{blame.source} at {version_text(blame.version)}: {n} claim{'s' if n != 1 else ''}"]
    out += [f"note: {x}" for x in blame.notes]
    rows = []
    for e in blame.entries:
        v = e.version
        rows.append([
            location_text(e.claim),
            e.claim.id,
            figure_text(e.claim),
            v.label,
            (v.date or "")[:10],
            v.author or "",
            (v.subject or v.title or "")[:50],
        ])
    if rows:
        out.append(table(rows, ["line", "id", "figure", "changed in", "date", "author",
                                "subject"]).rstrip("\n"))
    return "\n".join(out) + "\n"


def render_report(report: Any, **_: Any) -> str:
    """The main report for a terminal: the check of the latest version, the changes since
    the one before, the cross-version rule, then every figure's timeline."""
    hist = report.history
    latest = hist.versions[-1]
    out = [f"factcheck report: {report.source}", f"latest version: {version_text(latest)}", ""]
    out.append("== Consistency of the latest version ==")
    if report.check is None:
        out.append("(not checked)")
    else:
        out.append(render_check(report.check).rstrip("\n"))
    out += ["", "== Changes since the previous version =="]
    if report.diff is None:
        out.append("(only one version)")
    else:
        out.append(render_diff(report.diff).rstrip("\n"))
    if report.cross_version:
        out += ["", "== Across the two versions =="]
        out += [f"  {finding_line(f):>4}  {f.verdict.value:<12}  {f.message}"
                for f in report.cross_version]
    out += ["", "== Every figure over time ==", render_history(hist).rstrip("\n")]
    return "\n".join(out) + "\n"


def _range_head(result: Any) -> str:
    n = len(result.files)
    return f"{result.spec}: {n} factsheet{'s' if n != 1 else ''} changed"


def render_diffs(result: Any, *, all: bool = False, color: bool = False, **_: Any) -> str:  # noqa: A002
    """The change report of each factsheet changed in a range of revisions, one after another."""
    parts = [_range_head(result)]
    for f in result.files:
        parts.append(render_diff(f.diff, all=all, color=color).rstrip("\n"))
    return "\n\n".join(parts) + "\n"
