"""Hypothesis strategies for property-testing validators (yours and factcheck's own).

Needs hypothesis (``pip install "factcheck[strategies]"``). Three layers:

* :func:`claims` — well-formed :class:`~factcheck.claim.Claim` records (interval and
  precision as extraction would set them);
* :func:`breakdowns` — consistent breakdowns: a total and parts that add up to it exactly;
* :func:`paragraphs` — factsheet text stating a breakdown, in the shapes publishers use ("83
  members (78 nations and five international organisations)", "A total of ...:", "...,
  1,320 projects in total", "This includes: • ..."), with each figure written exactly or,
  with ``rounding=True``, rounded the way publishers round ("4.3 million", "about 1,200",
  "more than 9,000").

For example, a validator of your own should never call a consistent breakdown
inconsistent::

    from hypothesis import given
    import factcheck
    from factcheck import strategies

    @given(strategies.paragraphs(rounding=True))
    def test_never_cries_wolf(p):
        doc = factcheck.extract(p.text)
        report = factcheck.check(doc, validators=[my_validator])
        assert report.count("inconsistent") == 0
"""

from __future__ import annotations

from fractions import Fraction

import attrs

try:
    from hypothesis import strategies as st
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError(
        "factcheck.strategies needs hypothesis: pip install 'factcheck[strategies]'"
    ) from exc

from factcheck.claim import Claim, Provenance, Qualifier
from factcheck.numbers import ONES, allowed_interval, format_figure, format_number

__all__ = [
    "Breakdown",
    "Paragraph",
    "breakdowns",
    "claims",
    "paragraphs",
    "perturbed",
    "written",
]

# Counted nouns: a total's and its parts'. A family whose parts share the total's head noun
# ("education projects" ... "projects") may also be written as a list followed by its total.
_FAMILIES: tuple[tuple[str, tuple[str, ...], bool], ...] = (
    ("members", ("nations", "international organisations", "observer states",
                 "regional bodies", "partner agencies"), False),
    ("projects", ("education projects", "health projects", "housing projects",
                  "water projects", "road projects"), True),
    ("displaced people", ("refugees", "internally displaced people", "asylum-seekers",
                          "stateless people", "returnees"), False),
    ("schools", ("primary schools", "secondary schools", "vocational schools",
                 "village schools", "community schools"), True),
)
_NUMBER_WORDS = {v: k for k, v in ONES.items() if 2 <= v <= 10}


@attrs.frozen
class Breakdown:
    """A total and parts that add up to it exactly, with what each counts."""

    total: int
    parts: tuple[int, ...]
    total_noun: str
    part_nouns: tuple[str, ...]
    shared_head: bool = False
    """The parts' nouns end in the total's noun ("health projects" of "projects")."""


@attrs.frozen
class Paragraph:
    """Factsheet text stating a breakdown, and how each figure was written."""

    text: str
    breakdown: Breakdown
    total_text: str
    part_texts: tuple[str, ...]
    shape: str
    """Which shape of sentence: ``brackets``, ``colon``, ``comprising``, ``in-total``,
    ``includes`` or ``including``."""
    complete: bool
    """The shape says the parts are all of the total (``includes``/``including`` do not)."""


@st.composite
def breakdowns(draw: st.DrawFn, min_parts: int = 2, max_parts: int = 4,
               max_part: int = 10**8) -> Breakdown:
    """Consistent breakdowns: 2-4 parts (by default) and their exact total."""
    total_noun, nouns, shared = draw(st.sampled_from(_FAMILIES))
    k = draw(st.integers(min_parts, min(max_parts, len(nouns))))
    parts = tuple(draw(st.lists(st.integers(1, max_part), min_size=k, max_size=k)))
    picked = tuple(draw(st.permutations(nouns))[:k])
    return Breakdown(sum(parts), parts, total_noun, picked, shared)


def written(value: int | Fraction, style: str = "exact") -> str:
    """A figure as a publisher writes it.

    ``exact``: digits with separators ("1,320"), or a number word up to ten ("five");
    ``digits``: always digits; ``rounded``: to three significant figures with a scale word
    from a million ("4.31 million"), "about" a rounded figure from ten thousand, exact below;
    ``over``/``nearly``: a round figure just below / at or just above, with the qualifier.
    """
    v = Fraction(value)
    if style == "exact":
        return _NUMBER_WORDS.get(int(v), format_number(v)) if v.denominator == 1 else format_number(v)
    if style == "digits":
        return format_number(v)
    place = _place(v)
    if style == "rounded":
        if v >= 10**6:
            r = _round_half_up(v, place)
            return format_figure(r, Fraction(place))
        if v >= 10**4:
            return f"about {format_number(_round_half_up(v, place))}"
        return format_number(v)
    if style == "over":
        low = Fraction((v - 1) // place * place) if v > place else None
        return f"more than {format_number(low)}" if low is not None and low > 0 else format_number(v)
    if style == "nearly":
        high = Fraction(-((-v) // place) * place)
        return f"nearly {format_number(high)}" if high - v <= high / 10 else format_number(v)
    raise ValueError(f"unknown style {style!r}")


def _place(v: Fraction) -> int:
    """The place value that keeps three significant figures of *v* (at least 1)."""
    digits = len(str(int(v)))
    place: int = 10 ** max(digits - 3, 0)
    return place


def _round_half_up(v: Fraction, place: int) -> Fraction:
    return Fraction(int((v / place) + Fraction(1, 2)) * place)


def _list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


@st.composite
def paragraphs(draw: st.DrawFn, source: st.SearchStrategy[Breakdown] | None = None,
               rounding: bool = False, shapes: tuple[str, ...] | None = None) -> Paragraph:
    """Text stating a consistent breakdown (exactly, or rounded with ``rounding=True``)."""
    b = draw(source if source is not None else breakdowns())
    available = ["brackets", "colon", "comprising", "includes", "including"]
    if b.shared_head:
        available.append("in-total")
    shape = draw(st.sampled_from([s for s in available if shapes is None or s in shapes]))
    styles = ["exact", "digits"]
    if rounding:
        styles += ["rounded", "over", "nearly"]
    part_texts = tuple(written(p, draw(st.sampled_from(styles))) for p in b.parts)
    total_style = draw(st.sampled_from(["digits", "rounded"] if rounding else ["digits"]))
    total_text = written(b.total, total_style)
    items = [f"{t} {n}" for t, n in zip(part_texts, b.part_nouns)]
    total = f"{total_text} {b.total_noun}"
    if shape == "brackets":
        text = f"The Coalition now stands at {total} ({_list(items)})."
    elif shape == "colon":
        text = f"In all, the programme counted {total}: {_list(items)}."
    elif shape == "comprising":
        text = f"The programme reached {total}, comprising {_list(items)}."
    elif shape == "in-total":
        text = f"The fund built {_list(items)}, {total} in total."
    elif shape == "includes":
        text = f"By the end of the year there were {total}. This includes:\n" + "\n".join(
            f"• {i}" for i in items)
    else:
        text = f"The programme reached {total}, including {_list(items)}."
    return Paragraph(text + "\n", b, total_text, part_texts, shape,
                     complete=shape not in ("includes", "including"))


def perturbed(p: Paragraph, index: int, delta: int) -> Paragraph:
    """The paragraph with part *index* (written in digits) changed by *delta*."""
    old = p.part_texts[index]
    new_value = p.breakdown.parts[index] + delta
    new = format_number(Fraction(new_value))
    item = f"{old} {p.breakdown.part_nouns[index]}"
    if p.text.count(item) != 1:
        raise ValueError("the part to change is not written once")
    texts = list(p.part_texts)
    texts[index] = new
    parts = list(p.breakdown.parts)
    parts[index] = new_value
    return attrs.evolve(
        p,
        text=p.text.replace(item, f"{new} {p.breakdown.part_nouns[index]}"),
        part_texts=tuple(texts),
        breakdown=attrs.evolve(p.breakdown, parts=tuple(parts)),
    )


_UNITS = ("count", "USD", "EUR", "km**2", "percent", "year")
_COUNTED = ("members", "displaced people", "fighters", "projects", "funding", "area")


@st.composite
def claims(draw: st.DrawFn, units: tuple[str, ...] = _UNITS) -> Claim:
    """Well-formed claims: value, precision, qualifier and interval as extraction sets them."""
    unit = draw(st.sampled_from(units))
    qualifier = draw(st.sampled_from([q for q in Qualifier if q is not Qualifier.RANGE]))
    whole = draw(st.integers(0, 10**10))
    decimals = draw(st.integers(0, 2))
    value = Fraction(whole, 10**decimals)
    if unit == "count" and decimals == 0:
        step = Fraction(draw(st.sampled_from([0, 0, 1000, 100_000, 10**6])))
    else:
        step = Fraction(1, 10**decimals)
    stated = format_figure(value, step)
    counted = draw(st.sampled_from(_COUNTED))
    quote = f"{stated} {counted}"
    line = draw(st.integers(1, 500))
    cid = draw(st.from_regex(r"[a-z]{1,10}(?:-[a-z]{1,8}){0,2}", fullmatch=True))
    return Claim(
        id=cid,
        value=value,
        unit=unit,
        counted=counted,
        qualifier=qualifier,
        stated=stated,
        interval=allowed_interval(qualifier, value, step),
        provenance=Provenance(source="<strategies>", line=line, column=1, quote=quote,
                              sentence=quote + ".", sentence_span=(0, len(quote))),
        step=step,
        kind="share" if unit == "percent" else "figure",
    )
