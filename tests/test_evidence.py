"""The evidence module: qualifiers as publishers mean them, the body a size belongs to,
headlines, and the words said of two figures."""

from __future__ import annotations

from fractions import Fraction

import pytest

from factcheck import evidence
from factcheck.claim import Interval
from factcheck.extraction import extract


def claim(text: str, i: int = 0):
    return extract(text).claims[i]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("More than 114 million people.", 114_000_000, 115_000_000),
        ("At least 40,000 people.", 40_000, 50_000),
        ("Nearly 8 million people.", 7_200_000, 8_000_000),
        ("About 4.3 million people.", 4_250_000, 4_350_000),
        ("83 members.", 83, 83),
    ],
)
def test_intended_reading(text, low, high):
    """'more than 114 million' is 114 million and a bit; never wider than the strict reading."""
    i = evidence.intended(claim(text))
    assert (i.low, i.high) == (Fraction(low), Fraction(high))
    c = claim(text)
    strict = c.interval
    assert (strict.low is None or strict.low <= i.low) and (strict.high is None or i.high <= strict.high)


def test_intended_of_a_figure_with_no_rounding_is_the_strict_reading():
    """'more than 83 members': its rounding cannot be told, so it means what the words allow."""
    c = claim("more than 83 members.")
    assert evidence.intended(c) == c.interval == Interval(Fraction(83), None, True, False)


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("The Alliance now stands at 32 members.", "alliance"),
        ("All 33 members of the Alliance share information.", "alliance"),
        ("The Global Coalition, with its 84 members, met in Rome.", "coalition"),
        ("The North Atlantic Alliance has 32 members.", "alliance"),
        ("12 members of the Alliance voted against.", None),
        ("Our network has 400 members.", None),
    ],
)
def test_owner(text, owner):
    """The body a size is of, only when the words name its whole membership."""
    assert evidence.owner(claim(text)) == owner


def test_headline():
    """A figure alone on its line is a headline; a list item or a sentence is not."""
    text = "125 Million\n\n– 1,900 cases of asthma onset\n\nIn 2020, 125 million children worked.\n"
    doc = extract(text)
    assert [evidence.is_headline(c, text) for c in doc] == [True, False, False, False][: len(doc)]


def test_same_words_and_names():
    """Words said of two figures, once years and words that restrict nothing are set aside."""
    from factcheck.validators import _statement

    a = claim("More than 152 million children work worldwide.")
    b = claim("In 2020, more than 125 million children were working.")
    assert evidence.same_words(_statement(a), _statement(b))
    c = claim("In the district of Area5, 47,933 families received aid.")
    d = claim("In the district of Area7, 47,938 families received aid.")
    assert evidence.names(c) != evidence.names(d)
