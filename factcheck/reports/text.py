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
            return "-" if c is None else str(c.line)

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
