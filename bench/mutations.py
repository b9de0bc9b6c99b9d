"""Typing slips as editors make them, and the arithmetic to tell when one breaks a relation.

Used by ``bench/bench_mutation.py`` (the mutation score) and ``tests/test_corpus.py`` (the
hand-written relations of ``tests/data/factsheets/relations.toml`` are well-formed and hold).

This module is independent of factcheck on purpose: it is the yardstick, so it reads a quoted
figure with its own small rules (README "What a figure allows", read as publishers mean it):

- the step is the place value of the last digit written; a figure with a scale word
  ("4.3 million"), a percentage, money or a decimal stands for what rounds to it; a plain
  count in digits ("7222") is exact; a count in words ("seven") is exact, "Five million" is
  rounded to the million;
- a qualifier ("about", "nearly", "more than", ...) widens the figure as a publisher means it:
  "more than 114 million" is 114 million and a bit, "nearly 8 million" just under 8 million,
  "about 70%" within a few per cent; the slack is the step or 5% of the value, whichever is
  larger;
- fractions in words ("half", "a third", "a quarter") allow 0.05 either side.

A relation (a ``dict`` as read from relations.toml) has a ``kind``, its ``figures`` as quoted
and their ``lines``:

- ``sum``: figures[0] is the sum of the others (times ``signs`` when given, default all +1);
- ``difference``: figures[0] = figures[1] - figures[2] (``signs`` default [1, -1]);
- ``part-of``: the others together do not exceed figures[0];
- ``restated``: all figures state one quantity;
- ``share``: figures = [percentage, part, whole], part / whole is the percentage;
- ``change``: figures = [new, old, percentage], |new - old| / old is the percentage;
- ``shares``: percentages of one whole; together 100 (``complete = true``) or at most 100.

``scales`` (one number per figure) multiplies a figure whose scale word stands apart from it:
a headline "68.5" over a line "MILLION FORCIBLY displaced".
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Callable, Iterator, Mapping, Sequence

SLIPS = ("digit", "swap", "drop", "double", "scale", "neighbour")
"""The kinds of typing slip, in the order they are reported."""

KINDS = ("sum", "difference", "part-of", "restated", "share", "change", "shares")
"""The relation kinds relations.toml may use."""

_SCALES = {
    "thousand": Fraction(10**3),
    "million": Fraction(10**6),
    "billion": Fraction(10**9),
    "trillion": Fraction(10**12),
    "bn": Fraction(10**9),
    "m": Fraction(10**6),
}
_SCALE_SLIP = {
    "thousand": "million",
    "million": "billion",
    "billion": "million",
    "trillion": "billion",
    "Thousand": "Million",
    "Million": "Billion",
    "Billion": "Million",
    "MILLION": "BILLION",
    "BILLION": "MILLION",
    "bn": "m",
    "m": "bn",
}
_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
_FRACTIONS = {
    "half": Fraction(1, 2),
    "one-third": Fraction(1, 3),
    "a third": Fraction(1, 3),
    "two-thirds": Fraction(2, 3),
    "a quarter": Fraction(1, 4),
    "one-quarter": Fraction(1, 4),
    "a fourth": Fraction(1, 4),
    "three-quarters": Fraction(3, 4),
}
_QUALIFIERS = {
    "about": "about",
    "around": "about",
    "approximately": "about",
    "some": "about",
    "roughly": "about",
    "an estimated": "about",
    "estimated": "about",
    "nearly": "under",
    "almost": "under",
    "just under": "under",
    "more than": "over",
    "just more than": "over",
    "over": "over",
    "at least": "over",
    "up to": "under",
    "less than": "under",
}
# A figure in digits: groups of three after a comma or a (thin) space, an optional decimal part.
NUMBER = re.compile(r"[+\-−]?\d{1,3}(?:(?:,|, | | )\d{3})+(?:\.\d+)?|[+\-−]?\d+(?:\.\d+)?")
_WORD_NUMBER = re.compile(r"\b(" + "|".join(_WORDS) + r")\b", re.IGNORECASE)


@dataclass(frozen=True)
class Figure:
    """A quoted figure read as a publisher means it: ``low`` to ``high`` in base units."""

    value: Fraction
    low: Fraction
    high: Fraction
    percent: bool


def _scale_after(rest: str) -> tuple[Fraction, str | None]:
    m = re.match(r"\s*(?:\[[^\]]*\]\s*)?(thousand|million|billion|trillion|bn|m)\b", rest, re.I)
    if m is None:
        return Fraction(1), None
    return _SCALES[m.group(1).lower()], m.group(1)


def _qualifier(before: str) -> str | None:
    low = before.lower()
    for words in sorted(_QUALIFIERS, key=len, reverse=True):
        if re.search(r"\b" + words + r"\b", low):
            return _QUALIFIERS[words]
    return None


def parse(quote: str) -> Figure:
    """Read *quote* ("nearly 43.4 million", "80 900", "eight per cent", "$1,195bn")."""
    low = quote.lower()
    for words, frac in _FRACTIONS.items():
        if words in low:
            pct = frac * 100
            return Figure(pct, pct - 5, pct + 5, True)
    m = NUMBER.search(quote)
    if m is not None:
        text = m.group(0)
        sign = -1 if text[0] in "-−" else 1
        digits = re.sub(r"[+\-−,  ]", "", text)
        number = Fraction(digits)
        decimals = len(digits.split(".")[1]) if "." in digits else 0
        in_words = False
    else:
        w = _WORD_NUMBER.search(quote)
        if w is None:
            raise ValueError(f"no figure in {quote!r}")
        m = w
        number, sign, decimals, in_words = Fraction(_WORDS[w.group(1).lower()]), 1, 0, True
    before, rest = quote[: m.start()], quote[m.end() :]
    scale, _ = _scale_after(rest)
    percent = percent_after(rest)
    money = bool(re.search(r"[$€£]|US\$|USD|SDR", before + rest[:4]))
    value = sign * number * scale
    place = Fraction(1, 10**decimals) * scale
    rounded = scale != 1 or percent or money or decimals > 0 or ("'000" in quote)
    step = place if rounded else Fraction(0)
    if in_words and scale == 1 and not percent:
        step = Fraction(0)
    half = step / 2
    low, high = value - half, value + half
    qualifier = _qualifier(before)
    slack = max(step, abs(value) / 20)
    if qualifier == "about":
        low, high = value - slack, value + slack
    elif qualifier == "under":
        low, high = value - slack, value + half
    elif qualifier == "over":
        low, high = value - half, value + slack
    return Figure(value, low, high, percent)


def _scaled(f: Figure, k: Fraction) -> Figure:
    return f if k == 1 else Figure(f.value * k, f.low * k, f.high * k, f.percent)


def percent_after(rest: str) -> bool:
    """Whether the text right after a figure makes it a percentage."""
    return bool(re.match(r"\s*(%|per ?cent|percent)", rest, re.I))


def is_year(figure: str) -> bool:
    """A bare four-digit year (1900-2099), which no editor copies for a figure."""
    return bool(re.fullmatch(r"(19|20)\d\d", figure))


def _add(figs: Sequence[Figure], signs: Sequence[int]) -> tuple[Fraction, Fraction]:
    lo = sum((f.low if s > 0 else -f.high) for f, s in zip(figs, signs))
    hi = sum((f.high if s > 0 else -f.low) for f, s in zip(figs, signs))
    return Fraction(lo), Fraction(hi)


def _overlap(a: tuple[Fraction, Fraction], b: tuple[Fraction, Fraction]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _ratio(part: Figure, whole: Figure) -> tuple[Fraction, Fraction]:
    if whole.low <= 0:
        return Fraction(-(10**9)), Fraction(10**9)
    return part.low / whole.high * 100, part.high / whole.low * 100


def holds(relation: Mapping[str, Any], quotes: Sequence[str] | None = None) -> bool:
    """Whether *relation* holds with its figures read from *quotes* (default: its own)."""
    quoted = quotes if quotes is not None else relation["figures"]
    scales = relation.get("scales", [1] * len(quoted))
    figs = [_scaled(parse(q), Fraction(k)) for q, k in zip(quoted, scales)]
    kind = relation["kind"]
    if kind in ("sum", "difference"):
        default = [1] * (len(figs) - 1) if kind == "sum" else [1] + [-1] * (len(figs) - 2)
        signs = relation.get("signs", default)
        return _overlap((figs[0].low, figs[0].high), _add(figs[1:], signs))
    if kind == "part-of":
        return _add(figs[1:], [1] * (len(figs) - 1))[0] <= figs[0].high
    if kind == "restated":
        return max(f.low for f in figs) <= min(f.high for f in figs)
    if kind == "share":
        pct, part, whole = figs
        return _overlap((pct.low, pct.high), _ratio(part, whole))
    if kind == "change":
        new, old, pct = figs
        if old.low <= 0:
            return True
        lo, hi = new.low - old.high, new.high - old.low
        lo_abs = Fraction(0) if lo <= 0 <= hi else min(abs(lo), abs(hi))
        hi_abs = max(abs(lo), abs(hi))
        return _overlap((pct.low, pct.high), (lo_abs / old.high * 100, hi_abs / old.low * 100))
    if kind == "shares":
        lo, hi = _add(figs, [1] * len(figs))
        return lo <= 100 <= hi if relation.get("complete", False) else lo <= 100
    raise ValueError(f"unknown relation kind {kind!r}")


# --- slips ---------------------------------------------------------------------------------


def _digit_positions(quote: str) -> list[int]:
    m = NUMBER.search(quote)
    if m is None:
        return []
    return [m.start() + i for i, ch in enumerate(m.group(0)) if ch.isdigit()]


def _digit_changed(quote: str, rng: random.Random) -> str | None:
    pos = _digit_positions(quote)
    if not pos:
        return None
    i = rng.choice(pos)
    choices = [d for d in "0123456789" if d != quote[i] and not (d == "0" and i == pos[0])]
    return quote[:i] + rng.choice(choices) + quote[i + 1 :]


def _swapped(quote: str, rng: random.Random) -> str | None:
    pos = _digit_positions(quote)
    pairs = [(a, b) for a, b in zip(pos, pos[1:]) if b == a + 1 and quote[a] != quote[b]]
    pairs = [(a, b) for a, b in pairs if not (a == pos[0] and quote[b] == "0")]
    if not pairs:
        return None
    a, b = rng.choice(pairs)
    return quote[:a] + quote[b] + quote[a] + quote[b + 1 :]


def _dropped(quote: str, rng: random.Random) -> str | None:
    pos = _digit_positions(quote)
    if len(pos) < 2:
        return None
    options = [i for i in pos if not (i == pos[0] and quote[pos[1]] == "0")]
    if not options:
        return None
    i = rng.choice(options)
    new = quote[:i] + quote[i + 1 :]
    # "33.3" loses its only decimal: "33", not "33."
    return re.sub(r"(?<=\d)\.(?!\d)", "", new, count=1) if i > 0 and quote[i - 1] == "." else new


def _doubled(quote: str, rng: random.Random) -> str | None:
    pos = _digit_positions(quote)
    if not pos:
        return None
    i = rng.choice(pos)
    return quote[:i] + quote[i] + quote[i:]


def _scale_slipped(quote: str, rng: random.Random) -> str | None:
    m = re.search(r"(?<![A-Za-z])(thousand|million|billion|trillion|Thousand|Million|Billion|MILLION|BILLION|bn|m)(?![A-Za-z])", quote)
    if m is None or not _digit_positions(quote[: m.start()]) and not _WORD_NUMBER.search(quote[: m.start()]):
        return None
    return quote[: m.start()] + _SCALE_SLIP[m.group(1)] + quote[m.end() :]


def _neighbour(quote: str, neighbour: str | None) -> str | None:
    """The figure of *quote* replaced by its neighbour's figure, the words kept."""
    if neighbour is None:
        return None
    m, n = NUMBER.search(quote), NUMBER.search(neighbour)
    if m is None or n is None:
        return None
    new = quote[: m.start()] + n.group(0) + quote[m.end() :]
    ms, ns = _scale_after(quote[m.end() :]), _scale_after(neighbour[n.end() :])
    if ms[1] is not None and ns[1] is not None and ms[1].lower() != ns[1].lower():
        new = new.replace(ms[1], ns[1], 1)
    return None if new == quote else new


_GENERATORS: dict[str, Callable[[str, random.Random], str | None]] = {
    "digit": _digit_changed,
    "swap": _swapped,
    "drop": _dropped,
    "double": _doubled,
    "scale": _scale_slipped,
}


def slip(kind: str, quote: str, rng: random.Random, neighbour: str | None = None) -> str | None:
    """*quote* with one typing slip of *kind*, or ``None`` when that slip cannot apply."""
    if kind == "neighbour":
        return _neighbour(quote, neighbour)
    return _GENERATORS[kind](quote, rng)


def slips(quote: str, rng: random.Random, neighbour: str | None = None) -> Iterator[tuple[str, str]]:
    """One slip of each kind that applies to *quote*: ``(kind, slipped quote)``."""
    for kind in SLIPS:
        new = slip(kind, quote, rng, neighbour)
        if new is not None and new != quote:
            yield kind, new


# --- locating quotes -----------------------------------------------------------------------


def locate(text: str, quote: str, line: int, occurrence: int = 1) -> int | None:
    """The offset in *text* of the *occurrence*-th *quote* on 1-based *line*, on figure bounds."""
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    if not 1 <= line <= len(starts):
        return None
    begin = starts[line - 1]
    end = starts[line] - 1 if line < len(starts) else len(text)
    pattern = re.compile(r"(?<![\d.,])" + re.escape(quote) + r"(?![\d])")
    hits = [m.start() for m in pattern.finditer(text, begin, end)]
    if len(hits) < occurrence:
        return None
    return hits[occurrence - 1]
