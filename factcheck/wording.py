"""Figures in words, as every message and report writes them ("over 4.3 million", "62%").

A core module: the validators, the differ and the history write their messages with
:func:`figure_text`, and ``reports/`` renders with it too, so no core module needs a report
module (reports build on the core, never the other way round).
"""

from __future__ import annotations

from factcheck.claim import Claim, Qualifier
from factcheck.numbers import format_figure

__all__ = ["UNIT_LABELS", "figure_text"]

QUALIFIER_WORDS = {
    Qualifier.EXACT: "",
    Qualifier.OVER: "over",
    Qualifier.UNDER: "under",
    Qualifier.ABOUT: "about",
    Qualifier.NEARLY: "nearly",
    Qualifier.AT_LEAST: "at least",
    Qualifier.AT_MOST: "at most",
    Qualifier.RANGE: "",
}

CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£"}
UNIT_LABELS = {"count": "", "percent": "%", "dimensionless": "×", "km**2": "km²", "mi**2": "sq mi"}


def figure_text(claim: Claim) -> str:
    """A claim's figure in words: "over 4.3 million", "62%", "$4.13 billion", "2 years"."""
    q = QUALIFIER_WORDS[claim.qualifier]
    value = format_figure(claim.value, claim.step)
    if claim.value_high is not None:
        value = f"{value}–{format_figure(claim.value_high, claim.step)}"
    base, _, per = claim.unit.partition("/")
    if base == "percent":
        body = f"{value}%"
    elif base == "dimensionless":
        body = claim.stated if claim.kind != "figure" else value
    elif base == "unknown":
        body = " ".join(claim.stated.split())  # "12Gbps": the unit only as it was written
    elif base in CURRENCY_SIGNS:
        # A sign goes before the currency's: "−$5 million", not "$-5 million".
        minus = "−" if value.startswith("-") else ""
        body = f"{minus}{CURRENCY_SIGNS[base]}{value.lstrip('-')}"
    elif len(base) == 3 and base.isupper():
        body = f"{base} {value}"
    elif base in PLURAL_UNITS:
        name = base if claim.value == 1 and claim.value_high is None else PLURAL_UNITS[base]
        body = f"{value} {name}"
    else:
        body = f"{value} {UNIT_LABELS.get(base, base)}".strip()
    if per:
        body = f"{body} per {per}"
    return f"{q} {body}".strip()


PLURAL_UNITS = {
    "year": "years", "month": "months", "week": "weeks", "day": "days", "hour": "hours",
    "minute": "minutes", "decade": "decades", "century": "centuries", "hectare": "hectares",
    "acre": "acres", "tonne": "tonnes",
}
