"""Properties of extraction and snapshots, over generated text (hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from factcheck import dumps_snapshot, extract, loads_snapshot
from factcheck.claim import Document
from factcheck.readers import read_markdown
from factcheck.strategies import (
    RENDER_STYLES,
    Rendered,
    english,
    factsheet_noise,
    rendered_figures,
    snapshot_documents,
)

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _sound(doc: Document, text: str) -> None:
    """What every document must be: quotes at their offsets, lines right, ids unique."""
    ids = [c.id for c in doc]
    assert len(ids) == len(set(ids))
    for c in doc:
        p = c.provenance
        assert text[p.offset:p.offset + len(p.quote)] == p.quote
        assert p.line == text.count("\n", 0, p.offset) + 1
        assert p.column == p.offset - (text.rfind("\n", 0, p.offset) + 1) + 1
        assert c.id and c.quote
        iv = c.interval
        assert iv.low is None or iv.high is None or iv.low <= iv.high


@FAST
@given(st.text())
@example("1," * 500)
@example("$" * 300 + "1")
@example("9" * 5000 + " million")
@example("more than " * 200 + "5")
@example("(" * 500 + "83 members" + ")" * 500)
@example("\ufeff83 members\r\n• over $4.13\r\nbillion")
@example("5-1112,000 people; between 5 and 1112,000")
@example("U.S.\u00a0$5 million")
@example("\u017fome 5 cars, \u0130n excess of 5 \u212am")
def test_extraction_never_raises_on_any_text(text: str) -> None:
    """Any Unicode text is read without an error, into a sound document."""
    _sound(extract(text), text)


@FAST
@given(factsheet_noise())
def test_extraction_never_raises_on_figure_like_noise(text: str) -> None:
    """Text built from the pieces of figures, in any order, is read into a sound document."""
    _sound(extract(text), text)
    _sound(extract(text, reader=read_markdown), text)


@FAST
@given(factsheet_noise(max_fragments=30))
def test_extracted_claims_round_trip_through_snapshots(text: str) -> None:
    """Whatever extraction reads, its snapshot loads back to equal records."""
    doc = extract(text, source="noise.txt")
    assert loads_snapshot(dumps_snapshot(doc)) == doc


@settings(max_examples=400, deadline=None)
@given(rendered_figures())
def test_rendered_figure_reads_back(r: Rendered) -> None:
    """A figure written in any supported style reads back to its value, unit and qualifier."""
    doc = extract(r.text)
    assert [(c.value, c.unit, c.qualifier) for c in doc] == [(r.value, r.unit, r.qualifier)], (
        r.text)


def test_every_style_is_generated() -> None:
    """The rendering strategy covers every style it documents."""
    seen: set[str] = set()

    @settings(max_examples=200, deadline=None, database=None)
    @given(rendered_figures())
    def collect(r: Rendered) -> None:
        seen.add(r.style)

    collect()
    assert seen == set(RENDER_STYLES)


def test_english_words() -> None:
    """The word renderer writes numbers as British publishers do."""
    assert [english(n) for n in (2, 26, 105, 1_000_001, 4_300_000, 123_456)] == [
        "two", "twenty-six", "one hundred and five", "one million and one",
        "four million three hundred thousand",
        "one hundred and twenty-three thousand four hundred and fifty-six"]


@FAST
@given(snapshot_documents())
def test_snapshot_round_trip(doc: Document) -> None:
    """Any document's snapshot loads back to equal records, and writes the same text again."""
    text = dumps_snapshot(doc)
    back = loads_snapshot(text, "s.toml")
    assert back == doc
    assert dumps_snapshot(back) == text
