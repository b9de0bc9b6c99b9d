"""Text: readable tables for a terminal."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from factcheck.claim import Claim, Document, Qualifier
from factcheck.numbers import format_figure

_QUALIFIER_WORDS = {
    Qualifier.EXACT: "",
    Qualifier.OVER: "over",
    Qualifier.UNDER: "under",
    Qualifier.ABOUT: "about",
    Qualifier.NEARLY: "nearly",
    Qualifier.AT_LEAST: "at least",
    Qualifier.AT_MOST: "at most",
    Qualifier.RANGE: "",
}

_CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£"}
UNIT_LABELS = {"count": "", "percent": "%", "dimensionless": "×", "km**2": "km²", "mi**2": "sq mi"}


def figure_text(claim: Claim) -> str:
    """A claim's figure in words: "over 4.3 million", "62%", "$4.13 billion"."""
    q = _QUALIFIER_WORDS[claim.qualifier]
    value = format_figure(claim.value, claim.step)
    if claim.value_high is not None:
        value = f"{value}–{format_figure(claim.value_high, claim.step)}"
    unit = UNIT_LABELS.get(claim.unit, claim.unit)
    if claim.unit == "percent":
        body = f"{value}%"
    elif claim.unit == "dimensionless":
        body = claim.stated if claim.kind != "figure" else value
    elif claim.unit in _CURRENCY_SIGNS:
        body = f"{_CURRENCY_SIGNS[claim.unit]}{value}"
    elif len(claim.unit) == 3 and claim.unit.isupper():
        body = f"{claim.unit} {value}"
    else:
        body = f"{value} {unit}".strip()
    return f"{q} {body}".strip()


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
    """One table per document: line, id, figure, counted, quote."""
    parts = []
    for d in docs:
        rows = [
            [
                f"{c.line}:{c.provenance.column}",
                c.id,
                figure_text(c),
                c.counted,
                " ".join(c.quote.split()),
            ]
            for c in d.claims
        ]
        title = f"{d.source}: {len(d.claims)} claim{'s' if len(d.claims) != 1 else ''}"
        parts.append(title + "\n" + (table(rows, ["line", "id", "figure", "counted", "quote"])
                                     if rows else ""))
    return "\n".join(parts)

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
            out.append(f"  {f.line:>4}  {label}  {f.rule:<{width}}  {f.message}")
    s = report.summary
    out.append(
        f"{s['checks']} check{'s' if s['checks'] != 1 else ''}: {s['consistent']} consistent, "
        f"{s['inconsistent']} inconsistent, {s['undetermined']} undetermined"
    )
    return "\n".join(out) + "\n"
