"""Typing slips: the figures an editor may have meant where a figure was written.

Editors break figures in a few ways, and each leaves the written digits one edit away from
the intended ones: one digit changed ("4.7" typed "4.2"), two adjacent digits swapped ("125"
typed "152"), a digit dropped or doubled ("1,900" typed "190" or "19,900"), a scale word
slipped ("million" for "billion"), or a figure copied from its neighbour. This module lists
the values one such slip away from a claim (:func:`variants`), tells whether two written
figures are one slip apart (:func:`slip_between`), and finds the slips that would make a
failed sum hold (:func:`explain_sum`).

How strong a slip is as evidence depends on how many digits the figure writes: any two
one-digit figures are one changed digit apart, but two five-digit figures rarely are
(:func:`significant_digits`). Callers weigh it so (README, "How the check weighs evidence").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from fractions import Fraction

import attrs

from factcheck.claim import Claim, Qualifier
from factcheck.lexicon import SLIP_KINDS

__all__ = [
    "Slip", "explain_sum", "significant_digits", "slip_between", "variants", "with_value",
    "neighbour_keys", "scale_word", "written_like",
]

_NUMERAL = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_SCALE_WORD = re.compile(r"(?i)\b(?:thousand|million|billion|trillion|bn|mn|tn)\b|(?<=\d)\s*[kmb]n?\b")
_SCALE_SWAP = {"thousand": "million", "million": "billion", "billion": "trillion"}
_SCALE_BACK = {v: k for k, v in _SCALE_SWAP.items()}


@attrs.frozen
class Slip:
    """One figure as an editor may have meant it: *intended* where *claim* says its figure."""

    kind: str
    """One of :data:`factcheck.lexicon.SLIP_KINDS`: ``digit``, ``swap``, ``dropped``,
    ``doubled``, ``scale``, ``copied``."""
    claim: Claim
    value: Fraction
    """The intended value, in the claim's unit."""
    intended: str
    """The intended figure as it would be written ("4.7 million")."""

    @property
    def described(self) -> str:
        """What the slip is, in words: "two digits swapped"."""
        return SLIP_KINDS[self.kind]


@attrs.frozen
class _Written:
    """A claim's figure as digits: ``digits`` with ``decimals`` after the point, times
    ``factor`` (scale word, unit) gives the value."""

    digits: str
    decimals: int
    factor: Fraction
    grouped: bool
    start: int
    end: int


def _written(c: Claim) -> _Written | None:
    if c.value_high is not None or c.qualifier is Qualifier.RANGE:
        return None
    return _written_of(c.stated, c.value)


@functools.lru_cache(maxsize=65536)
def _written_of(stated: str, value: Fraction) -> _Written | None:
    """A figure's digits, read once per figure as written (a factsheet repeats them)."""
    m = _NUMERAL.search(stated)
    if m is None:
        return None
    text = m.group()
    whole, _, frac = text.replace(",", "").partition(".")
    n = Fraction(int(whole + frac), 10 ** len(frac))
    if n == 0 or value == 0:
        return None
    return _Written(whole + frac, len(frac), value / n, "," in text, m.start(), m.end())


def significant_digits(c: Claim) -> int:
    """How many significant digits a claim's figure writes ("4.2 million": 2, "47,933": 5,
    "40,000": 1); 0 when it writes no plain number."""
    w = _written(c)
    if w is None:
        return 0
    s = w.digits.lstrip("0")
    if w.decimals == 0:
        s = s.rstrip("0")
    return len(s)


def _value(w: _Written, digits: str, decimals: int) -> Fraction:
    return Fraction(int(digits), 10**decimals) * w.factor


def _text(c: Claim, w: _Written, digits: str, decimals: int) -> str:
    whole = digits[: len(digits) - decimals] if decimals else digits
    frac = digits[len(digits) - decimals:] if decimals else ""
    whole = whole.lstrip("0") or "0"
    written_whole = len(w.digits) - w.decimals
    if len(whole) >= 4 and (w.grouped or written_whole < 4):
        whole = f"{int(whole):,}"  # "202" meant as "1,202", as publishers group it
    numeral = whole + (f".{frac}" if frac else "")
    return c.stated[: w.start] + numeral + c.stated[w.end:]


def _edits(w: _Written) -> Iterator[tuple[str, str, int]]:
    """The digits an editor may have meant where *w* is written, one slip away: (kind,
    digits, decimals). ``dropped``: the editor left a digit out, so the intended figure has
    one more (any digit, anywhere); ``doubled``: the editor typed a digit twice, so the
    intended figure has one of two equal neighbours less."""
    d, k = w.digits, w.decimals
    n = len(d)
    whole_len = n - k
    for i in range(n):
        for ch in "0123456789":
            if ch != d[i] and not (i == 0 and ch == "0" and whole_len > 1):
                yield "digit", d[:i] + ch + d[i + 1:], k
    for i in range(n - 1):
        if d[i] != d[i + 1] and not (i == 0 and d[1] == "0" and whole_len > 1):
            yield "swap", d[:i] + d[i + 1] + d[i] + d[i + 2:], k
    for i in range(n + 1):
        for ch in "0123456789":
            if i == 0 and ch == "0" and whole_len > 0:
                continue
            if i < n and d[i] == ch:
                continue  # the same as inserting it one place on
            nk = k + 1 if i > whole_len else k
            yield "dropped", d[:i] + ch + d[i:], nk
    for i in range(n - 1):
        if d[i] == d[i + 1] and (i > 0 or n - 1 - k >= 1):
            nk = k - 1 if i >= whole_len else k
            yield "doubled", d[:i] + d[i + 1:], nk


def variants(c: Claim) -> Iterator[Slip]:
    """The figures one typing slip away from what *c* writes (digits edited, or its scale
    word a thousandfold off), each with its value in *c*'s unit."""
    w = _written(c)
    if w is None:
        return
    seen = {c.value}
    for kind, digits, decimals in _edits(w):
        value = _value(w, digits, decimals)
        if value in seen or value <= 0:
            continue
        seen.add(value)
        yield Slip(kind, c, value, _text(c, w, digits, decimals))
    m = _SCALE_WORD.search(c.stated)
    if m is not None:
        word = m.group().lower()
        for other, factor in ((_SCALE_SWAP.get(word), Fraction(1000)),
                              (_SCALE_BACK.get(word), Fraction(1, 1000))):
            if other is not None and c.value * factor not in seen:
                yield Slip("scale", c, c.value * factor,
                           c.stated[: m.start()] + other + c.stated[m.end():])


def _one_edit(meant: str, written: str) -> str | None:
    """The slip that turns the digits *meant* into *written*, comparing the strings: one
    digit changed, two adjacent swapped, one dropped, or one doubled (a digit typed again
    beside itself); None for anything else."""
    if len(meant) == len(written):
        diff = [i for i in range(len(meant)) if meant[i] != written[i]]
        if len(diff) == 1:
            return "digit"
        if len(diff) == 2 and diff[1] == diff[0] + 1 and meant[diff[0]] == written[diff[1]] \
                and meant[diff[1]] == written[diff[0]]:
            return "swap"
        return None
    if abs(len(meant) - len(written)) != 1:
        return None
    short, long_ = sorted((meant, written), key=len)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    if short[i:] != long_[i + 1:]:
        return None
    if len(written) < len(meant):
        return "dropped"
    extra = long_[i]
    beside = (i > 0 and long_[i - 1] == extra) or (i + 1 < len(long_) and long_[i + 1] == extra)
    return "doubled" if beside else None


def slip_between(a: Claim, b: Claim) -> str | None:
    """The kind of the one slip that turns the figure *a* writes into the one *b* writes
    (same scale and unit: "125 million" and "152 million" are ``swap``; "1,900" and "190"
    ``dropped``; "1,900" and "19,900" ``doubled``), or None. Compares the digit strings, so
    it costs no more than their length."""
    wa, wb = _written(a), _written(b)
    if wa is None or wb is None or a.unit != b.unit:
        return None
    da, db = wa.digits.lstrip("0") or "0", wb.digits.lstrip("0") or "0"
    if da == db and wa.decimals == wb.decimals and a.value and \
            b.value / a.value in (Fraction(1000), Fraction(1, 1000)) and \
            _SCALE_WORD.search(a.stated) and _SCALE_WORD.search(b.stated):
        return "scale"
    if wa.factor != wb.factor or abs(wa.decimals - wb.decimals) > 1:
        return None
    # Either figure may be the slipped one: "101" and "2,101" are a digit dropped.
    kind = _one_edit(da, db) or _one_edit(db, da)
    if kind is None:
        return None
    # The edit must also account for the values: "4.2" and "4.25" differ by a digit added
    # after the point; "42" and "4.2" are no slip of a digit.
    if wa.decimals != wb.decimals and kind not in ("dropped", "doubled"):
        return None
    return kind


def scale_word(c: Claim) -> str:
    """The scale word a figure is written with, in lower case ("million" for "4.2 Million",
    "bn" for "$2bn"); "" for none."""
    m = _SCALE_WORD.search(c.stated)
    return m.group().strip().lower() if m else ""


def written_like(c: Claim, value: Fraction) -> str:
    """*value* written as *c* writes its figure (its currency sign, scale word, unit):
    0.5 million beside "8.7 million", "$1.2 billion" beside "$4.1 billion"."""
    w = _written(c)
    if w is None or not w.factor:
        from factcheck.numbers import format_number  # noqa: PLC0415

        return format_number(value)
    n = value / w.factor
    decimals = 0
    while n * 10**decimals != int(n * 10**decimals) and decimals < 6:
        decimals += 1
    digits = str(abs(int(n * 10**decimals))).rjust(decimals + 1, "0")
    text = _text(c, w, digits, decimals)
    return ("-" + text) if n < 0 else text


Key = tuple[object, ...]
"""A key of :func:`neighbour_keys`."""


def neighbour_keys(c: Claim) -> tuple[tuple[Key, ...], tuple[Key, ...]]:
    """Keys that find the figures one slip from *c* without comparing every pair: (the keys
    *c* is filed under, the keys to look up). Two figures one changed digit apart share a
    key with that digit blanked; two with adjacent digits swapped share their sorted
    digits; a figure with a digit dropped is filed under its digits as they are, and found
    from the other's digits less one. The figures found must still be checked with
    :func:`slip_between`."""
    w = _written(c)
    if w is None:
        return (), ()
    d, f = w.digits.lstrip("0") or "0", w.factor * Fraction(1, 10**w.decimals)
    blanked = tuple(("sub", d[:i] + "?" + d[i + 1:], f) for i in range(len(d)))
    less = tuple(("full", d[:i] + d[i + 1:]) for i in range(len(d)) if len(d) > 1)
    filed = (*blanked, ("swap", "".join(sorted(d)), f), ("full", d),
             *(("less", k[1]) for k in less))
    wanted = (*blanked, ("swap", "".join(sorted(d)), f), ("less", d), *less)
    return filed, wanted


def with_value(c: Claim, value: Fraction) -> Claim:
    """*c* as if it said *value* (same qualifier and stated precision)."""
    from factcheck.numbers import allowed_interval  # noqa: PLC0415

    return attrs.evolve(c, value=value,
                        interval=allowed_interval(c.qualifier, value, c.step, c.value_high))


def _near(value: Fraction, c: Claim, around: Fraction) -> bool:
    """*value* rounds to *around* at *c*'s stated precision (is within half a step of it)."""
    return abs(value - around) <= c.step / 2


def explain_sum(total: Claim, parts: Sequence[Claim], factors: Sequence[Fraction],
                *, limit: int = 3) -> list[Slip]:
    """The slips of one figure that make *parts* add up to *total*: a changed, swapped,
    dropped or doubled digit, a slipped scale word, or a part that repeats a neighbour's
    figure where another belongs. "Adds up" is read strictly: the figures as written (their
    mid values) sum to what the total writes, within the total's stated precision.

    At most *limit* + 1 are returned (more say nothing about which figure slipped); the
    total's come last. Linear in the number of parts times the digits they write.
    """
    values = [p.value * f for p, f in zip(parts, factors)]
    whole = sum(values, Fraction(0))
    out: list[Slip] = []
    for k, (p, f) in enumerate(zip(parts, factors)):
        rest = whole - values[k]
        for s in variants(p):
            if _near(rest + s.value * f, total, total.value):
                out.append(s)
                if len(out) > limit:
                    return out
    # A part that repeats another figure of the list: the value that belongs there.
    # The later of two parts that write one figure is taken for the copy.
    stated = [p.stated for p in parts]
    for k, (p, f) in enumerate(zip(parts, factors)):
        if p.stated not in stated[:k] or f <= 0:
            continue
        need = (total.value - (whole - values[k])) / f
        if need > 0 and need != p.value and not any(s.claim is p for s in out):
            out.append(Slip("copied", p, need, written_like(p, need)))
    for s in variants(total):
        if _near(whole, total, s.value):
            out.append(s)
            if len(out) > limit:
                return out
    return out


