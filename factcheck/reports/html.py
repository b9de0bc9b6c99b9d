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

from factcheck.reports.markdown import DIFF_HEADINGS, version_name

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


# --------------------------------------------------------------------------- diff


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
    for kind, heading in DIFF_HEADINGS.items():
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


# --------------------------------------------------------------------------- history, blame, report

HISTORY_CSS = """\
.chart{display:block}
.chart .step{fill:none;stroke:#0969da;stroke-width:1.6}
.chart .dot{fill:#0969da;stroke:#0969da;stroke-width:1.4}
.chart .dot.q{fill:#fff}
.chart .axis{stroke:#d0d7de;stroke-width:1}
.chart text{font:10px system-ui,sans-serif;fill:#57606a}
.chart text.v{fill:#1b1f24;font-weight:600}
.series{font-variant-numeric:tabular-nums}
details{margin:.2em 0 .8em}
summary{cursor:pointer}
.gone{color:#57606a}
.v-inconsistent{border-left:4px solid #cf222e}.v-undetermined{border-left:4px solid #bf8700}
.v-consistent{border-left:4px solid #1a7f37}
"""
"""Styles of the history, blame and report pages (added to :data:`BASE_CSS`)."""

_CHART_W, _CHART_H = 320, 84
_PAD_L, _PAD_R, _PAD_T, _PAD_B = 14, 40, 16, 16


def _chart_values(timeline: Any) -> list[float] | None:
    """The points' values in the timeline's unit, as floats for drawing (never for logic)."""
    out: list[float] = []
    for p in timeline.points:
        value = p.claim.value
        if p.claim.unit != timeline.unit:
            try:
                from factcheck.units import conversion_factor  # noqa: PLC0415

                value = value * conversion_factor(p.claim.unit, timeline.unit)
            except Exception:  # not convertible: the figure is drawn as stated
                pass
        try:
            out.append(float(value))
        except OverflowError:  # beyond floats (over 10^308): drawn at the edge
            out.append(1e300 if value > 0 else -1e300)
    return out


def svg_chart(timeline: Any, index: dict[int, int]) -> str:
    """A small inline SVG step chart of a figure's values over the versions.

    *index* maps ``id(version)`` to the version's position in the history. The x axis is
    the versions in order (evenly spaced); the line steps at each change and runs on to the
    last version the figure was seen in. A hollow dot is a figure with a qualifier ("over
    9,000"); each dot's tooltip gives the figure and version. No script, no external resource.
    """
    from factcheck.reports.text import figure_text, version_text  # noqa: PLC0415

    points = timeline.points
    values = _chart_values(timeline) or [0.0]
    first = index[id(timeline.first_seen)]
    last = max(index[id(timeline.last_seen)], first)
    lo, hi = min(values), max(values)
    if not hi - lo > 0:  # one value; also from 2^53 on, where hi - 1 == hi in floats
        pad = max(abs(hi) / 2, 1.0)
        lo, hi = lo - pad, hi + pad
    x_span = max(last - first, 1)
    w = _CHART_W - _PAD_L - _PAD_R
    h = _CHART_H - _PAD_T - _PAD_B

    def x(i: int) -> float:
        return _PAD_L + (i - first) / x_span * w if last > first else _PAD_L + w / 2

    def y(v: float) -> float:
        return _PAD_T + (hi - v) / (hi - lo) * h

    xs = [x(index[id(p.version)]) for p in points]
    ys = [y(v) for v in values]
    d = [f"M{xs[0]:.1f},{ys[0]:.1f}"]
    for k in range(1, len(points)):
        d.append(f"H{xs[k]:.1f}V{ys[k]:.1f}")
    d.append(f"H{x(last) if last > first else xs[-1] + 1:.1f}")
    parts = [
        f'<svg class="chart" width="{_CHART_W}" height="{_CHART_H}" '
        f'viewBox="0 0 {_CHART_W} {_CHART_H}" role="img" '
        f'aria-label="{escape(timeline.id)}: {escape(" → ".join(figure_text(p.claim) for p in points[:12]))}">',
        f'<line class="axis" x1="{_PAD_L}" y1="{_CHART_H - _PAD_B + 2}" '
        f'x2="{_CHART_W - _PAD_R}" y2="{_CHART_H - _PAD_B + 2}"/>',
        f'<path class="step" d="{"".join(d)}"/>',
    ]
    many = len(points) > 60
    if not many:
        for p, px, py in zip(points, xs, ys):
            cls = "dot" if p.claim.qualifier.value == "exact" else "dot q"
            tip = f"{figure_text(p.claim)} — {version_text(p.version)}, line {p.claim.line}"
            parts.append(f'<circle class="{cls}" cx="{px:.1f}" cy="{py:.1f}" r="3">'
                         f"<title>{escape(tip)}</title></circle>")
    if len(points) <= 8:
        for p, px, py in zip(points, xs, ys):
            # Labels near an edge are anchored inside the chart, so that none is cut off.
            anchor = ("start" if px - _PAD_L < 30 else
                      "end" if _CHART_W - _PAD_R - px < 30 else "middle")
            tx = px - 3 if anchor == "start" else px + 3 if anchor == "end" else px
            parts.append(f'<text class="v" x="{tx:.1f}" y="{py - 6:.1f}" text-anchor="{anchor}">'
                         f"{escape(figure_text(p.claim))}</text>")
    else:
        top = max(range(len(values)), key=lambda k: values[k])
        bottom = min(range(len(values)), key=lambda k: values[k])
        for k in (top, bottom):
            parts.append(f'<text x="{_CHART_W - _PAD_R + 3}" y="{ys[k] + 3:.1f}">'
                         f"{escape(figure_text(points[k].claim))}</text>")
    a, b = timeline.first_seen, timeline.last_seen
    parts.append(f'<text x="{_PAD_L}" y="{_CHART_H - 2}">{escape((a.date or a.label)[:10])}</text>')
    if b is not a:
        parts.append(f'<text x="{_CHART_W - _PAD_R}" y="{_CHART_H - 2}" text-anchor="end">'
                     f"{escape((b.date or b.label)[:10])}</text>")
    parts.append("</svg>")
    return "".join(parts)


def _version_cell(version: Any) -> str:
    from factcheck.reports.text import version_text  # noqa: PLC0415

    tip = version.subject or version.title or version.path
    return f'<span title="{escape(tip)}">{escape(version_text(version))}</span>'


def history_section(hist: Any, *, level: int = 2) -> str:
    """The body of a history (no page shell): a row per figure with its values at a glance
    and its chart, then, folded, the changes of each figure that changed."""
    from factcheck.reports.text import (  # noqa: PLC0415
        _history_head,
        figure_text,
        series_text,
        unit_text,
    )

    h = f"h{level}"
    index = {id(v): i for i, v in enumerate(hist.versions)}
    git = hist.kind == "git"
    parts = [f"<{h}>Figures over time</{h}>", f'<p class="summary">{escape(_history_head(hist))}</p>']
    for n in hist.notes:
        parts.append(f'<p class="warning">Note: {escape(n)}</p>')
    rows = []
    for t in hist.timelines:
        status = "" if t.present else (
            f'<div class="gone">last in {_version_cell(t.last_seen)}</div>')
        detail = ""
        if t.changed:
            header = ["date", "version", *(["author"] if git else []), "figure", "line",
                      "sentence"]
            prow = []
            for p in t.points:
                from factcheck.differ import figure_span  # noqa: PLC0415

                v = p.version
                cells = [escape((v.date or "")[:10]), _version_cell(v)]
                if git:
                    cells.append(escape(v.author or ""))
                cells += [
                    f'<span class="figure">{escape(figure_text(p.claim))}</span>'
                    + (" (back)" if p.reappeared else ""),
                    str(p.claim.line),
                    highlight(p.claim.provenance.sentence, figure_span(p.claim)),
                ]
                prow.append(("", cells))
            n = len(t.points) - 1
            detail = (f"<details><summary>{n} change{'s' if n != 1 else ''}</summary>"
                      + html_table(header, prow).rstrip("\n") + "</details>")
        warn = "".join(f'<div class="warning">{escape(w)}</div>' for w in t.warnings)
        rows.append((
            "" if t.present else "gone",
            [
                f"<code>{escape(t.id)}</code><div class=\"muted\">{escape(t.counted)} "
                f"({escape(unit_text(t.unit))})</div>",
                f'<span class="series">{escape(series_text(t))}</span>{status}{warn}{detail}',
                svg_chart(t, index),
            ],
        ))
    parts.append(html_table(["figure", "values", "over time"], rows).rstrip("\n"))
    return "\n".join(parts) + "\n"


def render_history(hist: Any, **_: Any) -> str:
    """A self-contained page: every figure's timeline, each with an inline SVG chart."""
    return page(f"factcheck history: {hist.source}",
                f"<h1>History of {escape(hist.source)}</h1>\n" + history_section(hist),
                css=BASE_CSS + HISTORY_CSS)


def render_blame(blame: Any, **_: Any) -> str:
    """A self-contained page: each claim of the current version and its last change."""
    from factcheck.differ import figure_span  # noqa: PLC0415
    from factcheck.reports.text import figure_text, version_text  # noqa: PLC0415

    rows = [
        ("", [
            str(e.claim.line),
            f"<code>{escape(e.claim.id)}</code>",
            f'<span class="figure">{escape(figure_text(e.claim))}</span>'
            f'<div class="sentence">{highlight(e.claim.provenance.sentence, figure_span(e.claim))}'
            "</div>",
            _version_cell(e.version),
            escape(e.version.author or ""),
            escape(e.version.subject or e.version.title or ""),
        ])
        for e in blame.entries
    ]
    notes = "".join(f'<p class="warning">Note: {escape(n)}</p>\n' for n in blame.notes)
    body = (f"<h1>Blame of {escape(blame.source)} at {escape(version_text(blame.version))}</h1>\n"
            + notes
            + html_table(["line", "id", "figure", "changed in", "author", "subject"], rows))
    return page(f"factcheck blame: {blame.source}", body, css=BASE_CSS + HISTORY_CSS)


def check_section(check: Any, *, level: int = 2) -> str:
    """A check report as a page section: the summary, then problems first."""
    h = f"h{level}"
    s = check.summary
    order = {"inconsistent": 0, "undetermined": 1, "consistent": 2}
    findings = sorted(check.findings, key=lambda f: (order[f.verdict.value], f.line))
    rows = [
        (f"v-{f.verdict.value}", [str(f.line), escape(f.verdict.value),
                                  f"<code>{escape(f.rule)}</code>", escape(f.message)])
        for f in findings
    ]
    head = (f"{s['checks']} check{'s' if s['checks'] != 1 else ''}: {s['consistent']} "
            f"consistent, {s['inconsistent']} inconsistent, {s['undetermined']} undetermined")
    out = [f"<{h}>Consistency of the latest version</{h}>",
           f'<p class="summary"><strong>{escape(head)}</strong></p>']
    if rows:
        out.append(html_table(["line", "verdict", "rule", "message"], rows).rstrip("\n"))
    return "\n".join(out) + "\n"


def render_report(report: Any, **_: Any) -> str:
    """The main report as one self-contained page: the check of the latest version, the
    changes since the previous one, the cross-version rule, every figure's timeline."""
    from factcheck.reports.text import version_text  # noqa: PLC0415

    hist = report.history
    parts = [
        f"<h1>factcheck report: {escape(report.source)}</h1>",
        f'<p class="summary">{len(hist.versions)} versions; the latest is '
        f"{escape(version_text(hist.versions[-1]))}.</p>",
    ]
    if report.check is not None:
        parts.append(check_section(report.check).rstrip("\n"))
    if report.diff is not None:
        parts.append("<h2>Changes since the previous version</h2>")
        parts.append(diff_section(report.diff, level=3).rstrip("\n"))
    if report.cross_version:
        parts.append("<h2>Across the two versions</h2>")
        rows = [(f"v-{f.verdict.value}", [str(f.line), escape(f.verdict.value), escape(f.message)])
                for f in report.cross_version]
        parts.append(html_table(["line", "verdict", "message"], rows).rstrip("\n"))
    parts.append(history_section(hist).rstrip("\n"))
    return page(f"factcheck report: {report.source}", "\n".join(parts) + "\n",
                css=BASE_CSS + HISTORY_CSS)


def render_diffs(result: Any, *, all: bool = False, **_: Any) -> str:  # noqa: A002
    """One page with the change report of each factsheet changed in a range."""
    n = len(result.files)
    title = f"Figures changed in {result.spec}: {n} factsheet{'s' if n != 1 else ''}"
    body = [f"<h1>{escape(title)}</h1>"]
    body += [diff_section(f.diff, all=all, level=2).rstrip("\n") for f in result.files]
    return page(f"factcheck diff {result.spec}", "\n".join(body) + "\n")
