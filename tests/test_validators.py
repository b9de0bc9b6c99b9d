"""The built-in validators on the bundled factsheets, on broken copies, and on their own."""

from fractions import Fraction as F
from pathlib import Path

import pytest

from factcheck.checking import Verdict, check
from factcheck.extraction import extract
from factcheck.validators import check_bound, check_equal, check_share, check_shares, check_sum

SERIES = Path(__file__).resolve().parent.parent / "snapshots" / "global-coalition"


def text_of(name):
    """The text of a bundled factsheet version."""
    return (SERIES / name).read_text(encoding="utf-8")


def findings(text, source="factsheet.txt"):
    """(line, verdict, rule, message) of every finding for *text*."""
    return [(f.line, f.verdict.value, f.rule, f.message)
            for f in check(extract(text, source=source)).findings]


def problems(text):
    """The findings that are not consistent."""
    return [f for f in findings(text) if f[1] != "consistent"]


# --------------------------------------------------------------------------- the bundled texts


def test_bundled_2021():
    """2021: 78 + 5 = 83, consistent; nothing else to check."""
    assert findings(text_of("2021.txt")) == [
        (13, "consistent", "sum", "78 + 5 = 83, as stated")
    ]


def test_bundled_2020():
    """2020: 76 + 5 = 81, consistent."""
    assert findings(text_of("2020-01.txt")) == [
        (9, "consistent", "sum", "76 + 5 = 81, as stated")
    ]


def test_bundled_2017_including():
    """2017-03: over 7,400 km² is part of over 14,000 km², consistent."""
    assert findings(text_of("2017-03-24.txt")) == [
        (17, "consistent", "part-of",
         "over 7,400 km² of over 14,000 km²: the part does not exceed its total")
    ]


@pytest.mark.parametrize("name", sorted(p.name for p in SERIES.glob("*.txt")))
def test_bundled_has_nothing_inconsistent(name):
    """No bundled version has an inconsistent (or undetermined) finding."""
    assert problems(text_of(name)) == []


# --------------------------------------------------------------------------- broken copies


def broken(name, old, new):
    """The bundled text with *old* replaced by *new* (exactly once)."""
    text = text_of(name)
    assert text.count(old) == 1
    return text.replace(old, new)


def test_changed_part_is_caught():
    """A part changed: 78 + 6 = 84, but line 13 says 83 members."""
    text = broken("2021.txt", "five international", "six international")
    assert problems(text) == [
        (13, "inconsistent", "sum", "78 + 6 = 84, but line 13 says “83 members”"
         "; one figure may be mistyped: with 77 for 78 (line 13) or 84 for 83 (line 13) it adds up")
    ]


def test_changed_total_is_caught():
    """A total changed: 76 + 5 = 81, but line 9 says 82 members."""
    text = broken("2020-01.txt", "81 members", "82 members")
    assert problems(text) == [
        (9, "inconsistent", "sum", "76 + 5 = 81, but line 9 says “82 members”"
         "; one figure may be mistyped: with 77 for 76 (line 9) or 81 for 82 (line 9) it adds up")
    ]


def test_part_exceeding_its_total_is_caught():
    """2017-03 with the part larger than the total it is part of."""
    text = broken("2017-03-24.txt", "more than 7,400 square", "more than 17,400 square")
    assert problems(text) == [
        (17, "undetermined", "part-of",
         "over 17,400 km² (line 17); line 17 says “over 14,000 square kilometers of "
         "terrain”: the words allow it but do not show it (the parts allow over 17,400 km², "
         "the total over 14,000 km²)")
    ]
    exact = broken("2017-03-24.txt", "over 14,000 square", "14,000 square")
    exact = exact.replace("more than 7,400 square", "17,400 square")
    assert problems(exact) == [
        (17, "inconsistent", "part-of",
         "17,400 km² (line 17) exceeds the total it is part of: line 17 says “14,000 square "
         "kilometers of terrain”")
    ]


def test_restated_with_another_value_is_caught():
    """A figure restated with another value points at the restatement's line."""
    text = text_of("2021.txt") + "\nThe Global Coalition, with its 84 members, met in Rome.\n"
    line = text.count("\n")
    assert problems(text) == [
        (line, "inconsistent", "restated",
         f"line {line} says “84 members”, but line 13 says “83 members”")
    ]


def test_restated_with_the_same_value_is_consistent():
    """The same figure restated with the same value is consistent."""
    text = text_of("2021.txt") + "\nThe Global Coalition, with its 83 members, met in Rome.\n"
    line = text.count("\n")
    assert (line, "consistent", "restated", f"lines 13 and {line} both say 83") in findings(text)


def test_swapped_scale_word_is_caught():
    """'2.7 million' restated as '2.7 billion' is caught, and the message says why."""
    text = text_of("2021.txt") + (
        "\nStabilisation efforts have benefited 2.7 billion women and girls.\n"
    )
    line = text.count("\n")
    assert problems(text) == [
        (line, "inconsistent", "restated",
         f"line {line} says “2.7 billion women and girls”, but line 57 says “2.7 million "
         "women and girls”; a scale word may be wrong")
    ]


def test_swapped_scale_word_in_a_part_points_at_the_part():
    """A part written in millions instead of billions: the finding points at that part."""
    text = ("The fund holds $4.13 billion (of which $2.1 billion in grants and\n"
            "$2.03 million in loans).\n").replace("(of which ", "(")
    (finding,) = problems(text)
    assert finding == (
        2, "inconsistent", "sum",
        "$2.1 billion + $2.03 million = $2,102.03 million, but line 1 says “$4.13 billion” "
        "(the parts allow $2.052 billion to $2.152 billion; the total $4.125 billion to "
        "$4.135 billion); a scale word may be wrong: with “$2.03 billion” for “$2.03 million” "
        "it adds up",
    )


def test_share_that_no_longer_matches_is_caught():
    """A stated share that is not part / whole is caught on the share's line."""
    text = broken("2021.txt", "(78 nations and", "(78 nations (90%) and")
    assert problems(text) == [
        (13, "inconsistent", "share", "78 / 83 = 94.0%, but the text says 90%")
    ]
    assert (13, "consistent", "share", "78 / 83 = 94.0%, as stated (94%)") in findings(
        broken("2021.txt", "(78 nations and", "(78 nations (94%) and")
    )


def test_shares_over_one_whole():
    """Shares of one whole adding to more than 100% are inconsistent."""
    assert findings("Staff are 60% women and 45% men.") == [
        (1, "inconsistent", "shares", "60% + 45% = 105%: shares of one whole add up to more "
         "than 100%")
    ]


def test_money_in_two_currencies_is_not_added():
    """Parts in another currency are undetermined without a declared rate."""
    assert findings("The budget is €5 million ($3 million and €2 million).") == [
        (1, "undetermined", "units",
         "cannot add $3 million (line 1) to the other parts of €5 million (line 1): money in "
         "USD and EUR is not added without a declared rate (add a [[rates]] table to the "
         "rules file)")
    ]


def test_conversion_is_checked_at_its_significant_figures():
    """110,000 sq km (42,500 sq mi) agrees; (52,500 sq mi) does not."""
    assert findings("It covers 110,000 sq km (42,500 sq mi).")[0][:3] == (1, "consistent", "units")
    assert findings("It covers 110,000 sq km (52,500 sq mi).")[0][:3] == (
        1, "inconsistent", "units")


def test_rounded_parts_of_a_rounded_total():
    """Rounded parts that round-add to the total are consistent."""
    text = ("108.4 million people were displaced. This includes:\n• 35.3 million refugees\n"
            "• 62.5 million internally displaced people\n• 5.4 million asylum-seekers\n"
            "• 5.2 million others\n")
    assert findings(text) == [
        (1, "consistent", "part-of", "35.3 + 62.5 + 5.4 + 5.2 million = 108.4 million, as stated")
    ]


def test_loose_list_after_includes_is_not_a_contradiction():
    """Parts after 'include' that add to less than the total are consistent."""
    text = ("The UNDP has completed over 3,100 projects. These include: 904 education "
            "projects, 37 road projects, 321 health projects and 58 housing projects.")
    assert findings(text) == [
        (1, "consistent", "part-of", "904 + 37 + 321 + 58 = 1,320, not more than over 3,100 "
         "(line 1); the list need not be complete")
    ]


def test_generic_nouns_do_not_make_restatements():
    """'people' liberated and 'people' fed elsewhere are not held to agree."""
    text = ("The Coalition helped liberate nearly 8 million people.\n\n"
            "Aid agencies fed 5 million people in camps.\n")
    assert problems(text) == [
        (3, "undetermined", "restated",
         "line 3 says “5 million people”, but line 1 says “nearly 8 million people”; but "
         "“people” may not be the same thing in both places")
    ]
    # Four times as many in other words: two quantities, not one restated.
    assert problems(text.replace("5 million", "2 million")) == []


# --------------------------------------------------------------------------- the checks alone


def claim(text):
    """The first claim read from *text*."""
    return extract(text)[0]


def test_check_sum_undetermined_when_open_ended():
    """over 70 + 5 against 83: the words allow it but do not show it."""
    f = check_sum(claim("83 members"), [claim("more than 70 nations"), claim("5 bodies")])
    assert f.verdict is Verdict.UNDETERMINED


def test_check_sum_consistent_when_implied():
    """60 + 35 = 95 lies within 'nearly 100': consistent."""
    f = check_sum(claim("nearly 100 members"), [claim("60 nations"), claim("35 bodies")])
    assert (f.verdict, f.message) == (
        Verdict.CONSISTENT, "60 + 35 = 95, which nearly 100 allows (90 to 100)")


def test_check_equal_more_precise_statement_implies_the_other():
    """'4.3 million' and 'some 4.5 million' agree: the first lies within the second."""
    f = check_equal(claim("some 4.5 million people"), claim("4.3 million people"))
    assert f.verdict is Verdict.CONSISTENT


def test_check_equal_contradicting_qualifiers():
    """'over 9,000' and 'nearly 9,000' cannot both be true."""
    f = check_equal(claim("over 9,000 troops"), claim("nearly 9,000 troops"))
    assert f.verdict is Verdict.INCONSISTENT


def test_check_share_with_a_number():
    """A declared fraction is compared with part / whole."""
    f = check_share(F(94, 100), claim("78 nations"), claim("83 members"))
    assert (f.verdict, f.message) == (
        Verdict.INCONSISTENT, "78 / 83 = 93.976%, but the rule says 94.00%")


def test_check_shares_within_the_whole():
    """30% + 62% is at most 100%."""
    f = check_shares([claim("30% women"), claim("62% men")])
    assert (f.verdict, f.message) == (Verdict.CONSISTENT, "30% + 62% = 92%: not more than the whole")


@pytest.mark.parametrize(
    "op, than, verdict",
    [("<=", F(100), "consistent"), ("<", F(83), "inconsistent"), (">=", F(83), "consistent"),
     (">", F(90), "inconsistent")],
)
def test_check_bound(op, than, verdict):
    """Bounds against a number: 83 <= 100 holds, 83 < 83 does not."""
    assert check_bound(claim("83 members"), op, than).verdict.value == verdict


def test_check_bound_open_ended():
    """'over 40,000' <= 50,000 holds at face value; >= 50,000 the words allow, not show."""
    assert check_bound(claim("more than 40,000 FTFs"), "<=", F(50000)).verdict is (
        Verdict.CONSISTENT)
    assert check_bound(claim("more than 40,000 FTFs"), ">=", F(50000)).verdict is (
        Verdict.UNDETERMINED)


def test_same_noun_in_other_contexts_is_not_a_contradiction():
    """'displaced people' who returned and those in camps are not held to agree."""
    text = ("More than 4.3 million displaced people have returned to their homes.\n\n"
            "Some 3.2 million displaced people still live in camps.\n")
    assert [f[1] for f in problems(text)] == ["undetermined"]
    assert problems(text.replace("3.2 million", "1.2 million")) == []


def test_shares_of_two_named_wholes_are_not_added():
    """'94% of malaria cases and 95% of malaria deaths' are shares of two wholes: no finding."""
    text = "In 2022, the Region was home to 94% of malaria cases and 95% of malaria deaths."
    assert [] == list(check(extract(text)).findings)



def test_parts_inside_a_bullet_do_not_run_into_the_next_bullets() -> None:
    """'including 703 million' inside a bullet is one part; the next bullets are siblings."""
    text = (
        "- In 2022, 2.2 billion people lacked safe water, including 703 million without basic "
        "service.\n- 3.5 billion people lacked safely managed sanitation.\n"
        "- Some 1,000 children die every day.\n"
    )
    report = check(extract(text))
    assert [("part-of", Verdict.CONSISTENT, 1)] == [
        (f.rule, f.verdict, len(f.claims) - 1) for f in report.findings if f.rule == "part-of"
    ]


# --------------------------------------------------------------------------- reviewed false alarms


@pytest.mark.parametrize(
    "text",
    [
        # two different percentages of one group: what is said of them differs
        "Around 60% of refugees in Chad are children.\n\n"
        "Some 85% of refugees in Chad are women and children.\n",
        "In 2023, 11 Allies are expected to meet the 2% guideline.\n\n"
        "In 2023, 19 Allies are expected to meet the equipment guideline.\n",
        "The UK unemployment rate increased by 0.4 percentage points on the quarter, to 4.2%.\n\n"
        "Compared with a year earlier, the UK unemployment rate increased by 0.9 percentage "
        "points.\n",
        "52 per cent of all refugees came from just three countries.\n\n"
        "70 per cent of refugees live in neighbouring countries.\n",
        # the same words under two headings: a heading may name the place
        "## Iraq\n\n4.3 million displaced people have returned home.\n\n"
        "## Syria\n\n3.2 million displaced people have returned home.\n",
    ],
)
def test_same_counted_noun_with_other_words_is_not_a_contradiction(text):
    """A1: a disagreement is inconsistent only when the words said of both figures agree."""
    assert [(f[1], f[2]) for f in problems(text)] == [("undetermined", "restated")]


@pytest.mark.parametrize(
    "text",
    [
        "Around 60% of refugees in Chad are children.\n\n"
        "Around 85% of refugees in Chad are children.\n",
        "In 2023, 11 Allies are expected to meet the 2% guideline.\n\n"
        "In 2023, 24 Allies are expected to meet the 2% guideline.\n",
        "The UK unemployment rate increased by 0.4 percentage points on the quarter.\n\n"
        "The UK unemployment rate increased by 0.9 percentage points on the quarter.\n",
    ],
)
def test_same_words_with_another_value_are_still_a_contradiction(text):
    """A1: the same figure restated with another value in the same words is inconsistent."""
    assert [(f[1], f[2]) for f in problems(text)] == [("inconsistent", "restated")]


def test_shares_that_may_overlap_are_undetermined():
    """A3: percentages with their own predicates may add up to more than 100%."""
    assert findings("Among IDPs, 80% lack documents, 65% lack shelter and 45% lack income.") == [
        (1, "undetermined", "shares", "80% + 65% + 45% = 190%: more than 100%, but the words "
         "do not show that the shares exclude each other (one may be counted in several)")
    ]
    f = check_shares([claim("80% lack documents"), claim("65% lack shelter")], exclusive=False)
    assert f.verdict is Verdict.UNDETERMINED
    f = check_shares([claim("30% lack documents"), claim("62% lack shelter")], exclusive=False)
    assert f.verdict is Verdict.CONSISTENT


def test_no_scale_hint_against_an_open_ended_figure():
    """'at least 108.4 million' meets any figure a thousandfold larger: no scale-word hint."""
    f = check_equal(claim("At least 108.4 million people"), claim("5.2 million people"))
    assert f.verdict is Verdict.INCONSISTENT and "scale word" not in f.message
    f = check_equal(claim("2.7 million women"), claim("2.7 billion women"))
    assert f.message.endswith("; a scale word may be wrong")


# --------------------------------------------------------------------------- review 2: restated noise


def restated_findings(text):
    return [(f[1], f[3]) for f in findings(text) if f[2] == "restated"]


@pytest.mark.parametrize(
    "text",
    [
        # a list of health effects: two counts of "cases", 190 times apart
        "Benefits in 2030:\n– 1,900 cases of asthma onset\n\n"
        "Avoided every year: 360,000 cases of asthma symptoms.\n",
        # an open-ended figure four times the other
        "Attacks killed 412+ children in the region.\n\n"
        "Soldiers killed 97 children in one village.\n",
        "At least 108.4 million people have been forced to flee.\n\n"
        "5.2 million other people need international protection.\n",
    ],
)
def test_figures_far_apart_in_other_words_are_no_restatement(text):
    """Review 2, item 4: values more than twice apart, in other words: nothing to report."""
    assert restated_findings(text) == []


def test_far_apart_in_the_same_words_is_still_inconsistent():
    """The same words with a value far off are a contradiction, however far."""
    text = ("The Global Coalition now stands at 83 members.\n\n"
            "The Global Coalition now stands at 830 members.\n")
    assert [v for v, _ in restated_findings(text)] == ["inconsistent"]


def test_a_thousandfold_apart_in_other_words_is_still_pointed_out():
    """A scale slip may explain figures a thousandfold apart: still undetermined, with the hint."""
    text = ("An additional two million workers are expected to be looking for jobs.\n\n"
            "Informal employment accounts for about 2 billion workers.\n")
    ((verdict, message),) = restated_findings(text)
    assert verdict == "undetermined" and "a scale word may be wrong" in message


def test_shares_of_one_whole_said_of_other_things_do_not_agree():
    """Review 2, item 5: 'about 53% of IDPs were female' and '55% of IDPs came from Khartoum'
    are two shares of one whole: no 'consistent' restatement."""
    text = ("• 55 per cent of IDPs originated from Khartoum state.\n"
            "• Approximately 53 per cent of IDPs were female.\n")
    assert restated_findings(text) == []


def test_generic_nouns_never_make_one_figure():
    """Review 2, item 5: percentages, amounts and bare figures whose words name nothing."""
    text = ("The deposit facility rate rises to 4.00%.\n\n"
            "The marginal lending facility rate rises to about 4%.\n\n"
            "The main refinancing rate rises to 4.50%.\n\n"
            "Funding rose to $1.2 billion.\n\nFunding stands at $1.2 billion.\n")
    assert restated_findings(text) == []


def test_the_same_number_in_other_words_still_agrees():
    """Figures that state the same number are still a consistent restatement."""
    text = ("Displaced people: nearly 35.3 million refugees live abroad.\n\n"
            "• 35.3 million refugees¹\n")
    assert [v for v, _ in restated_findings(text)] == ["consistent"]


def test_a_breakdown_of_a_change_is_checked_against_the_change():
    """Review 2, item 2: the parts of an increase add up to the increase, not the new level."""
    text = ("The number of IDPs increased by 52,437 to 6,564,188 (48,000 in Darfur and 4,437 "
            "in Al Jazirah).")
    assert [(f[1], f[2]) for f in findings(text)] == [("consistent", "sum")]
    assert [(f[1], f[2]) for f in findings(text.replace("4,437", "14,437"))] == [
        ("inconsistent", "sum")]
    assert findings("Funding rose from $1.2 billion to $1.5 billion ($200 million from the EU "
                    "and $100 million from Japan).") == []


@pytest.mark.parametrize(
    "text",
    [
        "The region hosts 4.2 million people, of whom 3.4 million depend on aid and 2 million "
        "live in camps.",
        "The 2,350 patients treated included 1,900 with gunshot wounds and 1,200 who needed "
        "surgery.",
    ],
)
def test_overlapping_groups_are_not_added_up(text: str) -> None:
    """Review 3, item 2: groups with predicates of their own may overlap: each must not
    exceed the total, but their sum may."""
    findings = [f for f in check(extract(text)).findings if f.rule == "part-of"]
    assert [(f.verdict, len(f.claims)) for f in findings] == [(Verdict.CONSISTENT, 3)]
    assert "may overlap" in findings[0].message


def test_an_overlapping_group_larger_than_its_total_is_still_inconsistent() -> None:
    """Review 3, item 2: one group alone above the total is still an inconsistency."""
    text = ("The 2,350 patients treated included 2,900 with gunshot wounds and 1,200 who "
            "needed surgery.")
    findings = [f for f in check(extract(text)).findings if f.rule == "part-of"]
    assert [f.verdict for f in findings] == [Verdict.INCONSISTENT]
    assert "2,900" in findings[0].message
    # separate places still add up
    text = ("The region hosts 4.2 million people, including 3.4 million in Idlib and 2 million "
            "in Aleppo.")
    assert [f.verdict for f in check(extract(text)).findings] == [Verdict.INCONSISTENT]
