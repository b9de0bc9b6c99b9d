"""The built-in validators, and the checks they are made of (usable in your own validators).

Validators (each ``validator(claims, context) -> Iterable[Finding]``):

* :func:`sums` — totals and their parts as the text states them (``sum``, ``part-of``);
* :func:`units` — parts and totals that cannot be added (another dimension, another currency
  without a declared rate), and figures restated in another unit (``units``);
* :func:`shares` — a percentage against its part and whole (``share``), percentages of one
  whole that exceed 100% (``shares``; undetermined unless the words show that the shares
  exclude each other);
* :func:`restated` — the same figure (same counted thing, scope and time) stated twice
  (inconsistent only when the words said of both figures agree; in other words, figures
  more than twice apart are two quantities, and only the same number agrees);
* :func:`declared` — the rules of the rules file (``declared:<type>``).

Checks (each returns one :class:`~factcheck.checking.Finding`): :func:`check_sum`,
:func:`check_equal`, :func:`check_share`, :func:`check_shares`, :func:`check_bound`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from fractions import Fraction

import attrs

from factcheck import intervals as iv
from factcheck import evidence, lexicon, slips
from factcheck.checking import CheckContext, Finding, Verdict
from factcheck.claim import Claim, Interval, Qualifier
from factcheck.numbers import format_number
from factcheck.relations import _GENERIC_COUNTED, Kind, Relation
from factcheck.rules import Rule, Rules
from factcheck.units import UNKNOWN, conversion_factor, is_currency, same_dimension

__all__ = [
    "check_bound",
    "check_equal",
    "check_share",
    "check_shares",
    "check_sum",
    "declared",
    "restated",
    "shares",
    "sums",
    "units",
]

_C, _I, _U = Verdict.CONSISTENT, Verdict.INCONSISTENT, Verdict.UNDETERMINED


def _verdict(possible: bool, implied: bool, at_face_value: bool) -> Verdict:
    if not possible:
        return _I
    return _C if implied or at_face_value else _U


# --------------------------------------------------------------------------- wording


def _fold(text: str) -> str:
    return " ".join(text.split())


def _says(c: Claim) -> str:
    return f"line {c.line} says “{_fold(c.quote)}”"


def _figure(c: Claim, value: Fraction | None = None, step: Fraction | None = None,
            qualifier: Qualifier | None = None, unit: str | None = None) -> str:
    from factcheck.wording import figure_text  # noqa: PLC0415

    shown = c
    if value is not None:
        shown = attrs.evolve(shown, value=value, value_high=None)
    if step is not None:
        shown = attrs.evolve(shown, step=step)
    if qualifier is not None:
        shown = attrs.evolve(shown, qualifier=qualifier)
    if unit is not None:
        shown = attrs.evolve(shown, unit=unit)
    return figure_text(shown)


def _bare(c: Claim) -> str:
    """A figure without its qualifier: "4.3 million", "$20 billion", "62%"."""
    return _figure(c, qualifier=Qualifier.EXACT if c.qualifier is not Qualifier.RANGE else None)


def _joined(texts: Sequence[str], op: str) -> str:
    """Join figures with *op*, writing a shared trailing word ("million", "km²") once."""
    if len(texts) > 1:
        tails = {t.rsplit(" ", 1)[-1] if " " in t else "" for t in texts}
        if len(tails) == 1 and (tail := tails.pop()) and not any(ch.isdigit() for ch in tail):
            heads = [t[: -len(tail)].rstrip() for t in texts]
            return f" {op} ".join(heads) + f" {tail}"
    return f" {op} ".join(texts)


def _range_text(c: Claim, i: Interval) -> str:
    """An interval in the claim's unit, for messages: "83.35 to 83.45 million"."""
    if i.is_point and i.low is not None:
        return _figure(c, value=i.low, step=Fraction(0), qualifier=Qualifier.EXACT)
    i = Interval(None if i.low is None else _display(i.low),
                 None if i.high is None else _display(i.high), i.low_open, i.high_open)
    step = _fine_step(i)
    lo = None if i.low is None else _figure(c, value=i.low, step=step, qualifier=Qualifier.EXACT)
    hi = None if i.high is None else _figure(c, value=i.high, step=step, qualifier=Qualifier.EXACT)
    if lo and hi:
        return f"{lo} to {hi}"
    if lo:
        return f"{'over' if i.low_open else 'at least'} {lo}"
    if hi:
        return f"{'under' if i.high_open else 'at most'} {hi}"
    return "any value"


def _display(x: Fraction, digits: int = 4) -> Fraction:
    """*x* rounded to *digits* significant figures, for messages only."""
    if x == 0 or (x.denominator == 1 and len(str(abs(x.numerator))) <= digits + 2):
        return x
    exp = len(str(abs(int(x)))) - digits if abs(x) >= 1 else -digits
    place = Fraction(10) ** exp
    return Fraction(round(x / place)) * place


def _fine_step(i: Interval) -> Fraction:
    step = Fraction(0)
    for b in (i.low, i.high):
        if b is not None and b.denominator == 1 and b:
            n, place = b.numerator, 1
            while n % 10 == 0 and place < 10**12:
                n //= 10
                place *= 10
            step = Fraction(place) if step == 0 else min(step, Fraction(place))
    return step if step >= 1000 else Fraction(0)


def _sum_qualifier(claims: Sequence[Claim]) -> Qualifier:
    qs = {c.qualifier for c in claims} - {Qualifier.EXACT}
    if not qs:
        return Qualifier.EXACT
    if qs <= {Qualifier.OVER, Qualifier.AT_LEAST}:
        return Qualifier.OVER if Qualifier.OVER in qs else Qualifier.AT_LEAST
    if qs <= {Qualifier.UNDER, Qualifier.AT_MOST}:
        return Qualifier.UNDER if Qualifier.UNDER in qs else Qualifier.AT_MOST
    return Qualifier.ABOUT


def _percent_text(value: Fraction, decimals: int) -> str:
    return format_number(round(value * 100, decimals) if decimals else Fraction(round(value * 100)),
                         decimals) + "%"


# --------------------------------------------------------------------------- units


def _factor(c: Claim, to_unit: str, rates: Rules | None) -> Fraction | str:
    """The factor turning *c*'s value into *to_unit*, or why there is none."""
    if c.unit == to_unit:
        return Fraction(1)
    if is_currency(c.unit) and is_currency(to_unit):
        rate = rates.rate(c.unit, to_unit) if rates is not None else None
        if rate is None:
            return (f"money in {c.unit} and {to_unit} is not added without a declared rate "
                    f"(add a [[rates]] table to the rules file)")
        return rate
    if UNKNOWN in (c.unit, to_unit) or not same_dimension(c.unit, to_unit):
        return f"{c.unit} and {to_unit} do not share a dimension"
    return conversion_factor(c.unit, to_unit)


def _scaled(c: Claim, factor: Fraction) -> tuple[Interval, Interval]:
    """The claim's allowed and face-value intervals, in another unit."""
    if factor == 1:  # the usual case: no arithmetic to do
        return c.interval, iv.nominal(c)
    return iv.scale(c.interval, factor), iv.scale(iv.nominal(c), factor)


_SCALE_SLIPS = (Fraction(1000), Fraction(1, 1000))


def _has_scale_word(c: Claim) -> bool:
    return bool(re.search(r"(?i)thousand|million|billion|trillion|\d\s*(?:bn|m|k|tn)\b", c.stated)) \
        or bool(re.search(r"(?i)\b(?:thousand|million|billion|trillion|bn|tn)\b", c.quote))


# --------------------------------------------------------------------------- checks


def check_sum(
    total: Claim,
    parts: Sequence[Claim],
    *,
    complete: bool = True,
    rule: str | None = None,
    rates: Rules | None = None,
    closed: bool = False,
) -> Finding:
    """Check that *parts* add up to *total* (or, unless *complete*, do not exceed it).

    Parts in another unit of the same dimension are converted; money in another currency
    only at a rate declared in *rates*, otherwise the finding is ``units``, undetermined.

    A failed sum names the typing slip that explains it, when one does (one digit changed,
    two swapped, a digit dropped or doubled, a scale word, a figure copied from its
    neighbour: :func:`factcheck.slips.explain_sum`), and points at that figure when it is
    the only one. With *closed* (the words and layout show the list is the whole breakdown,
    though its marker does not say so: see :func:`factcheck.evidence.closed_list`), parts
    that fall short of the total by exactly one slip are inconsistent, not "incomplete".
    """
    rule = rule or ("sum" if complete else "part-of")
    involved = (total, *parts)
    subject = f"{total.id} {'=' if complete else '>='} " + " + ".join(p.id for p in parts)
    factors = []
    for p in parts:
        f = _factor(p, total.unit, rates)
        if isinstance(f, str):
            return Finding.make(
                "units", _U,
                f"cannot add {_bare(p)} (line {p.line}) to the other parts of "
                f"{_bare(total)} (line {total.line}): {f}",
                involved, line=p.line, subject=subject,
            )
        factors.append(f)
    allowed, face = _sum_intervals(parts, factors)
    verdict = _sum_verdict(allowed, face, total, complete)
    parts_text = _joined([_bare(p) for p in parts], "+")
    n_face = face.low if face.is_point else None
    finest = [p.step * f for p, f in zip(parts, factors) if p.step]
    step = min(finest) if finest and all(p.step for p in parts) else Fraction(0)
    mid = sum((p.value * f for p, f in zip(parts, factors)), Fraction(0))
    sum_text = _figure(total, value=mid, step=step, qualifier=_sum_qualifier(parts))
    if n_face is not None:
        sum_text = _figure(total, value=n_face, step=Fraction(0), qualifier=_sum_qualifier(parts))
    line = total.line
    if len(parts) == 1:
        expr = f"{_figure(parts[0])} (line {parts[0].line})"
    else:
        expr = f"{parts_text} = {sum_text}"
    if verdict is _C:
        if complete or iv.can_meet(face, iv.nominal(total)):
            message = f"{expr}, as stated" if len(parts) > 1 else \
                f"{expr} is {_figure(total)}, as stated"
            if len(parts) == 1 and not complete:
                message = f"{_figure(parts[0])} of {_figure(total)}" + (
                    "" if parts[0].line == total.line else f" (lines {parts[0].line}, {total.line})"
                ) + ": the part does not exceed its total"
            elif not iv.can_meet(face, iv.nominal(total)):
                message = (f"{expr}, which {_figure(total)} allows "
                           f"({_range_text(total, total.interval)})")
        elif len(parts) == 1:
            message = f"{_figure(parts[0])} of {_figure(total)}" + (
                "" if parts[0].line == total.line else f" (lines {parts[0].line}, {total.line})"
            ) + ": the part does not exceed its total"
        else:
            message = (f"{expr}, not more than {_figure(total)} (line {total.line}); "
                       "the list need not be complete")
            # Read as publishers mean them, can the parts reach the total? ("more than 9"
            # may be 10): then the shortfall is no slip.
            meant = iv.total(iv.scale(evidence.intended(p), f) for p, f in zip(parts, factors))
            if closed and not iv.can_meet(meant, evidence.intended(total)):
                slip_text, slip_line = _slip_message(total, parts, factors)
                if slip_text:
                    short = slips.written_like(total, total.value - mid)
                    return Finding.make(
                        rule, _I,
                        f"{expr}, {short} short of what {_says(total)}: the list reads as the "
                        f"whole breakdown{slip_text}",
                        involved, line=slip_line or line, subject=subject)
    elif verdict is _I:
        if complete:
            message = f"{expr}, but {_says(total)}"
            if not face.is_point or not iv.nominal(total).is_point:
                message += (f" (the parts allow {_range_text(total, allowed)}; the total "
                            f"{_range_text(total, total.interval)})")
        else:
            message = f"{expr} exceeds the total it is part of: {_says(total)}"
        slip_text, slip_line = _slip_message(total, parts, factors)
        message += slip_text
        line = slip_line or line
    else:
        message = (f"{expr}; {_says(total)}: the words allow it but do not show it "
                   f"(the parts allow {_range_text(total, allowed)}, the total "
                   f"{_range_text(total, total.interval)})")
    return Finding.make(rule, verdict, message, involved, line=line, subject=subject)


def check_overlapping_parts(
    total: Claim, parts: Sequence[Claim], *, rates: Rules | None = None
) -> Finding:
    """Parts that may overlap ("of whom 3.4 million depend on aid and 2 million live in
    camps"): each alone must not exceed *total*; their sum is not checked."""
    subject = f"{total.id} >= " + " | ".join(p.id for p in parts)
    each = [check_sum(total, [p], complete=False, rates=rates) for p in parts]
    for f in each:
        if f.verdict is not _C:
            return Finding.make(f.rule, f.verdict, f.message, (total, *parts), line=f.line,
                                subject=subject)
    listed = _joined([_figure(p) for p in parts], "and")
    lines = sorted({p.line for p in parts} | {total.line})
    where = f"line {lines[0]}" if len(lines) == 1 else \
        "lines " + ", ".join(str(n) for n in lines)
    return Finding.make(
        "part-of", _C,
        f"{listed} each do not exceed {_figure(total)} ({where}); each states a group of its "
        "own, which may overlap, so their sum is not checked",
        (total, *parts), line=total.line, subject=subject,
    )


def _sum_intervals(parts: Sequence[Claim], factors: Sequence[Fraction]) -> tuple[Interval, Interval]:
    allowed, face = iv.POINT_ZERO, iv.POINT_ZERO
    for p, f in zip(parts, factors):
        a, n = _scaled(p, f)
        allowed, face = iv.add(allowed, a), iv.add(face, n)
    return allowed, face


def _sum_verdict(allowed: Interval, face: Interval, total: Claim, complete: bool) -> Verdict:
    t_allowed, t_face = total.interval, iv.nominal(total)
    if complete:
        return _verdict(iv.can_meet(allowed, t_allowed), iv.within(allowed, t_allowed),
                        iv.can_meet(face, t_face))
    return _verdict(iv.can_be_le(allowed, t_allowed), iv.always_le(allowed, t_allowed),
                    iv.can_be_le(face, t_face))


def _slip_message(total: Claim, parts: Sequence[Claim],
                  factors: Sequence[Fraction]) -> tuple[str, int | None]:
    """The words naming the slips that make the sum hold, and the line of the one figure
    when only one explains it: ("; with 4.7 million for 4.2 million (line 12) it adds up:
    one digit changed", 12)."""
    found = slips.explain_sum(total, parts, factors)
    if len(found) > 3:
        return "", None
    # One digit of a one-digit figure can be any digit: no evidence of which figure slipped.
    found = [s for s in found if s.kind in ("scale", "copied") or
             slips.significant_digits(s.claim) >= 2]
    if not found:
        return "", None
    if len(found) == 1:
        s = found[0]
        if s.kind == "scale":
            return (f"; a scale word may be wrong: with “{s.intended}” for “{_bare(s.claim)}” "
                    "it adds up"), s.claim.line
        return (f"; with {s.intended} for {s.claim.stated} (line {s.claim.line}) it adds up: "
                f"{s.described}"), s.claim.line
    options = [f"{s.intended} for {s.claim.stated} (line {s.claim.line})" for s in found]
    return "; one figure may be mistyped: with " + ", ".join(options[:-1]) + \
        f" or {options[-1]} it adds up", None


def check_equal(a: Claim, b: Claim, *, rule: str = "restated", lenient: bool = False,
                rates: Rules | None = None) -> Finding:
    """Check that *b* states the same quantity as *a* (in its unit, or converted to it).

    With *lenient*, trailing zeros are read as rounding (as publishers round a conversion:
    "110,000 sq km (42,500 sq mi)").
    """
    subject = f"{a.id} = {b.id}"
    f = _factor(b, a.unit, rates)
    if isinstance(f, str):
        return Finding.make("units", _U, f"cannot compare {_bare(b)} (line {b.line}) with "
                            f"{_bare(a)} (line {a.line}): {f}", (a, b), line=b.line,
                            subject=subject)
    ia, na = a.interval, iv.nominal(a)
    ib, nb = _scaled(b, f)
    if lenient:
        ia, na = _loosen(a, ia, Fraction(1)), _loosen(a, na, Fraction(1))
        ib, nb = _loosen(b, ib, f), _loosen(b, nb, f)
    verdict = _verdict(iv.can_meet(ia, ib), iv.within(ia, ib) or iv.within(ib, ia),
                       iv.can_meet(na, nb))
    if verdict is _C:
        if a.unit != b.unit:
            message = f"{_figure(b)} is {_range_text(a, ib)}, which {_figure(a)} allows" \
                if not iv.can_meet(na, nb) or not lenient else \
                f"{_figure(b)} is {_range_text(a, ib)}: it agrees with {_figure(a)}"
        elif _fold(a.quote) == _fold(b.quote) or (a.value == b.value and a.qualifier == b.qualifier):
            message = f"lines {a.line} and {b.line} both say {_figure(a)}"
        else:
            message = f"line {b.line} says {_figure(b)} and line {a.line} {_figure(a)}: they agree"
    elif verdict is _I:
        message = f"{_says(b)}, but {_says(a)}"
        if a.unit != b.unit:
            message += f" ({_figure(b)} is {_range_text(a, ib)})"
        # Only between bounded figures: "at least 108.4 million" meets any figure times 1,000.
        bounded = None not in (ia.low, ia.high, ib.low, ib.high)
        for slip in _SCALE_SLIPS:
            if bounded and _has_scale_word(b) and iv.can_meet(ia, iv.scale(ib, slip)):
                message += "; a scale word may be wrong"
                break
    else:
        message = (f"{_says(b)} and {_says(a)}: the words allow them to agree but do not "
                   "show it")
    return Finding.make(rule, verdict, message, (a, b), line=b.line, subject=subject)


def _loosen(c: Claim, i: Interval, factor: Fraction) -> Interval:
    """Widen an interval by the rounding that trailing zeros may stand for."""
    if c.value.denominator != 1 or c.value == 0:
        return i
    n, place = abs(c.value.numerator), 1
    while n % 10 == 0:
        n //= 10
        place *= 10
    half = Fraction(place, 2) * factor
    return Interval(None if i.low is None else i.low - half,
                    None if i.high is None else i.high + half, i.low_open, i.high_open)


def _as_fraction(c: Claim) -> tuple[Interval, Interval] | None:
    """A share's allowed and face-value intervals as fractions of one (62% -> 0.62)."""
    if c.unit == "percent":
        return iv.scale(c.interval, Fraction(1, 100)), iv.scale(iv.nominal(c), Fraction(1, 100))
    if c.unit == "dimensionless":
        return c.interval, iv.nominal(c)
    return None


def check_share(
    share: Claim | Fraction | Interval,
    part: Claim,
    whole: Claim,
    *,
    rule: str = "share",
    rates: Rules | None = None,
) -> Finding:
    """Check that *share* is part / whole.

    *share* is a percentage or fraction claim, an exact fraction (0.94), or the interval of
    fractions it stands for.
    """
    subject = f"{part.id} / {whole.id}"
    involved = tuple(x for x in (share, part, whole) if isinstance(x, Claim))
    f = _factor(part, whole.unit, rates)
    if isinstance(f, str):
        return Finding.make("units", _U, f"cannot divide {_bare(part)} by {_bare(whole)}: {f}",
                            involved, line=part.line, subject=subject)
    if isinstance(share, Claim):
        got = _as_fraction(share)
        if got is None:
            return Finding.make("units", _U, f"{_figure(share)} (line {share.line}) is not a "
                                "percentage or a fraction", involved, line=share.line,
                                subject=subject)
        s_allowed, s_face = got
        decimals = 0
        st = share.step if share.unit == "percent" else share.step * 100
        while st and st < 1 and decimals < 6:
            st *= 10
            decimals += 1
        stated = _figure(share) if share.line == part.line else \
            f"{_figure(share)} (line {share.line})"
        line = share.line
    else:
        s_allowed = s_face = share if isinstance(share, Interval) else iv.point(share)
        low, high = s_allowed.low, s_allowed.high
        value = (low + high) / 2 if low is not None and high is not None else (low or high or 0)
        width = (high - low) * 100 if low is not None and high is not None else Fraction(0)
        decimals = 0
        while width and width < 1 and decimals < 6:
            width *= 10
            decimals += 1
        if not width:
            decimals = 2
        stated = _percent_text(Fraction(value), decimals)
        line = part.line
    p_allowed, p_face = _scaled(part, f)
    ratio = iv.divide(p_allowed, whole.interval)
    ratio_face = iv.divide(p_face, iv.nominal(whole))
    verdict = _verdict(iv.can_meet(ratio, s_allowed), iv.within(ratio, s_allowed),
                       iv.can_meet(ratio_face, s_face))
    mid = (part.value * f) / whole.value if whole.value else None
    shown = _percent_text(mid, decimals + 1) if mid is not None else "undefined"
    expr = f"{_bare(part)} / {_bare(whole)} = {shown}"
    said, who = ("stated", "the text") if isinstance(share, Claim) else ("declared", "the rule")
    if verdict is _C:
        message = f"{expr}, as {said} ({stated})"
    elif verdict is _I:
        message = f"{expr}, but {who} says {stated}"
    else:
        message = f"{expr}; {who} says {stated}: the words allow it but do not show it"
    return Finding.make(rule, verdict, message, involved, line=line, subject=subject)


def check_shares(shares_: Sequence[Claim], *, rule: str = "shares",
                 exclusive: bool = True) -> Finding:
    """Check that shares of one whole add up to at most 100%.

    Unless *exclusive* (the words show that the shares exclude each other: "60% women and
    40% men"), more than 100% is undetermined: "80% lack documents, 65% lack shelter" may
    count one person twice.
    """
    subject = " + ".join(s.id for s in shares_) + " <= 100%"
    allowed, face = iv.POINT_ZERO, iv.POINT_ZERO
    for s in shares_:
        got = _as_fraction(s)
        if got is None:
            return Finding.make("units", _U, f"{_figure(s)} is not a percentage or a fraction",
                                shares_, line=s.line, subject=subject)
        allowed, face = iv.add(allowed, got[0]), iv.add(face, got[1])
    one = iv.point(1)
    verdict = _verdict(iv.can_be_le(allowed, one), iv.always_le(allowed, one),
                       iv.can_be_le(face, one))
    texts = _joined([_bare(s) for s in shares_], "+")
    mid = sum(((s.value / 100 if s.unit == "percent" else s.value) for s in shares_), Fraction(0))
    total_text = _percent_text(mid, 1).replace(".0%", "%")
    if verdict is _C:
        message = f"{texts} = {total_text}: not more than the whole"
    elif verdict is _I and exclusive:
        message = f"{texts} = {total_text}: shares of one whole add up to more than 100%"
    elif verdict is _I:
        verdict = _U
        message = (f"{texts} = {total_text}: more than 100%, but the words do not show that "
                   "the shares exclude each other (one may be counted in several)")
    else:
        message = f"{texts} = {total_text}: the words allow it to be at most 100% but do not show it"
    return Finding.make(rule, verdict, message, shares_, line=shares_[0].line, subject=subject)


def _whole_of(part: Claim, share: Claim) -> tuple[Interval, Interval] | None:
    """The whole that *part* is *share* of: what the words allow, and at face value."""
    got = _as_fraction(share)
    if got is None or got[0].low is None or got[0].low <= 0 or got[1].low is None or \
            got[1].low <= 0:
        return None
    return iv.divide(part.interval, got[0]), iv.divide(iv.nominal(part), got[1])


def _meet_all(intervals: Sequence[Interval]) -> Interval | None:
    out: Interval | None = intervals[0] if intervals else None
    for i in intervals[1:]:
        if out is None:
            return None
        out = iv.intersect(out, i)
    return out


def check_part_shares(parts: Sequence[Claim], shares_: Sequence[Claim],
                      whole: Claim | None = None, *, rule: str = "share") -> Finding:
    """Check that parts stated with their shares of one whole ("80 900, or 38 per cent";
    "32 700, or 15 per cent") give one whole: each part over its share is the whole, within
    what the figures allow (the total too, when one is stated).

    A pair whose whole meets none of the others' is the one that slipped; the message says
    so, and names the typing slip of its figure or its share that makes it fit, when one
    does ("1,822,932 is 92% of 1.97 million to 1.99 million; 323,277 at 8% would be a whole
    of 3.8 million to 4.31 million").
    """
    involved = tuple(parts) + tuple(shares_) + ((whole,) if whole is not None else ())
    subject = " ".join(f"{p.id}/{s.id}" for p, s in zip(parts, shares_)) + (
        f" = {whole.id}" if whole is not None else "")
    wholes: list[tuple[Interval, Interval]] = []
    for p, s in zip(parts, shares_):
        w = _whole_of(p, s)
        if w is None:
            return Finding.make(rule, _U, f"{_figure(s)} (line {s.line}) is no share to divide "
                                "by", involved, line=s.line, subject=subject)
        wholes.append(w)
    stated = [] if whole is None else [(whole.interval, iv.nominal(whole))]
    allowed = _meet_all([w[0] for w in wholes + stated])
    face = _meet_all([w[1] for w in wholes + stated])
    verdict = _verdict(allowed is not None, False, face is not None)
    like = parts[0]

    def said(k: int) -> str:
        return f"{_bare(parts[k])} is {_bare(shares_[k])} of {_range_text(like, wholes[k][1])}"

    if verdict is not _I:
        shown = _range_text(like, face) if face is not None else "one whole"
        message = (f"{_joined([_bare(p) for p in parts], '+')} with their shares "
                   f"({', '.join(_bare(s) for s in shares_)}) are shares of one whole: "
                   f"{shown}" + (f", as line {whole.line} says ({_bare(whole)})"
                                 if whole is not None else ""))
        if verdict is _U:
            message += " at most: the words allow it but do not show it"
        return Finding.make(rule, verdict, message, involved, line=parts[0].line,
                            subject=subject)
    # The one pair (or the total) that meets none of the others.
    odd: list[int] = []
    everything = wholes + stated
    for k in range(len(everything)):
        rest = _meet_all([w[0] for j, w in enumerate(everything) if j != k])
        if rest is not None:
            odd.append(k)
    if len(odd) == 1 and odd[0] < len(parts):
        k = odd[0]
        rest = _meet_all([w[0] for j, w in enumerate(everything) if j != k])
        assert rest is not None
        others = [j for j in range(len(parts)) if j != k]
        message = (f"{'; '.join(said(j) for j in others[:3])}"
                   f"{'; ...' if len(others) > 3 else ''}"
                   + (f" (line {whole.line}: {_bare(whole)})" if whole is not None else "")
                   + f"; but line {parts[k].line} says {_bare(parts[k])}, or {_bare(shares_[k])}: "
                   f"a whole of {_range_text(like, wholes[k][1])}")
        for c in (parts[k], shares_[k]):
            for sl in slips.variants(c):
                alt = slips.with_value(c, sl.value)
                w = _whole_of(alt, shares_[k]) if c is parts[k] else _whole_of(parts[k], alt)
                if w is not None and iv.can_meet(w[0], rest):
                    message += f"; with {sl.intended} for {c.stated} it fits: {sl.described}"
                    break
            else:
                continue
            break
        return Finding.make(rule, _I, message, involved, line=parts[k].line, subject=subject)
    if len(odd) == 1 and whole is not None:
        message = (f"{'; '.join(said(j) for j in range(min(3, len(parts))))}; but line "
                   f"{whole.line} says {_bare(whole)}")
        return Finding.make(rule, _I, message, involved, line=whole.line, subject=subject)
    message = (f"{'; '.join(said(j) for j in range(min(4, len(parts))))}: parts with their "
               "shares of one whole give no one whole")
    return Finding.make(rule, _I, message, involved, line=parts[0].line, subject=subject)


_OPS = {"<=": "≤", ">=": "≥", "<": "<", ">": ">"}


def check_bound(a: Claim, op: str, b: Claim | Fraction, *, rule: str = "declared:bound",
                rates: Rules | None = None) -> Finding:
    """Check ``a op b`` (``op`` one of ``<=``, ``>=``, ``<``, ``>``) for a claim and a claim or number."""
    if isinstance(b, Claim):
        f = _factor(b, a.unit, rates)
        if isinstance(f, str):
            return Finding.make("units", _U, f"cannot compare {_bare(a)} with {_bare(b)}: {f}",
                                (a, b), subject=f"{a.id} {op} {b.id}")
        ib, nb = _scaled(b, f)
        b_text = f"{_figure(b)} (line {b.line})"
        involved: tuple[Claim, ...] = (a, b)
        subject = f"{a.id} {op} {b.id}"
    else:
        ib = nb = iv.point(b)
        b_text = _figure(a, value=b, step=Fraction(0), qualifier=Qualifier.EXACT)
        involved = (a,)
        subject = f"{a.id} {op} {format_number(b)}"
    ia, na = a.interval, iv.nominal(a)
    strict = op in ("<", ">")
    lo_a, lo_na, hi_b, hi_nb = (ia, na, ib, nb) if op in ("<=", "<") else (ib, nb, ia, na)
    if strict:
        hi_b = attrs.evolve(hi_b, high_open=hi_b.high is not None)
        hi_nb = attrs.evolve(hi_nb, high_open=hi_nb.high is not None)
    possible = iv.can_be_le(lo_a, hi_b)
    implied = iv.always_le(lo_a, hi_b) and not (
        strict and lo_a.high is not None and hi_b.low is not None and lo_a.high == hi_b.low)
    face = iv.can_be_le(lo_na, hi_nb)
    verdict = _verdict(possible, implied, face)
    expr = f"{_figure(a)} (line {a.line}) {_OPS[op]} {b_text}"
    word = {_C: "as required", _I: "which no reading allows",
            _U: "the words allow it but do not show it"}[verdict]
    return Finding.make(rule, verdict, f"{expr}: {word}", involved, line=a.line, subject=subject)


# --------------------------------------------------------------------------- validators


def sums(claims: Sequence[Claim], context: CheckContext) -> Iterator[Finding]:
    """Totals and their parts, as the text states them (a breakdown, "including", a total)."""
    for r in context.relations:
        if r.kind in (Kind.SUM, Kind.PART_OF) and r.total is not None and _units_fit(r, context):
            if r.kind is Kind.PART_OF and not r.exclusive:
                # Groups that may overlap, unless they cover nine tenths of the total and
                # fall short of it by one slip: then they are its breakdown.
                if evidence.closed_list(r):
                    closed = check_sum(r.total, r.parts, complete=False, rates=context.rules,
                                       closed=True)
                    if closed.verdict is _I:
                        yield closed
                        continue
                yield check_overlapping_parts(r.total, r.parts, rates=context.rules)
            else:
                yield check_sum(r.total, r.parts, complete=r.kind is Kind.SUM, rates=context.rules,
                                closed=evidence.closed_list(r))


def _units_fit(r: Relation, context: CheckContext) -> bool:
    assert r.total is not None
    return all(not isinstance(_factor(p, r.total.unit, context.rules), str) for p in r.parts)


def units(claims: Sequence[Claim], context: CheckContext) -> Iterator[Finding]:
    """Breakdowns whose parts cannot be added to their total; figures restated in another unit."""
    for r in context.relations:
        if r.kind in (Kind.SUM, Kind.PART_OF) and r.total is not None \
                and not _units_fit(r, context):
            yield check_sum(r.total, r.parts, complete=r.kind is Kind.SUM, rates=context.rules)
        elif r.kind is Kind.CONVERSION and r.total is not None:
            yield check_equal(r.total, r.parts[0], rule="units", lenient=True,
                              rates=context.rules)


def shares(claims: Sequence[Claim], context: CheckContext) -> Iterator[Finding]:
    """Percentages against their part and whole; percentages of one whole within 100%."""
    for r in context.relations:
        if r.kind is Kind.SHARE and r.share is not None and r.total is not None:
            yield check_share(r.share, r.parts[0], r.total, rates=context.rules)
        elif r.kind is Kind.SHARES:
            yield check_shares(r.parts, exclusive=r.exclusive)
        elif r.kind is Kind.PART_SHARES and len(r.parts) == len(r.shares) >= 2:
            yield check_part_shares(r.parts, r.shares, r.total)


# The counted nouns extraction falls back on when a figure's words name none ("4.50%" is a
# "share", "$1.2 billion" "funding", "18" a "figure"): they never make two figures the same
# figure; nor do bare "points" ("+0.4 points after -0.6 points"). ("percentage points" are
# compared: "increased by 0.4 percentage points on the quarter", restated as 0.9.)
_GENERIC = (_GENERIC_COUNTED - {"percentage points"}) | {"percentage", "points"}
_STOP = lexicon.STOP_WORDS
_WORD = re.compile(r"[a-z][a-z'’-]+")


def _norm_counted(c: Claim) -> str:
    # "first-time asylum seekers" and "first time asylum seekers" count one thing.
    words = c.counted.lower().replace("organization", "organisation").replace("-", " ").split()
    if words and words[-1].endswith("s") and not words[-1].endswith("ss"):
        words[-1] = words[-1][:-1]
    return " ".join(words)


def _window(c: Claim, width: int = 6) -> set[str]:
    """Content words within *width* words either side of the figure, in its sentence."""
    p = c.provenance
    a, b = p.sentence_span
    before = _WORD.findall(p.sentence[:a].lower())[-width:]
    after = _WORD.findall(p.sentence[b:].lower())[:width]
    own = set(_WORD.findall(c.counted.lower()))
    return {w for w in (*before, *after) if w not in _STOP and w not in own and len(w) > 2}


# Clause breaks around a figure: the words that say what it counts stop there ("The Global
# Coalition, with its 84 members, met in Rome": "met in Rome" is said of the Coalition).
_CLAUSE_BREAK_BEFORE = re.compile(r"[;:•()\[\]{}—–]|\s-\s")
_CLAUSE_BREAK_AFTER = re.compile(r"[,;:!?()\[\]{}—–]|\.(?!\d)|\s-\s")
_TOKEN = re.compile(r"[a-z][a-z'’-]*|\d+(?:[.,]\d+)*%?")
# Words that say nothing about which quantity a figure is: articles, "is", "has", "with its",
# and the verbs that state a size ("now stands at 83 members", "numbers 83 members").
_LIGHT = lexicon.LIGHT_WORDS


def _statement(c: Claim) -> frozenset[str]:
    """The words of a figure's clause besides the figure's own: what is said of it.

    "Around 60% of refugees in Chad are children." -> {"chad", "children"}: the words before
    the figure back to a clause break, and after it up to the next comma or stop, without
    the counted noun and light words ("the", "is", "stands at", "with its").
    """
    p = c.provenance
    a, b = p.sentence_span
    if not 0 <= a < b <= len(p.sentence):
        return frozenset()
    before = p.sentence[:a]
    breaks = [m.end() for m in _CLAUSE_BREAK_BEFORE.finditer(before)]
    before = before[breaks[-1]:] if breaks else before
    after = p.sentence[b:]
    m = _CLAUSE_BREAK_AFTER.search(after)
    after = after[:m.start()] if m else after
    own = set(_TOKEN.findall(c.counted.lower()))
    return frozenset(
        t for t in _TOKEN.findall(f"{before} {after}".lower())
        if t not in _LIGHT and t not in own
    )


def _same_statement(a: Claim, b: Claim) -> bool:
    """Strong evidence that two figures state one quantity: the words said of each agree.

    "The Global Coalition now stands at 83 members" and "The Global Coalition, with its 84
    members, met in Rome" agree ({"global", "coalition"}); "60% of refugees in Chad are
    children" and "85% of refugees in Chad are women and children" do not, nor do "11 Allies
    are expected to meet the 2% guideline" and "24 Allies are expected to meet the equipment
    guideline". At least two such words are needed, also among the words near both figures.
    Figures under two headings are told apart: a heading may name a place or a year ("##
    Iraq", "## Syria") that the sentences leave out.
    """
    sa = _statement(a)
    if len(sa) < 2 or sa != _statement(b) or len(_window(a) & _window(b)) < 2:
        return False
    return not evidence.headings_differ(a, b)


def _scale_slipped(a: Claim, b: Claim) -> bool:
    """The same digits with a scale word a thousandfold apart ("2.7 million", "2.7 billion")
    and at least two words near both figures in common."""
    if a.value == 0 or not (_has_scale_word(a) and _has_scale_word(b)):
        return False
    if b.value / a.value not in _SCALE_SLIPS:
        return False
    return len(_window(a) & _window(b)) >= 2


_FAR = Fraction(2)
"""Figures of one counted noun in other words whose values are further apart than this
factor are two quantities, not one restated."""


def _same_as_stated(a: Claim, b: Claim) -> bool:
    """The two figures state the same number ("35.3 million" and "nearly 35.3 million"):
    value, upper value and unit."""
    return (a.value, a.value_high, a.unit) == (b.value, b.value_high, b.unit)


def _in_units_of(a: Claim, b: Claim, rates: Rules | None) -> Interval | None:
    """What *b*'s words allow, in *a*'s unit (None when they do not convert)."""
    f = _factor(b, a.unit, rates)
    return None if isinstance(f, str) else _scaled(b, f)[0]


def _far_apart(a: Claim, b: Claim, rates: Rules | None) -> bool:
    """Every value one figure allows is more than twice (:data:`_FAR`) every value the other
    allows, both on one side of zero: "1,900 cases" and "360,000 cases", "412+ children" and
    "97 children". Figures that meet, or lie on either side of zero, are not far apart."""
    ib = _in_units_of(a, b, rates)
    if ib is None:
        return False
    ia = a.interval
    if ia.high is not None and ib.low is not None and ia.high <= ib.low:
        near, far = ia.high, ib.low
    elif ib.high is not None and ia.low is not None and ib.high <= ia.low:
        near, far = ib.high, ia.low
    else:
        return False
    if near > 0:
        return far > _FAR * near
    if far < 0:
        return near < _FAR * far
    return False


def _thousandfold(a: Claim, b: Claim, rates: Rules | None) -> bool:
    """Figures that a scale slip may explain: a thousandfold or millionfold apart, within
    what their words allow ("two million workers" and "about 2 billion workers"). Only
    between bounded figures: "412+" meets anything a thousandth of it."""
    ib = _in_units_of(a, b, rates)
    ia = a.interval
    if ib is None or None in (ia.low, ia.high, ib.low, ib.high):
        return False
    return any(iv.can_meet(ia, iv.scale(ib, k)) for k in _POWERS_OF_1000)


_POWERS_OF_1000 = (Fraction(1000), Fraction(1, 1000), Fraction(10**6), Fraction(1, 10**6))


def _restatable(c: Claim) -> bool:
    """A figure that may state again a quantity stated elsewhere: its counted noun names a
    thing (not a generic noun extraction fell back on), in its own words."""
    if c.counted.lower() in _GENERIC or c.kind == "multiple" or c.unit == UNKNOWN:
        return False
    words = _norm_counted(c).split()
    # The counted noun was carried over from a figure before ("... and 30 percent"): no.
    return not words or words[-1] in _fold(c.quote).lower().replace("organization", "organisation")


def _intended_meet(a: Claim, b: Claim) -> bool:
    """The two figures can agree read as publishers mean them (:func:`evidence.intended`)."""
    if a.unit != b.unit:
        return True
    return iv.can_meet(evidence.intended(a), evidence.intended(b))


def _prose(c: Claim) -> bool:
    """A figure stated in a sentence (four words or more), not a table's cell or a label's
    value: only such figures are restatements by their digits alone."""
    p = c.provenance
    return not p.sentence.lstrip().startswith("|") and len(_WORD.findall(p.sentence)) >= 4


def _slip_evidence(a: Claim, b: Claim) -> str | None:
    """The slip that turns one figure into the other, when it is evidence that they are one
    quantity. Two different quantities of one noun are one slip apart by chance about as
    often as one in ten to the power of their significant digits, times the slips a figure
    has (some ten per digit), so the words must say more the fewer digits are written: with
    five or more digits, two figures in sentences (not table cells) under one heading are
    enough; with four, or three and one stated time, a word said of both must be shared (or
    nothing be said of one); else the words said of both must be the same
    (:func:`evidence.same_words`: "An estimated 16.2 million people were newly displaced in
    2017" and "..., about 16.9 million people" are two quantities); one digit is no
    evidence."""
    if evidence.headings_differ(a, b) or not (_prose(a) and _prose(b)):
        return None
    if evidence.names_differ(a, b):
        return None  # "In the district of Area5, ..." and "... of Area7, ...": two places
    kind = slips.slip_between(a, b)
    if kind is None or kind == "scale":
        return None
    digits = min(slips.significant_digits(a), slips.significant_digits(b))
    if digits < 2:
        return None
    sa, sb = _statement(a), _statement(b)
    if digits >= 5:
        return kind
    if digits == 4 or (digits == 3 and a.time.as_of == b.time.as_of):
        return kind if evidence.shares_a_word(sa, sb) else None
    return kind if evidence.says_the_same(
        sa, sb, summary=evidence.summary_and_body(a, b)) else None


def _judge_pair(a: Claim, b: Claim, context: CheckContext, *, loose: bool) -> Finding | None:
    """The restatement check of *b* against *a*, or None when nothing shows that they are
    one quantity. With *loose* (their times differ, one being unstated), only strong
    evidence or a slip makes them one."""
    rates = context.rules
    na, nb = evidence.names(a), evidence.names(b)
    oa, ob = evidence.owner(a), evidence.owner(b)
    if oa is not None and ob is not None and oa != ob:
        return None  # the sizes of two bodies ("the Union's 27 members", "NATO's 32")
    if na and nb and na != nb and (oa is None or oa != ob):
        return None  # "In the district of Area5, ..." and "... of Area7, ...": two places
    finding = check_equal(a, b, rates=rates)
    strong = _same_statement(a, b) or (oa is not None and oa == ob)
    kind = None if strong else _slip_evidence(a, b)
    if strong or kind is not None:
        if finding.verdict is _C and not _intended_meet(a, b):
            finding = attrs.evolve(
                finding, verdict=_I,
                message=(f"{_says(b)}, but {_says(a)}: read as publishers mean them, "
                         f"“{_fold(a.quote)}” is {_range_text(a, evidence.intended(a))} and "
                         f"“{_fold(b.quote)}” {_range_text(b, evidence.intended(b))}"),
            )
        elif finding.verdict is _U:
            finding = attrs.evolve(finding, verdict=_C if _intended_meet(a, b) else _I)
        if finding.verdict is _I and kind is not None:
            finding = attrs.evolve(finding, message=finding.message + (
                f"; {slips.Slip(kind, b, a.value, a.stated).described}: "
                f"{a.stated} and {b.stated}"))
        return finding
    if loose:
        return None
    if finding.verdict is _U:
        return finding
    if finding.verdict is _C:
        # Other words: only the same figure as stated shows the same quantity ("18
        # states" twice); "about 53% of IDPs were female" and "55% of IDPs came from
        # Khartoum" agree only within the "about".
        return finding if _same_as_stated(a, b) else None
    if _scale_slipped(a, b):
        return finding
    if _far_apart(a, b, rates) and not _thousandfold(a, b, rates):
        return None  # "1,900 cases" and "360,000 cases" in other words: two quantities
    return attrs.evolve(
        finding, verdict=_U,
        message=finding.message + f"; but “{a.counted}” may not be the same "
        "thing in both places",
    )


def restated(claims: Sequence[Claim], context: CheckContext) -> Iterator[Finding]:
    """The same figure stated twice (same counted thing, scope and time) must agree.

    A counted noun says little about what is counted ("displaced people" who returned, and
    those still in camps; "refugees" who are children, and those who are women and
    children), so a disagreement is inconsistent only with evidence that the two figures
    are one quantity (:mod:`factcheck.evidence`): the words said of both agree
    (:func:`_same_statement`: "The Global Coalition now stands at 83 members" and "The
    Global Coalition, with its 84 members, ..."); both are the size of one body ("The
    Alliance now stands at 32 members", "All 33 members of the Alliance"); one is a headline
    figure alone on its line and the other the figure it headlines; or the digits are one
    typing slip apart in words that do not contradict each other ("More than 152 million
    children work", "more than 125 million children were working": two digits swapped).
    With such evidence the figures are also read as publishers mean them ("more than 125
    million" is 125 million and a bit), so "more than 152 million" and "more than 125
    million" cannot both hold. The same digits with scale words a thousandfold apart in
    like words ("2.7 million women and girls", "2.7 billion women and girls") are
    inconsistent too. Without evidence a disagreement is undetermined, or nothing when the
    values are far apart (:func:`_far_apart`: "1,900 cases" and "360,000 cases" are two
    quantities) unless a scale slip may explain them (:func:`_thousandfold`). In other
    words, figures agree only when they state the same number ("18 states" twice).
    Generic nouns that extraction falls back on ("share", "funding", "figure") never make
    two figures one, except a headline's. Figures in one sentence are never taken for
    restatements (they are lists); nor is a figure whose counted noun was carried over
    from the figure before it; nor a total and one of its parts, which their relation
    checks. Each figure is compared with the first of its group (and an undated one with
    its dated neighbours), so the check is linear in the number of figures.

    An inconsistent pair points at the figure the others do not back: where a third figure
    (a headline, another restatement) agrees with one of the two, at the other.
    """
    groups: dict[tuple[object, ...], list[Claim]] = {}
    loose: dict[tuple[object, ...], list[Claim]] = {}
    for c in claims:
        if not _restatable(c):
            continue
        family = "money" if is_currency(c.unit) else c.unit
        base = (_norm_counted(c), (c.scope or "").lower(), family, c.kind)
        groups.setdefault((*base, c.time.as_of, c.time.since), []).append(c)
        loose.setdefault(base, []).append(c)
    # A total and its parts are not the same figure twice ("35.3 million refugees¹" and its
    # footnote's "¹ Includes 29.4 million refugees ..."): their relation checks them.
    related = {
        frozenset((id(r.total), id(p)))
        for r in context.relations if r.total is not None and r.kind in (Kind.SUM, Kind.PART_OF)
        for p in r.parts
    }

    def comparable(a: Claim, b: Claim) -> bool:
        return a.provenance.sentence != b.provenance.sentence and \
            frozenset((id(a), id(b))) not in related

    out: list[tuple[Finding, Claim, Claim]] = []
    done: set[frozenset[int]] = set()
    judged: set[int] = set()  # figures a settled finding already compares with another
    for group in groups.values():
        first = group[0]
        for later in group[1:]:
            if comparable(first, later):
                done.add(frozenset((id(first), id(later))))
                f = _judge_pair(first, later, context, loose=False)
                if f is not None:
                    out.append((f, first, later))
                    if f.verdict is not _U:  # settled: a slip neighbour adds nothing
                        judged.update((id(first), id(later)))
    for group in loose.values():
        for a, b in zip(group, group[1:]):
            if (a.time.as_of is None) == (b.time.as_of is None) or a.time.since != b.time.since:
                continue
            if frozenset((id(a), id(b))) in done or not comparable(a, b):
                continue
            done.add(frozenset((id(a), id(b))))
            f = _judge_pair(a, b, context, loose=True)
            if f is not None:
                out.append((f, a, b))
    # Figures one slip apart ("117.3 million people" ... "171.3 million people"), found
    # through keys rather than by comparing every pair (slips.neighbour_keys).
    for group in loose.values():
        filed: dict[tuple[object, ...], list[Claim]] = {}
        for c in group:
            if not _prose(c) or slips.significant_digits(c) < 2:
                continue  # never evidence by its digits (see _slip_evidence)
            keys, wanted = slips.neighbour_keys(c)
            seen_here: set[int] = set()
            for want in wanted:
                if len(seen_here) >= 3:
                    break  # at most three slip neighbours a figure: linear in the figures
                for a in filed.get(want, ())[-3:]:
                    if id(a) in seen_here or a.value == c.value or (
                            id(a) in judged and id(c) in judged):
                        continue  # (both already compared with their group's first)
                    seen_here.add(id(a))
                    pair = frozenset((id(a), id(c)))
                    if pair in done or not comparable(a, c) or (
                        a.time.as_of is not None and c.time.as_of is not None
                        and a.time.as_of != c.time.as_of
                    ) or a.time.since != c.time.since:
                        continue
                    done.add(pair)
                    if _slip_evidence(a, c) is None:
                        continue
                    f = _judge_pair(a, c, context, loose=True)
                    if f is not None:
                        out.append((f, a, c))
            for key in keys:
                filed.setdefault(key, []).append(c)
    # A headline figure alone on its line restates the figure it headlines ("125 Million"
    # above "more than 125 million children were working").
    ordered = list(claims)
    text = context.document.text
    for i, h in enumerate(ordered):
        if h.kind == "multiple" or h.unit == UNKNOWN or not evidence.is_headline(h, text):
            continue
        j = evidence.headline_target(ordered, i, text)
        if j is None or not comparable(h, ordered[j]):
            continue
        t = ordered[j]
        f = check_equal(h, t, rates=context.rules)
        if f.verdict is not _I and not _intended_meet(h, t):
            f = attrs.evolve(f, verdict=_I, message=(
                f"{_says(t)}, but the headline on line {h.line} says “{_fold(h.quote)}”: read "
                f"as publishers mean them, {_range_text(t, evidence.intended(t))} and "
                f"{_range_text(h, evidence.intended(h))}"))
        elif f.verdict is _U:
            f = attrs.evolve(f, verdict=_C)
        out.append((f, h, t))
    backed: dict[int, int] = {}
    for f, a, b in out:
        if f.verdict is _C:
            backed[id(a)] = backed.get(id(a), 0) + 1
            backed[id(b)] = backed.get(id(b), 0) + 1
    for f, a, b in out:
        if f.verdict is _I and backed.get(id(b), 0) > backed.get(id(a), 0):
            f = attrs.evolve(f, line=a.line)  # b is backed by another figure: a slipped
        yield f


def declared(claims: Sequence[Claim], context: CheckContext) -> Iterator[Finding]:
    """The rules of the rules file, each checked as declared."""
    by_id = context.by_id()
    for rule in context.rules.rules:
        yield _declared(rule, by_id, context.rules)


def _declared(rule: Rule, by_id: dict[str, Claim], rules: Rules) -> Finding:
    name = f"declared:{rule.type}"
    finding: Finding
    if rule.type == "sum":
        assert rule.total is not None
        finding = check_sum(by_id[rule.total], [by_id[p] for p in rule.parts],
                            complete=rule.complete, rule=name, rates=rules)
    elif rule.type == "equal":
        first, *rest = (by_id[c] for c in rule.claims)
        findings = [check_equal(first, c, rule=name, rates=rules) for c in rest]
        finding = max(findings, key=lambda f: [_C, _U, _I].index(f.verdict))
        if len(findings) > 1:
            finding = attrs.evolve(
                finding, claims=tuple(by_id[c] for c in rule.claims),
                subject=" = ".join(rule.claims),
                message="; ".join(f.message for f in findings),
            )
    elif rule.type in ("ratio", "percentage"):
        assert rule.part is not None and rule.whole is not None
        value = rule.value
        share: Claim | Fraction | Interval
        if isinstance(value, str):
            share = by_id[value]
        else:
            assert value is not None
            scale = Fraction(1, 100) if rule.type == "percentage" else Fraction(1)
            half = rule.value_step / 2
            share = Interval((value - half) * scale, (value + half) * scale)
        finding = check_share(share, by_id[rule.part], by_id[rule.whole], rule=name, rates=rules)
    else:
        assert rule.claim is not None and rule.op is not None and rule.than is not None
        than = by_id[rule.than] if isinstance(rule.than, str) else rule.than
        finding = check_bound(by_id[rule.claim], rule.op, than, rule=name, rates=rules)
    if rule.name:
        finding = attrs.evolve(finding, subject=rule.name)
    return finding

