"""Numbers as publishers write them: digits, scale words, number words; and what they allow.

Everything here is exact (:class:`fractions.Fraction`) and pure; :mod:`factcheck.extract` finds
the figures in text and calls these to read them.
"""

from __future__ import annotations

import re
from fractions import Fraction

from factcheck.claim import Interval, Qualifier

__all__ = [
    "ABOUT_TOLERANCE",
    "NEARLY_TOLERANCE",
    "SCALES",
    "allowed_interval",
    "format_figure",
    "format_number",
    "parse_digits",
    "parse_words",
]

ABOUT_TOLERANCE = Fraction(1, 10)
""""about 10,000" allows 10% either side (or the stated precision, if that is wider)."""
NEARLY_TOLERANCE = Fraction(1, 10)
""""nearly 8 million" allows up to 10% below the figure, and the figure itself."""

SCALES: dict[str, int] = {
    "thousand": 10**3,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
    "lakh": 10**5,
    "crore": 10**7,
    "lakh crore": 10**12,  # Indian budgets: "₹48.21 lakh crore"
    "k": 10**3,
    "m": 10**6,
    "mn": 10**6,
    "mln": 10**6,
    "bn": 10**9,
    "b": 10**9,
    "tn": 10**12,
}

_SCALE_NAMES = {10**3: "thousand", 10**6: "million", 10**9: "billion", 10**12: "trillion"}

ONES: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
FRACTION_WORDS: dict[str, int] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
    "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "tenth": 10, "tenths": 10,
}

# Thousands are grouped with commas ("608,000") or, in the SI and WHO/UN style, with a space,
# a no-break space or a thin space ("608 000").
_DIGITS = re.compile(
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:\.\d+)?"
    r"|\d+(?:\.\d+)?"
)
_GROUP_MARKS = str.maketrans("", "", ", \u00a0\u202f\u2009")


def parse_digits(text: str) -> tuple[Fraction, int]:
    """Read "110,000" or "4.13" into (exact value, number of decimals written).

    Raises ValueError for anything that is not a well-formed figure.
    """
    if not _DIGITS.fullmatch(text):
        raise ValueError(f"not a figure: {text!r}")
    plain = text.translate(_GROUP_MARKS)
    whole, _, frac = plain.partition(".")
    decimals = len(frac)
    return Fraction(int(whole + frac), 10**decimals), decimals


_WORD = re.compile(r"[a-z]+")


def parse_words(text: str) -> tuple[Fraction, int] | None:
    """Read a number written in words ("twenty-six", "a dozen", "two hundred", "four million").

    Returns (value, scale of the last word's place) or None. The scale says how the figure is
    rounded: "four million" is rounded to the million.
    """
    words = _WORD.findall(text.lower())
    if not words:
        return None
    total = 0
    current = 0
    place = 1
    seen = False
    for w in words:
        if w in ("a", "an") and not seen:
            current = 1
            continue
        if w == "and" and seen:
            continue
        if w in ONES:
            current += ONES[w]
            place = 1
        elif w in TENS:
            # "twenty" in words is as exact as "20": a tens word is not a rounding.
            current += TENS[w]
            place = 1
        elif w == "dozen":
            current = (current or 1) * 12
            place = 1
        elif w == "hundred":
            current = (current or 1) * 100
            place = 100
        elif w in ("thousand", "million", "billion", "trillion"):
            scale = SCALES[w]
            total += (current or 1) * scale
            current = 0
            place = scale
        else:
            return None
        seen = True
    if not seen:
        return None
    return Fraction(total + current), place


def allowed_interval(
    qualifier: Qualifier,
    value: Fraction,
    step: Fraction,
    value_high: Fraction | None = None,
) -> Interval:
    """The interval of true values the words allow (see README, "What a figure allows").

    *step* is the place value of the last written digit (0 for an exact count): a figure
    stands for everything that rounds to it, ``[value - step/2, value + step/2]``.
    """
    if qualifier is Qualifier.EXACT and not step:
        return Interval(value, value)
    half = step / 2
    if qualifier is Qualifier.EXACT:
        return Interval(value - half, value + half)
    if qualifier is Qualifier.RANGE:
        high = value if value_high is None else value_high
        return Interval(value - half, high + half)
    if qualifier is Qualifier.OVER:
        return Interval(value, None, low_open=True)
    if qualifier is Qualifier.AT_LEAST:
        return Interval(value, None)
    if qualifier is Qualifier.UNDER:
        return Interval(None, value, high_open=True)
    if qualifier is Qualifier.AT_MOST:
        return Interval(None, value)
    if qualifier is Qualifier.NEARLY:
        slack = max(half, abs(value) * NEARLY_TOLERANCE)
        return Interval(value - slack, value)
    # ABOUT
    slack = max(half, abs(value) * ABOUT_TOLERANCE)
    return Interval(value - slack, value + slack)


def format_number(value: Fraction, decimals: int | None = None) -> str:
    """Write *value* with thousands separators: 4130000000 -> "4,130,000,000".

    Values that no finite decimal holds (two-thirds) are written as a fraction, "2/3".
    """
    if value.denominator == 1 and not decimals:
        return f"{value.numerator:,}"
    d = value.denominator
    while d % 2 == 0:
        d //= 2
    while d % 5 == 0:
        d //= 5
    if d != 1:
        return f"{value.numerator}/{value.denominator}"
    places = 0
    scaled = value
    while scaled.denominator != 1:
        scaled *= 10
        places += 1
    places = max(places, decimals or 0)
    sign = "-" if value < 0 else ""
    digits = str(abs(int(value * 10**places))).rjust(places + 1, "0")
    whole, frac = digits[:-places] if places else digits, digits[-places:] if places else ""
    text = f"{int(whole):,}"
    return f"{sign}{text}.{frac}" if frac else f"{sign}{text}"


def format_figure(value: Fraction, step: Fraction = Fraction(0)) -> str:
    """Write a figure the way a factsheet would: 4130000000 at step 1e7 -> "4.13 billion".

    A scale word is used when the stated precision is a whole number of thousands or more;
    otherwise the figure is written in full ("110,000").
    """
    for scale in (10**12, 10**9, 10**6):
        if step >= scale // 1000 * 1 and abs(value) >= scale and step > 0:
            mantissa = value / scale
            decimals = 0
            s = step / scale
            while s < 1 and s > 0:
                s *= 10
                decimals += 1
            return f"{format_number(mantissa, decimals)} {_SCALE_NAMES[scale]}"
    return format_number(value)
