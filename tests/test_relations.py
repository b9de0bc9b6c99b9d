"""Relations the text states between figures: breakdowns, parts, shares."""

from pathlib import Path

import pytest

from factcheck.extraction import extract
from factcheck.relations import Kind, find_relations
from factcheck.snapshot import dumps_snapshot, loads_snapshot

SERIES = Path(__file__).resolve().parent.parent / "snapshots" / "global-coalition"


def shape(text):
    """Relations as (kind, total id, part ids, share id, words)."""
    return [
        (r.kind.value, r.total.id if r.total else None, [p.id for p in r.parts],
         r.share.id if r.share else None)
        for r in find_relations(extract(text))
    ]


def test_breakdown_in_brackets():
    """A total followed by its parts in brackets is a sum."""
    assert shape("The Coalition stands at 83 members (78 nations and five international "
                 "organisations).") == [
        ("sum", "members", ["nations", "international-organisations"], None)
    ]


def test_total_followed_by_bulleted_parts():
    """'This includes:' and a bulleted list after a total: parts of it."""
    text = ("108.4 million people were displaced. This includes:\n• 35.3 million refugees\n"
            "• 62.5 million internally displaced people\n• 5.4 million asylum-seekers\n")
    assert shape(text) == [
        ("part-of", "people", ["refugees", "internally-displaced-people", "asylum-seekers"],
         None)
    ]


def test_colon_list_and_stated_total_after_list():
    """'A total of N: a, b and c' and 'a, b and c, N in total' are sums."""
    assert shape("A total of 1,320 projects: 904 education projects, 358 health projects "
                 "and 58 housing projects.") == [
        ("sum", "projects", ["education-projects", "health-projects", "housing-projects"], None)
    ]
    assert shape("They built 904 education projects and 416 health projects, 1,320 projects "
                 "in total.") == [
        ("sum", "projects", ["education-projects", "health-projects"], None)
    ]


def test_including_is_part_of():
    """'including' names a part that must not exceed its total (the 2017 text)."""
    text = (SERIES / "2017-03-24.txt").read_text(encoding="utf-8")
    assert shape(text) == [("part-of", "terrain-syria-2", ["territory"], None)]


def test_part_with_place_phrases():
    """Parts with a place phrase each still form one list."""
    assert shape("Some 1,200 schools, including 300 in Mosul and 200 in Basra.") == [
        ("part-of", "schools", ["schools-mosul", "schools-basra"], None)
    ]


def test_share_beside_a_part():
    """'Of the 83 members, 78 (94%) are nations': a part and its share."""
    assert shape("Of the 83 members, 78 (94%) are nations.") == [
        ("part-of", "members", ["members-2"], None),
        ("share", "members", ["members-2"], "share"),
    ]


def test_share_inside_a_breakdown_does_not_break_it():
    """A share in brackets after a part annotates it; the breakdown is still found."""
    assert shape("83 members (78 nations (94%) and five international organisations).") == [
        ("sum", "members", ["nations", "international-organisations"], None),
        ("share", "members", ["nations"], "share"),
    ]


def test_share_of_a_whole_with_its_part():
    """'40% of the 6.75 million beneficiaries, or 2.7 million'."""
    assert shape("40% of the 6.75 million beneficiaries, or 2.7 million, are women.") == [
        ("share", "beneficiaries", ["beneficiaries-2"], "share")
    ]


def test_shares_listed_together():
    """Percentages joined by 'and' are shares of one whole."""
    assert shape("Staff are 60% women and 45% men.") == [
        ("shares", None, ["women", "men"], None)
    ]


def test_shares_of_different_places_are_not_one_whole():
    """'62 percent of the terrain ... in Iraq and 30 percent in Syria' is two wholes."""
    assert shape("Operations liberated 62 percent of the terrain ISIS once controlled in Iraq "
                 "and 30 percent in Syria.") == []


def test_conversion_in_brackets():
    """A figure followed by itself in another unit, in brackets."""
    assert shape("It covers 110,000 sq km (42,500 sq mi).") == [
        ("conversion", "area", ["area-2"], None)
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a list with no total
        "Projects completed include: 904 education projects, 37 road projects.",
        # figures of different kinds side by side
        "Forces liberated nearly 8 million people and 110,000 sq km across Iraq.",
        # a list after a sentence that does not refer back to a figure
        "4.3 million people returned home. Projects include: 904 schools, 37 roads.",
        # two figures of one kind in the sentence before 'This includes'
        "83 members joined, up from 81 members. This includes 78 nations.",
        # a list that is not the parts of the figure before it
        "23 partners have over 9,000 troops in Iraq and 5,000 troops in Syria.",
    ],
)
def test_no_relation_where_the_words_do_not_state_one(text):
    """Precision first: no relation unless the words state it."""
    assert shape(text) == []


def test_snapshot_keeps_relations_within_sentences():
    """A document loaded from a snapshot (no text) still yields in-sentence relations."""
    doc = extract("The Coalition stands at 83 members (78 nations and five international "
                  "organisations).", source="f.txt")
    snap = loads_snapshot(dumps_snapshot(doc), "f.toml")
    assert snap.text is None
    assert [r.kind for r in find_relations(snap)] == [Kind.SUM]


def test_bundled_relations():
    """The bundled texts state the two membership breakdowns and the 2017 'including'."""
    found = {
        p.name: [(r.kind.value, r.total.id, [x.id for x in r.parts])
                 for r in find_relations(extract(p.read_text(encoding="utf-8")))]
        for p in sorted(SERIES.glob("*.txt"))
    }
    assert found == {
        "2017-03-24.txt": [("part-of", "terrain-syria-2", ["territory"])],
        "2017-07.txt": [],
        "2019-02-06.txt": [],
        "2020-01.txt": [("sum", "members", ["nations", "international-organizations"])],
        "2021.txt": [("sum", "members", ["nations", "international-organisations"])],
    }


def test_linear_on_long_lists():
    """A long list of figures is read in time linear in its length."""
    import time

    syllables = "ka ru mi to sa le no vi da pe zu ro".split()

    def noun(n):
        return "".join(syllables[n // 12**k % 12] for k in range(4))

    # Every figure counts something else: extraction numbers repeated ids one by one.
    text = "Total: " + ", ".join(f"{i:,} {noun(i)} projects" for i in range(1000, 9000)) + "."
    doc = extract(text)
    assert len(doc) == 8000
    t0 = time.perf_counter()
    find_relations(doc)
    assert time.perf_counter() - t0 < 2.0


TABLE = """| Sector | Requested (US$ million) | Funded (%) |
|---|---:|---:|
| Food security | 1,200.5 | 51 |
| Health | 430.0 | 28 |
| Total | 1,630.5 | 44 |

Cases by region:

| Region | Cases | Deaths |
|---|---|---|
| North | 12,400 | 310 |
| South | 8,100 | |
| of which: coastal | 3,000 | 20 |
| **Total** | 20,500 | 405 |
"""


def test_a_table_total_row_sums_the_rows_above():
    """'| Total |' sums its column's rows; not a column of percentages, a blank or 'of which'."""
    assert shape(TABLE) == [
        ("sum", "total-requested", ["food-security-requested", "health-requested"], None),
        ("sum", "total-cases", ["north-cases", "south-cases"], None),
        # Deaths: South has no figure, so the column is not summed.
    ]


def test_a_table_total_that_does_not_add_up_is_inconsistent():
    from factcheck import check

    result = check(extract(TABLE.replace("| Total | 1,630.5 |", "| Total | 1,730.5 |")))
    assert [(f.verdict.value, f.claims[0].id) for f in result.findings] == [
        ("inconsistent", "total-requested"), ("consistent", "total-cases"),
    ]


# --------------------------------------------------------------------------- reviewed false alarms


def kinds(text):
    """Relations as (kind, total value, part values), whatever ids extraction gives."""
    return [
        (r.kind.value, None if r.total is None else r.total.value, [p.value for p in r.parts])
        for r in find_relations(extract(text))
    ]


@pytest.mark.parametrize(
    "text",
    [
        "109 new varieties of 32 crops will be released.",
        "Roads – KSh 193.7bn for the construction of 1,200km of new roads and\n"
        "maintenance of 15,000 km.",
        "Transfers: KES 400.1 billion (Equitable Share KES 391.1 billion and conditional "
        "grants of KES 9.0 billion).",
        "Of the 32 crops, 109 new varieties will be released.",
    ],
)
def test_of_needs_the_nouns_to_agree(text):
    """A2: "N things of M other-things" is no part of a whole; "78 of the 83 members" is."""
    assert [k for k in kinds(text) if k[0] == "part-of"] == []


def test_of_with_a_bare_part_is_still_part_of():
    """"25 of 34 districts", "78 of the 83 members", "$1.1 billion of the $2.6 billion"."""
    assert kinds("25 of 34 districts were hit.") == [("part-of", 34, [25])]
    assert kinds("78 of the 83 members are nations.") == [("part-of", 83, [78])]
    assert kinds("It received $1.1 billion of the $2.6 billion requested.") == [
        ("part-of", 2_600_000_000, [1_100_000_000])
    ]


FOOTNOTE = """Displaced people (end-2022)
• 35.3 million refugees¹
• 5.2 million other people in need of protection

¹ Includes 29.4 million refugees under UNHCR mandate and 5.9 million Palestine refugees.
"""


def test_a_footnote_does_not_break_down_the_bullet_above():
    """A4: "¹ Includes ..." breaks down the figure marked ¹, not the last bullet."""
    assert kinds(FOOTNOTE) == [("part-of", 35_300_000, [29_400_000, 5_900_000])]


@pytest.mark.parametrize(
    "mark, ref, linked",
    [("1 ", "1", True), ("[1] ", " [1]", True), ("† ", "†", True), ("*", "*", True),
     ("* ", "*", False),  # "* " starts a bullet: a list item, not linked, nor a breakdown
     ("Note: ", "", False), ("Source: ", "", False)],
)
def test_footnote_marks(mark, ref, linked):
    """Footnotes marked '1', '[1]', '†', '*', 'Note:' and 'Source:' take no bullet above as
    their total; a mark against one figure links the footnote to it."""
    text = FOOTNOTE.replace("refugees¹", f"refugees{ref}").replace("¹ Includes", f"{mark}Includes")
    found = kinds(text)
    assert all(total != 5_200_000 for _, total, _ in found)
    assert found == ([("part-of", 35_300_000, [29_400_000, 5_900_000])] if linked else [])


def test_a_number_at_a_line_start_is_no_footnote_without_a_mark_above():
    """Wrapped text whose line starts with a figure is read as before."""
    assert kinds("The Coalition now stands at\n83 members (78 nations and five international "
                 "organisations).") == [("sum", 83, [78, 5])]


GAVI = """## Funding

| Donor (2021–2025 pledges) | US$ million |
|---|---|
| United Kingdom | 2,055 |
| Bill & Melinda Gates Foundation | 1,600 |
| United States | 1,160 |
| Norway | 1,000 |
| Germany | 700 |
| **Total (all donors)** | **8,800** |
"""


def test_a_table_total_of_all_donors_under_some_rows_is_part_of():
    """A5: "Total (all donors)" under five donors: the rows are some of the total."""
    ((kind, total, parts),) = kinds(GAVI)
    assert kind == "part-of" and len(parts) == 5 and sum(parts) < total


@pytest.mark.parametrize(
    "old, new",
    [
        ("Total (all donors)", "Total (incl. others)"),
        ("Total (all donors)", "All donors"),
        ("## Funding", "## Top five donors"),
        ("## Funding", "Table 2: Selected donors"),
        ("Donor (2021–2025 pledges)", "Main donors"),
    ],
)
def test_table_totals_over_some_rows(old, new):
    """'incl. others', 'all ...', or a table of the 'top', 'selected', 'main' rows."""
    assert [k[0] for k in kinds(GAVI.replace(old, new))] == ["part-of"]


def test_a_table_total_of_its_rows_still_sums():
    """A plain "Total" row, bold or not, still sums the rows above it."""
    text = GAVI.replace("Total (all donors)", "Total").replace("8,800", "6,515")
    assert [k[0] for k in kinds(text)] == ["sum"]
    assert [k[0] for k in kinds(text.replace("**", ""))] == ["sum"]


def test_a_table_column_read_on_two_scales_is_not_summed():
    """A bold total read without its column's "(millions)" is not added to rows read with it."""
    from fractions import Fraction

    from factcheck.relations import _same_written_scale

    rows = extract("| Region | Children (millions) |\n|---|---|\n| North | 55.2 |\n"
                   "| South | 47.9 |\n| Total | 103.1 |\n")
    assert _same_written_scale(rows.claims)
    total = rows.claims[-1]
    import attrs

    unscaled = attrs.evolve(total, value=Fraction(1031, 10))
    assert not _same_written_scale([*rows.claims[:-1], unscaled])


def test_shares_with_predicates_are_not_exclusive():
    """A3: "80% lack documents, 65% lack shelter" may count one person twice."""
    (r,) = find_relations(extract("Among IDPs, 80% lack documents, 65% lack shelter and 45% "
                                  "lack income."))
    assert (r.kind, r.exclusive) == (Kind.SHARES, False)
    (r,) = find_relations(extract("Staff are 60% women and 45% men."))
    assert (r.kind, r.exclusive) == (Kind.SHARES, True)


def test_no_conversion_between_a_change_and_a_count_in_brackets():
    """'−0.2pp' at a row's end and '(16+)' on the next row are no unit conversion."""
    text = ("Employment (16 to 64)      75.7%     −0.2pp\n"
            "Unemployment (16+)          4.2%     +0.3pp\n"
            "Inactivity (16 to 64)      21.0%     +0.1pp\n")
    assert [k for k in kinds(text) if k[0] == "conversion"] == []


# --------------------------------------------------------------------------- review 2


@pytest.mark.parametrize(
    "text",
    [
        "The poverty rate was 18%, including 27.7% among children and 13.4% among adults.",
        "Youth unemployment was 14.9% in the EU, including 28.4% in Spain.",
        "Youth unemployment was 14.9% in the EU, of which 28.4% in Spain.",
        "The unemployment rate rose to 6.1%, including 12.6% among youth.",
        "18% of children live in poverty, including 27.7% in Mosul.",
        "14.9% of young people in the EU were unemployed, including 28.4% in Spain.",
        "Women make up 52% of staff, among them 62% in management.",
        "Unemployment rose by 0.4 percentage points, including 0.9 percentage points among "
        "youth.",
    ],
)
def test_rates_of_sub_groups_are_no_parts_of_a_rate(text):
    """Review 2, item 1: a percentage after "including" / "of which" is the rate of a
    sub-group or place, not a part of the percentage before it."""
    assert [k for k in kinds(text) if k[0] in ("part-of", "sum")] == []


def test_shares_of_one_stock_in_places_are_still_parts():
    """'62% of the terrain ..., including 40% in Mosul province': a share of the same whole."""
    assert kinds("ISIS has lost 62% of the terrain it once held, including 40% in Mosul "
                 "province.") == [("part-of", 62, [40])]


def test_a_breakdown_after_a_change_is_of_the_change():
    """Review 2, item 2: '(...)' after 'by X to Y' breaks down X, the change, not Y."""
    assert kinds("The number of IDPs increased by 52,437 to 6,564,188 (48,000 in Darfur and "
                 "4,437 in Al Jazirah).") == [("sum", 52_437, [48_000, 4_437])]
    assert kinds("The number of IDPs rose by 52,437 to 6,564,188, including 48,000 in "
                 "Darfur.") == [("part-of", 52_437, [48_000])]


@pytest.mark.parametrize(
    "text",
    [
        # from X to Y: of Y - X, or of Y? Not checked.
        "Funding rose from $1.2 billion to $1.5 billion ($200 million from the EU and "
        "$100 million from Japan).",
        # a part larger than the change: which figure the list breaks down is unclear
        "The number of IDPs increased by 52,437 to 6,564,188 (5,000,000 in Darfur and "
        "1,500,000 elsewhere).",
        # a change in per cent, parts in people
        "The number of IDPs increased by 0.8% to 6,564,188 (5,000,000 in Darfur and "
        "1,500,000 elsewhere).",
    ],
)
def test_no_breakdown_of_a_change_where_unclear(text):
    """Review 2, item 2: no sum or part-of against the new level of a change."""
    assert [k for k in kinds(text) if k[0] in ("sum", "part-of")] == []


def test_parts_that_add_up_to_the_new_level_exactly_are_its_breakdown():
    """Arithmetic settles what the words leave open: parts adding up to the new level."""
    text = ("The number of IDPs increased by 52,437 to 6,564,188 (5,000,000 in Darfur and "
            "1,564,188 elsewhere).")
    (r,) = find_relations(extract(text))
    assert (r.kind, r.total.value, [p.value for p in r.parts], r.evidence) == (
        Kind.SUM, 6564188, [5000000, 1564188], ("arithmetic",))


def test_a_conversion_after_a_change_is_still_of_the_new_level():
    """'from 100,000 sq km to 110,000 sq km (42,500 sq mi)' restates the new level."""
    assert [k[0] for k in kinds("The area grew from 100,000 sq km to 110,000 sq km "
                                "(42,500 sq mi).")] == ["conversion"]


@pytest.mark.parametrize(
    "text",
    [
        "The interest rates on the main refinancing operations, the marginal lending facility "
        "and the deposit facility will be increased to 4.50%, 4.75% and 4.00% respectively.",
        "Bank Rate      5.25%\nCPI inflation      3.4%\nUnemployment rate      3.9%\n",
        "The highest proportions were in River Nile (11%), and Central Darfur (10%).\n\n"
        "• 55 per cent of IDPs originated from Khartoum state.\n",
        "People in about one out of every four developing countries and about 40% of "
        "low-income countries will still be poorer.",
    ],
)
def test_rates_listed_together_are_no_shares(text):
    """Review 2, item 3: percentages that are shares of nothing named give no shares check."""
    assert [k for k in kinds(text) if k[0] == "shares"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Staff are 60% women and 40% men.",
        "Respondents: 60% women, 45% men.",
        "Among IDPs, 80% lack documents, 65% lack shelter and 45% lack income.",
    ],
)
def test_shares_of_something_are_still_listed(text):
    """Group words, or a whole named before the list, make percentages shares of one whole."""
    assert [k[0] for k in kinds(text)] == ["shares"]


def test_a_colon_after_words_said_of_the_total():
    """Review 2, item 6: 'N girls are out of school: a, b and c' bounds the parts by N."""
    text = ("129 million girls are out of school: 32 million of primary school age, 30 million "
            "of lower-secondary school age and 67 million of upper-secondary school age.")
    assert kinds(text) == [("part-of", 129_000_000, [32_000_000, 30_000_000, 67_000_000])]


@pytest.mark.parametrize(
    "text",
    [
        # the parts name nouns of their own
        "The fund disbursed $5 billion last year: $3 billion in grants and $1 billion in "
        "loans.",
        # more than a few words, or a conjunction, between the total and the colon
        "83 members met in Rome and agreed on the following: 12 projects and 4 funds.",
        "Some 5 million people need aid in the north, the south and the east of the country "
        "this year: 2 million in Darfur and 1 million in Khartoum.",
        # one part only
        "129 million girls are out of school: 32 million of primary school age.",
        # a percentage is no total of counts
        "Enrolment is 62% this year: 30 in Mosul and 40 in Basra.",
    ],
)
def test_no_colon_breakdown_after_other_words(text):
    """Review 2, item 6: only a short predicate and a list of at least two bare parts."""
    assert [k for k in kinds(text) if k[0] in ("part-of", "sum")] == []


def test_a_list_whose_every_part_exceeds_the_figure_before_is_no_breakdown():
    """'83 members across 4 continents: 20 in Europe and 30 in Asia' breaks down no 4."""
    assert shape("83 members across 4 continents: 20 in Europe and 30 in Asia.") == []
    # A thousandfold is a scale slip, still checked.
    assert [k for k, *_ in shape("The fund holds $5 million: $2 billion and $3 billion.")] == [
        "sum"
    ]


def test_total_not_taken_across_a_label_line_or_blank_line():
    """Review 3, item 1: a breakdown's total stands in its marker's sentence (or right
    before it), never on a label line, a bullet or a table row above, nor across a blank line."""
    assert shape("Volunteers: 4,200\nThe team comprises 16 doctors and 53 nurses.") == []
    assert shape("Volunteers: 4,200 people\nThe team comprises 16 doctors and 53 nurses.") == []
    assert shape("• 4,200 volunteers\nThe team comprises 16 doctors and 53 nurses.") == []
    assert shape("Total beds: 3,800\n\nThe Health System comprises 16 hospitals and 53 "
                 "clinics.") == []
    assert shape("We have 69 staff\n\nThe team comprises 16 doctors and 53 nurses.") == []
    assert shape("Staff: 83\n(78 nurses and 5 doctors).") == []
    table = ("| Campus | Beds |\n|---|---|\n| Rochester | 2,059 |\n| Arizona | 368 |\n"
             "| Total | 2,427 |\n\nThe Health System comprises 16 hospitals and 53 clinics.\n")
    assert [k for k, *_ in shape(table)] == ["sum"]  # the table's total only
    # The total right before its marker, or on the marker's line, still counts.
    assert [k for k, *_ in shape("The Coalition stands at\n83 members\n(78 nations and 5 "
                                 "organisations).")] == ["sum"]
    assert [k for k, *_ in shape("• The Coalition stands at 83 members\n  (78 nations and 5 "
                                 "organisations).")] == ["sum"]
    assert [k for k, *_ in shape("Staff: 83, comprising\n78 nurses and 5 doctors.")] == ["sum"]
    assert [k for k, *_ in shape("The team of 69 comprises:\n\n- 16 doctors\n- 53 nurses\n")] \
        == ["sum"]


def test_parts_with_their_own_predicates_may_overlap():
    """Review 3, item 2: parts after "of whom" / "included" that each have a predicate of
    their own are groups that may overlap (not exclusive); nouns and places are not."""
    def part_of(text):
        return [(r.kind.value, r.exclusive) for r in find_relations(extract(text))]

    assert part_of("The region hosts 4.2 million people, of whom 3.4 million depend on aid "
                   "and 2 million live in camps.") == [("part-of", False)]
    assert part_of("The 2,350 patients treated included 1,900 with gunshot wounds and 1,200 "
                   "who needed surgery.") == [("part-of", False)]
    assert part_of("The region hosts 4.2 million people, including 3.4 million in Idlib and "
                   "2 million in Aleppo.") == [("part-of", True)]
    assert part_of("The coalition has 83 members, including 78 nations and 9 "
                   "organisations.") == [("part-of", True)]


def test_a_total_line_after_label_lines_or_a_listing_sentence():
    """'Military: 149 / Police: 12 / Civilians: 29 / Total: 190' and '... . Total: 1,320'."""
    assert shape("Military: 149\nPolice: 12\nCivilians: 29\nTotal: 190\n") == [
        ("sum", "total", ["military", "police", "civilians"], None)
    ]
    assert [k for k, *_ in shape(
        "904 education projects and 416 health projects. Total: 1,320\n")] == ["sum"]
    # A subtotal above keeps its own items: nothing is summed across it.
    assert shape("Military: 149\nPolice: 12\nSubtotal: 161\nCivilians: 29\nTotal: 190\n") == []
