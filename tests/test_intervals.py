"""Interval arithmetic over what figures allow."""

from fractions import Fraction as F

from factcheck import intervals as iv
from factcheck.claim import Interval
from factcheck.extraction import extract


def test_add_keeps_open_bounds():
    """A sum's bound is open when either bound it came from is open."""
    assert iv.add(Interval(F(1), F(2), True, False), Interval(F(1), F(2))) == Interval(
        F(2), F(4), True, False
    )


def test_add_unbounded_stays_unbounded():
    """Adding an unbounded interval leaves that side unbounded."""
    assert iv.add(Interval(F(14000), None, True), iv.point(7400)) == Interval(
        F(21400), None, True, False
    )


def test_total_of_none_is_zero():
    """The sum of no intervals is the point zero."""
    assert iv.total([]) == iv.point(0)


def test_can_meet_respects_open_bounds():
    """(1, 2] and [0, 1] share no value; [1, 2] and [0, 1] share 1."""
    assert not iv.can_meet(Interval(F(1), F(2), True), Interval(F(0), F(1)))
    assert iv.can_meet(Interval(F(1), F(2)), Interval(F(0), F(1)))


def test_intersect():
    """The intersection keeps the tighter bound on each side."""
    assert iv.intersect(Interval(F(0), F(10)), Interval(F(5), None, True)) == Interval(
        F(5), F(10), True, False
    )


def test_within():
    """An exact 83 lies within "over 80"; "over 80" does not lie within 83."""
    assert iv.within(iv.point(83), Interval(F(80), None, True))
    assert not iv.within(Interval(F(80), None, True), iv.point(83))


def test_le_possible_and_certain():
    """over 7,400 may be <= over 14,000 but is not always; 7,400 is always <= over 14,000."""
    part, total = Interval(F(7400), None, True), Interval(F(14000), None, True)
    assert iv.can_be_le(part, total)
    assert not iv.always_le(part, total)
    assert iv.always_le(iv.point(7400), total)
    assert not iv.can_be_le(iv.point(15000), iv.point(14000))


def test_divide_shares():
    """78 of 83 is exactly 78/83; a part of "over 70" of 100 is over 0.7, unbounded above."""
    assert iv.divide(iv.point(78), iv.point(83)) == iv.point(F(78, 83))
    assert iv.divide(Interval(F(70), None, True), iv.point(100)) == Interval(
        F(7, 10), None, True, False
    )


def test_scale_negative_swaps():
    """Scaling by a negative factor swaps the bounds."""
    assert iv.scale(Interval(F(1), F(2), True, False), -1) == Interval(F(-2), F(-1), False, True)


def test_nominal_reads_at_face_value():
    """'over 4.3 million' at face value is 4.3 million within its precision."""
    claim = extract("more than 4.3 million displaced people")[0]
    assert iv.nominal(claim) == Interval(F(4_250_000), F(4_350_000))
