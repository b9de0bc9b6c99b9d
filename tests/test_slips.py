"""Catching the slips editors make: each kind through the ``check`` command, and the slip model.

The texts are written for these tests in the shapes publishers use; the corpus tests
(tests/test_corpus.py) and bench/bench_mutation.py measure the same on real factsheets.
"""

from __future__ import annotations

import json
import os
from fractions import Fraction
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import slips
from factcheck.checking import Verdict, check
from factcheck.cli import main
from factcheck.extraction import extract
from gitrepo import git


def run_check(tmp_path: Path, text: str, *args: str) -> tuple[int, list[dict[str, object]]]:
    """``factcheck check --format json`` on *text*: (exit status, findings not consistent)."""
    path = tmp_path / "sheet.txt"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--format", "json", *args, str(path)])
    findings = json.loads(result.stdout)["findings"]
    return result.exit_code, [f for f in findings if f["verdict"] != "consistent"]


BREAKDOWN = """# Displacement

The crisis has displaced 8.7 million people. This includes:
• 2.1 million refugees
• 4.2 million internally displaced people
• 1.9 million returnees
"""


def test_a_list_after_includes_short_by_one_slip_is_inconsistent(tmp_path):
    """Kind 1: the list covers nine tenths of its total and one slip makes it add up."""
    code, found = run_check(tmp_path, BREAKDOWN)
    assert code == 1
    (f,) = found
    assert (f["rule"], f["verdict"], f["line"]) == ("part-of", "inconsistent", 3)
    assert f["message"] == (
        "2.1 + 4.2 + 1.9 million = 8.2 million, 0.5 million short of what line 3 says “8.7 "
        "million people”: the list reads as the whole breakdown; one figure may be mistyped: "
        "with 2.6 million for 2.1 million (line 4), 4.7 million for 4.2 million (line 5) or "
        "8.2 million for 8.7 million (line 3) it adds up")


def test_a_partial_list_after_includes_stays_consistent(tmp_path):
    """Kind 1's limit: a list that covers half its total is a partial list, not a slip."""
    text = BREAKDOWN.replace("4.2 million internally", "0.2 million internally")
    assert run_check(tmp_path, text) == (0, [])
    # Words that say the list is partial keep it so, whatever it covers.
    text = BREAKDOWN.replace("This includes:", "This includes, among others:")
    assert run_check(tmp_path, text) == (0, [])


def test_the_previous_version_names_the_figure_that_changed(tmp_path):
    """Kind 1 with history: the breakdown added up at the last commit; check --rev says which
    line broke it, even when the list no longer covers nine tenths of its total."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    sheet = repo / "sheet.txt"
    sheet.write_text(BREAKDOWN.replace("4.2 million", "4.7 million"), encoding="utf-8")
    git(repo, "add", "sheet.txt")
    git(repo, "commit", "-q", "-m", "June")
    sheet.write_text(BREAKDOWN.replace("4.2 million", "1.2 million"), encoding="utf-8")
    cwd = os.getcwd()
    os.chdir(repo)
    try:
        result = CliRunner().invoke(main, ["check", "--rev", "HEAD", "--format", "json"])
    finally:
        os.chdir(cwd)
    assert result.exit_code == 1, result.output
    found = [f for f in json.loads(result.stdout)["findings"] if f["verdict"] == "inconsistent"]
    assert [(f["rule"], f["line"]) for f in found] == [("cross-version", 5)]
    assert "added up in" in found[0]["message"]
    assert found[0]["message"].endswith(
        "now 3.5 million short: line 5 changed 4.7 million → 1.2 million")


def test_a_list_closed_by_its_total_after_a_colon(tmp_path):
    """Kind 2: '..., 14 water projects: 260 projects in all' is a sum; a slip in it is caught."""
    text = ("The programme funded 120 education projects, 126 health projects and 14 water "
            "projects: 260 projects in all.\n")
    assert run_check(tmp_path, text) == (0, [])
    code, found = run_check(tmp_path, text.replace("126 health", "162 health"))
    assert code == 1
    (f,) = found
    assert (f["rule"], f["line"]) == ("sum", 1)
    assert f["message"].startswith("120 + 162 + 14 = 296, but line 1 says “260 projects")
    assert "162 for" not in f["message"] or "126 for 162" in f["message"]


def test_one_body_named_in_other_words(tmp_path):
    """Kind 3: 'stands at 32 members' and 'All 33 members of the Alliance' are one figure."""
    filler = "".join(f"Paragraph {i} says nothing of sizes.\n\n" for i in range(50))
    text = (f"The Alliance now stands at 32 members.\n\n{filler}"
            "All 33 members of the Alliance share information.\n")
    code, found = run_check(tmp_path, text)
    assert code == 1
    (f,) = found
    assert (f["rule"], f["verdict"], f["line"]) == ("restated", "inconsistent", 103)
    assert f["message"] == "line 103 says “33 members”, but line 1 says “32 members”"
    # Two bodies are two sizes; some members of a body are not its size.
    assert run_check(tmp_path, "The Alliance now stands at 32 members.\n\n"
                     "The Union has 27 members.\n") == (0, [])
    assert run_check(tmp_path, "The Alliance now stands at 32 members.\n\n"
                     "12 members of the Alliance voted against.\n")[0] == 0


TRANSPOSED = """# Child labour

More than 152 million children work worldwide, according to the latest estimates.

Progress has slowed since 2016.

125 Million

In 2020, more than 125 million children were working, 62% of them boys.
"""


def test_transposed_digits_read_as_publishers_mean_them(tmp_path):
    """Kind 4: 'more than 152 million' and 'more than 125 million' cannot both hold as
    publishers mean them; the headline backs 125, so the finding points at line 3."""
    code, found = run_check(tmp_path, TRANSPOSED)
    assert code == 1
    (f,) = found
    assert (f["rule"], f["verdict"], f["line"]) == ("restated", "inconsistent", 3)
    assert "read as publishers mean them" in f["message"]
    assert f["message"].endswith("two digits swapped: 152 million and 125 million")
    # Written the same way everywhere, nothing is wrong.
    assert run_check(tmp_path, TRANSPOSED.replace("152", "125")) == (0, [])


def test_a_headline_alone_on_its_line_restates_the_figure_below():
    """A headline figure is compared with the figure it headlines."""
    report = check(extract("125 Million\n\nIn 2020, 152 million children were working.\n"))
    assert [(f.rule, f.verdict.value) for f in report.findings] == [("restated", "inconsistent")]
    report = check(extract("125 Million\n\nIn 2020, 125 million children were working.\n"))
    assert [(f.rule, f.verdict.value) for f in report.findings] == [("restated", "consistent")]


def test_different_quantities_of_one_noun_one_slip_apart_are_not_restatements(tmp_path):
    """Slip distance is evidence only with the same words: 'in need' and 'targeted' differ."""
    text = ("4.3 million people are in need of assistance.\n\n"
            "Partners have targeted 4.8 million people.\n")
    assert run_check(tmp_path, text)[0] == 0


# --------------------------------------------------------------------------- the slip model


def claim(text: str):
    (c,) = extract(text).claims
    return c


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        ("125 million people", "152 million people", "swap"),
        ("4.7 million people", "4.2 million people", "digit"),
        ("1,900 cases", "190 cases", "dropped"),
        ("1,900 cases", "19,900 cases", "doubled"),
        ("2.7 million people", "2.7 billion people", "scale"),
        ("125 million people", "521 million people", None),
        ("125 people", "125 km", None),
    ],
)
def test_slip_between(a, b, kind):
    """Two written figures one slip apart, and which slip."""
    assert slips.slip_between(claim(a), claim(b)) == kind


def test_explain_sum_names_the_figure():
    """Only 4,798 for 4,978 (two digits swapped) makes this breakdown add up."""
    total = claim("8,713 people")
    parts = [claim("2,011 refugees"), claim("4,978 displaced"), claim("1,904 returnees")]
    found = slips.explain_sum(total, parts, [Fraction(1)] * 3)
    assert [(s.kind, s.claim.stated, s.intended) for s in found] == [("swap", "4,978", "4,798")]


def test_explain_sum_finds_a_dropped_digit_in_the_total():
    """'22' where '202' was meant: a dropped digit, found in the total."""
    found = slips.explain_sum(claim("22 people"), [claim("101 nurses"), claim("101 doctors")],
                              [Fraction(1)] * 2)
    assert [(s.kind, s.intended) for s in found] == [("dropped", "202")]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.integers(101, 99_999), min_size=2, max_size=4), st.data())
def test_one_slip_in_an_exhaustive_breakdown_is_caught(parts, data):
    """A consistent breakdown in brackets, rendered as text, with one random slip applied to
    one figure, is inconsistent; without the slip it never is."""
    total = sum(parts)
    nouns = ["nurses", "doctors", "midwives", "pharmacists"][: len(parts)]
    figures = [f"{v:,}" for v in (total, *parts)]

    def text(figs: list[str]) -> str:
        listed = ", ".join(f"{f} {n}" for f, n in zip(figs[1:-1], nouns)) + \
            f" and {figs[-1]} {nouns[len(parts) - 1]}"
        return f"The service employs {figs[0]} health workers ({listed}).\n"

    assert check(extract(text(figures))).count(Verdict.INCONSISTENT) == 0
    k = data.draw(st.integers(0, len(figures) - 1))
    target = claim(f"{figures[k]} people")
    variants = [s for s in slips.variants(target) if s.kind != "scale"]
    slip = data.draw(st.sampled_from(variants))
    mutated = list(figures)
    mutated[k] = slip.intended.replace(" people", "")
    report = check(extract(text(mutated)))
    assert report.count(Verdict.INCONSISTENT) == 1, (text(mutated), report.findings)


@settings(max_examples=60, deadline=None)
@given(st.integers(101, 9_999_999), st.data())
def test_one_slip_in_a_restated_figure_is_caught(value, data):
    """A figure stated twice in the same words, one of them slipped, is inconsistent (when
    both write three or more significant digits); without the slip it never is."""
    written = f"{value:,}"
    text = ("# Reach\n\n{a} households received cash assistance this year.\n\n"
            "Partners also repaired 40 schools.\n\n"
            "In all, {b} households received cash assistance this year.\n")
    assert check(extract(text.format(a=written, b=written))).count(Verdict.INCONSISTENT) == 0
    variants = [s for s in slips.variants(claim(f"{written} households"))
                if s.kind != "scale" and s.value >= 100]
    slip = data.draw(st.sampled_from(variants))
    mutated = slip.intended.replace(" households", "")
    if slips.significant_digits(claim(f"{mutated} households")) < 2 or \
            slips.significant_digits(claim(f"{written} households")) < 2:
        return
    report = check(extract(text.format(a=written, b=mutated)))
    assert report.count(Verdict.INCONSISTENT) == 1, text.format(a=written, b=mutated)


def test_a_list_indented_under_a_figure_is_its_parts(tmp_path):
    """Layout: bullets indented under a figure alone on its line are parts of it."""
    text = ("43.4 million refugees\n  • 31.6 million refugees under UNHCR's mandate\n\n"
            "  • 5.8 million other people in need of international protection\n\n"
            "  • 6 million Palestine refugees under UNRWA's mandate\n\n"
            "68.3 million internally displaced people\n")
    assert run_check(tmp_path, text) == (0, [])
    code, found = run_check(tmp_path, text.replace("43.4 million refugees", "42.4 million refugees"))
    assert code == 1 and [(f["rule"], f["line"]) for f in found] == [("part-of", 1)]
    # Not indented: a list of siblings, not parts.
    assert run_check(tmp_path, text.replace("  • ", "• ").replace(
        "43.4 million refugees", "42.4 million refugees"))[0] == 0


def test_text_run_together_is_read_and_checked(tmp_path):
    """Kind 5: 'refugees2.4 million' (copied from a page) is a figure and a part of the list."""
    text = ("The crisis has displaced 6.1 million people. This includes 3 million "
            "refugees2.4 million internally displaced people, and 2.4 million returnees.\n")
    code, found = run_check(tmp_path, text)
    assert code == 1
    (f,) = found
    assert (f["rule"], f["verdict"], f["line"]) == ("part-of", "inconsistent", 1)
    assert f["message"].startswith(
        "3 + 2.4 + 2.4 million = 7.8 million exceeds the total it is part of")
    assert "with 0.7 million for 2.4 million (line 1) it adds up: a figure copied from its " \
        "neighbour" in f["message"]
