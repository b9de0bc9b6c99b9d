"""Tests for factcheck.differ: pairing claims across versions and classifying their changes."""

from __future__ import annotations

import random
import re
import textwrap
from fractions import Fraction
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import factcheck
from factcheck.claim import Claim, Document
from factcheck.differ import (
    Change,
    DiffReport,
    FindingChange,
    delta_text,
    diff,
    figure_span,
    load_version,
    match,
    normalise_counted,
    relative_text,
)
from factcheck import extract
from factcheck.strategies import EditedVersions, edited_versions, number_words

SERIES = Path(__file__).resolve().parent.parent / "snapshots" / "global-coalition"
VERSIONS = ["2017-03-24", "2017-07", "2019-02-06", "2020-01", "2021"]


def version(name: str) -> Document:
    return factcheck.load(SERIES / f"{name}.txt")


Row = tuple[str, int | None, int | None, str]


def rows(report: DiffReport, all: bool = False) -> list[Row]:  # noqa: A002
    """The visible changes as (kind, old line, new line, message)."""
    return [
        (c.kind, c.old.line if c.old else None, c.new.line if c.new else None, c.message)
        for c in report.visible(all=all)
    ]


def kinds(report: DiffReport) -> dict[str, str]:
    """Each pair's kind, keyed "old-id>new-id" ("" for a missing side)."""
    return {
        f"{c.old.id if c.old else ''}>{c.new.id if c.new else ''}": c.kind for c in report.changes
    }


# --------------------------------------------------------------------------- the bundled series


def test_bundled_2017_march_to_july() -> None:
    """2017-03-24 -> 2017-07: membership, partners, Iraq terrain and strikes, with lines."""
    report = diff(version("2017-03-24"), version("2017-07"), findings=False)
    assert rows(report) == [
        ("changed", 5, 3, "members 68 → 73 (+5)"),
        ("added", None, 9, "people in Iraq and Syria about 4 million (added)"),
        ("changed", 7, 11, "Coalition partners 23 → 26 (+3)"),
        ("changed", 9, 13, "terrain in Iraq 62% → over 70%"),
        ("changed", 9, 13, "terrain in Syria 30% → over 50%"),
        ("changed", 11, 15, "strikes (now airstrikes) over 19,000 → over 23,000 (+4,000)"),
        (
            "changed", 11, 15,
            "senior to mid-level ISIS leaders (now mid- to senior-level ISIS leaders) "
            "over 180 → over 200 (+20)",
        ),
        ("removed", 15, None, "Iraqi Security Force members nearly 90,000 (removed)"),
        ("removed", 17, None, "terrain in Syria over 14,000 km² (removed)"),
        ("removed", 17, None, "territory over 7,400 km² (removed)"),
    ]
    assert kinds(report) == {
        "members>members": "changed",
        ">people": "added",
        "coalition-partners>coalition-partners": "changed",
        "troops>troops": "reworded",
        "terrain>terrain": "changed",
        "terrain-syria>terrain-syria": "changed",
        "isis-fighters>isis-fighters": "reworded",
        "strikes>airstrikes": "changed",
        "mid-level-isis-leaders>senior-level-isis-leaders": "changed",
        "iraqi-security-force-members>": "removed",
        "terrain-syria-2>": "removed",
        "territory>": "removed",
    }
    assert report.warnings == ()


def test_bundled_2017_deltas_are_exact() -> None:
    """Deltas are in the old claim's unit, relative changes exact fractions."""
    report = diff(version("2017-03-24"), version("2017-07"), findings=False)
    by_id = {c.old.id: c for c in report.changes if c.old is not None}
    assert (by_id["members"].delta, by_id["members"].relative) == (Fraction(5), Fraction(5, 68))
    assert (by_id["terrain"].delta, by_id["terrain"].aspects[:2]) == (
        Fraction(8), ("value", "qualifier")
    )
    assert by_id["strikes"].delta == Fraction(4000)


def test_bundled_2020_to_2021() -> None:
    """2020-01 -> 2021: members 81 -> 83 and nations 76 -> 78; organisations only reworded."""
    report = diff(version("2020-01"), version("2021"), findings=False)
    changed = [r for r in rows(report) if r[0] == "changed"]
    assert changed == [
        ("changed", 9, 13, "members 81 → 83 (+2)"),
        ("changed", 9, 13, "nations 76 → 78 (+2)"),
    ]
    assert kinds(report)["international-organizations>international-organisations"] == "reworded"
    assert [c.old.id for c in report.changes if c.kind == "removed" and c.old] == [
        "iraqi-civilians", "food", "schools", "health-centers"
    ]
    # Each version's one unpaired area, of the same value, is the same figure.
    assert kinds(report)["territory>area"] == "requalified"
    assert report.counts() == {
        "changed": 2, "requalified": 1, "added": 20, "removed": 4, "reworded": 1,
        "moved": 0, "unchanged": 0,
    }


def test_bundled_share_without_noun_pairs_with_its_terrain() -> None:
    """2017-07 -> 2019: "more than 99 percent in Syria" (no counted noun read) continues the
    Syrian terrain figure, and the label keeps the old noun."""
    report = diff(version("2017-07"), version("2019-02-06"), findings=False)
    syria = [c for c in report.changes if c.new is not None and c.new.id == "share"]
    assert [(c.kind, c.old.id if c.old else None, c.message) for c in syria] == [
        ("changed", "terrain-syria", "terrain in Syria over 50% → over 99% (+49 points)")
    ]


@pytest.mark.parametrize("name", VERSIONS)
def test_bundled_version_diffed_with_itself_has_no_change(name: str) -> None:
    """Each bundled version diffed with itself: every claim paired, all unchanged."""
    doc = version(name)
    report = diff(doc, doc, findings=False)
    assert (report.has_changes, report.visible(all=True), report.warnings) == (False, (), ())
    assert [c.kind for c in report.changes] == ["unchanged"] * len(doc)


def test_bundled_consecutive_versions_mirror() -> None:
    """For every pair of consecutive bundled versions, diff(b, a) mirrors diff(a, b)."""
    docs = [version(v) for v in VERSIONS]
    for a, b in zip(docs, docs[1:]):
        assert_mirrored(diff(a, b, findings=False), diff(b, a, findings=False))


# --------------------------------------------------------------------------- unit-aware equality


def one(text: str, source: str = "t.txt") -> Document:
    return extract(text, source=source)


def single_change(old: str, new: str) -> Change:
    report = diff(one(old, "old.txt"), one(new, "new.txt"), findings=False)
    assert len(report.changes) == 1, report.changes
    return report.changes[0]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Forces freed 110,000 sq km of land.", "Forces freed 42,471 sq mi of land."),
        ("They moved 12,000 Euros of income.", "They moved €12,000 of income."),
        ("Only 1 per cent of funds arrived.", "Only one per cent of funds arrived."),
        ("The coalition has 68 members.", "The coalition has sixty-eight members."),
        ("We helped 4.3 million people.", "We helped 4.3m people."),
        ("It freed 62 percent of the terrain.", "It freed 62% of the terrain."),
        ("They gave $4.13 billion of equipment.", "They gave US$4.13bn of equipment."),
    ],
)
def test_same_figure_in_other_words_is_no_change(old: str, new: str) -> None:
    """A figure written in another unit, currency form or number style is not a change."""
    change = single_change(old, new)
    assert change.kind in ("unchanged", "reworded")
    assert "value" not in change.aspects and change.delta is None


def test_unit_change_is_reworded_with_a_warning() -> None:
    """sq km -> sq mi: the same figure (reworded), with a unit-changed warning."""
    report = diff(
        one("Forces freed 110,000 sq km of land.", "old.txt"),
        one("Forces freed 42,471 sq mi of land.", "new.txt"),
        findings=False,
    )
    assert [(c.kind, c.aspects) for c in report.changes] == [("reworded", ("unit",))]
    assert [(w.kind, w.message) for w in report.warnings] == [
        ("unit-changed",
         "land: unit changed from km² to sq mi (110,000 km² → 42,471 sq mi)")
    ]
    assert report.has_changes is False


def test_converted_value_that_differs_is_changed_in_old_unit() -> None:
    """A real change across units: the delta is in the old claim's unit."""
    change = single_change(
        "Forces freed 110,000 sq km of land.", "Forces freed 50,000 sq mi of land."
    )
    assert change.kind == "changed"
    assert change.delta == Fraction(50000) * Fraction("2.589988110336") - 110000
    assert change.message.startswith("land 110,000 km² → 50,000 sq mi (+19,499")


@pytest.mark.parametrize(
    ("old", "new", "delta", "message"),
    [
        ("The coalition has over 9,000 troops.", "The coalition has nearly 9,000 troops.",
         Fraction(0), "troops over 9,000 → nearly 9,000"),
        ("We helped 4.3 million people.", "We helped 4.27 million people.",
         Fraction(-30000), "people 4.3 million → 4.27 million (−30,000, within the old rounding)"),
        ("2 million people returned.", "2.2 million people returned.",
         Fraction(200000), "people 2 million → 2.2 million (+200,000, within the old rounding)"),
        ("We helped about 4.3 million people.", "We helped 4.3 million people.",
         Fraction(0), "people about 4.3 million → 4.3 million"),
    ],
)
def test_qualifier_or_precision_only_is_requalified(
    old: str, new: str, delta: Fraction, message: str
) -> None:
    """Only the qualifier or the stated precision changed: requalified, not changed."""
    change = single_change(old, new)
    assert (change.kind, change.delta, change.message) == ("requalified", delta, message)


def test_value_and_qualifier_change_is_changed_and_says_both() -> None:
    """62 percent -> over 70 percent: changed, aspects value and qualifier, both in words."""
    change = single_change(
        "It freed 62 percent of the terrain.", "It freed over 70 percent of the terrain."
    )
    assert (change.kind, change.aspects, change.message) == (
        "changed", ("value", "qualifier"), "terrain 62% → over 70%"
    )


def test_money_delta_is_written_with_its_currency() -> None:
    """$2 billion -> $2.5 billion: "+$500 million"."""
    change = single_change(
        "The U.S. has provided $2 billion in food.", "The U.S. has provided $2.5 billion in food."
    )
    assert change.message == "food $2 billion → $2.5 billion (+$500 million)"


# --------------------------------------------------------------------------- pairing


def test_different_dimensions_never_pair() -> None:
    """Dollars and euros, a count and an area: never paired, even in the same sentence."""
    report = diff(
        one("The fund holds $12,000 of income. The region has 500 farms.", "old.txt"),
        one("The fund holds €12,000 of income. The region has 500 sq km of farms.", "new.txt"),
        findings=False,
    )
    assert [(c.kind, c.claim.unit) for c in report.changes] == [
        ("removed", "USD"), ("removed", "count"), ("added", "EUR"), ("added", "km**2"),
    ]
    assert [w.kind for w in report.warnings] == ["dimension-changed", "dimension-changed"]


def test_number_words_and_compound_nouns_pair() -> None:
    """"23 coalition partners" pairs "Twenty-six Coalition partners"; strikes -> airstrikes."""
    report = diff(
        one("On the battlefield, 23 coalition partners are active. Aircraft have conducted "
            "more than 19,000 strikes on ISIS targets.", "old.txt"),
        one("Twenty-six Coalition partners are deployed. Coalition air assets have conducted "
            "more than 23,000 airstrikes against ISIS targets.", "new.txt"),
        findings=False,
    )
    assert [c.message for c in report.changes] == [
        "Coalition partners 23 → 26 (+3)",
        "strikes (now airstrikes) over 19,000 → over 23,000 (+4,000)",
    ]


def test_unrelated_figures_in_the_same_sentence_shape_do_not_pair() -> None:
    """A dropped sentence and an added one of the same shape but about other things stay
    removed and added."""
    report = diff(
        one("The coalition now counts 26 members. Partners have rebuilt 40 schools.", "a"),
        one("The coalition now counts 26 members. Partners have rebuilt 40 hospitals.", "b"),
        findings=False,
    )
    assert [(c.kind, c.claim.id) for c in report.changes] == [
        ("unchanged", "members"), ("removed", "schools"), ("added", "hospitals"),
    ]


def test_scope_tells_figures_of_one_thing_apart() -> None:
    """Terrain in Iraq pairs terrain in Iraq even when the Syrian figure moves first."""
    report = diff(
        one("Operations liberated 62 percent of the terrain in Iraq. Forces also took "
            "30 percent of the terrain in Syria.", "a"),
        one("Forces also took 35 percent of the terrain in Syria. Operations liberated "
            "70 percent of the terrain in Iraq.", "b"),
        findings=False,
    )
    assert sorted(c.message for c in report.changes) == [
        "terrain in Iraq 62% → 70% (+8 points)",
        "terrain in Syria 30% → 35% (+5 points)",
    ]


def test_id_shift_does_not_mispair() -> None:
    """A new figure of an already counted thing takes the old id; the old figure still pairs
    with its own sentence, not with the newcomer."""
    old = one("The coalition now counts 68 members.", "a")
    new = one("The board has 12 members. The coalition now counts 68 members.", "b")
    assert [c.id for c in new] == ["members", "members-2"]
    report = diff(old, new, findings=False)
    assert [(c.kind, c.old.id if c.old else None, c.new.id if c.new else None)
            for c in report.changes] == [
        ("added", None, "members"), ("unchanged", "members", "members-2"),
    ]


def pairs_of(report: DiffReport) -> list[tuple[str, str | None, str | None]]:
    """Each change as (kind, old figure, new figure)."""
    return [(c.kind, c.old.stated if c.old else None, c.new.stated if c.new else None)
            for c in report.changes]


def test_removed_figure_above_does_not_cross_two_figures_of_a_sentence() -> None:
    """An earlier "people" figure removed (ids shift: people-4 becomes people-3) and the year
    moved on: each figure of the updated sentence stays with its own counterpart."""
    old = one("20 million people are on treatment.\n27 million people were tested in Q4.\n"
              "Globally, 39.0 million people were living with HIV in 2022; 1.3 million people "
              "became newly infected.\n", "old.txt")
    new = one("20 million people are on treatment.\n"
              "Globally, 39.9 million people were living with HIV in 2023; 1.3 million people "
              "became newly infected.\n", "new.txt")
    report = diff(old, new, findings=False)
    assert pairs_of(report) == [
        ("unchanged", "20 million", "20 million"),
        ("removed", "27 million", None),
        ("changed", "39.0 million", "39.9 million"),
        ("reworded", "1.3 million", "1.3 million"),
    ]
    assert [c.message for c in report.visible()] == [
        "people 27 million (removed)", "people 39.0 million → 39.9 million (+900,000)",
    ]
    # The other way round, a figure added above: the same pairs, mirrored.
    assert pairs_of(diff(new, old, findings=False)) == [
        ("unchanged", "20 million", "20 million"),
        ("added", None, "27 million"),
        ("changed", "39.9 million", "39.0 million"),
        ("reworded", "1.3 million", "1.3 million"),
    ]


def test_dates_moved_on_and_sentence_reworded_keep_figures_on_their_side() -> None:
    """An annual update: the date changed and the sentence was reworded around two figures of
    one noun, with another figure of that noun added above. Neither figure takes the other's
    place."""
    report = diff(
        one("As of 30 September 2023, 20.47 million people were on treatment and 5.5 million "
            "people were tested.\n", "old.txt"),
        one("20 million people are on treatment. As of 31 March 2024, 20.6 million people "
            "were on treatment and 5.5 million people were tested.\n", "new.txt"),
        findings=False,
    )
    assert pairs_of(report) == [
        ("added", None, "20 million"),
        ("changed", "20.47 million", "20.6 million"),
        ("reworded", "5.5 million", "5.5 million"),
    ]
    report = diff(
        one("In 2022, 39.0 million people were living with HIV and 1.3 million people became "
            "newly infected.\n", "old.txt"),
        one("In 2023, 39.9 million people lived with HIV, while 1.3 million people were "
            "newly infected.\n", "new.txt"),
        findings=False,
    )
    assert pairs_of(report) == [
        ("changed", "39.0 million", "39.9 million"), ("reworded", "1.3 million", "1.3 million"),
    ]


@pytest.mark.parametrize("source", ["t.md", "t.txt"])
def test_table_columns_pair_by_year_when_the_years_move_on(source: str) -> None:
    """A table of metrics by year, a year later: the 2022 and 2023 columns are the same
    figures, the 2021 column is removed and the 2024 one added (not 38,900 → 41,250)."""
    table = ("| Metric | {} | {} | {} |\n|---|---|---|---|\n"
             "| Employees (headcount) | {} | {} | {} |\n| Women in workforce (%) | {} | {} | {} |\n")
    old = one(table.format(2021, 2022, 2023, "38,900", "41,250", "42,780", 39, 40, 41),
              "old." + source)
    new = one(table.format(2022, 2023, 2024, "41,250", "42,780", "43,905", 40, 41, 42),
              "new." + source)
    report = diff(old, new, findings=False)
    assert sorted(c.message for c in report.visible()) == [
        "Employees (2021) 38,900 (removed)",
        "Employees (2024) 43,905 (added)",
        "Women in workforce (2021) 39% (removed)",
        "Women in workforce (2024) 42% (added)",
    ]
    assert sorted((c.kind, c.old.stated if c.old else None, c.new.stated if c.new else None)
                  for c in report.changes if c.old and c.new) == [
        ("reworded", "40", "40"), ("reworded", "41", "41"),
        ("reworded", "41,250", "41,250"), ("reworded", "42,780", "42,780"),
    ]


def test_a_series_in_a_sentence_pairs_by_year() -> None:
    """"5.6% in 2023, 3.2% in 2024 and 2.1% in 2025", a year later "3.0% in 2024, 2.2% in
    2025 and 1.9% in 2026": each year's figure with its year's, not by place in the
    sentence; the same years revised pair as before."""
    old = one("Staff projections see average inflation at 5.6% in 2023, 3.2% in 2024 and "
              "2.1% in 2025.\n", "old.txt")
    report = diff(old, one("Staff projections see average inflation at 3.0% in 2024, 2.2% in "
                           "2025 and 1.9% in 2026.\n", "new.txt"), findings=False)
    assert [c.message for c in report.changes] == [
        "share (2023) 5.6% (removed)",
        "share (2024) 3.2% → 3% (−0.2 points)",
        "share (2025) 2.1% → 2.2% (+0.1 points)",
        "share (2026) 1.9% (added)",
    ]
    report = diff(old, one("Staff projections see average inflation at 5.4% in 2023, 3.0% in "
                           "2024 and 2.2% in 2025.\n", "new.txt"), findings=False)
    assert [c.kind for c in report.changes] == ["changed", "changed", "changed"]


def test_generic_noun_needs_a_like_sentence_to_pair() -> None:
    """Percentages without a counted noun ("share") pair only when the words around them are
    alike: a dropped projection and an unrelated new figure are removed and added."""
    report = diff(
        one("Staff projections see average inflation at 5.6% in 2023 and 3.2% in 2024.\n\n"
            "The deposit facility rate was at -0.50% before July 2022.\n", "old.txt"),
        one("Inflation dropped markedly in September, to 4.3%, because of base effects.\n\n"
            "The deposit facility rate was at -0.50% before July 2022.\n", "new.txt"),
        findings=False,
    )
    assert pairs_of(report) == [
        ("removed", "5.6%", None), ("removed", "3.2%", None), ("added", None, "4.3%"),
        ("unchanged", "-0.50%", "-0.50%"),
    ]
    # The same sentence with its figure and its month changed, or reworded around the same
    # figure, still pairs.
    assert pairs_of(diff(one("Inflation was 5.6% in September 2023.\n", "a"),
                         one("Inflation was 4.3% in October 2023.\n", "b"), findings=False)) == [
        ("changed", "5.6%", "4.3%")
    ]
    assert pairs_of(diff(
        one("The deposit facility rate will be increased to 4.00% with effect from 20 "
            "September 2023.\n", "a"),
        one("The deposit facility rate will remain unchanged at 4.00%.\n", "b"),
        findings=False)) == [("reworded", "4.00%", "4.00%")]


def test_generic_figures_with_no_words_around_them_do_not_pair_by_likeness() -> None:
    """Two sums of money with no counted noun and, around them, only a table's dotted
    leader and one word: nothing says they are the same figure, however alike the dots."""
    from factcheck.claim import Provenance, Qualifier
    from factcheck.numbers import allowed_interval

    def bare(source: str, value: int, label: str) -> Claim:
        stated = f"${value}M"
        sentence = f"{stated} {label} {'.' * 30}"
        return Claim(
            "funding", Fraction(value * 10**6), "USD", "funding", Qualifier.EXACT, stated,
            allowed_interval(Qualifier.EXACT, Fraction(value * 10**6), Fraction(10**6)),
            Provenance(source, 1, 1, stated, sentence, sentence_span=(0, len(stated))),
            step=Fraction(10**6),
        )

    others = [one("The city has 612,400 residents.", "x")[0]]
    pairs = match(others + [bare("old.txt", 54, "Fire")], others + [bare("new.txt", 65, "Police")])
    assert [(o is not None, n is not None) for o, n in pairs] == [
        (True, True), (True, False), (False, True)
    ]


def test_cumulative_figure_that_shrank_warns() -> None:
    """A running total ("since 2014") that went down gets a warning."""
    report = diff(
        one("Since 2014, partners have trained more than 90,000 police officers.", "a"),
        one("Since 2014, partners have trained more than 85,000 police officers.", "b"),
        findings=False,
    )
    assert [(w.kind, w.message) for w in report.warnings] == [
        ("cumulative-shrank",
         "police officers: a running total went down, over 90,000 → over 85,000 (−5,000)")
    ]


@pytest.mark.parametrize(
    ("old", "new", "warned"),
    [
        ("The city invests $18.6 million in homelessness services.",
         "The city invests $18.6 billion in homelessness services.",
         "homelessness services: $18.6 million → $18.6 billion, the same digits a "
         "thousandfold larger; a scale word may be wrong"),
        ("This brings the total number of displaced to over 1.1 million.",
         "This brings the total number of displaced to over 1.1 billion.",
         "displaced: over 1.1 million → over 1.1 billion, the same digits a thousandfold "
         "larger; a scale word may be wrong"),
        ("Aid reached 4.5 million people.", "Aid reached 4,500 people.",
         "people: 4.5 million → 4,500, the same digits a thousandfold smaller; a scale word "
         "may be wrong"),
        # not a thousandfold, or no scale word on either side: no warning
        ("Aid reached 4.5 million people.", "Aid reached 4.6 million people.", None),
        ("Aid reached 45 million people.", "Aid reached 4.5 million people.", None),
        ("The town has 250 wells.", "The town has 250,000 wells.", None),
    ],
)
def test_thousandfold_change_warns_of_a_scale_slip(old: str, new: str, warned: str | None) -> None:
    """The same digits a thousandfold apart ("$18.6 million" → "$18.6 billion") get a
    ``scale-slip`` warning: a scale word may be wrong."""
    report = diff(one(old, "a"), one(new, "b"), findings=False)
    assert [c.kind for c in report.changes] == ["changed"]
    assert [w.message for w in report.warnings if w.kind == "scale-slip"] == (
        [warned] if warned else []
    )


def test_changes_that_would_read_the_same_are_told_apart() -> None:
    """Two changes with the same words get their heading when the headings differ, else a
    few words of their sentence; a change that reads like no other is left as it is."""
    report = diff(
        one("The General Fund budget is $742.5 million, balanced.\n\n"
            "Revenue (General Fund, $742.5 million) comes from taxes.\n\n"
            "Parks get $71.6 million.\n", "old.txt"),
        one("The General Fund budget is $751.2 million, balanced.\n\n"
            "Revenue (General Fund, $751.2 million) comes from taxes.\n\n"
            "Parks get $71.9 million.\n", "new.txt"),
        findings=False,
    )
    assert [c.message for c in report.visible()] == [
        "funding $742.5 million → $751.2 million (+$8.7 million) — "
        "“The General Fund budget is …”",
        "funding $742.5 million → $751.2 million (+$8.7 million) — "
        "“Revenue (General Fund, …”",
        "funding $71.6 million → $71.9 million (+$300,000)",
    ]
    report = diff(
        one("## Overview\n\n1,780,214 individuals crossed borders.\n\n"
            "## Cross-border movements\n\n1,780,214 individuals crossed borders.\n", "old.txt"),
        one("## Overview\n\n1,812,903 individuals crossed borders.\n\n"
            "## Cross-border movements\n\n1,812,903 individuals crossed borders.\n", "new.txt"),
        findings=False,
    )
    assert [c.message for c in report.visible()] == [
        "individuals 1,780,214 → 1,812,903 (+32,689) — under Overview",
        "individuals 1,780,214 → 1,812,903 (+32,689) — under Cross-border movements",
    ]


def test_moved_paragraph_is_moved_and_hidden() -> None:
    """A paragraph moved to the end: its figure is `moved`, hidden unless all=True."""
    a = "The coalition has 68 members.\n\nPartners rebuilt 40 schools.\n\nDonors gave 12 wells."
    b = "Partners rebuilt 40 schools.\n\nDonors gave 12 wells.\n\nThe coalition has 68 members."
    report = diff(one(a, "a"), one(b, "b"), findings=False)
    assert [(c.kind, c.claim.id) for c in report.changes] == [
        ("unchanged", "schools"), ("unchanged", "wells"), ("moved", "members"),
    ]
    assert (report.has_changes, report.visible(), rows(report, all=True)) == (
        False, (), [("moved", 1, 5, "members 68 (moved)")]
    )


def test_swapped_paragraphs_are_both_moved() -> None:
    """Two paragraphs swapped: neither order is preferred, both figures are moved."""
    report = diff(one("A has 5 wells.\n\nB has 7 farms.", "a"),
                  one("B has 7 farms.\n\nA has 5 wells.", "b"), findings=False)
    assert sorted(c.kind for c in report.changes) == ["moved", "moved"]


def test_match_returns_every_claim_once_in_new_order() -> None:
    """match() pairs one to one and lists every claim of both versions once."""
    old, new = version("2017-03-24"), version("2017-07")
    pairs = match(old, new)
    assert sorted(c.id for c, _ in pairs if c) == sorted(c.id for c in old)
    assert [c.id for _, c in pairs if c] == [c.id for c in new]
    assert match(new, new) == [(c, c) for c in new]
    assert match([], new) == [(None, c) for c in new]
    assert match(old, []) == [(c, None) for c in old]


def test_match_accepts_plain_claim_lists_without_sentences() -> None:
    """Claims built by hand (no sentence) pair by what they count."""
    base = one("The coalition has 68 members and 40 schools.", "a")
    bare = [attrs.evolve(c, provenance=attrs.evolve(c.provenance, sentence="",
                                                    sentence_span=(0, 0))) for c in base]
    assert [(o.id, n.id) for o, n in match(bare, list(reversed(bare)))] == [
        ("schools", "schools"), ("members", "members")
    ]


def test_figure_span_corrects_an_off_by_one_span() -> None:
    """figure_span finds the quote next to a sentence_span that is off by a character."""
    claim = one("The fund has 83 members.", "a")[0]
    a, b = claim.provenance.sentence_span
    shifted = attrs.evolve(claim, provenance=attrs.evolve(claim.provenance,
                                                          sentence_span=(a - 1, b - 1)))
    assert figure_span(shifted) == (a, b) == (13, 23)


def test_normalise_counted() -> None:
    """Counted nouns fold case, plurals and possessives."""
    assert [normalise_counted(t) for t in
            ["Coalition partners", "ISIS's fighters", "displaced people", "mid-level cities"]] == [
        "coalition partner", "isis fighter", "displaced person", "mid level city"
    ]


def test_delta_and_relative_text() -> None:
    """Signed deltas in the unit's words, long fractions rounded for reading; relative changes
    to one decimal."""
    assert [
        delta_text(Fraction(2), "count"),
        delta_text(Fraction(-4000), "count"),
        delta_text(Fraction(8), "percent"),
        delta_text(Fraction(1), "percent"),
        delta_text(Fraction(500_000_000), "USD", Fraction(100_000_000)),
        delta_text(Fraction(-300), "EUR"),
        delta_text(Fraction(2000), "km**2"),
        delta_text(Fraction(0), "count"),
        delta_text(Fraction(100, 7), "count/day"),
        delta_text(Fraction(1, 300_000), "count"),
        delta_text(Fraction(5, 2), "percent", Fraction(1, 10)),
        relative_text(Fraction(5, 68)),
        relative_text(Fraction(-1, 200)),
    ] == ["+2", "−4,000", "+8 points", "+1 point", "+$500 million", "−€300", "+2,000 km²",
          "0", "+14.29 per day", "+0.000003", "+2.5 points", "+7.4%", "−0.5%"]


def test_load_version_reads_texts_and_snapshots(tmp_path: Path) -> None:
    """A diff argument may be a document, a factsheet path or a snapshot file."""
    doc = version("2021")
    snap = tmp_path / "2021.toml"
    snap.write_text(factcheck.dumps_snapshot(doc), encoding="utf-8")
    assert load_version(doc) is doc
    assert load_version(snap).claims == doc.claims
    report = diff(SERIES / "2021.txt", str(snap), findings=False)
    assert report.has_changes is False and len(report.changes) == len(doc)


def test_diff_of_missing_file_names_it() -> None:
    """A missing file is an InputError naming it."""
    with pytest.raises(factcheck.InputError, match="nope.txt: no such file"):
        diff("nope.txt", SERIES / "2021.txt")


def test_empty_documents() -> None:
    """Empty versions: nothing to report; against a full one, everything added."""
    empty = one("", "e")
    assert diff(empty, empty, findings=False).changes == ()
    report = diff(empty, version("2017-07"), findings=False)
    assert [c.kind for c in report.changes] == ["added"] * 9 and report.has_changes


def test_public_api_exports_diff() -> None:
    """factcheck.diff and its records are in the public API."""
    assert (factcheck.diff, factcheck.match, factcheck.DiffReport, factcheck.Change) == (
        diff, match, DiffReport, Change
    )


# --------------------------------------------------------------------------- properties

def test_generated_nouns_do_not_look_alike() -> None:
    """The nouns the properties use are far apart for the matcher (so edits are recoverable)."""
    from factcheck.differ import _Key, _noun_similarity
    from factcheck.strategies import _DIFF_NOUNS

    def key(noun: str) -> _Key:
        n = normalise_counted(noun)
        return _Key("count", n, n.split()[-1], "", "", "", noun, False)

    nouns = _DIFF_NOUNS
    worst = max(_noun_similarity(key(a), key(b)) for a in nouns for b in nouns if a != b)
    assert worst < 0.5


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(edited_versions())
def test_random_edits_are_recovered_exactly(case: EditedVersions) -> None:
    """Changed figures, dropped and added sentences, reflowed lines, reordered paragraphs and
    restyled numbers: every pair and every kind is what the edits made."""
    old_text, new_text, expected = case.old_text, case.new_text, case.expected
    report = diff(one(old_text, "old"), one(new_text, "new"), findings=False)
    got: dict[str, str] = {}
    for c in report.changes:
        if c.old is not None and c.new is not None:
            assert c.old.counted == c.new.counted, (c, old_text, new_text)
        kind = c.kind if c.kind in ("changed", "added", "removed") else "same"
        got[c.claim.counted] = kind
    assert got == expected, (old_text, new_text)


@SETTINGS
@given(edited_versions())
def test_diff_mirrors(case: EditedVersions) -> None:
    """diff(b, a) is diff(a, b) with sides swapped, added/removed exchanged, deltas negated."""
    a, b = one(case.old_text, "old"), one(case.new_text, "new")
    assert_mirrored(diff(a, b, findings=False), diff(b, a, findings=False))


@SETTINGS
@given(edited_versions(), st.integers(0, 1), st.integers(25, 90),
       st.randoms(use_true_random=False))
def test_reflowed_document_has_no_change(
    case: EditedVersions, style: int, width: int, rnd: random.Random
) -> None:
    """A document against itself reflowed, reordered and restyled reports no change."""
    old_text = case.old_text
    paras = old_text.strip().split("\n\n")
    rnd.shuffle(paras)
    text = "\n\n".join(
        textwrap.fill(" ".join(p.split()), width, break_on_hyphens=False, break_long_words=False)
        for p in paras
    )
    if style:  # digits after a word (not starting a sentence) written in words
        # (not round tens: extraction reads "twenty" as rounded to the ten, "20" as exact)
        text = re.sub(r"(?<=[a-z][ \n])(?<!and[ \n])(\d?[1-9])(?=[ \n][a-z])",
                      lambda m: number_words(int(m[1])), text)
    report = diff(one(old_text, "a"), one(text, "b"), findings=False)
    assert (report.has_changes, report.visible(), report.warnings) == (False, (), ())
    assert {c.kind for c in report.changes} <= {"unchanged", "moved"}


_MIRROR = {"added": "removed", "removed": "added"}


def assert_mirrored(ab: DiffReport, ba: DiffReport) -> None:
    def sig(c: Change, swap: bool) -> tuple[object, ...]:
        o, n = (c.new, c.old) if swap else (c.old, c.new)
        kind = _MIRROR.get(c.kind, c.kind) if swap else c.kind
        return (kind, o and o.id, n and n.id)

    assert sorted(map(str, (sig(c, False) for c in ab.changes))) == sorted(
        map(str, (sig(c, True) for c in ba.changes))
    )
    back = {(c.new and c.new.id, c.old and c.old.id): c for c in ba.changes}
    for c in ab.changes:
        other = back[(c.old and c.old.id, c.new and c.new.id)]
        if c.delta is not None and c.old is not None and c.new is not None:
            assert other.delta is not None
            if c.old.unit == c.new.unit:
                assert other.delta == -c.delta


# --------------------------------------------------------------------------- findings


def test_findings_that_appear_and_disappear() -> None:
    """A total that stops adding up is a finding that appeared; mirrored, it disappeared."""
    a = one("The Coalition now stands at 81 members (76 nations and 5 international "
            "organizations).", "a")
    b = one("The Coalition now stands at 83 members (76 nations and 5 international "
            "organisations).", "b")
    forward, backward = diff(a, b), diff(b, a)
    expected = (("sum", "inconsistent", ("members", "nations", "international-organisations")),)

    def sig(found: tuple[FindingChange, ...]) -> tuple[tuple[object, ...], ...]:
        return tuple((f.rule, f.verdict, f.claim_ids) for f in found)

    assert (sig(forward.findings_appeared), sig(forward.findings_disappeared)) == (expected, ())
    assert (sig(backward.findings_appeared), sig(backward.findings_disappeared)) == ((), expected)
    assert forward.findings_checked and forward.has_changes
    assert "83 members" in forward.findings_appeared[0].message


def test_findings_can_be_left_out() -> None:
    """findings=False skips the consistency checks."""
    doc = version("2021")
    report = diff(doc, doc, findings=False)
    assert (report.findings_checked, report.findings_appeared) == (False, ())


def test_unchanged_findings_are_not_reported() -> None:
    """The bundled 2020-01 -> 2021: the membership sum holds in both, nothing to report."""
    report = diff(version("2020-01"), version("2021"))
    assert (report.findings_checked, report.findings_appeared, report.findings_disappeared) == (
        True, (), ()
    )


def test_readme_diff_example_prints_what_it_says() -> None:
    """The README's diff example runs and prints exactly the lines its comments show."""
    import contextlib
    import io

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Diffing two versions in figures", 1)[1]
    block = section.split("```python\n", 1)[1].split("```", 1)[0]
    expected = [line[2:] for line in block.splitlines() if line.startswith("# ")]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(block, "README.md", "exec"), {})  # noqa: S102 - our own README
    assert out.getvalue().splitlines() == expected


def test_versions_given_as_paths_use_their_rules_files(tmp_path: Path) -> None:
    """A version given as a path is checked with the rules file beside it, as `check` does."""
    text = "The coalition has 81 members (76 nations and 5 international organizations).\n"
    (tmp_path / "old.txt").write_text(text, encoding="utf-8")
    (tmp_path / "new.txt").write_text(text, encoding="utf-8")
    (tmp_path / "new.rules.toml").write_text(
        '[[rules]]\ntype = "bound"\nclaim = "nations"\nop = ">"\nthan = "members"\n',
        encoding="utf-8",
    )
    report = diff(tmp_path / "old.txt", tmp_path / "new.txt")
    assert [(f.rule, f.verdict, f.claim_ids) for f in report.findings_appeared] == [
        ("declared:bound", "inconsistent", ("nations", "members"))
    ]
    assert (report.findings_disappeared, report.has_changes) == ((), True)


def test_a_renamed_heading_moves_no_figure() -> None:
    """'REGIONAL OVERVIEW' renamed 'REGIONAL SITUATION': its figures stay where they were."""
    body = "KEY FIGURES\n\n4.3 million people were reached.\n\n{h}\n\nIn the north, 120,000 people remain.\n"
    report = diff(one(body.format(h="REGIONAL OVERVIEW"), "old.txt"),
                  one(body.format(h="REGIONAL SITUATION"), "new.txt"), findings=False)
    assert ["unchanged", "unchanged"] == [c.kind for c in report.changes]
    # A heading that is still there, with the figure now under another, is a move.
    moved = body.format(h="REGIONAL OVERVIEW").replace(
        "4.3 million people were reached.\n\n", "") + "\nKEY FIGURES\n\n4.3 million people were reached.\n"
    kinds = {c.kind for c in diff(one(body.format(h="REGIONAL OVERVIEW"), "old.txt"),
                                  one(moved, "new.txt"), findings=False).changes}
    assert "moved" in kinds


def test_far_apart_figures_of_a_common_noun_pair_only_when_the_words_agree() -> None:
    """Review 3, item 3: "killed over 5,900 people" and "more than 1.2 million people have
    returned" share only the noun "people": one is removed, the other added. A figure far
    from its old value in an unchanged sentence still pairs as changed."""
    old = extract("Key facts\n\nThe February 2023 earthquakes killed over 5,900 people in Syria.\n"
                  "Some 5.1 million Syrian refugees live in neighbouring countries.\n")
    new = extract("Key facts\n\nSince December 2024, more than 1.2 million people have returned "
                  "home.\nSome 4.9 million Syrian refugees live in neighbouring countries.\n")
    got = sorted((c.kind, c.old.stated if c.old else None, c.new.stated if c.new else None)
                 for c in diff(old, new).changes)
    assert got == [
        ("added", None, "1.2 million"),
        ("changed", "5.1 million", "4.9 million"),
        ("removed", "5,900", None),
    ]
    old = extract("The earthquakes killed over 5,900 people in Syria.\n")
    new = extract("The earthquakes killed over 59,000 people in Syria.\n")
    assert [c.kind for c in diff(old, new).changes] == ["changed"]
    old = extract("In the north, the earthquakes killed over 5,900 people in Syria last year.\n")
    new = extract("The earthquakes in the north killed 21,000 people across Syria.\n")
    assert [c.kind for c in diff(old, new).changes] == ["changed"]


def test_look_alike_lines_pair_only_under_their_own_heading() -> None:
    """'**total:**' lines under Markdown headings: a field removed and another added
    elsewhere never pair across headings; a heading renamed in its place keeps its figure."""
    old = extract("# P\n\n## Population\n\n**total:** 99,497,680\n\n## Airports\n\n**total:** 318\n",
                  source="old.md")
    new = extract("# P\n\n## Heliports\n\n**total:** 592\n\n## Population\n\n**total:** 99,500,000\n",
                  source="new.md")
    got = sorted((c.kind, c.old.stated if c.old else "", c.new.stated if c.new else "")
                 for c in diff(old, new, findings=False).changes)
    assert got == [("added", "", "592"), ("changed", "99,497,680", "99,500,000"),
                   ("removed", "318", "")]
    old = extract("# P\n\n## Population\n\n**total:** 99,497,680\n\n## Ports\n\n**total:** 12\n",
                  source="old.md")
    new = extract("# P\n\n## Population\n\n**total:** 99,497,680\n\n## Harbours\n\n**total:** 13\n",
                  source="new.md")
    assert [(c.kind, c.aspects) for c in diff(old, new, findings=False).changes] == [
        ("unchanged", ()), ("changed", ("value",))]


def test_heading_places_mirror_when_the_versions_swap() -> None:
    """Headings renamed, added and removed: match(b, a) is match(a, b) mirrored."""
    from factcheck.differ import match

    a_text = ("# P\n\n## Land\n\n**total:** 357,022 sq km\n\n## People\n\n### Population\n\n"
              "80,854,408\n\n### Median age\n\n**total:** 46.5 years\n\n## Ports\n\n**total:** 12\n"
              "\n## Coast\n\n**total:** 2,389 km\n")
    b_text = ("# P\n\n## Land and water\n\n**total:** 357,022 sq km\n\n## People\n\n### Population"
              "\n\n**total:** 84,119,100\n\n**male:** 41,572,702\n\n## Harbours\n\n**total:** 13\n\n"
              "## Coastline\n\n**total:** 2,389 km\n\n## Heliports\n\n**total:** 388\n")
    a, b = extract(a_text, source="a.md"), extract(b_text, source="b.md")
    ab = {(o.quote, n.quote) for o, n in match(a.claims, b.claims, old_text=a_text,
                                               new_text=b_text) if o and n}
    ba = {(o.quote, n.quote) for n, o in match(b.claims, a.claims, old_text=b_text,
                                               new_text=a_text) if o and n}
    assert ab == ba
    assert ("80,854,408", "84,119,100") in ab and ("357,022 sq km", "357,022 sq km") in ab
    assert not any(n == "46.5 years" or o == "388" for o, n in ab)  # never across headings
