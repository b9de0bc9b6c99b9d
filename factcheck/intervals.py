"""Interval arithmetic over what figures allow: the ground the consistency checks stand on.

A claim's :class:`~factcheck.claim.Interval` is the set of true values its words allow ("over
14,000" is ``(14000, +inf)``, "4.3 million" is ``[4.25M, 4.35M]``). A relation between figures
(a total and its parts, a share of a whole, a figure stated twice) is checked by asking two
questions of these sets, exactly (:class:`fractions.Fraction`, never floats):

* is there *some* choice of true values, one from each interval, that satisfies the relation?
  (:func:`can_meet`, :func:`can_be_le`): if not, the figures contradict each other whatever
  the words mean;
* does *every* choice satisfy it? (:func:`within`, :func:`always_le`): if so, the figures
  agree whatever the words mean.

Bounds are ``None`` for "unbounded on this side"; ``low_open``/``high_open`` say the bound
itself is excluded.
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction

from factcheck.claim import Claim, Interval, Qualifier

__all__ = [
    "POINT_ZERO",
    "add",
    "always_le",
    "can_be_le",
    "can_meet",
    "divide",
    "intersect",
    "nominal",
    "point",
    "scale",
    "total",
    "within",
]

POINT_ZERO = Interval(Fraction(0), Fraction(0))
"""The interval holding only zero: the sum of no parts."""


def point(value: Fraction | int) -> Interval:
    """The interval holding exactly *value*."""
    v = Fraction(value)
    return Interval(v, v)


def add(a: Interval, b: Interval) -> Interval:
    """Every ``x + y`` with ``x`` in *a* and ``y`` in *b*.

    A bound is open when either bound it came from is open: ``(1, 2] + [1, 2] = (2, 4]``.
    """
    low = None if a.low is None or b.low is None else a.low + b.low
    high = None if a.high is None or b.high is None else a.high + b.high
    return Interval(
        low,
        high,
        low_open=low is not None and (a.low_open or b.low_open),
        high_open=high is not None and (a.high_open or b.high_open),
    )


def total(intervals: Iterable[Interval]) -> Interval:
    """The sum of many intervals (the sum of none is zero)."""
    out = POINT_ZERO
    for iv in intervals:
        out = add(out, iv)
    return out


def scale(iv: Interval, factor: Fraction | int) -> Interval:
    """Every ``x * factor``; a negative factor swaps the bounds."""
    f = Fraction(factor)
    if f >= 0:
        return Interval(
            None if iv.low is None else iv.low * f,
            None if iv.high is None else iv.high * f,
            iv.low_open and iv.low is not None,
            iv.high_open and iv.high is not None,
        )
    return Interval(
        None if iv.high is None else iv.high * f,
        None if iv.low is None else iv.low * f,
        iv.high_open and iv.high is not None,
        iv.low_open and iv.low is not None,
    )


def _low_key(iv: Interval) -> tuple[int, Fraction, int]:
    # Orders lower bounds: unbounded first, and an open bound just above the closed one.
    if iv.low is None:
        return (0, Fraction(0), 0)
    return (1, iv.low, 1 if iv.low_open else 0)


def _high_key(iv: Interval) -> tuple[int, Fraction, int]:
    # Orders upper bounds: an open bound just below the closed one, unbounded last.
    if iv.high is None:
        return (2, Fraction(0), 0)
    return (1, iv.high, 0 if iv.high_open else 1)


def intersect(a: Interval, b: Interval) -> Interval | None:
    """The values both intervals hold, or None when they hold none in common."""
    lo = a if _low_key(a) >= _low_key(b) else b
    hi = a if _high_key(a) <= _high_key(b) else b
    low, low_open = lo.low, lo.low_open and lo.low is not None
    high, high_open = hi.high, hi.high_open and hi.high is not None
    if low is not None and high is not None:
        if low > high or (low == high and (low_open or high_open)):
            return None
    return Interval(low, high, low_open, high_open)


def can_meet(a: Interval, b: Interval) -> bool:
    """True when some value lies in both: two statements of one quantity can both be true."""
    # Each interval's low end must not lie above the other's high end.
    return can_be_le(a, b) and can_be_le(b, a)


def within(inner: Interval, outer: Interval) -> bool:
    """True when every value of *inner* lies in *outer*: the first statement implies the other."""
    if outer.low is not None:
        if inner.low is None or inner.low < outer.low:
            return False
        if inner.low == outer.low and outer.low_open and not inner.low_open:
            return False
    if outer.high is not None:
        if inner.high is None or inner.high > outer.high:
            return False
        if inner.high == outer.high and outer.high_open and not inner.high_open:
            return False
    return True


def can_be_le(a: Interval, b: Interval) -> bool:
    """True when some ``x`` in *a* and ``y`` in *b* have ``x <= y``."""
    if a.low is None or b.high is None:
        return True
    if a.low < b.high:
        return True
    return a.low == b.high and not a.low_open and not b.high_open


def always_le(a: Interval, b: Interval) -> bool:
    """True when every ``x`` in *a* and ``y`` in *b* have ``x <= y``."""
    if a.high is None or b.low is None:
        return False
    return a.high <= b.low


def divide(a: Interval, b: Interval) -> Interval:
    """Every ``x / y`` for an amount ``x`` in *a* and a positive whole ``y`` in *b*.

    Used for shares (part / whole). Both are amounts, so a part unbounded below is read as
    not below zero; a whole that may be zero or unbounded makes the quotient unbounded.
    """
    # Lower bound: the smallest part over the largest whole.
    x_low, x_low_open = (Fraction(0), False) if a.low is None or a.low < 0 else (a.low, a.low_open)
    if x_low == 0:
        low, low_open = Fraction(0), x_low_open
    elif b.high is None:
        low, low_open = Fraction(0), True
    else:
        low, low_open = x_low / b.high, x_low_open or b.high_open
    # Upper bound: the largest part over the smallest whole.
    if a.high is None or b.low is None or b.low <= 0:
        high, high_open = None, False
    else:
        high, high_open = a.high / b.low, a.high_open or b.low_open
    return Interval(low, high, low_open, high_open)


def nominal(claim: Claim) -> Interval:
    """What a claim allows when read at face value: its figure within its stated precision.

    "over 14,000" is read as 14,000, "about 4.3 million" as [4.25M, 4.35M]. A check that
    holds at face value is reported consistent even when the qualifier would also allow
    values for which it fails ("over 7,400" is part of "over 14,000").
    """
    if not claim.step and claim.value_high is None:
        return Interval(claim.value, claim.value)
    half = claim.step / 2
    high = claim.value if claim.qualifier is not Qualifier.RANGE or claim.value_high is None \
        else claim.value_high
    return Interval(claim.value - half, high + half)
