"""The claim model: one figure stated in a factsheet, exactly as stated, with where it came from.

Values are :class:`fractions.Fraction` so that every figure a publisher can write ("4.13
billion", "two-thirds", "1 in 8") is held exactly and sums of exact counts stay exact.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Sequence
from fractions import Fraction

import attrs

__all__ = [
    "Claim",
    "Document",
    "Interval",
    "Provenance",
    "Qualifier",
    "TimeContext",
]


class Qualifier(str, enum.Enum):
    """What the words around a figure allow its true value to be.

    The allowed interval for each is documented in README.md ("What a figure allows").
    """

    EXACT = "exact"
    """No qualifier: the figure as stated, within its stated precision."""
    OVER = "over"
    """"more than", "over", "above", "in excess of": strictly above the figure."""
    UNDER = "under"
    """"less than", "fewer than", "under", "below": strictly below the figure."""
    ABOUT = "about"
    """"about", "around", "some", "an estimated", "approximately", "in the region of"."""
    NEARLY = "nearly"
    """"nearly", "almost", "close to", "just under": a little below the figure, or it."""
    AT_LEAST = "at_least"
    """"at least", "no fewer than", "a minimum of": the figure or above."""
    AT_MOST = "at_most"
    """"up to", "at most", "as many as", "a maximum of": the figure or below."""
    RANGE = "range"
    """"30-34 million", "between 5 and 19": from ``value`` to ``value_high``."""


@attrs.frozen(order=True)
class Interval:
    """The closed-or-open interval of true values a claim's words allow.

    ``None`` for a bound means unbounded on that side. ``low_open``/``high_open`` say whether
    the bound itself is excluded ("more than 40,000" excludes 40,000).
    """

    low: Fraction | None
    high: Fraction | None
    low_open: bool = False
    high_open: bool = False

    def __contains__(self, x: object) -> bool:
        if not isinstance(x, (int, Fraction)):
            return False
        if self.low is not None and (x < self.low or (self.low_open and x == self.low)):
            return False
        if self.high is not None and (x > self.high or (self.high_open and x == self.high)):
            return False
        return True

    @property
    def is_point(self) -> bool:
        """True when the interval holds exactly one value."""
        return self.low is not None and self.low == self.high

    def scaled(self, factor: Fraction) -> Interval:
        """The interval multiplied by a positive factor (a unit conversion)."""
        return Interval(
            None if self.low is None else self.low * factor,
            None if self.high is None else self.high * factor,
            self.low_open,
            self.high_open,
        )


@attrs.frozen
class TimeContext:
    """The time a figure refers to, as the sentence gives it ("since 2014", "in March 2021")."""

    as_of: str | None = None
    since: str | None = None
    cumulative: bool = False
    """The sentence marks the figure as a running total ("since", "to date", "in total")."""


@attrs.frozen
class Provenance:
    """Where a claim was read: enough to point a reader at the exact words."""

    source: str
    """The file path or address the text came from."""
    line: int
    """1-based line in the original file where the quote starts."""
    column: int
    """1-based column in the original file where the quote starts."""
    quote: str
    """The exact substring of the original file that states the figure."""
    sentence: str
    """The sentence holding the figure, line breaks folded into spaces."""
    section: str | None = None
    """The nearest heading above the figure, if any."""
    revision: str | None = None
    """The git revision the text was read at, if it came from git."""
    offset: int = 0
    """0-based character offset of the quote in the original text."""
    sentence_span: tuple[int, int] = (0, 0)
    """Where the figure's own words (qualifier, figure, unit, counted noun) sit in ``sentence``."""
    page: int | None = None
    """1-based page of a PDF the quote is on (``line`` is then in the text read from it)."""
    page_line: int | None = None
    """1-based line on that page, counting the lines of text kept (no running header)."""
    source_line: int | None = None
    """For a web page: the 1-based line in the HTML source where the quote's text starts."""
    source_column: int | None = None
    """For a web page: the 1-based column in the HTML source where the quote's text starts."""
    element: str | None = None
    """For a web page: a CSS selector of the element holding the quote ("main > p:nth-of-type(3)")."""

    def where(self) -> str:
        """Where a person finds the quote: "p. 3, line 12" in a PDF, else "line 12, col 5"
        (a web page's own source line and column, when it came from one)."""
        if self.page is not None:
            return f"p. {self.page}, line {self.page_line}"
        if self.source_line is not None:
            return f"line {self.source_line}, col {self.source_column}"
        return f"line {self.line}, col {self.column}"


@attrs.frozen
class Claim:
    """One figure stated in a factsheet.

    ``value`` is in ``unit`` (4.13 billion US dollars is ``Fraction(4130000000)`` with unit
    ``"USD"``); ``stated`` is the figure as written ("$4.13 billion"); ``step`` is the stated
    precision (the place value of the last written digit, 0 for an exact count); ``interval``
    is what the qualifier and precision allow.
    """

    id: str
    value: Fraction
    unit: str
    counted: str
    qualifier: Qualifier
    stated: str
    interval: Interval
    provenance: Provenance
    step: Fraction = Fraction(0)
    value_high: Fraction | None = None
    scope: str | None = None
    """A place or group the figure is restricted to ("in Iraq")."""
    time: TimeContext = TimeContext()
    kind: str = "figure"
    """``figure``, ``share`` (a percentage or fraction of something) or ``multiple``."""

    @property
    def line(self) -> int:
        """The 1-based line where the quote starts (shortcut for ``provenance.line``)."""
        return self.provenance.line

    @property
    def quote(self) -> str:
        """The exact quote (shortcut for ``provenance.quote``)."""
        return self.provenance.quote


@attrs.frozen
class Document(Sequence[Claim]):
    """A factsheet version read into claims; iterates, indexes and measures like its claims."""

    source: str
    claims: tuple[Claim, ...] = ()
    revision: str | None = None
    title: str | None = None
    date: str | None = None
    text: str | None = attrs.field(default=None, repr=False, eq=False)
    """The original text, when the document was read from one (not from a snapshot); for a
    PDF or a web page, the text read from it (that its claims' quotes and lines refer to)."""
    format: str | None = None
    """The file format the text was read from when it was not text: ``"pdf"``, ``"html"``."""

    def __iter__(self) -> Iterator[Claim]:
        return iter(self.claims)

    def __len__(self) -> int:
        return len(self.claims)

    def __getitem__(self, index):  # type: ignore[no-untyped-def]
        return self.claims[index]

    def by_id(self) -> dict[str, Claim]:
        """The claims keyed by their ids (ids are unique within a document)."""
        return {c.id: c for c in self.claims}
