"""HTML: one self-contained page (inline CSS, no external resources; diff pages hold no
script, history and report pages one inline script to search, filter and sort figures).

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
@media (max-width:640px){body{margin:.6em auto;font-size:14px}h1{font-size:1.25em}
table.diff,table.diff tbody,table.diff tr,table.diff td{display:block;width:auto}
table.diff tr:first-child{display:none}
table.diff tr{border:1px solid #d0d7de;margin:.5em 0}
table.diff td{border:none;padding:.2em .5em}
table.diff td:first-child{font-weight:600}
table.diff td:nth-child(2)::before{content:"before: ";color:#57606a}
table.diff td:nth-child(3)::before{content:"after: ";color:#57606a}}
"""
"""The stylesheet every factcheck page starts from (a diff's tables stack on a phone)."""


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


def html_table(header: Sequence[str], rows: Sequence[tuple[str, Sequence[str]]],
               cls: str = "") -> str:
    """A table from escaped header cells and rows of (row class, escaped cells)."""
    out = [f'<table class="{escape(cls)}">' if cls else "<table>", "<tr>" + "".join(f"<th>{h}</th>" for h in header) + "</tr>"]
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
        f'<span class="line">{escape(_where(claim))}</span>'
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
            parts.append(html_table(header, rows, "diff").rstrip("\n"))
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
.legend{display:flex;flex-wrap:wrap;gap:.4em 1.2em;font-size:.85em;color:#57606a;margin:.3em 0}
.legend svg{vertical-align:middle}
.controls{display:flex;flex-wrap:wrap;gap:.5em;align-items:center;margin:.8em 0;\
position:sticky;top:0;background:#fff;padding:.4em 0;z-index:1}
.controls input{flex:1 1 14em;min-width:0;font:inherit;padding:.3em .5em}
.controls select{font:inherit;padding:.25em}
.fig{border:1px solid #d0d7de;border-radius:6px;padding:.5em .8em;margin:.6em 0}
.fig h3{margin:.1em 0;font-size:1em;overflow-wrap:anywhere}
.fig.flat{border:none;border-bottom:1px solid #eaeef2;border-radius:0;margin:0;\
padding:.25em .8em;overflow-wrap:anywhere}
.fig.gone{background:#f6f8fa}
.chart{display:block;width:100%;max-width:560px;height:auto}
.chart .step{fill:none;stroke:#0969da;stroke-width:1.8}
.chart .dot{fill:#0969da;stroke:#0969da;stroke-width:1.4}
.chart .dot.q{fill:#fff}
.chart .dot.b{fill:#1a7f37;stroke:#1a7f37}
.chart .axis{stroke:#8c959f;stroke-width:1}
.chart .grid{stroke:#eaeef2;stroke-width:1}
.chart text{font:13px system-ui,sans-serif;fill:#57606a}
.series{font-variant-numeric:tabular-nums;overflow-wrap:anywhere}
.scroll{overflow-x:auto;max-width:100%}
details{margin:.2em 0 .6em}
summary{cursor:pointer}
.gone{color:#57606a}
.v-inconsistent{border-left:4px solid #cf222e}.v-undetermined{border-left:4px solid #bf8700}
.v-consistent{border-left:4px solid #1a7f37}
.top{background:#f6f8fa;border:1px solid #d0d7de;border-radius:6px;padding:.6em 1em}
.top li{margin:.15em 0}
@media (max-width:640px){body{margin:.6em auto;font-size:14px}h1{font-size:1.25em}\
th,td{padding:.25em .35em}table{font-size:.9em}}
"""
"""Styles of the history, blame and report pages (added to :data:`BASE_CSS`)."""

FILTER_SCRIPT = """\
(function(){var q=document.getElementById('fc-q'),f=document.getElementById('fc-f'),
s=document.getElementById('fc-s'),n=document.getElementById('fc-n'),
box=document.getElementById('fc-figs');if(!box)return;
var cards=Array.prototype.slice.call(box.children);
function key(c,o){var d=c.dataset;return o==='changes'?-(+d.changes):o==='last'?
-(+d.last):o==='name'?d.name:+d.order;}
function apply(){var t=q.value.toLowerCase().trim(),k=f.value,o=s.value,shown=0;
cards.forEach(function(c){var ok=(!t||c.dataset.text.indexOf(t)>=0)&&(k==='all'||
c.dataset[k]==='1');c.hidden=!ok;if(ok)shown++;});
cards.slice().sort(function(a,b){var x=key(a,o),y=key(b,o);return x<y?-1:x>y?1:
(+a.dataset.order)-(+b.dataset.order);}).forEach(function(c){box.appendChild(c);});
n.textContent=shown+' of '+cards.length+' figures';}
[q,f,s].forEach(function(e){e.addEventListener('input',apply);e.addEventListener('change',
apply);});apply();})();
"""
"""The page's only script: search, filter and sort the figures (inline; the page shows
every figure without it)."""

_CHART_W, _CHART_H = 440, 128
_PAD_L, _PAD_R, _PAD_T, _PAD_B = 84, 12, 12, 24


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
        except OverflowError:  # a figure past what a float holds is drawn at the edge
            out.append(float("inf") if value > 0 else float("-inf"))
    return [v if v == v and abs(v) != float("inf") else 0.0 for v in out]


_MONTH_NAMES = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def _day(version: Any) -> int | None:
    """A version's date as a day number (``date.toordinal``), from ``YYYY[-MM[-DD]]``."""
    import datetime  # noqa: PLC0415

    d = (version.date or "")[:10]
    try:
        y = int(d[0:4])
        m = int(d[5:7]) if len(d) >= 7 else 1
        dd = int(d[8:10]) if len(d) >= 10 else 1
        return datetime.date(y, m, dd).toordinal()
    except (ValueError, IndexError):
        return None


class TimeAxis:
    """One time axis shared by every chart of a page: versions placed by their dates (by
    their order when a version has no date), with ticks a reader can tell apart."""

    def __init__(self, versions: Sequence[Any]) -> None:
        found = [_day(v) for v in versions]
        days = [d for d in found if d is not None]
        self.dated = bool(days) and len(days) == len(found)
        self.pos: dict[int, float] = {}
        self.lo = min(days) if days else 0
        self.hi = max(days) if days else 0
        if self.dated:
            span = max(self.hi - self.lo, 1)
            for v, d in zip(versions, days):
                self.pos[id(v)] = (d - self.lo) / span
        else:
            n = max(len(versions) - 1, 1)
            for i, v in enumerate(versions):
                self.pos[id(v)] = i / n
        self.versions = versions

    def at(self, version: Any) -> float:
        """The version's place on the axis, from 0 to 1."""
        return self.pos.get(id(version), 1.0)

    def ticks(self, most: int = 6) -> list[tuple[float, str]]:
        """(place, label) of the axis ticks: years, or months, or days, at most *most*."""
        import datetime  # noqa: PLC0415

        if not self.dated:
            n = len(self.versions)
            step = max(1, -(-n // most))
            return [(self.at(v), str(i + 1)) for i, v in enumerate(self.versions)][::step]
        lo, hi = self.lo, self.hi
        span = max(hi - lo, 1)
        a, b = datetime.date.fromordinal(lo), datetime.date.fromordinal(hi)
        out: list[tuple[float, str]] = []
        if span > 3 * 365:
            years = b.year - a.year + 1
            step = next(s for s in (1, 2, 5, 10, 20, 50, 100) if years / s <= most)
            for y in range(a.year + (1 if a.month > 1 or a.day > 1 else 0), b.year + 1):
                if y % step == 0:
                    out.append(((datetime.date(y, 1, 1).toordinal() - lo) / span, str(y)))
        elif span > 75:
            months = (b.year - a.year) * 12 + b.month - a.month + 1
            step = next(s for s in (1, 2, 3, 6, 12) if months / s <= most)
            y, m = a.year, a.month
            while (y, m) <= (b.year, b.month):
                first = datetime.date(y, m, 1).toordinal()
                if first >= lo and (m - 1) % step == 0:
                    out.append(((first - lo) / span,
                                f"{_MONTH_NAMES[m - 1]} {y}" if m == 1 or not out
                                else _MONTH_NAMES[m - 1]))
                m += 1
                if m > 12:
                    y, m = y + 1, 1
        else:
            step = max(1, -(-span // most))
            for d in range(lo, hi + 1, step):
                day = datetime.date.fromordinal(d)
                out.append(((d - lo) / span, f"{day.day} {_MONTH_NAMES[day.month - 1]}"))
        return out


def _axis_value(value: float, timeline: Any) -> str:
    """A y-axis label: the value as the figure's unit shows it, short."""
    from factcheck.reports.text import unit_text  # noqa: PLC0415

    a = abs(value)
    if a >= 1e9:
        txt = f"{value / 1e9:.4g} bn"
    elif a >= 1e6:
        txt = f"{value / 1e6:.4g} m"
    elif value == round(value):
        txt = f"{int(round(value)):,}"
    elif a >= 1000:
        txt = f"{value:,.1f}"
    else:
        txt = format(value, ".4g")
    unit = unit_text(timeline.unit)
    if unit == "%":
        return txt + "%"
    if unit in ("count", "") or len(unit) > 6:
        return txt
    return f"{txt} {unit}"


def svg_chart(timeline: Any, axis: TimeAxis) -> str:
    """An inline SVG step chart of a figure's values over time, on the page's time axis.

    The x axis is the shared time axis (versions placed by date, year or month ticks); the
    y axis is labelled with the lowest and highest value. The line steps at each change and
    runs on to the last version the figure was seen in. A hollow dot is a figure with a
    qualifier ("over 9,000"), a green one a figure that came back; each dot's tooltip gives
    the figure, version and line. A figure that never changed gets no chart ("")."""
    from factcheck.reports.text import figure_text, version_text  # noqa: PLC0415

    points = timeline.points
    if len(points) < 2:
        return ""
    values = _chart_values(timeline) or [0.0]
    lo, hi = min(values), max(values)
    lo_v, hi_v = lo, hi
    if hi == lo:  # one value throughout (it went and came back): a level line
        lo, hi = lo - (abs(lo) or 1), hi + (abs(hi) or 1)
    pad = (hi - lo) * 0.08
    lo, hi = lo - pad, hi + pad
    w = _CHART_W - _PAD_L - _PAD_R
    h = _CHART_H - _PAD_T - _PAD_B

    def x(v: Any) -> float:
        return _PAD_L + axis.at(v) * w

    def y(v: float) -> float:
        return _PAD_T + (hi - v) / (hi - lo) * h

    xs = [x(p.version) for p in points]
    ys = [y(v) for v in values]
    end_x = x(timeline.last_seen)
    d = [f"M{xs[0]:.1f},{ys[0]:.1f}"]
    for k in range(1, len(points)):
        d.append(f"H{xs[k]:.1f}V{ys[k]:.1f}")
    d.append(f"H{max(end_x, xs[-1] + 1):.1f}")
    label = f"{timeline.id}: " + " → ".join(figure_text(p.claim) for p in points[:12])
    base_y = _CHART_H - _PAD_B
    parts = [
        f'<svg class="chart" viewBox="0 0 {_CHART_W} {_CHART_H}" role="img" '
        f'aria-label="{escape(label)}" preserveAspectRatio="xMinYMin meet">',
    ]
    for v in dict.fromkeys((hi_v, lo_v)):
        gy = y(v)
        parts.append(f'<line class="grid" x1="{_PAD_L}" y1="{gy:.1f}" x2="{_CHART_W - _PAD_R}" '
                     f'y2="{gy:.1f}"/>')
        parts.append(f'<text x="{_PAD_L - 6}" y="{gy + 4:.1f}" text-anchor="end">'
                     f"{escape(_axis_value(v, timeline))}</text>")
    parts.append(f'<line class="axis" x1="{_PAD_L}" y1="{base_y}" x2="{_CHART_W - _PAD_R}" '
                 f'y2="{base_y}"/>')
    parts.append(f'<line class="axis" x1="{_PAD_L}" y1="{_PAD_T}" x2="{_PAD_L}" y2="{base_y}"/>')
    for at, text in axis.ticks():
        tx = _PAD_L + at * w
        anchor = "start" if at < 0.04 else "end" if at > 0.96 else "middle"
        parts.append(f'<line class="axis" x1="{tx:.1f}" y1="{base_y}" x2="{tx:.1f}" '
                     f'y2="{base_y + 4}"/><text x="{tx:.1f}" y="{_CHART_H - 4}" '
                     f'text-anchor="{anchor}">{escape(text)}</text>')
    parts.append(f'<path class="step" d="{"".join(d)}"/>')
    many = len(points) > 80
    for p, px, py in zip(points, xs, ys):
        if many and not p.reappeared:
            continue
        cls = ("dot b" if p.reappeared else
               "dot" if p.claim.qualifier.value == "exact" else "dot q")
        tip = f"{figure_text(p.claim)} — {version_text(p.version)}, {_where(p.claim)}"
        parts.append(f'<circle class="{cls}" cx="{px:.1f}" cy="{py:.1f}" r="3.2">'
                     f"<title>{escape(tip)}</title></circle>")
    parts.append("</svg>")
    return "".join(parts)


def _series(timeline: Any, limit: int = 10) -> str:
    """A figure's values at a glance, saying where it went and came back ("at most 10;
    gone 2024-10-23, back 2024-11-01 at most 10")."""
    from factcheck.reports.text import figure_text  # noqa: PLC0415

    parts = []
    for p in timeline.points:
        text = figure_text(p.claim)
        if p.restores is not None:
            text += f" (as in {p.restores.version.label} again)"
        elif p.reappeared:
            text += f" (back {(p.version.date or p.version.label)[:10]})"
        parts.append(text)
    if len(parts) > limit:
        k = limit // 2
        parts = [*parts[:k], f"… {len(parts) - 2 * k} more …", *parts[-k:]]
    return " → ".join(parts)


def _legend() -> str:
    def dot(cls: str) -> str:
        return (f'<svg class="chart" width="12" height="12" viewBox="0 0 12 12" '
                f'style="display:inline;width:12px"><circle class="{cls}" cx="6" cy="6" '
                f'r="4"/></svg>')

    return ('<div class="legend"><span><svg class="chart" width="24" height="10" '
            'viewBox="0 0 24 10" style="display:inline;width:24px"><path class="step" '
            'd="M0,8H12V2H24"/></svg> stated value, until it changed</span>'
            f"<span>{dot('dot')} exact figure</span>"
            f"<span>{dot('dot q')} with a qualifier (over, about, up to…)</span>"
            f"<span>{dot('dot b')} came back after a gap</span>"
            "<span>time runs left to right on one axis for every chart</span></div>")


def _version_cell(version: Any) -> str:
    from factcheck.reports.text import version_text  # noqa: PLC0415

    tip = version.subject or version.title or version.label
    return f'<span title="{escape(tip)}">{escape(version_text(version))}</span>'


_KIND_FIRST = {"changed": 0, "restored": 1, "back": 2, "added": 3, "ended": 4}


def _top_summary(hist: Any, extra: Sequence[str] = ()) -> str:
    """The page's opening box: what the history holds, what changed most recently."""
    from factcheck.reports.text import figure_text, version_text  # noqa: PLC0415
    from factcheck.timeline import changelog  # noqa: PLC0415

    vs = hist.versions
    n = len(hist.timelines)
    changed = sum(1 for t in hist.timelines if t.changed)
    warned = sum(1 for t in hist.timelines if t.warnings)
    span = (f"{(vs[0].date or vs[0].label)[:10]} to {(vs[-1].date or vs[-1].label)[:10]}"
            if len(vs) > 1 else (vs[0].date or vs[0].label)[:10])
    items = [*extra,
             f"{len(vs)} version{'s' if len(vs) != 1 else ''}, {escape(span)}; {n} figure"
             f"{'s' if n != 1 else ''}, {changed} changed at least once"
             + (f', <span class="warning">{warned} with a warning</span>' if warned else "")]
    log = changelog(hist)
    if log:
        last = log[0]
        shown = [
            f"{escape(st.timeline.counted or st.timeline.id)}: "
            + (f"{escape(figure_text(st.before.claim))} → " if st.before and st.after else "")
            + escape(figure_text(st.claim)) + ("" if st.after else " (ended)")
            for st in sorted(last.steps, key=lambda st: _KIND_FIRST.get(st.kind, 9))[:6]
        ]
        more = len(last.steps) - len(shown)
        items.append(f"latest change, {escape(version_text(last.version))}: "
                     + "; ".join(shown) + (f"; and {more} more" if more > 0 else ""))
    return ('<div class="top"><ul>' + "".join(f"<li>{i}</li>" for i in items)
            + "</ul></div>")


def _changelog_section(hist: Any, sub: str) -> str:
    """Each version that changed a figure, newest first, folded: figure, old → new,
    heading, line."""
    from factcheck.reports.text import figure_text, version_text  # noqa: PLC0415
    from factcheck.timeline import changelog  # noqa: PLC0415

    out = [f"<{sub}>Changes by version</{sub}>"]
    log = changelog(hist)
    if not log:
        out.append("<p>No figure changed.</p>")
    for k, vc in enumerate(log):
        v = vc.version
        rows = []
        for st in vc.steps:
            c = st.claim
            old = figure_text(st.before.claim) if st.before else "—"
            new = figure_text(st.after.claim) if st.after else "(ended)"
            if st.kind == "restored" and st.after and st.after.restores is not None:
                new += f" (as in {st.after.restores.version.label})"
            elif st.kind == "back":
                new += " (back)"
            rows.append(("", [escape(st.timeline.counted or st.timeline.id), escape(old),
                              escape(new), escape(c.provenance.section or ""),
                              str(c.line)]))
        who = f" — {escape(v.author)}" if v.author else ""
        subj = f": {escape(v.subject)}" if v.subject else ""
        n = len(vc.steps)
        out.append(f"<details{' open' if k == 0 else ''}><summary>"
                   f"<strong>{escape(version_text(v))}</strong>{who}{subj} — {n} change"
                   f"{'s' if n != 1 else ''}</summary><div class=\"scroll\">"
                   + html_table(["figure", "before", "after", "heading", "line"],
                                rows).rstrip("\n") + "</div></details>")
    return "\n".join(out)


def _named_head(hist: Any) -> str:
    """The history's one-line head, naming the series by its title (the bundled series
    lives deep inside site-packages: its path says nothing)."""
    from factcheck.reports.text import _history_head  # noqa: PLC0415
    from factcheck.timeline import series_name  # noqa: PLC0415

    head = _history_head(hist)
    name = series_name(hist)
    return name + head[len(hist.source):] if head.startswith(hist.source) else head


def history_section(hist: Any, *, level: int = 2) -> str:
    """The body of a history (no page shell): a summary, the legend, search, filter and
    sort, then a card per figure (values at a glance, a chart on the shared time axis, the
    changes folded), and what each version changed."""
    from factcheck.differ import figure_span  # noqa: PLC0415
    from factcheck.reports.text import (  # noqa: PLC0415
        figure_text,
        series_text,
        unit_text,
    )

    h, sub = f"h{level}", f"h{min(level + 1, 6)}"
    axis = TimeAxis(hist.versions)
    index = {id(v): i for i, v in enumerate(hist.versions)}
    git = hist.kind == "git"
    parts = [f"<{h}>Figures over time</{h}>",
             f'<p class="muted">{escape(_named_head(hist))}</p>']
    for n in hist.notes:
        parts.append(f'<p class="warning">Note: {escape(n)}</p>')
    parts.append(_legend())
    parts.append(
        '<div class="controls"><input id="fc-q" type="search" placeholder="Search figures, '
        'words, headings" aria-label="Search figures">'
        '<select id="fc-f" aria-label="Show"><option value="all">all figures</option>'
        '<option value="changed">changed</option><option value="warned">with a warning'
        '</option><option value="ended">no longer stated</option></select>'
        '<select id="fc-s" aria-label="Sort"><option value="order">document order</option>'
        '<option value="changes">most changes</option><option value="last">latest change'
        '</option><option value="name">name</option></select>'
        '<span id="fc-n" class="muted"></span></div>')
    cards = []
    for order, t in enumerate(hist.timelines):
        latest = t.latest.claim
        status = "" if t.present else (
            f'<div class="gone">no longer stated after {_version_cell(t.last_seen)}</div>')
        words = " ".join([t.id, t.counted, latest.provenance.section or "",
                          latest.provenance.sentence[:240], series_text(t, limit=12)])
        body = [f'<h3><code>{escape(t.id)}</code> <span class="muted">{escape(t.counted)} '
                f"({escape(unit_text(t.unit))})"
                + (f" — {escape(latest.provenance.section)}" if latest.provenance.section
                   else "") + "</span></h3>",
                f'<div class="series">{escape(_series(t))}</div>', status]
        body += [f'<div class="warning">{escape(w)}</div>' for w in t.warnings]
        if t.changed:
            body.append(svg_chart(t, axis))
            header = ["date", "version", *(["author"] if git else []), "figure", "line",
                      "sentence"]
            prow = []
            said = None
            for p in t.points:
                v = p.version
                cells = [escape((v.date or "")[:10]), _version_cell(v)]
                if git:
                    cells.append(escape(v.author or ""))
                # The sentence once, and again only where its words (not its figure) changed.
                pv = p.claim.provenance
                a, b = figure_span(p.claim)
                words = pv.sentence[:a] + "\x00" + pv.sentence[b:]
                cells += [
                    f'<span class="figure">{escape(figure_text(p.claim))}</span>'
                    + (" (back)" if p.reappeared else ""),
                    str(p.claim.line),
                    highlight(pv.sentence, (a, b)) if words != said
                    else '<span class="muted">the same words</span>',
                ]
                prow.append(("", cells))
                said = words
            n = len(t.points) - 1
            body.append(f"<details><summary>{n} change{'s' if n != 1 else ''}</summary>"
                        '<div class="scroll">' + html_table(header, prow).rstrip("\n")
                        + "</div></details>")
        else:
            # A figure that never changed: one line, no chart.
            body = [f'<div><code>{escape(t.id)}</code> <strong>{escape(series_text(t))}'
                    f'</strong> <span class="muted">{escape(t.counted)}'
                    + (f" — {escape(latest.provenance.section)}" if latest.provenance.section
                       else "")
                    + f"; unchanged since {_version_cell(t.points[0].version)}, line "
                    f"{latest.line}</span></div>", status]
        data = (f'data-order="{order}" data-changes="{len(t.points) - 1}" '
                f'data-last="{index.get(id(t.latest.version), 0)}" '
                f'data-name="{escape(t.id.casefold())}" data-text="{escape(words.casefold())}" '
                f'data-changed="{int(t.changed)}" data-warned="{int(bool(t.warnings))}" '
                f'data-ended="{int(not t.present)}"')
        cls = ("fig" if t.changed else "fig flat") + ("" if t.present else " gone")
        cards.append(f'<section class="{cls}" {data}>' + "".join(body) + "</section>")
    parts.append('<div id="fc-figs">' + "\n".join(cards) + "</div>")
    parts.append(_changelog_section(hist, sub))
    return "\n".join(parts) + "\n"


def _history_page(title: str, body: str) -> str:
    """A history, blame or report page: the shared styles and the filter script."""
    return page(title, body + f"<script>\n{FILTER_SCRIPT}</script>\n",
                css=BASE_CSS + HISTORY_CSS)


def render_history(hist: Any, **_: Any) -> str:
    """A self-contained page: a summary, then every figure's timeline, each with an inline
    SVG chart on one time axis, searchable, filterable and sortable, then the changelog."""
    from factcheck.timeline import series_name  # noqa: PLC0415

    name = series_name(hist)
    body = (f"<h1>History of {escape(name)}</h1>\n" + _top_summary(hist) + "\n"
            + history_section(hist))
    return _history_page(f"factcheck history: {name}", body)


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
    return page(f"factcheck blame: {blame.source}", '<div class="scroll">' + body + "</div>",
                css=BASE_CSS + HISTORY_CSS)


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
    """The main report as one self-contained page: a summary (what changed, what is
    inconsistent) first, then the check of the latest version, the changes since the
    previous one, the cross-version rule, and every figure's timeline."""
    from factcheck.timeline import series_name  # noqa: PLC0415

    hist = report.history
    name = series_name(hist)
    extra = []
    if report.check is not None:
        sm = report.check.summary
        extra.append(
            f"latest version: {sm['checks']} check{'s' if sm['checks'] != 1 else ''}, "
            + (f'<span class="warning">{sm["inconsistent"]} inconsistent</span>'
               if sm["inconsistent"] else "0 inconsistent")
            + f", {sm['undetermined']} undetermined")
    if report.diff is not None:
        c = report.diff.counts()
        extra.append("since the previous version: " + ", ".join(
            f"{c[k]} {k}" for k in ("changed", "requalified", "added", "removed")))
    bad = [f for f in report.cross_version if f.verdict.value == "inconsistent"]
    if bad:
        extra.append(f'<span class="warning">{len(bad)} cross-version problem'
                     f'{"s" if len(bad) != 1 else ""}</span>')
    parts = [f"<h1>factcheck report: {escape(name)}</h1>", _top_summary(hist, extra)]
    if report.check is not None:
        parts.append('<div class="scroll">' + check_section(report.check).rstrip("\n")
                     + "</div>")
    if report.diff is not None:
        parts.append("<h2>Changes since the previous version</h2>")
        parts.append('<div class="scroll">' + diff_section(report.diff, level=3).rstrip("\n")
                     + "</div>")
    if report.cross_version:
        parts.append("<h2>Across the two versions</h2>")
        rows = [(f"v-{f.verdict.value}", [str(f.line), escape(f.verdict.value), escape(f.message)])
                for f in report.cross_version]
        parts.append(html_table(["line", "verdict", "message"], rows).rstrip("\n"))
    parts.append(history_section(hist).rstrip("\n"))
    return _history_page(f"factcheck report: {name}", "\n".join(parts) + "\n")


def render_diffs(result: Any, *, all: bool = False, **_: Any) -> str:  # noqa: A002
    """One page with the change report of each factsheet changed in a range."""
    n = len(result.files)
    title = f"Figures changed in {result.spec}: {n} factsheet{'s' if n != 1 else ''}"
    body = [f"<h1>{escape(title)}</h1>"]
    body += [diff_section(f.diff, all=all, level=2).rstrip("\n") for f in result.files]
    return page(f"factcheck diff {result.spec}", "\n".join(body) + "\n")


def _where(claim: Any) -> str:
    """"line 12", or "p. 3, line 12" for a PDF's claim (a web page's: its source line)."""
    from factcheck.reports.text import line_text  # noqa: PLC0415

    shown = line_text(claim)
    return shown if shown.startswith("p. ") else f"line {shown}"

