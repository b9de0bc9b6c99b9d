"""Hypothesis strategies for property-testing validators (yours and factcheck's own).

Needs hypothesis (``pip install "factcheck-figures[strategies]"``). Three layers:

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
        "factcheck.strategies needs hypothesis: pip install 'factcheck-figures[strategies]'"
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
            old_mantissa = f.mantissa
            m = draw(_mantissas(f.scale).filter(lambda m: m != old_mantissa))
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


# --------------------------------------------------------------------------- extraction (issue 2)
# The extractor's own properties: any text is read without an error (:func:`factsheet_noise`),
# a figure written in any style publishers use reads back to its value (:func:`rendered_figures`),
# and a document's snapshot loads back to equal records (:func:`snapshot_documents`).

from factcheck.claim import Document, TimeContext  # noqa: E402 - this section's own imports
from factcheck.numbers import TENS  # noqa: E402

__all__ += ["Rendered", "english", "factsheet_noise", "rendered_figures", "snapshot_documents"]

_EN_ONES = {v: k for k, v in ONES.items()}
_EN_TENS = {v: k for k, v in TENS.items()}
_EN_SCALES = ((10**9, "billion"), (10**6, "million"), (10**3, "thousand"))


def _english_below_1000(n: int, and_first: bool) -> str:
    hundreds, rest = divmod(n, 100)
    parts = []
    if hundreds:
        parts.append(f"{_EN_ONES[hundreds]} hundred")
    if rest:
        words = _EN_ONES[rest] if rest < 20 else _EN_TENS[rest - rest % 10] + (
            f"-{_EN_ONES[rest % 10]}" if rest % 10 else "")
        parts.append(f"and {words}" if hundreds or and_first else words)
    return " ".join(parts)


def english(n: int) -> str:
    """*n* (1 to 999,999,999,999) in words as British publishers write it: "twenty-six", "two
    hundred and five", "four million three hundred thousand", "one million and one"."""
    if not 1 <= n < 10**12:
        raise ValueError("english() writes 1 to 999,999,999,999")
    parts = []
    for scale, name in _EN_SCALES:
        group, n = divmod(n, scale)
        if group:
            parts.append(f"{_english_below_1000(group, False)} {name}")
    if n:
        parts.append(_english_below_1000(n, and_first=bool(parts) and n < 100))
    return " ".join(parts)


@attrs.frozen
class Rendered:
    """A sentence stating one figure in one style, and what it must read back as."""

    text: str
    value: Fraction
    unit: str
    qualifier: Qualifier
    style: str


_RENDER_QUALIFIERS = (
    ("", Qualifier.EXACT), ("more than ", Qualifier.OVER), ("over ", Qualifier.OVER),
    ("nearly ", Qualifier.NEARLY), ("almost ", Qualifier.NEARLY), ("about ", Qualifier.ABOUT),
    ("around ", Qualifier.ABOUT), ("some ", Qualifier.ABOUT), ("an estimated ", Qualifier.ABOUT),
    ("approximately ", Qualifier.ABOUT), ("in the region of ", Qualifier.ABOUT),
    ("up to ", Qualifier.AT_MOST), ("at least ", Qualifier.AT_LEAST),
    ("less than ", Qualifier.UNDER), ("under ", Qualifier.UNDER), ("fewer than ", Qualifier.UNDER),
)
_SCALE_NAMES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_ABBREVIATIONS = {"k": 10**3, "m": 10**6, "bn": 10**9}
_CURRENCY_SIGNS = (("$", "USD"), ("US$", "USD"), ("€", "EUR"), ("£", "GBP"), ("¥", "JPY"),
                   ("₹", "INR"), ("A$", "AUD"), ("C$", "CAD"), ("USD ", "USD"), ("EUR ", "EUR"),
                   ("GBP ", "GBP"), ("CHF ", "CHF"))
_CURRENCY_NAMES = ((" dollars", "USD"), (" US dollars", "USD"), (" euros", "EUR"),
                   (" Euros", "EUR"), (" pounds sterling", "GBP"), (" yen", "JPY"),
                   (" Swiss francs", "CHF"))
_PERCENT_SIGNS = ("%", " percent", " per cent", " pct", " per-cent")
RENDER_STYLES = ("digits", "decimal", "scale", "abbreviation", "words", "percent",
                 "currency-sign", "currency-name")


def _mantissa(draw: st.DrawFn, max_decimals: int = 3) -> Fraction:
    decimals = draw(st.integers(0, max_decimals))
    return Fraction(draw(st.integers(1, 9999)), 10**decimals)


@st.composite
def rendered_figures(draw: st.DrawFn, styles: tuple[str, ...] = RENDER_STYLES) -> Rendered:
    """A sentence stating one figure, written in one of the styles publishers use.

    ``digits`` ("1,234,567 people"), ``decimal`` ("1,234.56 km"), ``scale`` ("4.13 billion
    people"), ``abbreviation`` ("$1.5bn", "1.5m people"), ``words`` ("Twenty-six people", "two
    hundred and five thousand people"), ``percent`` ("62.5%", "62 per cent"),
    ``currency-sign`` ("US$4.13 billion", "EUR 12,000") and ``currency-name`` ("12,000 Euros",
    "5 million US dollars"); each with a qualifier or none.
    """
    style = draw(st.sampled_from(styles))
    q_text, qualifier = draw(st.sampled_from(_RENDER_QUALIFIERS))
    unit = "count"
    tail = " people in the region."
    if style == "digits":
        value = Fraction(draw(st.integers(0, 10**15)))
        figure = format_number(value)
    elif style == "decimal":
        value = Fraction(draw(st.integers(1, 10**9)), 10 ** draw(st.integers(1, 3)))
        figure, unit, tail = format_number(value) + " km", "km", " of new road."
    elif style == "scale":
        word = draw(st.sampled_from(sorted(_SCALE_NAMES)))
        mantissa = _mantissa(draw)
        value = mantissa * _SCALE_NAMES[word]
        figure = f"{format_number(mantissa)} {word}"
    elif style == "abbreviation":
        abbr = draw(st.sampled_from(sorted(_ABBREVIATIONS)))
        mantissa = _mantissa(draw, 2)
        value = mantissa * _ABBREVIATIONS[abbr]
        sign, unit = draw(st.sampled_from((("$", "USD"), ("€", "EUR"), ("£", "GBP"))
                                          + ((("", "count"),) if abbr != "k" else ())))
        figure = f"{sign}{format_number(mantissa)}{abbr}"
        tail = " people in the region." if unit == "count" else " for schools."
    elif style == "words":
        value = Fraction(draw(st.one_of(st.integers(2, 99), st.integers(2, 10**12 - 1))))
        figure = english(int(value))
        if draw(st.booleans()) and not q_text:
            figure = figure[0].upper() + figure[1:]
    elif style == "percent":
        value = Fraction(draw(st.integers(0, 100 * 100)), 10 ** draw(st.sampled_from([0, 2])))
        figure = format_number(value) + draw(st.sampled_from(_PERCENT_SIGNS))
        unit, tail = "percent", " of the land."
    else:
        amount = draw(st.sampled_from(["digits", "scale"]))
        if amount == "digits":
            value = Fraction(draw(st.integers(1, 10**12)), draw(st.sampled_from([1, 100])))
            number = format_number(value)
        else:
            word = draw(st.sampled_from(sorted(_SCALE_NAMES)))
            mantissa = _mantissa(draw)
            value = mantissa * _SCALE_NAMES[word]
            number = f"{format_number(mantissa)} {word}"
        if style == "currency-sign":
            sign, unit = draw(st.sampled_from(_CURRENCY_SIGNS))
            figure = f"{sign}{number}"
        else:
            name, unit = draw(st.sampled_from(_CURRENCY_NAMES))
            figure = f"{number}{name}"
        tail = " for schools."
    text = f"{q_text}{figure}{tail}"
    text = text[0].upper() + text[1:] if draw(st.booleans()) else f"The programme reached {text}"
    return Rendered(text=text, value=value, unit=unit, qualifier=qualifier, style=style)


_NOISE_FRAGMENTS = (
    "1", "0", "7", "83", "1,", ",000", "4.3", ".5", "2014", "2021", "12,000", "99.9", "1e9",
    "10" * 30, "9" * 60, "١٢", "１２", "²", "½", "$", "US$", "€", "£", "¥", "₹", "%", "per cent",
    "more than", "over", "nearly", "about", "some", "up to", "at least", "in the region of",
    "under", "million", "bn", "m", "k", "billion", "thousand", "lakh", "twenty", "-six", "five",
    "a dozen", "half", "two-thirds", "one in", "in", "doubled", "times", "per day", "a year",
    "aged", "the age of", "sq km", "km²", "years", "members", "people", "Iraq", "UNSCR",
    "Article", "January", "March 24,", "since", "(", ")", "[", "]", "-", "–", "—", "/", ":",
    ".", ",", ";", "!", "?", "•", "➔", "*", "#", "**", "_", "|", "`", "[a](http://x/1)",
    "'", "’", "\"", "“", " ", "  ", "\t", "\n", "\n\n", "\r\n", "-\n", "\u00a0", "\u2011",
    "\u00ad", "\ufeff", "\u200b", "+44 20 7946 0958", "10:30", "5G", "12Gbps", "COVID-19",
    "ISIS", "STABILISATION", "Fact Sheet", "U.S.", "Rs.", "\u017fome", "\u0130n", "\u212a",
    "\u0131", "1112,000", "1,00,000", "3.1.58",
)


@st.composite
def factsheet_noise(draw: st.DrawFn, max_fragments: int = 60) -> str:
    """Text made of the pieces figures are made of, in any order: numbers (huge ones too),
    signs, qualifiers, scale and number words, units, dates, punctuation, bullets, Markdown,
    line breaks and odd Unicode; mixed with arbitrary text."""
    pieces = draw(st.lists(
        st.one_of(st.sampled_from(_NOISE_FRAGMENTS), st.text(max_size=6)),
        max_size=max_fragments,
    ))
    seps = draw(st.lists(st.sampled_from(["", " ", "\n"]), min_size=len(pieces),
                         max_size=len(pieces)))
    return "".join(p + s for p, s in zip(pieces, seps))


_SNAPSHOT_TEXT = st.text(st.characters(codec="utf-8"), max_size=30)  # any text a file can hold
_SNAPSHOT_UNITS = ("count", "USD", "EUR", "km**2", "percent", "year", "dimensionless",
                   "count/day", "USD/year", "unknown", "m")


@st.composite
def _snapshot_claim(draw: st.DrawFn, cid: str) -> Claim:
    qualifier = draw(st.sampled_from(list(Qualifier)))
    value = Fraction(draw(st.integers(-(10**15), 10**15)), draw(st.sampled_from([1, 3, 8, 100])))
    high = None
    if qualifier is Qualifier.RANGE:
        high = value + Fraction(draw(st.integers(1, 10**9)), draw(st.sampled_from([1, 7])))
    step = Fraction(draw(st.sampled_from([0, 1, 1000, 10**6])), draw(st.sampled_from([1, 10])))
    optional = st.one_of(st.none(), _SNAPSHOT_TEXT)
    a = draw(st.integers(0, 500))
    return Claim(
        id=cid,
        value=value,
        unit=draw(st.sampled_from(_SNAPSHOT_UNITS)),
        counted=draw(_SNAPSHOT_TEXT),
        qualifier=qualifier,
        stated=draw(_SNAPSHOT_TEXT),
        interval=allowed_interval(qualifier, value, step, high),
        provenance=Provenance(
            source=draw(_SNAPSHOT_TEXT),
            line=draw(st.integers(1, 10**6)),
            column=draw(st.integers(1, 10**4)),
            quote=draw(_SNAPSHOT_TEXT),
            sentence=draw(_SNAPSHOT_TEXT),
            section=draw(optional),
            revision=draw(optional),
            offset=draw(st.integers(0, 10**8)),
            sentence_span=(a, a + draw(st.integers(0, 500))),
        ),
        step=step,
        value_high=high,
        scope=draw(optional),
        time=TimeContext(as_of=draw(optional), since=draw(optional),
                         cumulative=draw(st.booleans())),
        kind=draw(st.sampled_from(["figure", "share", "multiple"])),
    )


@st.composite
def snapshot_documents(draw: st.DrawFn, max_claims: int = 6) -> Document:
    """Documents of claims with every field filled in any way a snapshot must hold: any text
    (quotes, newlines, control characters, emoji), exact fractions, every qualifier, open and
    unbounded intervals, optional fields present or absent. Ids are unique, as extraction
    makes them."""
    ids = draw(st.lists(st.from_regex(r"[a-z0-9]{1,8}(?:-[a-z0-9]{1,6}){0,2}", fullmatch=True),
                        max_size=max_claims, unique=True))
    optional = st.one_of(st.none(), _SNAPSHOT_TEXT)
    return Document(
        source=draw(_SNAPSHOT_TEXT),
        claims=tuple(draw(_snapshot_claim(cid)) for cid in ids),
        revision=draw(optional),
        title=draw(optional),
        date=draw(optional),
    )
