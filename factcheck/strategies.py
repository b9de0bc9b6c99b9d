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
    "EditedVersions",
    "Paragraph",
    "breakdowns",
    "claims",
    "edited_versions",
    "number_words",
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


# --------------------------------------------------------------------------- versions (differ)
# Two versions of one factsheet and the edits between them, for the differ's properties
# (``factcheck.diff``): figures changed, sentences dropped and added, lines reflowed,
# paragraphs reordered, numbers restyled. Every counted noun is used once and no two look
# alike, so each edit has exactly one right reading.

_DIFF_NOUNS = ("members", "schools", "troops", "villages", "hospitals", "refugees", "tanks",
               "wells", "clinics", "volunteers", "aircraft", "donors", "farms", "nurses",
               "mosques", "ferries", "cities")
_DIFF_TEMPLATES = (
    "The coalition now counts {0}.",
    "Since 2014, partners have supported {0} across the region.",
    "Officials reported {0} and {1} in the north.",
    "According to the ministry, {0} were recorded last year.",
    "{0} received help from the coalition.",
)
_DIFF_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
              "ninety")
_DIFF_ONES = {v: k for k, v in ONES.items()}


def number_words(n: int) -> str:
    """2-99 in words, as publishers write them: "seven", "twenty-six"."""
    if n < 20:
        return _DIFF_ONES[n]
    return _DIFF_TENS[n // 10] + ("-" + _DIFF_ONES[n % 10] if n % 10 else "")


@attrs.frozen
class _VersionFigure:
    noun: str
    scale: str  # "unit" (2-99, no round tens), "thousand" (2,000-99,000), "million" (1.1-9.9m)
    mantissa: int
    qualifier: str

    def text(self, words: bool) -> str:
        if self.scale == "unit":
            num = number_words(self.mantissa) if words else str(self.mantissa)
        elif self.scale == "thousand":
            num = f"{self.mantissa * 1000:,}"
        else:
            m = f"{self.mantissa // 10}.{self.mantissa % 10}"
            num = f"{m}m" if words else f"{m} million"
        return f"{self.qualifier}{num} {self.noun}"


@attrs.frozen
class _VersionSentence:
    template: int
    figures: tuple[_VersionFigure, ...]

    def text(self, words: bool) -> str:
        # A second figure stays in digits: extraction reads "5 wells and twenty-one troops"
        # as one figure counting "wells and twenty-one troops".
        t = _DIFF_TEMPLATES[self.template].format(
            *(f.text(words and k == 0) for k, f in enumerate(self.figures))
        )
        return t[0].upper() + t[1:]


@attrs.frozen
class EditedVersions:
    """Two versions of a factsheet and what each counted noun's figure underwent."""

    old_text: str
    new_text: str
    expected: dict[str, str]
    """Counted noun -> ``same`` (unchanged, perhaps moved or restyled), ``changed``,
    ``added`` or ``removed``."""


def _mantissas(scale: str) -> st.SearchStrategy[int]:
    if scale == "unit":  # no round tens: extraction reads "twenty" as rounded to the ten
        return st.integers(2, 99).filter(lambda m: m % 10 != 0)
    if scale == "thousand":
        return st.integers(2, 99)
    return st.integers(11, 99).filter(lambda m: m % 10 != 0)


@st.composite
def _version_figures(draw: st.DrawFn, noun: str) -> _VersionFigure:
    scale = draw(st.sampled_from(["unit", "thousand", "million"]))
    return _VersionFigure(noun, scale, draw(_mantissas(scale)),
                          draw(st.sampled_from(["", "more than ", "nearly ", "about "])))


@st.composite
def _version_sentences(draw: st.DrawFn, nouns: list[str]) -> list[_VersionSentence]:
    out: list[_VersionSentence] = []
    i = 0
    while i < len(nouns):
        t = draw(st.integers(0, len(_DIFF_TEMPLATES) - 1))
        need = _DIFF_TEMPLATES[t].count("{")
        if i + need > len(nouns):
            t, need = 0, 1
        out.append(_VersionSentence(t, tuple(draw(_version_figures(n))
                                             for n in nouns[i:i + need])))
        i += need
    return out


def _render_version(sentences: list[_VersionSentence], *, words: bool = False,
                    width: int = 1000, breaks: frozenset[int] = frozenset(),
                    order: list[int] | None = None) -> str:
    import textwrap  # noqa: PLC0415

    paras: list[list[str]] = [[]]
    for i, s in enumerate(sentences):
        paras[-1].append(s.text(words))
        if i in breaks and i != len(sentences) - 1:
            paras.append([])
    if order is not None:
        paras = [paras[i] for i in order if i < len(paras)] + [
            p for i, p in enumerate(paras) if i >= len(order)
        ]
    return "\n\n".join(
        textwrap.fill(" ".join(p), width, break_on_hyphens=False, break_long_words=False)
        for p in paras if p
    ) + "\n"


@st.composite
def edited_versions(draw: st.DrawFn, max_claims: int = 9, max_edits: int = 4) -> EditedVersions:
    """An old factsheet and a new one made from it by random edits: figures changed,
    sentences dropped and added, lines rewrapped, paragraphs reordered, numbers written in
    another style ("26" and "twenty-six", "4.3 million" and "4.3m")."""
    pool = list(draw(st.permutations(_DIFF_NOUNS)))
    n_old = draw(st.integers(1, max_claims))
    fresh = pool[n_old:]
    old = draw(_version_sentences(pool[:n_old]))
    new = list(old)
    for _ in range(draw(st.integers(0, max_edits))):
        op = draw(st.sampled_from(["change", "drop", "add"]))
        if op == "change" and new:
            i = draw(st.integers(0, len(new) - 1))
            j = draw(st.integers(0, len(new[i].figures) - 1))
            f = new[i].figures[j]
            m = draw(_mantissas(f.scale).filter(lambda m, f=f: m != f.mantissa))
            figures = list(new[i].figures)
            figures[j] = attrs.evolve(f, mantissa=m)
            new[i] = attrs.evolve(new[i], figures=tuple(figures))
        elif op == "drop" and new:
            new.pop(draw(st.integers(0, len(new) - 1)))
        elif op == "add" and fresh:
            (s,) = draw(_version_sentences(fresh[:1]))
            fresh = fresh[1:]
            new.insert(draw(st.integers(0, len(new))), s)
    before = {f.noun: f for s in old for f in s.figures}
    after = {f.noun: f for s in new for f in s.figures}
    expected = {
        noun: "removed" if noun not in after else "added" if noun not in before
        else "changed" if before[noun] != after[noun] else "same"
        for noun in before.keys() | after.keys()
    }
    old_breaks = draw(st.sets(st.integers(0, max(len(old) - 1, 0))))
    new_breaks = draw(st.sets(st.integers(0, max(len(new) - 1, 0))))
    return EditedVersions(
        old_text=_render_version(old, breaks=frozenset(old_breaks)),
        new_text=_render_version(
            new,
            words=draw(st.booleans()),
            width=draw(st.integers(30, 100)),
            breaks=frozenset(new_breaks),
            order=list(draw(st.permutations(range(len(new))))) if new else None,
        ),
        expected=expected,
    )
