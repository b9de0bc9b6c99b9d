"""Numbers as publishers write them: reading digits and words, writing figures, intervals."""

from __future__ import annotations

from fractions import Fraction as F

import pytest

from factcheck import numbers as nums
from factcheck.claim import Interval, Qualifier


@pytest.mark.parametrize(
    "text, value, decimals",
    [
        ("1", F(1), 0),
        ("83", F(83), 0),
        ("1,000", F(1000), 0),
        ("110,000", F(110_000), 0),
        ("4,130,000,000", F(4_130_000_000), 0),
        ("4.13", F(413, 100), 2),
        ("0.5", F(1, 2), 1),
        ("62.50", F(125, 2), 2),
        ("1,234.56", F(123_456, 100), 2),
        ("1000000", F(10**6), 0),
    ],
)
def test_parse_digits(text: str, value: F, decimals: int) -> None:
    """Separators are dropped, decimals counted, the value exact."""
    assert nums.parse_digits(text) == (value, decimals)


@pytest.mark.parametrize("text", ["", "1,00", "1,0000", ",5", "1.", ".5", "1.2.3", "-5",
                                  "five", "1e6", "12,34,567"])
def test_parse_digits_rejects_malformed(text: str) -> None:
    """Anything that is not a well-formed figure is a ValueError."""
    with pytest.raises(ValueError):
        nums.parse_digits(text)


def test_decimals_are_exact() -> None:
    """"0.1" three times is exactly "0.3": no float drift."""
    tenth = nums.parse_digits("0.1")[0]
    assert tenth + tenth + tenth == nums.parse_digits("0.3")[0]
    assert nums.parse_digits("4.13")[0] * 10**9 == 4_130_000_000


@pytest.mark.parametrize(
    "text, value, place",
    [
        ("five", 5, 1),
        ("twenty", 20, 1),
        ("twenty-six", 26, 1),
        ("Thirty-two", 32, 1),
        ("a dozen", 12, 1),
        ("two dozen", 24, 1),
        ("a hundred", 100, 100),
        ("two hundred", 200, 100),
        ("one hundred and five", 105, 1),
        ("three thousand five hundred", 3500, 100),
        ("a thousand", 1000, 1000),
        ("four million", 4_000_000, 10**6),
        ("five hundred thousand", 500_000, 1000),
        ("two billion", 2 * 10**9, 10**9),
        ("a trillion", 10**12, 10**12),
        ("zero", 0, 1),
    ],
)
def test_parse_words(text: str, value: int, place: int) -> None:
    """Number words give their value and the place of the last word (how it is rounded)."""
    assert nums.parse_words(text) == (F(value), place)


@pytest.mark.parametrize("text", ["", "a", "and", "and five", "banana", "five apples", "half"])
def test_parse_words_rejects_non_numbers(text: str) -> None:
    """Text that is not a number in words gives None."""
    assert nums.parse_words(text) is None


@pytest.mark.parametrize(
    "value, step, text",
    [
        (F(4_130_000_000), F(10**7), "4.13 billion"),
        (F(4_300_000), F(10**5), "4.3 million"),
        (F(20 * 10**9), F(10**9), "20 billion"),
        (F(4 * 10**6), F(10**6), "4 million"),
        (F(1_500_000_000), F(10**8), "1.5 billion"),
        (F(2 * 10**12), F(10**12), "2 trillion"),
        (F(4_135_000_000), F(10**6), "4.135 billion"),
        (F(110_000), F(0), "110,000"),
        (F(83), F(0), "83"),
        (F(12_345_678), F(1), "12,345,678"),
        (F(500_000), F(10**5), "500,000"),
        (F(2, 3), F(0), "2/3"),
        (F(-5, 2), F(1, 10), "-2.5"),
    ],
)
def test_format_figure(value: F, step: F, text: str) -> None:
    """A figure is written as a factsheet would: a scale word when its precision allows."""
    assert nums.format_figure(value, step) == text


@pytest.mark.parametrize(
    "value, decimals, text",
    [
        (F(4_130_000_000), None, "4,130,000,000"),
        (F(413, 100), None, "4.13"),
        (F(62), 2, "62.00"),
        (F(1, 8), None, "0.125"),
        (F(-1, 2), None, "-0.5"),
        (F(-1_234_567), None, "-1,234,567"),
        (F(2, 3), None, "2/3"),
        (F(0), None, "0"),
    ],
)
def test_format_number(value: F, decimals: int | None, text: str) -> None:
    """Numbers are written with separators, exact decimals, or as a fraction."""
    assert nums.format_number(value, decimals) == text


def test_format_number_reads_back() -> None:
    """What format_number writes in decimals, parse_digits reads back to the same value."""
    for v in (F(0), F(7), F(1234), F(4_130_000_000), F(413, 100), F(1, 8), F(123_456_789, 1000)):
        assert nums.parse_digits(nums.format_number(v))[0] == v


Q = Qualifier


@pytest.mark.parametrize(
    "qualifier, value, step, high, interval",
    [
        (Q.EXACT, 83, 0, None, Interval(F(83), F(83))),
        (Q.EXACT, 4_300_000, 100_000, None, Interval(F(4_250_000), F(4_350_000))),
        (Q.EXACT, 20 * 10**9, 10**9, None, Interval(F(19_500_000_000), F(20_500_000_000))),
        (Q.EXACT, 62, 1, None, Interval(F(123, 2), F(125, 2))),
        (Q.OVER, 40_000, 0, None, Interval(F(40_000), None, low_open=True)),
        (Q.OVER, 4_300_000, 100_000, None, Interval(F(4_300_000), None, low_open=True)),
        (Q.AT_LEAST, 5, 0, None, Interval(F(5), None)),
        (Q.UNDER, 18, 1, None, Interval(None, F(18), high_open=True)),
        (Q.AT_MOST, 5, 0, None, Interval(None, F(5))),
        (Q.NEARLY, 8_000_000, 1_000_000, None, Interval(F(7_200_000), F(8_000_000))),
        # the stated precision wins when it is wider than 10%
        (Q.NEARLY, 3, 1, None, Interval(F(5, 2), F(3))),
        (Q.ABOUT, 10_000, 0, None, Interval(F(9_000), F(11_000))),
        (Q.ABOUT, 4_000_000, 1_000_000, None, Interval(F(3_500_000), F(4_500_000))),
        (Q.ABOUT, 2, 1, None, Interval(F(3, 2), F(5, 2))),
        (Q.RANGE, 30 * 10**6, 10**6, 34 * 10**6, Interval(F(29_500_000), F(34_500_000))),
        (Q.RANGE, 5, 0, 19, Interval(F(5), F(19))),
    ],
)
def test_allowed_interval(qualifier: Qualifier, value: int, step: int, high: int | None,
                          interval: Interval) -> None:
    """Each qualifier shapes the interval as README's "What a figure allows" says."""
    got = nums.allowed_interval(qualifier, F(value), F(step), None if high is None else F(high))
    assert got == interval


def test_tolerances_are_a_tenth() -> None:
    """The documented tolerances of "about" and "nearly" are 10%."""
    assert nums.ABOUT_TOLERANCE == nums.NEARLY_TOLERANCE == F(1, 10)


def test_interval_membership() -> None:
    """Open bounds exclude the figure itself; unbounded sides hold everything."""
    over = nums.allowed_interval(Q.OVER, F(40_000), F(0))
    assert 40_000 not in over and 40_001 in over and 10**30 in over
    under = nums.allowed_interval(Q.UNDER, F(18), F(1))
    assert 18 not in under and F(35, 2) in under and -(10**30) in under
    nearly = nums.allowed_interval(Q.NEARLY, F(8_000_000), F(10**6))
    assert 8_000_000 in nearly and 8_000_001 not in nearly and 7_200_000 in nearly


def test_scales() -> None:
    """Scale words and their abbreviations stand for the powers publishers mean."""
    assert {k: nums.SCALES[k] for k in ("thousand", "k", "million", "m", "mn", "billion", "bn",
                                        "trillion", "tn", "lakh", "crore")} == {
        "thousand": 10**3, "k": 10**3, "million": 10**6, "m": 10**6, "mn": 10**6,
        "billion": 10**9, "bn": 10**9, "trillion": 10**12, "tn": 10**12, "lakh": 10**5,
        "crore": 10**7}


@pytest.mark.parametrize(
    "text, value",
    [("608 000", 608000), ("1 234 567", 1234567), ("12\u00a0500", 12500), ("3\u202f000.5", F(6001, 2))],
)
def test_parse_digits_reads_space_grouped_thousands(text: str, value: object) -> None:
    """Thousands grouped by a space, no-break or thin space (SI, WHO style) read as one figure."""
    assert (value, text.count(".") and len(text.split(".")[1])) == nums.parse_digits(text)
