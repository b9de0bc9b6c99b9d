"""Claims to and from plain data: the JSON claim object and the snapshot claim block.

One cattrs converter holds the hooks for the types JSON and TOML do not know (Fraction,
Qualifier), so every format that writes a claim writes it the same way.
"""

from __future__ import annotations

import functools
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from factcheck.claim import Claim, Document, Provenance, Qualifier, TimeContext
from factcheck.numbers import allowed_interval

if TYPE_CHECKING:  # cattrs is imported when a record is read or written, not for JSON output
    import cattrs

__all__ = [
    "claim_from_record",
    "claim_record",
    "claim_to_json",
    "converter",
    "document_to_json",
    "fraction_text",
    "json_number",
    "parse_fraction",
]


def fraction_text(value: Fraction) -> str:
    """Exact text for a value: "4130000000", "4.13", "2/3"."""
    if value.denominator == 1:
        return str(value.numerator)
    d = value.denominator
    twos = fives = 0
    while d % 2 == 0:
        d //= 2
        twos += 1
    while d % 5 == 0:
        d //= 5
        fives += 1
    if d != 1:
        return f"{value.numerator}/{value.denominator}"
    places = max(twos, fives)
    digits = str(abs(value.numerator * 10**places // value.denominator)).rjust(places + 1, "0")
    sign = "-" if value < 0 else ""
    return f"{sign}{digits[:-places]}.{digits[-places:]}"


def parse_fraction(text: str | int | float) -> Fraction:
    """Read the exact text written by :func:`fraction_text` (or a plain JSON/TOML number)."""
    if isinstance(text, bool):
        raise ValueError("expected a number, got a boolean")
    if isinstance(text, float):
        return Fraction(repr(text))
    if isinstance(text, int):
        return Fraction(text)
    if not isinstance(text, str):
        raise ValueError(f"expected a number as text, got {type(text).__name__}")
    try:
        return Fraction(text.replace(",", "").strip())
    except (ValueError, ZeroDivisionError) as exc:
        raise ValueError(f"expected a number such as '4.13' or '2/3', got {text!r}") from exc


def json_number(value: Fraction | None) -> int | float | None:
    """A JSON number for a value: an int when whole, else the nearest float.

    The float's shortest repr is the decimal written in the factsheet ("4.13", "62.5"), so the
    JSON text holds the figure exactly; only values no decimal holds (2/3) are approximated.
    """
    if value is None:
        return None
    if value.denominator == 1:
        return value.numerator
    return float(value)


@functools.lru_cache(maxsize=1)
def converter() -> cattrs.Converter:
    """The project's cattrs converter for claim records."""
    import cattrs  # noqa: PLC0415

    conv = cattrs.Converter(omit_if_default=False)
    conv.register_unstructure_hook(Fraction, fraction_text)
    conv.register_structure_hook(Fraction, lambda v, _t: parse_fraction(v))
    conv.register_unstructure_hook(Qualifier, lambda q: q.value)
    conv.register_structure_hook(Qualifier, lambda v, _t: Qualifier(v))
    # cattrs would turn any value into a str, int or bool (id = 5 into "5", line = true into
    # 1); a hand-edited snapshot with a value of the wrong type is an error instead.
    for kind in (str, int, bool):
        conv.register_structure_hook(kind, _strict(kind))
    return conv


def _strict(kind: type) -> Any:
    def structure(value: Any, _t: Any) -> Any:
        if type(value) is not kind:
            raise TypeError(f"expected {kind.__name__}, got {type(value).__name__} {value!r}")
        return value

    return structure


def _drop_none(d: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in d.items():
        if v is None:
            continue
        out[k] = _drop_none(v) if isinstance(v, dict) else v
    return out


def claim_record(claim: Claim) -> dict[str, Any]:
    """The snapshot block of a claim: every field but the interval (which is derived)."""
    data = converter().unstructure(claim)
    data.pop("interval", None)
    prov = data["provenance"]
    prov["sentence_span"] = list(prov["sentence_span"])
    return _drop_none(data)


def claim_from_record(data: dict[str, Any]) -> Claim:
    """A claim from its snapshot block; the interval is computed from qualifier and precision.

    Raises cattrs' ``ClassValidationError`` (or ValueError) naming the field that is wrong.
    """
    body = dict(data)
    if "interval" in body:
        raise ValueError("'interval' is derived from qualifier, value and step; remove it")
    conv = converter()
    q = conv.structure(body.get("qualifier", "exact"), Qualifier)
    value = conv.structure(body["value"], Fraction)
    step = conv.structure(body.get("step", "0"), Fraction)
    high = body.get("value_high")
    high_f = None if high is None else conv.structure(high, Fraction)
    body["interval"] = {"low": None, "high": None}
    claim = conv.structure(body, Claim)
    return _with_interval(claim, allowed_interval(q, value, step, high_f))


def _with_interval(claim: Claim, interval: Any) -> Claim:
    import attrs  # noqa: PLC0415

    return attrs.evolve(claim, interval=interval)


def claim_to_json(claim: Claim) -> dict[str, Any]:
    """The stable JSON object of a claim (documented in README, "JSON formats")."""
    p: Provenance = claim.provenance
    t: TimeContext = claim.time
    iv = claim.interval
    return {
        "id": claim.id,
        "quote": p.quote,
        "line": p.line,
        "column": p.column,
        "value": json_number(claim.value),
        "value_exact": fraction_text(claim.value),
        "value_high": json_number(claim.value_high),
        "unit": claim.unit,
        "qualifier": claim.qualifier.value,
        "counted": claim.counted,
        "scope": claim.scope,
        "kind": claim.kind,
        "stated": claim.stated,
        "step": json_number(claim.step),
        "low": json_number(iv.low),
        "high": json_number(iv.high),
        "low_open": iv.low_open,
        "high_open": iv.high_open,
        "since": t.since,
        "as_of": t.as_of,
        "cumulative": t.cumulative,
        "source": p.source,
        "revision": p.revision,
        "section": p.section,
        "sentence": p.sentence,
        # Where a PDF or a web page holds the quote; only for claims read from one.
        **{k: v for k, v in (("page", p.page), ("page_line", p.page_line),
                             ("source_line", p.source_line), ("source_column", p.source_column),
                             ("element", p.element)) if v is not None},
    }


def document_to_json(doc: Document) -> dict[str, Any]:
    """A document's summary for JSON outputs (its claims are listed separately)."""
    return {
        "source": doc.source,
        "revision": doc.revision,
        "title": doc.title,
        "date": doc.date,
        **({"format": doc.format} if doc.format is not None else {}),
        "claims": len(doc.claims),
    }
